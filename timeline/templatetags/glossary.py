"""Words that explain: a use of a glossary term linked to its definition, and the citation
of a page in plain text and BibTeX."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from timeline.glossary import Term, term_for

register = template.Library()

SITE_NAME = "Redline: UN Security Council drafts, clause by clause"


class TermNode(template.Node):
    def __init__(self, slug: template.base.FilterExpression, nodelist: template.NodeList):
        self.slug = slug
        self.nodelist = nodelist

    def render(self, context) -> str:
        words = self.nodelist.render(context)
        found = term_for(self.slug.resolve(context, ignore_failures=True) or "")
        return words if found is None else term_link(found, words)


def term_link(found: Term, words: str) -> str:
    """The words, linked to their definition on the glossary page: the link is how a
    keyboard or screen-reader user reaches the definition. Its name is the words alone, so
    the text reads (and is found, and copied) as it is; an abbreviation also carries its
    expansion for those who hover."""
    href = f"{reverse('glossary')}#{found.slug}"
    if found.abbreviation:
        words = format_html('<abbr title="{}">{}</abbr>', found.abbreviation, words)
    else:
        words = format_html("{}", words)
    return format_html('<a class="term" href="{}">{}</a>', href, words)


@register.tag
def term(parser, token) -> TermNode:
    """`{% term "in-blue" %}in blue{% endterm %}`: the enclosed words, linked to the
    glossary's definition of the term. The slug may be a term's slug or one of its aliases
    (a revision's `status`, a text status), given literally or as a variable; a literal the
    glossary does not know is an error when the template is compiled, a variable that
    names no term leaves the words unlinked."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: a glossary slug")
    slug = parser.compile_filter(bits[1])
    literal = bits[1][0] in "\"'" and bits[1][-1] == bits[1][0]
    if literal and term_for(bits[1][1:-1]) is None:
        raise template.TemplateSyntaxError(f"the glossary has no term {bits[1]}")
    nodelist = parser.parse(("endterm",))
    parser.delete_first_token()
    return TermNode(slug, nodelist)


@dataclass(frozen=True)
class Citation:
    """How to cite one page: `text` in plain words and `bibtex` as a `@misc` entry. Both
    are plain text: the template escapes them for HTML."""

    text: str
    bibtex: str
    url: str
    accessed: datetime.date


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))


def _latex(text: str) -> str:
    return _LATEX_SPECIAL.sub(lambda m: _LATEX_SPECIALS[m.group()], text)


def _latex_url(url: str) -> str:
    """A URL for `\\url{}`: braces and backslashes cannot occur in one unencoded, and `%`
    and `#` must be escaped inside a BibTeX field."""
    for char, code in (("\\", "%5C"), ("{", "%7B"), ("}", "%7D")):
        url = url.replace(char, code)
    return url.replace("%", r"\%").replace("#", r"\#")


def _shown_date(date: datetime.date | str | None) -> str:
    if isinstance(date, datetime.date):
        return date_format(date, "j F Y")
    return str(date or "")


def citation_of(
    *, title: str, url: str, date: datetime.date | str | None, accessed: datetime.date
) -> Citation:
    """The citation of the page at `url` (absolute) about a text of `date` (a date, or a
    date already written as precisely as it is known, such as "c. 16 Jan 2012")."""
    dated = _shown_date(date)
    seen = date_format(accessed, "j F Y")
    text = f"“{title}”{f' ({dated})' if dated else ''}. {SITE_NAME}. {url} (accessed {seen})."
    path = re.sub(r"[^A-Za-z0-9]+", "-", urlsplit(url).path).strip("-")
    key = f"redline-{path}" if path else "redline"
    note = f"{f'Dated {dated}. ' if dated else ''}Accessed {seen}"
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  title = {{{{{_latex(title)}}}}},",
            "  author = {{Redline}},",
            f"  howpublished = {{\\url{{{_latex_url(url)}}}}},",
            f"  note = {{{_latex(note)}}}",
            "}",
        ]
    )
    return Citation(text=text, bibtex=bibtex, url=url, accessed=accessed)


@register.simple_tag(takes_context=True)
def citation(context, title: str, url: str, date=None) -> Citation:
    """`{% citation title url date as cite %}`: the citation of a page, accessed today.
    `url` may be a path: it is made absolute on the address the request came to."""
    absolute = context["request"].build_absolute_uri(url)
    return citation_of(title=title, url=absolute, date=date, accessed=timezone.localdate())
