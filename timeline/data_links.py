"""The machine-readable forms of each page: one list per kind of page, which the page both
advertises (`<link rel="alternate">` in its head, for feed readers and crawlers) and offers
(its visible "Download" links). The forms themselves are built in `timeline.exports`.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

# The media types the links declare, as the /data/ page lists them.
AKN = "application/akn+xml"
JSON = "application/json"
CSV = "text/csv"
ATOM = "application/atom+xml"


@dataclass(frozen=True)
class DataLink:
    label: str  # what the visible link says ("Akoma Ntoso XML")
    url: str
    media_type: str
    title: str  # what the alternate is, for a reader's feed list or a crawler
    feed: bool = False  # a feed to subscribe to, not a file to download
    site_wide: bool = False  # advertised by every page already (base.html)


def _with_language(url: str, language: str | None) -> str:
    return f"{url}?{urlencode({'lang': language})}" if language else url


def site_feed() -> DataLink:
    return DataLink(
        "Atom feed of new and changed revisions",
        reverse("feed-revisions"),
        ATOM,
        "Redline: new and changed revisions",
        feed=True,
        site_wide=True,
    )


def for_collection() -> list[DataLink]:
    """The home page: the whole collection."""
    return [
        site_feed(),
        DataLink("JSON", reverse("api-collection"), JSON, "The collection (JSON)"),
        DataLink("CSV of every clause", reverse("collection-csv"), CSV, "Every clause (CSV)"),
    ]


def for_family(family) -> list[DataLink]:
    name = family.title
    return [
        DataLink(
            "Atom feed of this family",
            reverse("feed-family", args=[family.slug]),
            ATOM,
            f"{name}: new and changed revisions",
            feed=True,
        ),
        DataLink("JSON", reverse("api-family", args=[family.slug]), JSON, f"{name} (JSON)"),
        DataLink(
            "CSV of its clauses",
            reverse("family-csv", args=[family.slug]),
            CSV,
            f"{name}: every clause (CSV)",
        ),
    ]


def for_revision(revision, language: str | None = None) -> list[DataLink]:
    """A revision's text in its main language, or in `language` (another language version
    the reader chose), in each format."""
    args = [revision.resolution.slug, revision.slug]
    other = language if language and language != revision.language else None
    name = revision.label
    return [
        DataLink(
            "Akoma Ntoso XML",
            _with_language(reverse("revision-akn", args=args), other),
            AKN,
            f"{name} (Akoma Ntoso XML)",
        ),
        DataLink(
            "JSON",
            _with_language(reverse("api-revision", args=args), other),
            JSON,
            f"{name} (JSON)",
        ),
        DataLink(
            "CSV",
            _with_language(reverse("revision-csv", args=args), other),
            CSV,
            f"{name}: its clauses (CSV)",
        ),
    ]


def for_country(country) -> list[DataLink]:
    return [
        DataLink(
            f"Atom feed of {country.name}'s drafts",
            reverse("feed-country", args=[country.code.lower()]),
            ATOM,
            f"Redline: revisions {country.name} took part in",
            feed=True,
        ),
        DataLink(
            "JSON",
            reverse("api-country", args=[country.code.lower()]),
            JSON,
            f"{country.name} (JSON)",
        ),
    ]


def for_comparison(family_slug: str, old_slug: str, new_slug: str) -> list[DataLink]:
    return [
        DataLink(
            "JSON",
            reverse("api-compare", args=[family_slug, old_slug, new_slug]),
            JSON,
            "This comparison (JSON)",
        )
    ]


def for_clause(family_slug: str, key: str) -> list[DataLink]:
    return [
        DataLink(
            "JSON",
            reverse("api-clause", args=[family_slug, key]),
            JSON,
            "This clause through the revisions (JSON)",
        )
    ]
