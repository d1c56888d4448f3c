"""What every reader view shares: full page or htmx fragment, and refusals."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def page(request: HttpRequest, template: str, context: dict, *, fragment: str) -> HttpResponse:
    """The whole page, or only its `fragment` partial for an htmx request.

    A request that htmx makes to restore history after a cache miss asks for the whole
    page, because the whole page is what it swaps in. The part alone is rendered with
    `swapped_in` true.
    """
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        template = f"{template}#{fragment}"
        # What only a part swapped in carries (the timeline's copy of its filter form).
        context = {**context, "swapped_in": True}
    return TemplateResponse(request, template, context)


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """A 400 page that says what was wrong with the address."""
    return TemplateResponse(request, "400.html", {"message": message}, status=400)
