"""Search: the revisions and countries a query names, then the clauses whose text matches
it word for word, grouped by family, a page at a time (the rules are in timeline.search)."""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, When
from django.urls import reverse

from timeline import search as rules
from timeline.diff.clean import composed
from timeline.models import (
    Clause,
    Country,
    Proposer,
    Resolution,
    Revision,
    Sponsorship,
)
from timeline.views import common

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
# Up to this many families the form offers them all in a menu; beyond it (the whole UN
# corpus has 1,500) the menu would outweigh the results, and a family is chosen from its
# results ("only in this family") instead.
FAMILY_MENU_LIMIT = 30


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Words to find",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": "The search is too long: at most %(limit_value)d characters, "
            "and it has %(show_value)d.",
            "null_characters_not_allowed": "The search contains a null character (%%00), "
            "which no clause text has.",
        },
    )
    family = forms.ChoiceField(
        label="Draft family",
        required=False,
        error_messages={"invalid_choice": "There is no draft family “%(value)s”."},
    )
    country = forms.ChoiceField(
        label="Proposed or sponsored by",
        required=False,
        error_messages={"invalid_choice": "There is no country “%(value)s” in the collection."},
    )

    def __init__(self, data, *, families: list[Resolution], countries: list[Country]):
        super().__init__(data)
        self.fields["family"].choices = [("", "All families")] + [
            (f.slug, f.title) for f in families
        ]
        self.fields["country"].choices = [("", "Any country")] + [
            (c.code.lower(), c.name) for c in countries
        ]

    def clean_q(self) -> str:
        # Letters composed as clause texts are (`timeline.diff.clean.composed`): "é" typed
        # as "e" and a combining acute finds the "é" of a clause.
        return composed(self.cleaned_data["q"])

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


@dataclass(frozen=True)
class Hit:
    """One matching clause, with the excerpt to show."""

    clause: Clause
    excerpt: rules.Excerpt
    permalink: str


@dataclass(frozen=True)
class FamilyHits:
    """The hits of one family on a page, in rank order; families in the order of their
    best hit."""

    family: Resolution
    hits: list[Hit]


def search(request):
    """The search form and, for a query, the revisions and countries it names, then the
    matching clauses best first, grouped by family, a page at a time; a spelling suggestion
    when no clause matches."""
    data = request.GET.copy()
    # Addresses shared by hand may carry the country code in upper case.
    data["country"] = data.get("country", "").lower()
    # One query whatever the collection's size: the chosen family first, then the others
    # in order, one more than the menu holds (which says whether they all fit).
    families = list(
        Resolution.objects.only("slug", "title", "position")
        .annotate(chosen=Case(When(slug=data.get("family", ""), then=0), default=1))
        .order_by("chosen", "position", "slug")[: FAMILY_MENU_LIMIT + 1]
    )
    family_menu = len(families) <= FAMILY_MENU_LIMIT
    if family_menu:
        families.sort(key=lambda f: (f.position, f.slug))
    else:
        families = [f for f in families[:1] if f.chosen == 0]
    form = SearchForm(
        data,
        families=families,
        countries=list(Country.objects.only("code", "name")),
    )
    if not form.is_valid():
        return common.bad_request(request, _first_error(form))
    query, family, country = (form.cleaned_data[f] for f in ("q", "family", "country"))
    context = {
        "form": form,
        "q": query,
        "filtered": bool(family or country),
        "family_menu": family_menu,
        "full_text": connection.vendor == "postgresql",
        "page_obj": None,
        "groups": [],
        "revisions": [],
        "countries": [],
        "suggestion": None,
    }
    if query:
        page_obj = Paginator(
            rules.by_page(_matches(query, family, country)), RESULTS_PER_PAGE
        ).get_page(request.GET.get("page"))
        context["page_obj"] = page_obj
        found = list(page_obj.object_list)
        marked = rules.headlines(Clause.objects.all(), [c.pk for c in found], query)
        context["groups"] = _by_family(_hit(c, marked.get(c.pk), query) for c in found)
        if page_obj.number == 1:
            context["revisions"] = list(rules.revisions_named(Revision.objects.published(), query))
            context["countries"] = list(rules.countries_named(Country.objects.all(), query))
        if not page_obj.paginator.count:
            context["suggestion"] = rules.suggestion(query)
    return common.page(request, "timeline/search.html", context, fragment="results")


def _first_error(form: forms.Form) -> str:
    return next(iter(form.errors.values()))[0]


def _matches(query: str, family: str, country: str):
    clauses = Clause.objects.filter(revision__published=True)
    if family:
        clauses = clauses.filter(revision__resolution__slug=family)
    if country:
        # Exists rather than joins: a clause proposed by the country in a revision it also
        # sponsored must be found once.
        clauses = clauses.filter(
            Q(Exists(Proposer.objects.filter(clause=OuterRef("pk"), country=country)))
            | Q(Exists(Sponsorship.objects.filter(revision=OuterRef("revision"), country=country)))
        )
    return (
        clauses.select_related("revision__resolution")
        .prefetch_related(Prefetch("proposers", Proposer.objects.select_related("country")))
        .search(query)
    )


def _hit(clause: Clause, headline: str | None, query: str) -> Hit:
    return Hit(
        clause=clause,
        excerpt=rules.excerpt(clause.text, headline, query),
        permalink=_permalink(clause),
    )


def _by_family(hits) -> list[FamilyHits]:
    groups: dict[int, FamilyHits] = {}
    for hit in hits:
        family = hit.clause.revision.resolution
        groups.setdefault(family.pk, FamilyHits(family, [])).hits.append(hit)
    return list(groups.values())


def _permalink(clause: Clause) -> str:
    """The clause's permalink through every revision of its family."""
    return reverse("clause", args=[clause.revision.resolution.slug, clause.key])
