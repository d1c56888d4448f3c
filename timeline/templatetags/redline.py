"""Template filters for showing the data honestly."""

from django import template
from django.utils.formats import date_format

from timeline.models import DatePrecision

register = template.Library()


@register.filter
def honest_date(obj) -> str:
    """A date as precisely as it is known: "1 Feb 2012", "c. 16 Jan 2012", "Nov 2011"."""
    if obj.date_precision == DatePrecision.MONTH:
        return date_format(obj.date, "F Y")
    day = date_format(obj.date, "j M Y")
    return f"c. {day}" if obj.date_precision == DatePrecision.APPROXIMATE else day


@register.filter
def get_count(counts: dict, kind: str) -> int:
    """A summary's count of one kind whose name has spaces ("typography only")."""
    return counts.get(kind, 0)


@register.filter
def section_summary(section, what: str) -> str:
    """Which part of a paged list is shown: "21–40 of 61 votes:" (`timeline.paging`)."""
    return section.summary(what)
