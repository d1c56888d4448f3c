"""The unsc-drafts/1 schema: the keys added for languages and lineage, their rules, and the
normalised collection that parse_collection and dump_collection give."""

import copy
import datetime
import json

import pytest
from pydantic import ValidationError

from tests.helpers import COLLECTION_PATH
from timeline.collection.schema import Collection
from timeline.collection.validate import (
    CollectionError,
    dump_collection,
    parse_collection,
    validate_collection,
)

R1, R2, R3 = "R1 (15 Dec)", "R2 (23 Dec)", "R3 (16/17 Jan)"
RUSSIAN = "resolutions[1]"
AT_R3 = f"{RUSSIAN}.revisions[3]"
DEFAULTS = {"language": "en", "other_languages": [], "follows": None, "rivals": []}


def russian(data: dict) -> list[dict]:
    """Russia's drafts of 2011–2012: revisions [1] R1, [2] R2 and [3] R3."""
    return data["resolutions"][1]["revisions"]


def r3(data: dict) -> dict:
    return russian(data)[3]


def set_keys(revision: dict, **keys) -> None:
    revision.update(keys)


def with_french_version(data: dict) -> None:
    """R3 with a French version holding its first paragraph, under the same key and position."""
    revision = r3(data)
    revision["other_languages"] = [{"language": "fr", "text_status": "fragments"}]
    revision["clauses"].append({**revision["clauses"][0], "language": "fr"})


def follow(data: dict, *steps: tuple[int, int]) -> None:
    for revision, predecessor in steps:
        russian(data)[revision]["follows"] = russian(data)[predecessor]["label"]


def rival(data: dict, *pairs: tuple[int, int]) -> None:
    for a, b in pairs:
        russian(data)[a]["rivals"].append(russian(data)[b]["label"])


def without_defaults(data: dict) -> dict:
    """The collection as a file written before languages and lineage were in the format:
    the new keys left out wherever they hold their defaults (so only resolution 2043's
    Arabic text and S/2011/612's French quotation keep any)."""
    data = copy.deepcopy(data)
    for family in data["resolutions"]:
        for revision in family["revisions"]:
            for key, default in DEFAULTS.items():
                if revision[key] == default:
                    del revision[key]
            for clause in revision["clauses"]:
                if clause["language"] == revision.get("language", "en"):
                    del clause["language"]
    return data


REFUSED = [
    pytest.param(
        lambda d: set_keys(r3(d), language="xx"),
        [f'{AT_R3}.language: "xx" is not one of: ar, zh, en, fr, ru, es, de'],
        id="unknown-language",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), other_languages=[{"language": "la", "text_status": "partial"}]),
        [f'{AT_R3}.other_languages[0].language: "la" is not one of: ar, zh, en, fr, ru, es, de'],
        id="unknown-other-language",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), other_languages=[{"language": "ar", "text_status": "whole"}]),
        [
            f'{AT_R3}.other_languages[0].text_status: "whole" is not one of: complete, partial, '
            "fragments, none"
        ],
        id="unknown-other-text-status",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), other_languages=[{"language": "en", "text_status": "partial"}]),
        [f'{AT_R3}.other_languages[0].language: "en" is the revision\'s main language'],
        id="other-language-is-the-main-one",
    ),
    pytest.param(
        lambda d: set_keys(
            r3(d),
            other_languages=[
                {"language": "ar", "text_status": "partial"},
                {"language": "ar", "text_status": "complete"},
            ],
        ),
        [
            f'{AT_R3}.other_languages[1].language: duplicate language "ar" '
            f"(also at {AT_R3}.other_languages[0].language)"
        ],
        id="other-language-twice",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), other_languages={"language": "ar", "text_status": "partial"}),
        [f"{AT_R3}.other_languages: must be a list, not an object"],
        id="other-languages-not-a-list",
    ),
    pytest.param(
        lambda d: r3(d)["clauses"][0].update(language="fr"),
        [f'{AT_R3}.clauses[0].language: "fr" is not one of the revision\'s languages: en'],
        id="clause-language-not-the-revisions",
    ),
    pytest.param(
        lambda d: (with_french_version(d), r3(d)["clauses"][-1].update(language="ru")),
        [f'{AT_R3}.clauses[3].language: "ru" is not one of the revision\'s languages: en, fr'],
        id="clause-language-not-among-its-other-languages",
    ),
    pytest.param(
        lambda d: (
            with_french_version(d),
            r3(d)["clauses"].append({**r3(d)["clauses"][0], "language": "fr", "position": 2}),
        ),
        [
            f'{AT_R3}.clauses[4].key: duplicate key "op-cease-violence-release-detainees" '
            f"(also at {AT_R3}.clauses[3].key)"
        ],
        id="duplicate-key-in-the-same-language",
    ),
    pytest.param(
        lambda d: (
            with_french_version(d),
            r3(d)["clauses"].append({**r3(d)["clauses"][1], "language": "fr", "position": 1}),
        ),
        [
            f"{AT_R3}.clauses[4].position: duplicate position 1 "
            f"(also at {AT_R3}.clauses[3].position)"
        ],
        id="duplicate-position-in-the-same-language",
    ),
    pytest.param(
        lambda d: (with_french_version(d), r3(d)["other_languages"][0].update(text_status="none")),
        [
            f"{AT_R3}.other_languages[0].text_status: "
            '"none" but the revision has clauses in this language'
        ],
        id="no-text-in-a-language-with-clauses",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), follows="R4 (1 Feb)"),
        [f'{AT_R3}.follows: no revision "R4 (1 Feb)" in this family'],
        id="follows-an-unknown-label",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), follows="S/2012/77"),
        [f'{AT_R3}.follows: no revision "S/2012/77" in this family'],
        id="follows-a-revision-of-another-family",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), follows=R3),
        [f"{AT_R3}.follows: a revision cannot follow itself"],
        id="follows-itself",
    ),
    pytest.param(
        lambda d: follow(d, (1, 3), (3, 1)),
        [
            f"{RUSSIAN}.revisions[1].follows: the revisions follow each other in a circle: "
            f'"{R1}" → "{R3}" → "{R1}"'
        ],
        id="follows-in-a-cycle-of-two",
    ),
    pytest.param(
        lambda d: follow(d, (0, 1), (1, 3), (3, 2), (2, 1)),
        [
            f"{RUSSIAN}.revisions[1].follows: the revisions follow each other in a circle: "
            f'"{R1}" → "{R3}" → "{R2}" → "{R1}"'
        ],
        id="follows-in-a-cycle-of-three-reported-once",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), follows=7),
        [f"{AT_R3}.follows: must be a string, not a number"],
        id="follows-not-a-label",
    ),
    pytest.param(
        lambda d: rival(d, (3, 1)),
        [
            f'{AT_R3}.rivals[0]: "{R1}" does not list "{R3}" among its rivals '
            "(rivalry goes both ways)"
        ],
        id="rivals-one-sided",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), rivals=["R4 (1 Feb)"]),
        [f'{AT_R3}.rivals[0]: no revision "R4 (1 Feb)" in this family'],
        id="rivals-an-unknown-label",
    ),
    pytest.param(
        lambda d: set_keys(r3(d), rivals=[R3]),
        [f"{AT_R3}.rivals[0]: a revision cannot rival itself"],
        id="rivals-itself",
    ),
    pytest.param(
        lambda d: rival(d, (3, 1), (3, 1), (1, 3)),
        [f'{AT_R3}.rivals[1]: duplicate rival "{R1}" (also at {AT_R3}.rivals[0])'],
        id="rivals-the-same-twice",
    ),
    pytest.param(
        lambda d: (follow(d, (3, 1)), rival(d, (3, 1), (1, 3))),
        [f'{AT_R3}.rivals[0]: "{R1}" is the revision this one follows, so not its rival'],
        id="follows-and-rivals-the-same",
    ),
    pytest.param(
        lambda d: r3(d)["clauses"][0].update(section="appendix"),
        [
            f'{AT_R3}.clauses[0].section: "appendix" is not one of: preambular, operative, annex',
        ],
        id="unknown-section",
    ),
]


@pytest.mark.parametrize(("breakage", "problems"), REFUSED)
def test_a_broken_rule_is_reported_once_at_its_place(collection_data, breakage, problems):
    breakage(collection_data)
    assert [str(p) for p in validate_collection(collection_data)] == problems


ACCEPTED = [
    pytest.param(lambda d: r3(d)["clauses"][0].update(section="annex"), id="annex-section"),
    pytest.param(lambda d: set_keys(r3(d), status="not-adopted"), id="not-adopted-status"),
    pytest.param(with_french_version, id="same-key-and-position-in-another-language"),
    pytest.param(lambda d: follow(d, (2, 1), (3, 2)), id="follows-in-a-chain"),
    pytest.param(lambda d: follow(d, (1, 3)), id="follows-a-revision-further-down"),
    pytest.param(lambda d: rival(d, (3, 1), (1, 3)), id="rivals-both-ways"),
    pytest.param(
        lambda d: (follow(d, (2, 1), (3, 1)), rival(d, (2, 3), (3, 2))),
        id="rivals-following-the-same-revision",
    ),
]


@pytest.mark.parametrize("change", ACCEPTED)
def test_what_the_format_allows_validates(collection_data, change):
    change(collection_data)
    assert validate_collection(collection_data) == []


def test_the_shipped_collection_is_valid_and_already_normal(collection_data):
    assert validate_collection(collection_data) == []
    normal = parse_collection(collection_data)
    assert normal == collection_data
    assert json.dumps(normal, ensure_ascii=False) == json.dumps(collection_data, ensure_ascii=False)


def test_a_file_without_the_new_keys_validates_and_gets_them_filled_in(collection_data):
    old = without_defaults(collection_data)
    assert "language" not in r3(old)
    assert "language" not in old["resolutions"][4]["revisions"][2]["clauses"][0]
    assert validate_collection(old) == []
    assert parse_collection(old) == collection_data


def test_a_clause_is_in_its_revisions_language_unless_it_says_otherwise(collection_data):
    normal = parse_collection(without_defaults(collection_data))
    arabic = normal["resolutions"][4]["revisions"][2]  # resolution 2043, in Arabic only
    assert arabic["language"] == "ar"
    assert {c["language"] for c in arabic["clauses"]} == {"ar"}
    english = r3(normal)
    assert {k: english[k] for k in DEFAULTS} == DEFAULTS
    assert {c["language"] for c in english["clauses"]} == {"en"}


def test_the_normal_form_has_every_key_in_the_formats_order(collection_data):
    normal = parse_collection(without_defaults(collection_data))
    assert list(normal) == [
        "format",
        "title",
        "description",
        "compiled",
        "countries",
        "sources",
        "events",
        "resolutions",
    ]
    assert list(r3(normal)) == [
        "label",
        "date",
        "date_precision",
        "date_note",
        "symbol",
        "status",
        "sponsors",
        "text_status",
        "language",
        "other_languages",
        "follows",
        "rivals",
        "sources",
        "note",
        "clauses",
        "vote",
        "amendments",
    ]
    assert list(r3(normal)["clauses"][0]) == [
        "key",
        "section",
        "number",
        "position",
        "language",
        "text",
        "text_kind",
        "complete",
        "bracketed",
        "proposers",
        "sources",
        "note",
    ]


def test_parse_collection_refuses_with_every_problem(collection_data):
    set_keys(r3(collection_data), language="xx", follows=R3)
    collection_data["events"][0]["date"] = "2011-02-30"
    with pytest.raises(CollectionError) as refused:
        parse_collection(collection_data)
    assert [str(p) for p in refused.value.problems] == [
        'events[0].date: "2011-02-30" is not a real calendar date',
        f'{AT_R3}.language: "xx" is not one of: ar, zh, en, fr, ru, es, de',
        f"{AT_R3}.follows: a revision cannot follow itself",
    ]


def test_dump_collection_writes_keys_in_the_formats_order(collection_data):
    given = copy.deepcopy(collection_data)
    shuffled = {key: given[key] for key in reversed(given)}
    revision = r3(shuffled)
    russian(shuffled)[3] = {key: revision[key] for key in reversed(revision)}
    dumped = dump_collection(shuffled)
    assert json.dumps(dumped) == json.dumps(collection_data)


def test_dump_collection_takes_dates_as_dates(collection_data):
    collection_data["compiled"] = datetime.date(2026, 11, 26)
    assert dump_collection(collection_data)["compiled"] == "2026-11-26"


def test_the_collection_is_read_from_the_shipped_file():
    collection = Collection.model_validate_json(COLLECTION_PATH.read_bytes())
    arabic = collection.resolutions[4].revisions[2]
    assert (arabic.symbol, arabic.language) == ("S/2012/245", "ar")
    with pytest.raises(ValidationError, match="frozen"):
        arabic.language = "en"
