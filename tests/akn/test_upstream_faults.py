"""The UN's copy has faults a whole-corpus import must survive, saying what it did: the same
document filed twice, a sponsor list naming no State, a member listed on two sides of a
vote, two resolutions naming one draft, eIds too deep for a key. Each is a warning, and
the rest of the file is imported; what cannot be decided is still refused."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import OFFICIAL_PATH
from timeline.collection.official import _key
from timeline.models import Ballot, Revision

DRAFT_506 = "Not adopted/English/S_2023_506-2313545E.xml"
DRAFT_507 = "Not adopted/English/S_2023_507-2313551E.xml"


def run(folder: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_akn", str(folder), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path) -> Path:
    """S/2023/506 and S/2023/507 in the UN's layout, to be changed by each test."""
    for name in (DRAFT_506, DRAFT_507):
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(OFFICIAL_PATH / name, target)
    return tmp_path


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_same_document_filed_twice_with_the_same_text_is_imported_once(db, folder):
    shutil.copyfile(folder / DRAFT_506, folder / "Not adopted/English/S_2023_506 copy.xml")
    out, err = run(folder)
    assert "Imported: 3 files, 2 families" in out
    assert "left out: the same text as" in err
    assert "S_2023_506 copy.xml" in err
    assert Revision.objects.filter(symbol="S/2023/506").count() == 1


def test_the_same_document_filed_twice_with_another_text_is_refused(db, folder):
    copy = folder / "Not adopted/English/S_2023_506 copy.xml"
    shutil.copyfile(folder / DRAFT_506, copy)
    edit(folder, copy.relative_to(folder), "Decides", "Resolves")
    with pytest.raises(CommandError, match="nothing was imported"):
        run(folder)
    assert not Revision.objects.exists()


def test_a_sponsor_entry_naming_no_state_is_left_out_and_said_to_be(db, folder):
    edit(
        folder,
        DRAFT_506,
        'by="Brazil and Switzerland"',
        'by="Brazil, report of the Secretary-General"',
    )
    _out, err = run(folder)
    assert '"report of the Secretary-General" is not a State: left out of the sponsors' in err
    sponsors = Revision.objects.get(symbol="S/2023/506").sponsorships.values_list(
        "country", flat=True
    )
    assert list(sponsors) == ["BR"]


def test_a_misspelt_state_among_the_sponsors_is_still_refused(db, folder):
    edit(folder, DRAFT_506, 'by="Brazil and Switzerland"', 'by="Brazil and Switzerlund"')
    with pytest.raises(CommandError):
        run(folder)
    assert not Revision.objects.exists()


def test_a_member_listed_on_two_sides_of_a_vote_is_left_out_of_it(db, folder):
    # The file lists China as abstaining; this copy lists it in favour as well.
    edit(
        folder,
        DRAFT_506,
        '<organization refersTo="memberState">ALBANIA</organization>',
        '<organization refersTo="memberState">ALBANIA</organization>\n'
        '                <organization refersTo="memberState">CHINA</organization>',
    )
    _out, err = run(folder)
    assert "CN listed on two sides of the vote: left out of it" in err
    vote = Revision.objects.get(symbol="S/2023/506").vote
    assert not Ballot.objects.filter(vote=vote, country="CN").exists()
    assert vote.ballots.count() == 14


def test_two_resolutions_naming_one_draft_are_recorded_under_their_own_symbols(db, tmp_path):
    for name in ("S_RES_2504 (2020)-2000407E.xml", "S_RES_2533 (2020)-2009385E.xml"):
        target = tmp_path / "2020/English" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(OFFICIAL_PATH / "2020/English" / name, target)
    edit(
        tmp_path, "2020/English/S_RES_2533 (2020)-2009385E.xml", 'as="S/2020/684"', 'as="S/2020/24"'
    )
    _out, err = run(tmp_path)
    assert "S/RES/2504 (2020), S/RES/2533 (2020) all name S/2020/24 as their draft" in err
    assert set(Revision.objects.values_list("symbol", flat=True)) == {
        "S/RES/2504 (2020)",
        "S/RES/2533 (2020)",
    }


def test_a_deeply_nested_eid_gives_a_short_unique_key():
    deep = "para_5412__list_1__point_19__sublist_1__point_19__sublist_2__point_3__content"
    other = deep.replace("point_3", "point_4")
    keys = {_key("2231-2015", deep), _key("2231-2015", other)}
    assert len(keys) == 2
    assert all(len(k) <= 100 and not k.endswith("-") for k in keys)
