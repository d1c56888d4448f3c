"""The pages that explain Redline: what it is and where its data comes from, and the
glossary of the words its pages use."""

from django.template.response import TemplateResponse

from timeline.glossary import TERMS


def about(request):
    """What Redline is, how its data is compiled, what each marker means, its sources and
    licence, how to cite it and where corrections go. The collection's dates come from the
    context processor every page has."""
    return TemplateResponse(request, "timeline/about.html", {})


def glossary(request):
    """The words readers meet, each with an anchor that `{% term %}` links to."""
    return TemplateResponse(request, "timeline/glossary.html", {"terms": TERMS})
