"""Query budgets: every reader page runs a bounded number of statements, the same at twenty
times the collection as at its own size (nothing is fetched per family, revision or clause).

The pages are measured once for the module, as production runs them (outside a test's
transaction): at 1× on the collection the session loaded, then at 20× on one scaled
database, which is imported once instead of once per page kind."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.helpers import (
    PAGE_CACHE_QUERIES,
    empty_caches,
    empty_timeline,
    scaled,
    seed_collection,
    shipped_collection,
    text_of,
)
from timeline.collection import collection_import
from timeline.models import Clause, Country, Proposer, Source

# The tests read what the module's fixture measured; the mark has the database made for them.
pytestmark = pytest.mark.django_db

ARAB_EUROPEAN = "arab-european-draft-2012"


@dataclass(frozen=True)
class Page:
    url: str
    budget: int  # the view's own statements; the page cache adds PAGE_CACHE_QUERIES
    flat: bool = True  # the very same statements at 1× and 20×, not only within budget


SEARCH_QUERIES = [
    {},
    {"q": "military intervention"},
    {"q": "syria", "page": "2"},
    {"q": "violence", "family": "russian-drafts-2011-2012", "country": "fr"},
    {"q": "S/2012/77"},
    {"q": "2042"},
    {"q": "France"},
    {"q": "humanitarain"},
]

PAGES = {
    "timeline": Page("/", 16),
    "timeline of a country": Page("/?country=FR", 17),
    "family": Page(f"/r/{ARAB_EUROPEAN}/", 16),
    "revision": Page(f"/r/{ARAB_EUROPEAN}/s-2012-77/", 16),
    "official revision": Page("/r/resolution-2042-2012/s-2012-219/", 16),
    "revision with clause links": Page(f"/r/{ARAB_EUROPEAN}/v3-1-feb-19-00/", 15),
    "clause": Page(f"/c/{ARAB_EUROPEAN}/pp-sovereignty-peaceful-resolution/", 8),
    "dropped clause": Page(f"/c/{ARAB_EUROPEAN}/pp-arms-transfers/", 8),
    # The families that have the key are counted, then a page of them read.
    "clause by key": Page("/c/op-condemns-human-rights-violations/", 4),
    "countries": Page("/countries/", 4, flat=False),
    # Each of a country's five lists is counted and read a page at a time.
    "country": Page("/countries/fr/", 16, flat=False),
    "another country": Page("/countries/ru/", 16, flat=False),
    **{
        # The page's headlines in one query of their own; on SQLite the ranks in another.
        f"search {urlencode(query) or '(empty)'}": Page(f"/search/?{urlencode(query)}", 10, False)
        for query in SEARCH_QUERIES
    },
}
# Comparisons are measured with a proposer on every clause, so that the budget covers
# attribution at every size (rolled back afterwards: the other pages see the collection).
COMPARISONS = {
    "comparison": Page(
        f"/r/{ARAB_EUROPEAN}/compare/v3-1-feb-19-00...late-preamble-scribd-undated/", 7, False
    ),
    "side-by-side comparison": Page(
        "/r/russian-drafts-2011-2012/compare/r1-15-dec...r3-16-17-jan/?view=side&show=all",
        7,
        False,
    ),
}
COPY_COMPARISON = "/r/russian-drafts-2011-2012-copy-20/compare/r1-15-dec...r3-16-17-jan/"


@dataclass
class Measured:
    status: int
    statements: list[str]
    text: str
    size: int  # the HTML's bytes


def _measure(client: Client, url: str) -> Measured:
    empty_caches()  # rendered, not served from the page cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return Measured(
        response.status_code, [q["sql"] for q in queries], text_of(response), len(response.content)
    )


def _add_proposers_everywhere() -> None:
    source = Source.objects.first()
    france = Country.objects.get(code="FR")
    Proposer.objects.bulk_create(
        Proposer(clause=c, country=france, source=source, quote="quoted")
        for c in Clause.objects.exclude(proposers__country=france)
    )


def _measure_all(client: Client, factor: int) -> dict[str, Measured]:
    measured = {name: _measure(client, page.url) for name, page in PAGES.items()}
    with transaction.atomic():
        _add_proposers_everywhere()
        for name, page in COMPARISONS.items():
            measured[name] = _measure(client, page.url)
        if factor == 20:
            measured["comparison in a copy"] = _measure(client, COPY_COMPARISON)
        transaction.set_rollback(True)
    return measured


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker) -> dict[int, dict[str, Measured]]:
    client = Client()
    with django_db_blocker.unblock():
        try:
            at_1x = _measure_all(client, 1)
            with transaction.atomic():
                empty_timeline()
                collection_import(data=scaled(shipped_collection(), 20))
            at_20x = _measure_all(client, 20)
        finally:
            seed_collection()
    return {1: at_1x, 20: at_20x}


def _report(statements: list[str]) -> str:
    return "\n".join(f"  {n}. {sql[:200]}" for n, sql in enumerate(statements, 1))


@pytest.mark.parametrize("name", [*PAGES, *COMPARISONS])
def test_a_page_runs_within_its_budget_at_1x_and_20x(measured, name):
    page = PAGES.get(name) or COMPARISONS[name]
    limit = page.budget + PAGE_CACHE_QUERIES
    for factor in (1, 20):
        result = measured[factor][name]
        assert result.status == 200, f"{page.url} at {factor}×"
        assert len(result.statements) <= limit, (
            f"{page.url} at {factor}× ran {len(result.statements)} statements, more than "
            f"{limit}:\n{_report(result.statements)}"
        )
    if page.flat:
        assert len(measured[20][name].statements) == len(measured[1][name].statements)


def test_a_comparison_in_a_copied_family_runs_within_the_same_budget(measured):
    result = measured[20]["comparison in a copy"]
    assert result.status == 200
    assert len(result.statements) <= 7 + PAGE_CACHE_QUERIES, _report(result.statements)


def test_the_scaled_pages_show_the_scaled_data(measured):
    """The 20× pages were measured on twenty times the data, not on the collection."""
    # France's two proposals, twenty times over, five to a page: the first page shows the
    # copies in the order of the copied families: three of this one.
    assert measured[1]["country"].text.count("cease all violence [and] release") == 1
    assert measured[20]["country"].text.count("cease all violence [and] release") == 3
    assert "1–5 of 40 proposed clauses:" in measured[20]["country"].text
    proposed = re.search(r"Proposed \((\d+)\)", measured[1]["country"].text).group(1)
    assert f"Proposed ({int(proposed) * 20})" in measured[20]["country"].text
    search = measured[20]["search q=military+intervention"].text
    assert "20 clauses match “military intervention”." in search


# Lists a page shows whole at 1× but a page at a time beyond it: at 1× they fill less than
# a page, so they grow to a page at 20×, and no further: what each shows at 20× is one page.
ONE_PAGE_AT_20X = {
    "country": ["1–5 of 40 proposed clauses:", "1–20 of 120 sponsored drafts:"],
    "another country": ["1–5 of 200 amendments:", "1–20 of 100 votes:"],
    "search q=military+intervention": ["20 clauses match"],  # 1 match at 1×, 20 a page
    "search q=syria&page=2": ["showing 21–40."],
    "search q=2042": ["showing 1–20."],
}


@pytest.mark.parametrize("name", [*PAGES, *COMPARISONS])
def test_no_page_grows_by_more_than_half_at_20x(measured, name):
    """Lists longer than a page are paged (the timeline's families, a country's votes,
    search results), so twenty times the data is never twenty times the page: from 1× to
    20× a page grows by half at most, or, where 1× filled less than a page, shows one page
    at 20×."""
    small, large = measured[1][name].size, measured[20][name].size
    if name in ONE_PAGE_AT_20X:
        for part in ONE_PAGE_AT_20X[name]:
            assert part in measured[20][name].text, f"{name} at 20×: no “{part}”"
        return
    assert large <= 1.5 * small, f"{name}: {small} bytes at 1×, {large} at 20×"
