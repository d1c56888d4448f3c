"""Search over clause texts: PostgreSQL's full-text search where it runs, a word match
elsewhere; results show each match in its clause, family and revision."""

import re
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse

from timeline.models import (
    SEARCH_EXCERPT_WORDS,
    SEARCH_MATCH_START,
    SEARCH_MATCH_STOP,
    Clause,
    Country,
    Proposer,
    Resolution,
    Sponsorship,
    search_words,
)
from timeline.views import common

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


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

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


@dataclass(frozen=True)
class Piece:
    text: str
    match: bool


@dataclass(frozen=True)
class Hit:
    """One matching clause, with the excerpt to show split into plain and matched pieces
    (the template escapes each and wraps matches in <mark>)."""

    clause: Clause
    pieces: list[Piece]
    cut_before: bool
    cut_after: bool
    permalink: str


def search(request):
    """The search form and, for a query, the matching clauses best first, a page at a
    time."""
    data = request.GET.copy()
    # Addresses shared by hand may carry the country code in upper case.
    data["country"] = data.get("country", "").lower()
    form = SearchForm(
        data,
        families=list(Resolution.objects.only("slug", "title")),
        countries=list(Country.objects.only("code", "name")),
    )
    if not form.is_valid():
        return common.bad_request(request, _first_error(form))
    query, family, country = (form.cleaned_data[f] for f in ("q", "family", "country"))
    context = {
        "form": form,
        "q": query,
        "filtered": bool(family or country),
        "full_text": connection.vendor == "postgresql",
        "page_obj": None,
        "hits": [],
    }
    if query:
        page_obj = Paginator(_matches(query, family, country), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["page_obj"] = page_obj
        context["hits"] = [_hit(clause, query) for clause in page_obj.object_list]
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
        clauses.search(query)
        .select_related("revision__resolution")
        .prefetch_related(Prefetch("proposers", Proposer.objects.select_related("country")))
    )


def _hit(clause: Clause, query: str) -> Hit:
    headline = getattr(clause, "headline", None)
    if headline is None:
        # The word match found the query's words anywhere, inside longer words too.
        pieces = _pieces(clause.text, search_words(query), whole_words=False)
    else:
        # PostgreSQL marked the words it matched in any form ("interventions" finds
        # "intervention"). Its headline drops what its parser takes for markup, so the
        # excerpt is cut from the stored text and only the marked words are taken from it.
        pieces = _pieces(clause.text, _marked_words(headline), whole_words=True)
    shown = "".join(p.text for p in pieces).strip()
    text = clause.text.strip()
    return Hit(
        clause=clause,
        pieces=pieces,
        cut_before=not text.startswith(shown[:40]),
        cut_after=not text.endswith(shown[-40:]),
        permalink=_permalink(clause),
    )


def _marked_words(headline: str) -> list[str]:
    """The distinct words between the match marks of a PostgreSQL headline."""
    marked = re.findall(f"{SEARCH_MATCH_START}(.*?){SEARCH_MATCH_STOP}", headline, re.S)
    return list(dict.fromkeys(w.strip() for w in marked if w.strip()))


def _pieces(text: str, words: list[str], *, whole_words: bool) -> list[Piece]:
    """The text (or, if long, an excerpt around the first match) with every occurrence of
    the words marked."""
    if not words:
        return [Piece(text, False)]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\b" if whole_words else alternatives, re.I)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    if len(starts) > SEARCH_EXCERPT_WORDS:
        first = pattern.search(text)
        at = sum(1 for s in starts if first and s <= first.start()) - 1
        begin = max(0, min(at - SEARCH_EXCERPT_WORDS // 4, len(starts) - SEARCH_EXCERPT_WORDS))
        end = begin + SEARCH_EXCERPT_WORDS
        text = text[starts[begin] : starts[end] if end < len(starts) else len(text)].rstrip()
    pieces, at = [], 0
    for match in pattern.finditer(text):
        if match.start() > at:
            pieces.append(Piece(text[at : match.start()], False))
        pieces.append(Piece(match.group(), True))
        at = match.end()
    if at < len(text):
        pieces.append(Piece(text[at:], False))
    return pieces


def _permalink(clause: Clause) -> str:
    """The clause's permalink through every revision of its family."""
    return reverse("clause", args=[clause.revision.resolution.slug, clause.key])
