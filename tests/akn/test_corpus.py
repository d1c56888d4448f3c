"""The whole of the UN's corpus as the project's shared data holds it (``CORPUS``): every
file reads, every name in it resolves, every record agrees with its file.

The files are read once for this module (1,780 of them: about six seconds), not once per
test; the tests skip where ``../shared`` is not beside the checkout."""

import pytest

from tests.akn import CORPUS, NOT_STATES, resolves_to_a_state
from timeline.akn import find_documents, find_metadata_dir, read_document, read_metadata

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the UN's files are not in ../shared")


@pytest.fixture(scope="module")
def corpus() -> dict:
    """Every file of the corpus, read: path → document."""
    return {path: read_document(path) for path in find_documents([CORPUS])}


@pytest.fixture(scope="module")
def english(corpus) -> dict:
    return {path: d for path, d in corpus.items() if d.language == "en"}


def test_every_file_of_the_corpus_reads_with_text_in_every_paragraph(corpus):
    assert len(corpus) > 1700
    for path, document in corpus.items():
        assert document.paragraphs, path
        eids = [p.eid for p in document.paragraphs]
        assert len(eids) == len(set(eids)), path
        for index, paragraph in enumerate(document.paragraphs):
            assert paragraph.text, (path, paragraph.line)
            assert paragraph.text == " ".join(paragraph.text.split()), (path, paragraph.line)
            assert paragraph.section in {"preambular", "operative", "annex"}
            assert paragraph.kind in {"clause", "heading"}
            assert paragraph.parent is None or paragraph.parent < index


def test_every_sponsor_and_voter_in_every_english_file_is_a_state(english):
    unknown = set()
    for path, document in english.items():
        for name, line in document.name_lines.items():
            if name.casefold() not in NOT_STATES and not resolves_to_a_state(name):
                unknown.add(f"{path}:{line}: {name}")
    assert not unknown


def test_the_corpus_records_agree_with_the_english_files(english):
    records = read_metadata(find_metadata_dir(CORPUS / "Pre-2020" / "2012"))
    assert len(records) > 1500
    disagreements = set()
    for document in english.values():
        record = records.get(document.symbol)
        if record is None:
            continue
        for field in ("draft_symbol", "date", "meeting"):
            if getattr(document, field) != getattr(record, field):
                disagreements.add((document.symbol, field))
    # Slips in the UN's own data: S/RES/1609 (2005) has 22 June in its FRBR date and
    # workflow but prints 24 June 2005, as the record has it; S/RES/2423 (2018) prints
    # "29 June 2016", which the record copies, against 28 June 2018 in its FRBR date.
    assert disagreements == {("S/RES/1609 (2005)", "date"), ("S/RES/2423 (2018)", "date")}
