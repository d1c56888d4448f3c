"""The UN's data_extract records: read whatever their shape, refused with file and line."""

import datetime
import json

import pytest

from tests.akn import FILES
from timeline.akn import (
    MetadataError,
    find_metadata_dir,
    read_document,
    read_metadata,
)

EXTRACT = FILES / "data_extract"
COUNCIL_2020_ABSTAINING = ("CHINA", "RUSSIAN FEDERATION", "UNITED KINGDOM", "UNITED STATES")


@pytest.fixture(scope="module")
def records():
    return read_metadata(EXTRACT)


def test_every_line_of_every_year_file_is_one_record_by_symbol(records):
    assert sorted(records) == [
        "S/RES/2033 (2012)",
        "S/RES/2042 (2012)",
        "S/RES/2504 (2020)",
        "S/RES/2530 (2020)",
        "S/RES/2723 (2024)",
        "S/RES/2724 (2024)",
        "S/RES/2725 (2024)",
        "S/RES/2751 (2024)",
    ]
    assert (records["S/RES/2725 (2024)"].path, records["S/RES/2725 (2024)"].line) == (
        EXTRACT / "2024.json",
        3,
    )


def test_s_res_2042_as_recorded(records):
    record = records["S/RES/2042 (2012)"]
    assert record.symbol == "S/RES/2042 (2012)"
    assert record.draft_symbol == "S/2012/219"
    assert record.date == datetime.date(2012, 4, 14)
    assert record.meeting == "S/PV.6751"
    assert record.counts == {"in_favour": 15, "against": 0, "abstaining": 0}
    assert record.votes["in_favour"][:3] == ("AZERBAIJAN", "CHINA", "COLOMBIA")
    assert len(record.votes["in_favour"]) == 15
    assert (record.votes["against"], record.votes["abstaining"]) == ((), ())
    assert record.sponsors == (
        "COLOMBIA",
        "FRANCE",
        "GERMANY",
        "MOROCCO",
        "PORTUGAL",
        "UNITED KINGDOM",
        "UNITED STATES",
    )
    assert record.title.startswith("Security Council resolution 2042 (2012) [on authorization")
    assert record.agenda == "The situation in the Middle East"


@pytest.mark.parametrize(
    ("symbol", "date"),
    [
        ("S/RES/2042 (2012)", "2012-04-14"),  # "14 April 2012"
        ("S/RES/2723 (2024)", "2024-01-30"),  # "2024-01-30 00:00:00"
        ("S/RES/2725 (2024)", "2024-03-08"),  # "8\xa0March\xa02024"
        ("S/RES/2751 (2024)", "2024-09-30"),  # "30\xa0September 2024"
    ],
)
def test_dates_are_read_whatever_their_form(records, symbol, date):
    assert records[symbol].date == datetime.date.fromisoformat(date)


@pytest.mark.parametrize(
    ("symbol", "meeting"),
    [
        ("S/RES/2033 (2012)", "S/PV.6702"),  # outcome_letter "S/PV.6702(Resumption1)"
        ("S/RES/2504 (2020)", "S/PV.8700"),
        ("S/RES/2530 (2020)", None),  # voted by mail: outcome_letter "S/2020/612"
        ("S/RES/2724 (2024)", "S/PV.9568"),  # the records of 2024 that have "pv"
    ],
)
def test_the_meeting_is_the_record_of_the_vote(records, symbol, meeting):
    assert records[symbol].meeting == meeting


@pytest.mark.parametrize(
    ("symbol", "counts"),
    [
        ("S/RES/2504 (2020)", {"in_favour": 11, "against": 0, "abstaining": 4}),
        ("S/RES/2724 (2024)", {"in_favour": 14, "against": 0, "abstaining": 1}),  # "014", "001"
        ("S/RES/2751 (2024)", {"in_favour": 15, "against": None, "abstaining": None}),  # ""
    ],
)
def test_counts_are_numbers_or_none(records, symbol, counts):
    assert records[symbol].counts == counts


def test_votes_are_the_names_as_printed_or_none_when_no_list_has_one(records):
    assert records["S/RES/2504 (2020)"].votes["abstaining"] == COUNCIL_2020_ABSTAINING
    assert records["S/RES/2723 (2024)"].votes is None
    assert records["S/RES/2723 (2024)"].counts["in_favour"] == 15


def test_the_record_agrees_with_the_file(records):
    document = read_document(FILES / "S_RES_2504 (2020)-2000407E.xml")
    record = records[document.symbol]
    assert (record.draft_symbol, record.date, record.meeting) == (
        document.draft_symbol,
        document.date,
        document.meeting,
    )
    assert record.votes == document.votes


def _write(folder, name, lines):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _line(symbol, **changes):
    """A real record of data_extract/2012.json, with changes."""
    first = (EXTRACT / "2012.json").read_text(encoding="utf-8").splitlines()[1]
    return json.dumps({**json.loads(first), "symbol": symbol, **changes})


def test_a_symbol_written_without_its_space_and_a_date_with_a_place(tmp_path):
    _write(
        tmp_path,
        "2004.json",
        [_line("S/RES/1310(2000)", adoption_date="19 November 2004 in Nairobi"), ""],
    )
    (record,) = read_metadata(tmp_path).values()
    assert record.symbol == "S/RES/1310 (2000)"
    assert record.date == datetime.date(2004, 11, 19)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"symbol": "S/RES/1 (1946)"', "not JSON"),
        ('["S/RES/1 (1946)"]', "not a JSON object"),
        ('{"symbol": "S/RES/1 (1946)"}', "no 'MS_in_favour'"),
        (_line("S/RES/1 (1946)", adoption_date="sometime in 1946"), "adoption_date"),
        (_line("S/RES/1 (1946)", MS_against_count="none"), "count 'none' is not a number"),
        (_line("S/RES/1 (1946)", sponsors="FRANCE"), "sponsors is not a list of names"),
        (_line("S/RES/1 (1946)", agenda_item_name=None), "a field of the wrong type"),
        (_line("S/RES/2042 (2012)"), "S/RES/2042 (2012) is also at"),
    ],
)
def test_a_malformed_line_is_refused_with_its_file_and_line(tmp_path, line, message):
    path = _write(tmp_path, "2012.json", [_line("S/RES/2042 (2012)"), line])
    with pytest.raises(MetadataError) as refusal:
        read_metadata(tmp_path)
    assert (refusal.value.path, refusal.value.line) == (path, 2)
    assert str(refusal.value).startswith(f"{path}:2: ")
    assert message in refusal.value.message


@pytest.mark.parametrize(
    "start",
    [
        FILES / "S_RES_2042_N1229528E.xml",
        FILES,
        EXTRACT,
        EXTRACT / "2012.json",
    ],
)
def test_the_data_extract_folder_is_found_beside_the_files(start):
    assert find_metadata_dir(start) == EXTRACT


def test_no_data_extract_folder_is_none(tmp_path):
    (tmp_path / "2012").mkdir()
    assert find_metadata_dir(tmp_path / "2012") is None
