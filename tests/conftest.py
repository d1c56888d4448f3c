"""Fixtures, one per concept: the shipped collection as data and as a loaded database,
and small factories for the model tests."""

import copy
import datetime
import json
from pathlib import Path

import pytest

from timeline.collection import collection_import
from timeline.models import (
    Clause,
    Country,
    Resolution,
    Revision,
    RevisionStatus,
    Section,
    Source,
    SourceKind,
    TextKind,
    TextStatus,
)

COLLECTION_PATH = Path(__file__).resolve().parent.parent / "timeline/data/syria-2011-2012.json"
_COLLECTION = json.loads(COLLECTION_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def collection_data() -> dict:
    """The shipped Syria collection as parsed JSON, a fresh copy each test may change."""
    return copy.deepcopy(_COLLECTION)


@pytest.fixture
def syria(db, collection_data) -> dict:
    """The Syria collection imported into the test database."""
    collection_import(data=collection_data)
    return collection_data


def scaled(data: dict, factor: int) -> dict:
    """The collection with every family, revision, clause and event `factor` times over:
    copies get their own slugs, titles and symbols and share countries and sources."""
    data = copy.deepcopy(data)
    families, events = list(data["resolutions"]), list(data["events"])
    for n in range(2, factor + 1):
        for family in families:
            twin = copy.deepcopy(family)
            twin["slug"] = f"{family['slug']}-copy-{n}"
            twin["title"] = f"{family['title']} (copy {n})"
            for revision in twin["revisions"]:
                if revision["symbol"]:
                    revision["symbol"] = f"{revision['symbol']}/copy-{n}"
            data["resolutions"].append(twin)
        for event in events:
            data["events"].append({**copy.deepcopy(event), "title": f"{event['title']} (copy {n})"})
    return data


@pytest.fixture
def country(db):
    def make(code: str = "FR", name: str = "France", **fields) -> Country:
        fields.setdefault("un_name", name)
        return Country.objects.create(code=code, name=name, **fields)

    return make


@pytest.fixture
def source(db):
    def make(slug: str = "a-source", **fields) -> Source:
        fields = {
            "title": "A report",
            "publisher": "A publisher",
            "url": "https://example.org/report",
            "kind": SourceKind.NEWS,
            **fields,
        }
        return Source.objects.create(slug=slug, **fields)

    return make


@pytest.fixture
def revision(db):
    def make(label: str = "R1", family: Resolution | None = None, **fields) -> Revision:
        family = family or Resolution.objects.get_or_create(slug="family", title="A family")[0]
        fields = {
            "position": family.revisions.count() + 1,
            "slug": label.lower(),
            "date": datetime.date(2012, 1, 16),
            "status": RevisionStatus.CIRCULATED,
            "text_status": TextStatus.PARTIAL,
            **fields,
        }
        return Revision.objects.create(resolution=family, label=label, **fields)

    return make


@pytest.fixture
def clause(db):
    def make(revision: Revision, key: str = "pp-recalling", **fields) -> Clause:
        fields = {
            "section": Section.PREAMBULAR,
            "position": revision.clauses.count() + 1,
            "text": "Recalling its previous resolutions,",
            "text_kind": TextKind.VERBATIM,
            "complete": True,
            "bracketed": False,
            **fields,
        }
        return Clause.objects.create(revision=revision, key=key, **fields)

    return make
