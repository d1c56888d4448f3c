"""Tags for sharing a page: its absolute and canonical addresses, and the capture that lets
base.html build every page's preview card from the page's own title and description."""

from urllib.parse import urlencode

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# The query parameters that make a page show something else, by URL name. Every other one
# (utm_source, fbclid, a misspelt option) is left out of the page's canonical address.
# Pages whose state is in their path, or that compute their own canonical address
# (revision, compare), are not listed.
PAGE_PARAMETERS = {
    "home": ("country", "role", "family", "from", "to"),
    "search": ("q", "family", "country", "page"),
}


@register.simple_tag(takes_context=True)
def absolute_uri(context, path: str) -> str:
    """The absolute address of `path` on this site, as the request reached it."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The absolute address of this page without the query parameters it ignores."""
    request = context["request"]
    match = request.resolver_match
    names = PAGE_PARAMETERS.get(match.url_name if match else "", ())
    query = [(name, request.GET[name]) for name in names if request.GET.get(name)]
    path = f"{request.path}?{urlencode(query)}" if query else request.path
    return request.build_absolute_uri(path)


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        # What the nodes rendered is escaped already: it stays safe once stripped.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token) -> CaptureNode:
    """`{% capture name %}…{% endcapture %}`: render the contents once, into the variable
    `name`, so one rendering (a block a child template overrides, say) can be used twice,
    as the <title> and as og:title."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% capture %} takes one variable name.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
