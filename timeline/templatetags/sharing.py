"""Tags for sharing a page: its absolute address, for canonical links and preview cards."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_uri(context, path: str) -> str:
    """The absolute address of `path` on this site, as the request reached it."""
    return context["request"].build_absolute_uri(path)
