"""Reading the UN's Akoma Ntoso files: identity, workflow, votes, paragraphs, refusals."""

import datetime
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tests.akn import FILES
from timeline.akn import ReaderError, find_documents, read_document
from timeline.akn.reader import split_names

RES_2042 = FILES / "S_RES_2042_N1229528E.xml"
RES_2504_EN = FILES / "S_RES_2504 (2020)-2000407E.xml"
RES_2504_AR = FILES / "S_RES_2504 (2020)-2000407A.xml"
RES_2512 = FILES / "S_RES_2512 (2020)-2003205E.xml"
RES_1343 = FILES / "S_RES_1343_N0127608.xml"
DRAFT_506 = FILES / "S_2023_506-2313545E.xml"
DRAFT_507 = FILES / "S_2023_507-2313551E.xml"

COUNCIL_2012 = (
    "AZERBAIJAN",
    "CHINA",
    "COLOMBIA",
    "FRANCE",
    "GERMANY",
    "GUATEMALA",
    "INDIA",
    "MOROCCO",
    "PAKISTAN",
    "PORTUGAL",
    "RUSSIAN FEDERATION",
    "SOUTH AFRICA",
    "TOGO",
    "UNITED KINGDOM",
    "UNITED STATES",
)


@pytest.fixture(scope="module")
def documents() -> dict[Path, object]:
    return {path: read_document(path) for path in find_documents([FILES])}


@pytest.mark.parametrize(
    ("path", "kind", "symbol", "language", "date", "resolution_number", "draft_symbol"),
    [
        (
            RES_2042,
            "resolution",
            "S/RES/2042 (2012)",
            "en",
            "2012-04-14",
            "2042 (2012)",
            "S/2012/219",
        ),
        (
            RES_2504_EN,
            "resolution",
            "S/RES/2504 (2020)",
            "en",
            "2020-01-10",
            "2504 (2020)",
            "S/2020/24",
        ),
        (
            RES_2504_AR,
            "resolution",
            "S/RES/2504 (2020)",
            "ar",
            "2020-01-10",
            "2504 (2020)",
            "S/2020/24",
        ),
        (
            RES_2512,
            "resolution",
            "S/RES/2512 (2020)",
            "en",
            "2020-02-28",
            "2512 (2020)",
            "S/2020/155",
        ),
        (
            RES_1343,
            "resolution",
            "S/RES/1343 (2001)",
            "en",
            "2001-03-07",
            "1343 (2001)",
            "S/2001/188",
        ),
        (DRAFT_506, "draftResolution", "S/2023/506", "en", "2023-07-11", None, "S/2023/506"),
        (DRAFT_507, "draftResolution", "S/2023/507", "en", "2023-07-11", None, "S/2023/507"),
    ],
)
def test_a_document_is_known_by_its_metadata_not_its_file_name(
    documents, path, kind, symbol, language, date, resolution_number, draft_symbol
):
    document = documents[path]
    assert document.path == path
    assert document.kind == kind
    assert document.symbol == symbol
    assert document.language == language
    assert document.date == datetime.date.fromisoformat(date)
    assert document.resolution_number == resolution_number
    assert document.draft_symbol == draft_symbol


def test_the_frbr_work_and_expression_are_the_uris_as_printed(documents):
    english, arabic = documents[RES_2504_EN], documents[RES_2504_AR]
    assert (
        english.work == arabic.work == "/akn/un/statement/deliberation/unsc/2020-01-10/2504-2020/"
    )
    assert english.expression == english.work + "eng@/"
    assert arabic.expression == arabic.work + "ara@/"


@pytest.mark.parametrize(
    ("path", "meeting", "outcome", "title_start"),
    [
        (
            RES_2042,
            "S/PV.6751",
            "adopted",
            "Security Council resolution 2042 (2012) [on authorization",
        ),
        (
            RES_2504_EN,
            "S/PV.8700",
            "adopted",
            "Security Council resolution 2504 (2020) [on humanitarian",
        ),
        (DRAFT_506, "S/PV.9371", "vetoed", "Draft resolution [on humanitarian situation"),
        (DRAFT_507, "S/PV.9371", "not-adopted", "Draft resolution [on humanitarian situation"),
    ],
)
def test_the_workflow_gives_the_meeting_the_outcome_and_the_title(
    documents, path, meeting, outcome, title_start
):
    document = documents[path]
    assert document.meeting == meeting
    assert document.outcome == outcome
    assert document.title.startswith(title_start)


@pytest.mark.parametrize(
    ("path", "sponsors"),
    [
        (
            RES_2042,
            (
                "Colombia",
                "France",
                "Germany",
                "Morocco",
                "Portugal",
                "United Kingdom of Great Britain and Northern Ireland",
                "United States of America",
            ),
        ),
        (RES_2504_EN, ("Belgium", "Germany")),
        (RES_2504_AR, ("Belgium", "Germany")),
        (RES_1343, ()),
        (DRAFT_506, ("Brazil", "Switzerland")),
        (DRAFT_507, ("Russian Federation",)),
    ],
)
def test_sponsors_are_the_names_as_printed_in_order(documents, path, sponsors):
    assert documents[path].sponsors == sponsors


@pytest.mark.parametrize(
    ("path", "votes"),
    [
        (RES_2042, {"in_favour": COUNCIL_2012, "against": (), "abstaining": ()}),
        (
            RES_2504_EN,
            {
                "in_favour": (
                    "BELGIUM",
                    "DOMINICAN REPUBLIC",
                    "ESTONIA",
                    "FRANCE",
                    "GERMANY",
                    "INDONESIA",
                    "NIGER",
                    "SAINT VINCENT AND THE GRENADINES",
                    "SOUTH AFRICA",
                    "TUNISIA",
                    "VIET NAM",
                ),
                "against": (),
                "abstaining": ("CHINA", "RUSSIAN FEDERATION", "UNITED KINGDOM", "UNITED STATES"),
            },
        ),
        (
            DRAFT_506,
            {
                "in_favour": (
                    "ALBANIA",
                    "BRAZIL",
                    "ECUADOR",
                    "FRANCE",
                    "GABON",
                    "GHANA",
                    "JAPAN",
                    "MALTA",
                    "MOZAMBIQUE",
                    "SWITZERLAND",
                    "UNITED ARAB EMIRATES",
                    "UNITED KINGDOM",
                    "UNITED STATES",
                ),
                "against": ("RUSSIAN FEDERATION",),
                "abstaining": ("CHINA",),
            },
        ),
        (
            DRAFT_507,
            {
                "in_favour": ("CHINA", "RUSSIAN FEDERATION"),
                "against": ("FRANCE", "UNITED KINGDOM", "UNITED STATES"),
                "abstaining": (
                    "ALBANIA",
                    "BRAZIL",
                    "ECUADOR",
                    "GABON",
                    "GHANA",
                    "JAPAN",
                    "MALTA",
                    "MOZAMBIQUE",
                    "SWITZERLAND",
                    "UNITED ARAB EMIRATES",
                ),
            },
        ),
    ],
)
def test_every_members_vote_is_read_as_printed(documents, path, votes):
    assert documents[path].votes == votes


def test_russia_vetoed_s_2023_506_and_its_own_draft_s_2023_507_lacked_votes(documents):
    vetoed, failed = documents[DRAFT_506], documents[DRAFT_507]
    assert (vetoed.outcome, vetoed.votes["against"]) == ("vetoed", ("RUSSIAN FEDERATION",))
    assert failed.outcome == "not-adopted"
    assert failed.sponsors == ("Russian Federation",)
    assert len(failed.votes["in_favour"]) < 9


def test_every_sponsor_and_voter_name_has_its_source_line(documents):
    document = documents[RES_2042]
    assert set(document.name_lines) == set(document.sponsors) | set(COUNCIL_2012)
    assert document.name_lines["Colombia"] == 76
    assert document.name_lines["COLOMBIA"] == 87
    assert document.name_lines["UNITED STATES"] == 99


@pytest.mark.parametrize(
    ("path", "counts"),
    [
        (
            RES_2042,
            {
                ("preambular", "clause"): 6,
                ("operative", "clause"): 13,
                ("annex", "heading"): 2,
                ("annex", "clause"): 9,
            },
        ),
        (RES_2504_EN, {("preambular", "clause"): 6, ("operative", "clause"): 10}),
        (RES_2504_AR, {("preambular", "clause"): 6, ("operative", "clause"): 10}),
        (RES_2512, {("preambular", "clause"): 14, ("operative", "clause"): 44}),
        (
            RES_1343,
            {
                ("preambular", "clause"): 12,
                ("operative", "heading"): 2,
                ("operative", "clause"): 56,
            },
        ),
        (DRAFT_506, {("preambular", "clause"): 10, ("operative", "clause"): 9}),
        (DRAFT_507, {("preambular", "clause"): 8, ("operative", "clause"): 8}),
    ],
)
def test_paragraphs_by_section_and_kind(documents, path, counts):
    found = Counter((paragraph.section, paragraph.kind) for paragraph in documents[path].paragraphs)
    assert found == counts


def test_s_res_2042_numbers_eids_and_lines(documents):
    paragraphs = documents[RES_2042].paragraphs
    preambular = [p for p in paragraphs if p.section == "preambular"]
    operative = [p for p in paragraphs if p.section == "operative"]
    assert [p.eid for p in preambular] == [f"container_{n}" for n in range(2, 8)]
    assert {p.number for p in preambular} == {None}
    assert [p.number for p in operative] == [str(n) for n in range(1, 14)]
    assert [p.eid for p in operative[:4]] == ["para_8", "para_9", "para_11", "para_14"]
    assert (operative[0].line, operative[-1].line) == (188, 260)
    assert {p.parent for p in paragraphs} == {None}


def test_s_res_2042_annex_is_read_block_by_block_headings_included(documents):
    annex = [p for p in documents[RES_2042].paragraphs if p.section == "annex"]
    assert [(p.kind, p.text) for p in annex[:2]] == [
        ("heading", "Annex"),
        (
            "heading",
            "Six-Point Proposal of the Joint Special Envoy of the United Nations and the League"
            " of Arab States",
        ),
    ]
    assert annex[2].text.startswith("(1) commit to work with the Envoy")
    assert annex[-1].text == (
        "(6) respect freedom of association and the right to demonstrate peacefully as legally"
        " guaranteed."
    )
    assert {p.number for p in annex} == {None}
    assert [p.eid for p in annex] == [f"para_{n}" for n in range(87, 98)]


def test_text_is_verbatim_with_whitespace_collapsed_and_no_formula(documents):
    paragraphs = documents[RES_2042].paragraphs
    assert paragraphs[0].text == (
        "Recalling its Presidential Statements of 3 August 2011, 21 March 2012 and 5 April 2012,"
        " and also recalling all relevant resolutions of the General Assembly,"
    )
    assert "the Envoy’s six-point proposal (annex) aimed at" in paragraphs[6].text
    assert paragraphs[18].text == "Decides to remain seized of the matter."
    assert all(p.text == " ".join(p.text.split()) for p in paragraphs)
    assert not any(p.text.startswith("The Security Council") for p in paragraphs)


def test_the_arabic_version_is_read_in_arabic_with_the_english_names(documents):
    arabic, english = documents[RES_2504_AR], documents[RES_2504_EN]
    operative = [p for p in arabic.paragraphs if p.section == "operative"]
    assert operative[0].number == "1"  # printed "1 -"
    assert operative[0].text == (
        "يهيب بجميع الأطراف أن تكفل تقديم المساعدة الإنسانية القائمة على المبادئ والمستمرة"
        " والمحسنة إلى سوريا في عام 2020؛"
    )
    assert operative[-1].text == "يقرر أن يبقي المسألة قيد نظره الفعلي."
    assert [p.number for p in arabic.paragraphs] == [p.number for p in english.paragraphs]
    assert (arabic.sponsors, arabic.votes) == (english.sponsors, english.votes)


def test_sub_paragraphs_belong_to_their_paragraph_and_sublists_to_the_point_above(documents):
    paragraphs = documents[RES_2512].paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.eid == "para_18")
    two, a, dash_1, dash_2, b, dash_3 = paragraphs[index : index + 6]
    assert (two.number, two.parent) == ("2", None)
    assert two.text.startswith("Commends the successful completion of Phase I")
    assert two.text.endswith("requests that UNIOGBIS focus on the following phases:")
    assert (a.number, a.text, a.parent, a.eid) == (
        "(a)",
        "Phase II (post-electoral phase)",
        index,
        "para_18_list_point_a",
    )
    assert [(d.number, d.parent) for d in (dash_1, dash_2)] == [("–", index + 1)] * 2
    assert dash_1.eid == "para_18_list_point_a_sublist_point_1"
    assert (b.number, b.parent, dash_3.parent) == ("(b)", index, index + 4)
    assert paragraphs[index + 6].number == "3"


def test_old_shapes_sections_preambles_in_the_body_and_paragraphs_without_text(documents):
    paragraphs = documents[RES_1343].paragraphs
    by_eid = {p.eid: p for p in paragraphs}
    assert (by_eid["mainBody__section_1"].kind, by_eid["mainBody__section_1"].text) == (
        "heading",
        "A",
    )
    assert by_eid["preamble_13"].section == "preambular"
    assert by_eid["preamble_13"].text.startswith("Recalling its resolutions 788 (1992)")
    # "5. (a) Decides ...": paragraph 5 has no text of its own; its points take its place.
    assert [p.number for p in paragraphs if p.number and p.number.startswith("5")] == [
        "5 (a)",
        "5 (b)",
        "5 (c)",
        "5 (d)",
    ]
    assert by_eid["para_23_list_point_a"].parent is None
    wrap_up = by_eid["para_248_list__wrapUp_1"]
    assert (
        wrap_up.text
        == "and further requests the Secretary-General to provide the necessary resources;"
    )
    assert paragraphs[wrap_up.parent].number == "19"
    assert (wrap_up.number, paragraphs.index(wrap_up)) == (None, wrap_up.parent + 7)


def test_footnotes_are_left_out(tmp_path):
    text = RES_2042.read_text(encoding="utf-8").replace(
        "relevant resolutions of the General Assembly,",
        'relevant resolutions<authorialNote marker="1" placement="bottom" eId="authorialNote_1">'
        "<p>A/RES/66/253.</p></authorialNote> of the General Assembly,",
    )
    path = tmp_path / "with-note.xml"
    path.write_text(text, encoding="utf-8")
    assert (
        read_document(path)
        .paragraphs[0]
        .text.endswith("also recalling all relevant resolutions of the General Assembly,")
    )


UK = "United Kingdom of Great Britain and Northern Ireland"
US = "United States of America"


@pytest.mark.parametrize(
    ("printed", "names"),
    [
        ("Brazil and Switzerland", ["Brazil", "Switzerland"]),
        ("Russian Federation", ["Russian Federation"]),
        (f"France, {UK} and {US}", ["France", UK, US]),
        (
            "Bosnia and Herzegovina and Trinidad and Tobago",
            ["Bosnia and Herzegovina", "Trinidad and Tobago"],
        ),
        (
            "Bolivia (Plurinational State of), Saint Vincent and the Grenadines, and Viet Nam",
            ["Bolivia (Plurinational State of)", "Saint Vincent and the Grenadines", "Viet Nam"],
        ),
        (
            "Syrian Arab Republic and Bolivarian Republic of Venezuela",
            ["Syrian Arab Republic", "Bolivarian Republic of Venezuela"],
        ),
        # Slips in the UN's files: a missing comma, and parts of a name repeated.
        ("Australia, Chile France, Lithuania", ["Australia", "Chile", "France", "Lithuania"]),
        (f"Spain and {UK} of Britain and Northern Ireland", ["Spain", UK]),
        (f"{UK} of Great Britain (and Northern Ireland) and {US}", [UK, US]),
        (f"{UK} and Northern Ireland and {US}", [UK, US]),
        (f"Japan, {UK} and (and) {US}", ["Japan", UK, US]),
        ("by the Secretary-General", ["by the Secretary-General"]),
        ("", []),
    ],
)
def test_a_printed_list_of_states_splits_into_names(printed, names):
    assert split_names(printed) == names


def test_sponsors_repeated_in_a_list_are_given_once(tmp_path):
    text = RES_2504_EN.read_text(encoding="utf-8").replace(
        'by="Belgium and Germany"', 'by="Belgium, Germany and Belgium"'
    )
    path = tmp_path / "repeated.xml"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).sponsors == ("Belgium", "Germany")


# Refusals: each says which file, where, and why.


def test_a_truncated_file_is_refused_with_lxmls_line(tmp_path):
    path = tmp_path / "truncated.xml"
    lines = RES_2042.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:200]))
    with pytest.raises(ReaderError) as refusal:
        read_document(path)
    error = refusal.value
    assert error.path == path
    assert isinstance(error.line, int)
    assert error.line >= 200
    assert "not well-formed XML" in error.message
    assert str(error) == f"{path}:{error.line}: {error.message}"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('<docNumber refersTo="#symbol">S/RES/2042 (2012)</docNumber>', "", "no symbol"),
        ('<FRBRlanguage language="eng"></FRBRlanguage>', "", "no FRBR language"),
        (
            '<FRBRlanguage language="eng">',
            '<FRBRlanguage language="xyz">',
            "unknown FRBR language 'xyz'",
        ),
        (
            '<FRBRdate date="2012-04-14" name="adoption">',
            '<FRBRdate date="" name="adoption">',
            "no FRBR date",
        ),
        (
            '<statement name="resolution">',
            '<statement name="report">',
            "a statement named 'report'",
        ),
        ("<mainBody>", "<mainBody><table/>", "unexpected <table> in <mainBody>"),
    ],
)
def test_a_file_without_what_identifies_it_is_refused(tmp_path, old, new, message):
    text = RES_2042.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "changed.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(
        ReaderError, match="^" + str(path).replace("\\", "\\\\") + r":\d+: "
    ) as refusal:
        read_document(path)
    assert refusal.value.message.startswith(message)


def test_a_file_without_paragraphs_is_refused(tmp_path):
    text = DRAFT_507.read_text(encoding="utf-8")
    start, end = text.index("<preamble>"), text.index("</mainBody>") + len("</mainBody>")
    path = tmp_path / "empty.xml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ReaderError, match="no paragraph"):
        read_document(path)


@pytest.mark.parametrize(
    "xml",
    [
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>1.</p></body></html>',
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act/></akomaNtoso>',
        "<akomaNtoso><statement name='resolution'/></akomaNtoso>",
    ],
)
def test_xml_that_is_not_an_akoma_ntoso_statement_is_refused(tmp_path, xml):
    path = tmp_path / "other.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(ReaderError) as refusal:
        read_document(path)
    assert (refusal.value.line, refusal.value.message) == (1, "not an Akoma Ntoso statement")


def test_a_missing_file_is_refused_without_a_line(tmp_path):
    path = tmp_path / "missing.xml"
    with pytest.raises(ReaderError) as refusal:
        read_document(path)
    assert refusal.value.line is None
    assert str(refusal.value).startswith(f"{path}: cannot read the file")


# Finding files.


def test_find_documents_walks_directories_for_xml_files_sorted(tmp_path):
    nested = tmp_path / "2012" / "English"
    nested.mkdir(parents=True)
    (nested / "b.xml").write_text("<x/>")
    (tmp_path / "a.xml").write_text("<x/>")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "data_extract").mkdir()
    (tmp_path / "data_extract" / "2012.json").write_text("{}")
    assert find_documents([tmp_path]) == [tmp_path / "2012/English/b.xml", tmp_path / "a.xml"]


def test_find_documents_keeps_files_as_given_once_each():
    found = find_documents([RES_2042, FILES, DRAFT_506])
    assert found == sorted(FILES.glob("*.xml"))
    assert len(found) == 7
    assert find_documents([RES_2042]) == [RES_2042]


def test_find_documents_refuses_a_missing_path(tmp_path):
    with pytest.raises(ReaderError) as refusal:
        find_documents([FILES, tmp_path / "nowhere"])
    assert str(refusal.value) == f"{tmp_path / 'nowhere'}: no such file or directory"


def test_paragraph_texts_are_composed_as_a_reader_sees_them():
    # The UN's Arabic file of resolution 2504 puts a shadda before a fatha over one lam,
    # the other way round from Unicode's canonical order; the two orders look the same,
    # and read, its text is in canonical composed form (NFC), as a search is typed.
    raw = RES_2504_AR.read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw)
    document = read_document(RES_2504_AR)
    assert all(unicodedata.is_normalized("NFC", p.text) for p in document.paragraphs)
