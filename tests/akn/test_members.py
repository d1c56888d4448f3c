"""Member States: every name the UN's files print for one resolves to it, others do not."""

import json
from pathlib import Path

import pytest

from tests.akn import CORPUS, FILES, NOT_STATES, resolves_to_a_state
from timeline.akn import (
    UnknownMemberState,
    find_documents,
    member_state,
    member_states,
    members,
    read_document,
    read_metadata,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UNITED KINGDOM", "GB"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("  united   kingdom ", "GB"),
        ("UNITED STATES", "US"),
        ("United States of America", "US"),
        ("RUSSIAN FEDERATION", "RU"),
        ("Russia", "RU"),
        ("CHINA", "CN"),
        ("BOLIVIA (PLURINATIONAL STATE OF)", "BO"),
        ("Plurinational State of Bolivia", "BO"),
        ("VENEZUELA (BOLIVARIAN REPUBLIC OF)", "VE"),
        ("Bolivarian Republic of Venezuela", "VE"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("TÜRKİYE", "TR"),
        ("CÔTE D'IVOIRE", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("COTE D'IVOIRE", "CI"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Republic of Korea", "KR"),
        ("VIET NAM", "VN"),
        ("The former Yugoslav Republic of Macedonia", "MK"),
        ("LIBYAN ARAB JAMAHIRIYA", "LY"),
        ("Swaziland", "SZ"),
        ("Bahamas (The)", "BS"),
        ("NETHERLANDS (KINGDOM OF THE)", "NL"),
        ("Kingdom of the Netherlands", "NL"),
        ("Micronesia (Federated States of)", "FM"),
        ("Saint Vincent and the Grenadines", "VC"),
        ("Holy See", "VA"),
        ("State of Palestine", "PS"),
        # Misprints in the UN's files.
        ("CHILEs", "CL"),
        ("Lichtenstein", "LI"),
    ],
)
def test_a_printed_name_is_its_state(name, code):
    assert member_state(name).code == code


@pytest.mark.parametrize(
    ("code", "name", "un_name", "permanent"),
    [
        ("CN", "China", "China", True),
        ("FR", "France", "France", True),
        ("RU", "Russia", "Russian Federation", True),
        ("GB", "United Kingdom", "United Kingdom of Great Britain and Northern Ireland", True),
        ("US", "United States", "United States of America", True),
        ("TR", "Turkey", "Türkiye", False),
        ("SY", "Syria", "Syrian Arab Republic", False),
        ("DE", "Germany", "Germany", False),
    ],
)
def test_short_names_are_the_projects(code, name, un_name, permanent):
    state = member_state(un_name)
    assert (state.code, state.name, state.un_name, state.permanent) == (
        code,
        name,
        un_name,
        permanent,
    )
    assert member_state(name) == state


def test_all_193_member_states_and_the_two_observer_states():
    states = member_states()
    members = [state for state in states if not state.observer]
    observers = {state.code for state in states if state.observer}
    assert len(members) == 193
    assert observers == {"VA", "PS"}
    codes = [state.code for state in states]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 2 and code.isupper() for code in codes)
    assert {state.code for state in states if state.permanent} == {"CN", "FR", "RU", "GB", "US"}


@pytest.mark.parametrize("name", ["Atlantis", "United", "by the Secretary-General", ""])
def test_any_other_name_is_an_unknown_member_state(name):
    with pytest.raises(UnknownMemberState) as refusal:
        member_state(name)
    assert isinstance(refusal.value, KeyError)
    assert refusal.value.name == name
    assert str(refusal.value) == f"unknown member state: {name!r}"


def test_every_name_in_the_test_files_is_a_state():
    for path in find_documents([FILES]):
        for name in read_document(path).name_lines:
            member_state(name)
    for record in read_metadata(FILES / "data_extract").values():
        for name in _names(record):
            member_state(name)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the UN's files are not in ../shared")
def test_every_name_in_data_extract_is_a_state():
    unknown = set()
    for record in read_metadata(CORPUS / "data_extract").values():
        for name in _names(record):
            if name.casefold() not in NOT_STATES and not resolves_to_a_state(name):
                unknown.add(f"{record.path}:{record.line}: {name}")
    assert not unknown


@pytest.mark.parametrize("name", sorted(NOT_STATES))
def test_what_is_no_state_stays_unknown(name):
    with pytest.raises(UnknownMemberState):
        member_state(name)


def test_the_data_file_has_one_entry_per_state_with_every_field():
    path = Path(members.__file__).with_name("member_states.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["states"]:
        assert set(entry) == {"code", "name", "un_name", "permanent", "observer", "aliases"}


def _names(record):
    votes = record.votes or {}
    return [*record.sponsors, *(name for names in votes.values() for name in names)]
