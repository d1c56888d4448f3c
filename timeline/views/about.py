"""The pages that explain Redline: what it is and where its data comes from, the glossary of
the words its pages use, and its data in machine-readable forms."""

from django.template.response import TemplateResponse

from timeline.glossary import TERMS
from timeline.models import Country, Revision, TextStatus


def about(request):
    """What Redline is, how its data is compiled, what each marker means, its sources and
    licence, how to cite it and where corrections go. The collection's dates come from the
    context processor every page has."""
    return TemplateResponse(request, "timeline/about.html", {})


def glossary(request):
    """The words readers meet, each with an anchor that `{% term %}` links to."""
    return TemplateResponse(request, "timeline/glossary.html", {"terms": TERMS})


def data(request):
    """The data in machine-readable forms: each format, what it holds and where, the licence
    and the acknowledgement of the United Nations, and requests to copy, made with a real
    revision, family and country of the collection."""
    example = (
        Revision.objects.published()
        .exclude(symbol=None)
        .filter(text_status=TextStatus.COMPLETE)
        .select_related("resolution")
        .order_by("-date", "-pk")
        .first()
    )
    country = Country.objects.filter(sponsorships__revision__published=True).first()
    return TemplateResponse(
        request,
        "timeline/data.html",
        {
            "example": example,
            "example_country": country,
            "site": request.build_absolute_uri("/").rstrip("/"),
        },
    )
