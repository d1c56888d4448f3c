"""Every revision as Akoma Ntoso 3.0 XML, in each language it has, shaped like the United
Nations' own AKN4UN files of Security Council texts (`timeline/data/unxml/`) and valid
against the OASIS schema.

What a file holds, and where:

- ``<statement name="resolution">`` for an adopted revision, ``"draftResolution"`` for
  any other. The FRBR work, expression and manifestation IRIs follow the UN's pattern
  ``/akn/un/statement/deliberation/unsc/<date>/<number>/`` with ``<number>`` the
  resolution's ("2042-2012") for an adopted text, the draft's symbol without ``S/``
  ("2012-219") for a draft with one, and ``redline-<family>-<revision>`` (the revision's
  own address) for a draft that never had a symbol; ``<date>`` is the vote's date, or the
  revision's where there was no vote.
- ``coverPage``: the symbol (the resolution's, ``S/RES/2042 (2012)``, for an adopted text)
  and the date; ``workflow``: the draft with its sponsors, the status it reached (in blue,
  not put to a vote) and the vote, its members in ``akn4un:voters`` as the UN writes them.
- The text: preambular clauses as ``<container>`` s of ``<preamble>`` (a clause printed
  with a number, as some leaked drafts are, as a ``<blockContainer>`` with its ``<num>``),
  operative clauses as ``<paragraph>`` s of ``<mainBody>`` with their printed ``<num>``,
  annex clauses in an ``<attachment>`` as the UN files them. Every paragraph's ``eId`` is
  its anchor (``pp3``, ``op5``, the page's ``#op5``) and its ``wId`` the clause key, which
  follows it through the family. Redline records no parent for a clause, so sub-paragraphs
  ("(a)", "(ii)") are paragraphs of their own in order, as the UN's files of this corpus
  mark them up (S/RES/2118 (2013)'s annexes).
- Honesty: a revision known only in part exports only its known clauses; nothing is added
  to fill a gap (no enacting formula either: Redline does not store it). A part with no
  known clause holds an empty ``<omissis/>``, which the schema's ``mainBody`` requires.
  ``meta/notes`` say in words what the text status, an approximate date, a missing
  symbol, the revision's note, the vote's named members and each clause's markers
  (paraphrase, part of a paragraph, brackets, proposers, sources, note) mean, each clause
  pointing to its note with a ``noteRef``; ``meta/proprietary`` says the same in the
  terms of ``unsc-drafts/1`` for programs. Official texts name the United Nations as
  their source.
"""

import re
from collections.abc import Sequence

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.text import slugify
from lxml import etree

from timeline.akn.reader import AKN, AKN4UN, LANGUAGES
from timeline.collection.official import PUBLISHER as UN_PUBLISHER
from timeline.languages import LanguageError, chosen_language, language_name, text_versions
from timeline.models import (
    Cast,
    Clause,
    DatePrecision,
    Revision,
    RevisionSource,
    RevisionStatus,
    Section,
    Source,
    TextKind,
    TextStatus,
    Vote,
    VoteSource,
)
from timeline.page_cache import reader_page
from timeline.views.common import bad_request

MEDIA_TYPE = "application/akn+xml; charset=utf-8"
# Redline's own metadata, inside `proprietary` (which the schema opens to any namespace).
REDLINE = "urn:x-redline:akn:1"
_NSMAP = {None: AKN, "akn4un": AKN4UN, "redline": REDLINE}
# ISO 639-2 codes as the UN's FRBRlanguage writes them.
_ISO_639_2 = {bcp: code for code, bcp in LANGUAGES.items() if code not in ("chi", "fre", "ger")}
_WORK_ROOT = "/akn/un/statement/deliberation/unsc"
# The workflow step of a revision's outcome, as the UN's files write it.
_OUTCOMES = {
    RevisionStatus.ADOPTED: "adopted",
    RevisionStatus.VETOED: "veto",
    RevisionStatus.NOT_ADOPTED: "notAdopted",
    RevisionStatus.IN_BLUE: "inBlue",
    RevisionStatus.NOT_VOTED: "notVoted",
}
_VOTE_COUNTS = {Cast.IN_FAVOUR: "inFavour", Cast.AGAINST: "against", Cast.ABSTAINING: "abstaining"}
# XML 1.0 cannot carry these characters at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def revisions_for_akn():
    """Published revisions with everything their AKN export reads besides the clauses,
    in a fixed number of queries. Drafts held back by an editor are never exported."""
    return (
        Revision.objects.published()
        .with_details()
        .prefetch_related(
            "other_languages",
            Prefetch("source_links", RevisionSource.objects.select_related("source")),
            Prefetch("vote__source_links", VoteSource.objects.select_related("source")),
        )
    )


def revision_akn(revision: Revision, language: str, *, address: str = "") -> bytes:
    """The revision's text in `language` (one it has) as an AKN4UN document, UTF-8 with
    an XML declaration; `address` is the revision's page, named in the notes. The
    revision should come from `revisions_for_akn`; its clauses are read here (three
    queries)."""
    clauses = list(
        revision.clauses.filter(language=language).order_by("position").with_provenance()
    )
    return etree.tostring(
        _Document(revision, language, clauses, address).build(),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
    )


def work_number(revision: Revision) -> str:
    """The number part of the revision's FRBR work IRI (see the module's documentation)."""
    vote = _vote(revision)
    if revision.status == RevisionStatus.ADOPTED and vote and vote.resolution_number:
        return slugify(vote.resolution_number)
    if revision.symbol:
        return slugify(re.sub(r"^S/", "", revision.symbol.strip()).replace("/", "-"))
    return f"redline-{revision.resolution.slug}-{revision.slug}"


def filename(revision: Revision, language: str) -> str:
    """The download's name: "S-2012-219-en.akn.xml", or the family's and revision's slugs
    for a draft without a symbol."""
    name = revision.symbol or f"{revision.resolution.slug}-{revision.slug}"
    return f"{re.sub(r'[^A-Za-z0-9._-]+', '-', name).strip('-')}-{language}.akn.xml"


def revision_akn_view(request: HttpRequest, family: str, revision: str) -> HttpResponse:
    """A published revision as AKN XML, in its main language or `?lang=` (400 if it does
    not have that language); 404 for an unknown or unpublished revision."""
    revision = get_object_or_404(revisions_for_akn(), resolution__slug=family, slug=revision)
    try:
        language = chosen_language(request.GET, [revision])
    except LanguageError as error:
        return bad_request(request, str(error))
    body = revision_akn(
        revision, language, address=request.build_absolute_uri(revision.get_absolute_url())
    )
    response = HttpResponse(body, content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename(revision, language)}"'
    return response


urlpatterns = [
    path(
        "r/<slug:family>/<slug:revision>/akn.xml",
        reader_page(revision_akn_view),
        name="revision-akn",
    ),
]


def _vote(revision: Revision) -> Vote | None:
    try:
        return revision.vote
    except Vote.DoesNotExist:
        return None


def _text(value: str) -> str:
    """`value` as XML can carry it: a control character that XML 1.0 forbids (the text
    pipeline cleans them from pastes) becomes U+FFFD rather than failing the export."""
    return _NOT_XML.sub("\ufffd", value)


def _names(countries) -> str:
    """Countries' UN names as the UN's workflow prints them: "A, B and C"."""
    names = [c.un_name for c in countries]
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def _e(tag: str, parent: etree._Element | None = None, text: str | None = None, **attrs):
    """An element of the AKN namespace (or `{ns}tag`), with attributes given as keywords
    whose `None` values are left out."""
    name = tag if tag.startswith("{") else f"{{{AKN}}}{tag}"
    values = {k.rstrip("_"): str(v) for k, v in attrs.items() if v is not None}
    element = (
        etree.SubElement(parent, name, values)
        if parent is not None
        else etree.Element(name, values)
    )
    if text is not None:
        element.text = _text(text)
    return element


class _Document:
    def __init__(
        self, revision: Revision, language: str, clauses: Sequence[Clause], address: str
    ) -> None:
        self.revision = revision
        self.language = language
        self.clauses = clauses
        self.address = address
        self.vote = _vote(revision)
        self.version = next(v for v in text_versions(revision) if v.language == language)
        adopted = revision.status == RevisionStatus.ADOPTED
        self.kind = "resolution" if adopted else "draftResolution"
        self.date = self.vote.date if self.vote else revision.date
        self.work = f"{_WORK_ROOT}/{self.date.isoformat()}/{work_number(revision)}/"
        self.expression = f"{self.work}{_ISO_639_2[language]}@"
        resolution_number = self.vote.resolution_number if self.vote else None
        self.symbol = (
            f"S/RES/{resolution_number}" if adopted and resolution_number else revision.symbol
        )

    def build(self) -> etree._Element:
        root = etree.Element(f"{{{AKN}}}akomaNtoso", nsmap=_NSMAP)
        statement = _e("statement", root, name=self.kind)
        meta = _e("meta", statement)
        self.identification(meta, "")
        self.workflow(meta)
        self.analysis(meta)
        self.references(meta)
        notes = _e("notes", meta, source="#redline")
        self.document_notes(notes)
        proprietary = _e("proprietary", meta, source="#redline")
        self.proprietary(proprietary)
        self.cover_page(statement)
        sections = {s: [c for c in self.clauses if c.section == s] for s in Section.values}
        if sections[Section.PREAMBULAR]:
            preamble = _e("preamble", statement)
            for clause in sections[Section.PREAMBULAR]:
                self.preambular(preamble, clause, notes)
        self.body(_e("mainBody", statement), sections[Section.OPERATIVE], notes)
        if sections[Section.ANNEX]:
            doc = _e("doc", _e("attachment", _e("attachments", statement)), name="annex")
            self.identification(_e("meta", doc), "annex")
            self.body(_e("mainBody", doc), sections[Section.ANNEX], notes)
        if not len(notes):
            meta.remove(notes)
        return root

    # Identification and workflow.

    def identification(self, meta: etree._Element, component: str) -> None:
        revision = self.revision
        identification = _e("identification", meta, source="#redline")
        work = _e("FRBRWork", identification)
        _e("FRBRthis", work, value=f"{self.work}!main/{component}")
        _e("FRBRuri", work, value=self.work)
        date_name = {
            RevisionStatus.ADOPTED: "adoption",
            RevisionStatus.VETOED: "voting",
            RevisionStatus.NOT_ADOPTED: "voting",
        }.get(revision.status, "circulation")
        _e("FRBRdate", work, date=self.date.isoformat(), name=date_name)
        _e("FRBRauthor", work, href="#sc", as_="#author")
        _e("FRBRcountry", work, value="un")
        expression = _e("FRBRExpression", identification)
        _e("FRBRthis", expression, value=f"{self.expression}!main/{component}")
        _e("FRBRuri", expression, value=f"{self.expression}/")
        _e("FRBRdate", expression, date=revision.date.isoformat(), name="publication")
        _e("FRBRauthor", expression, href="#sc", as_="#issuer")
        _e("FRBRlanguage", expression, language=_ISO_639_2[self.language])
        manifestation = _e("FRBRManifestation", identification)
        suffix = f"/{component}" if component else ""
        _e("FRBRthis", manifestation, value=f"{self.expression}/!main{suffix}.xml")
        _e("FRBRuri", manifestation, value=f"{self.expression}.xml")
        _e("FRBRdate", manifestation, date=revision.updated_at.date().isoformat(), name="markup")
        _e("FRBRauthor", manifestation, href="#redline", as_="#editor")

    def workflow(self, meta: etree._Element) -> None:
        revision = self.revision
        workflow = _e("workflow", meta, source="#redline")
        sponsors = [s.country for s in revision.sponsorships.all()]
        _e(
            "step",
            workflow,
            date=revision.date.isoformat(),
            outcome="draftResolution",
            as_=revision.symbol,
            by=_names(sponsors),
        )
        outcome = _OUTCOMES.get(revision.status)
        if outcome is None:
            return
        vote = self.vote
        if vote is None:
            _e("step", workflow, date=revision.date.isoformat(), outcome=outcome, by="")
            return
        _e(
            "step",
            workflow,
            date=vote.date.isoformat(),
            outcome=outcome,
            as_=vote.meeting,
            by=self.vote_summary(),
        )

    def vote_summary(self) -> str:
        vote = self.vote
        if vote.adopted:
            said = (
                f"Adopted as resolution {vote.resolution_number}"
                if vote.resolution_number
                else "Adopted"
            )
        elif vote.was_vetoed:
            said = f"Vetoed by {_names(vote.vetoed_by())}"
        else:
            said = "Not adopted, having failed to obtain the required number of votes"
        return f"{said}, {vote.meeting}"

    def analysis(self, meta: etree._Element) -> None:
        if self.vote is None:
            return
        voting = _e("voting", _e("parliamentary", _e("analysis", meta, source="#redline")))
        for cast, ballots in self.vote.ballots_by_cast().items():
            if not ballots:
                continue
            count = _e("count", voting, value=len(ballots), refersTo=_VOTE_COUNTS[cast])
            voters = _e(f"{{{AKN4UN}}}voters", count)
            for ballot in ballots:
                _e("organization", voters, ballot.country.un_name, refersTo="memberState")
        if not len(voting):
            meta.remove(voting.getparent().getparent())

    def references(self, meta: etree._Element) -> None:
        references = _e("references", meta, source="#redline")
        _e(
            "TLCOrganization",
            references,
            eId="redline",
            href="/akn/ontology/organization/redline",
            showAs="Redline",
        )
        _e(
            "TLCOrganization",
            references,
            eId="sc",
            href="/akn/ontology/organization/un/securityCouncil",
            showAs="Security Council",
        )
        for eid, show in (("author", "Author"), ("issuer", "Issuer"), ("editor", "Editor")):
            _e("TLCRole", references, eId=eid, href=f"/akn/ontology/role/un/{eid}", showAs=show)
        _e(
            "TLCTerm",
            references,
            eId="memberState",
            href="/akn/ontology/organization/un/memberState",
            showAs="Member State",
        )
        for eid, show in (("inFavour", "In favour"), ("against", "Against")):
            _e(
                "TLCTerm",
                references,
                eId=eid,
                href=f"/akn/ontology/concept/un/voting/{eid}",
                showAs=show,
            )
        _e(
            "TLCTerm",
            references,
            eId="abstaining",
            href="/akn/ontology/concept/un/voting/abstaining",
            showAs="Abstaining",
        )

    def cover_page(self, statement: etree._Element) -> None:
        cover = _e("coverPage", statement, eId="coverPage_1")
        _e("docAuthority", _e("p", cover), "United Nations", refersTo="#publisher")
        if self.symbol:
            _e("docNumber", _e("p", cover), self.symbol, refersTo="#symbol")
        _e("docAuthority", _e("p", cover), "Security Council", refersTo="#sc")
        _e(
            "docDate",
            _e("p", cover),
            self.revision.date.isoformat(),
            date=self.revision.date.isoformat(),
            refersTo="#dateOfIssuance",
        )
        _e("docTitle", _e("p", cover), self.revision.label, refersTo="#label")

    # Notes and Redline's own metadata.

    def document_notes(self, notes: etree._Element) -> None:
        revision = self.revision
        version = self.version
        status = TextStatus(version.text_status)
        said = (
            f"Exported by Redline from its collection: revision “{revision.label}” of "
            f"“{revision.resolution.title}”, {language_name(self.language)} text, "
            f"{status.label}."
        )
        if self.address:
            said += f" Its page: {self.address}"
        self.note(notes, "note_revision", said)
        if status != TextStatus.COMPLETE:
            self.note(
                notes,
                "note_textStatus",
                {
                    TextStatus.PARTIAL: "Only part of this text is known: this file holds "
                    "the paragraphs the sources give, and nothing to fill the gaps.",
                    TextStatus.FRAGMENTS: "Only fragments of this text are known: this file "
                    "holds the passages the sources quote or report, and nothing else; where "
                    "a fragment stood in the draft is not always known.",
                    TextStatus.NONE: "No text of this revision is known: this file records "
                    "what is known about it, without any paragraph.",
                }[status],
            )
        if revision.date_precision == DatePrecision.APPROXIMATE:
            self.note(
                notes,
                "note_date",
                f"The date {revision.date.isoformat()} is approximate: {revision.date_note}",
            )
        elif revision.date_note:
            self.note(notes, "note_date", f"How the date is known: {revision.date_note}")
        if not revision.symbol:
            self.note(
                notes,
                "note_symbol",
                "This draft has no UN document symbol: its FRBR IRIs are Redline's, named "
                "after its family and revision.",
            )
        if revision.note:
            self.note(notes, "note_editor", revision.note)
        if self.vote is not None and not self.vote.all_members_named():
            self.note(
                notes,
                "note_vote",
                f"The sources name {self.vote.members_named()} of the Council's "
                f"{Vote.COUNCIL_SIZE} members' votes.",
            )
        sources = self.sources()
        if any(s.publisher == UN_PUBLISHER for s in sources):
            self.note(
                notes,
                "note_un",
                "Source of the official text: United Nations (an unofficial copy in Akoma "
                "Ntoso prepared by the United Nations from the official electronic file).",
            )
        for source in sources:
            note = _e("note", notes, eId=f"source_{source.slug}", refersTo="#source")
            p = _e("p", note, f"Source: {source.publisher}, “{source.title}”")
            if source.date:
                p.text += f", {source.date.isoformat()}"
            p.text += " ("
            link = _e("a", p, source.url, href=source.url)
            link.tail = ")."

    def sources(self) -> list[Source]:
        """The revision's, vote's and clauses' sources, each once, in that order."""
        links = [*self.revision.source_links.all()]
        if self.vote is not None:
            links += self.vote.source_links.all()
        for clause in self.clauses:
            links += clause.source_links.all()
        return list({link.source.slug: link.source for link in links}.values())

    def note(self, notes: etree._Element, eid: str, text: str) -> None:
        _e("p", _e("note", notes, eId=eid), text)

    def clause_note(self, notes: etree._Element, clause: Clause) -> str | None:
        """The note saying what a reader of the clause must know, if anything; its eId."""
        said = []
        if clause.text_kind == TextKind.PARAPHRASE:
            said.append("A reported paraphrase, not the draft's own words.")
        elif not clause.complete:
            said.append("Part of the paragraph only.")
        if clause.bracketed:
            said.append("Shows square-bracketed text, not yet agreed.")
        for proposer in clause.proposers.all():
            said.append(
                f"Proposed by {proposer.country.name}, per {proposer.source.publisher}: "
                f"“{proposer.quote}”."
            )
        sources = [link.source.slug for link in clause.source_links.all()]
        if sources:
            said.append(f"Sources: {', '.join(sources)}.")
        if clause.note:
            said.append(clause.note)
        if not said:
            return None
        eid = f"note_{clause.anchor}"
        self.note(notes, eid, " ".join(said))
        return eid

    def proprietary(self, proprietary: etree._Element) -> None:
        revision = self.revision
        own = _e(
            f"{{{REDLINE}}}revision",
            proprietary,
            family=revision.resolution.slug,
            slug=revision.slug,
            label=revision.label,
            symbol=revision.symbol,
            status=revision.status,
            date=revision.date.isoformat(),
            date_precision=revision.date_precision,
            language=self.language,
            main_language=revision.language,
            text_status=self.version.text_status,
        )
        for sponsorship in revision.sponsorships.all():
            _e(f"{{{REDLINE}}}sponsor", own, country=sponsorship.country_id)
        if self.vote is not None:
            vote = _e(
                f"{{{REDLINE}}}vote",
                own,
                date=self.vote.date.isoformat(),
                meeting=self.vote.meeting,
                adopted=str(self.vote.adopted).lower(),
                resolution_number=self.vote.resolution_number,
            )
            for cast, ballots in self.vote.ballots_by_cast().items():
                for ballot in ballots:
                    _e(f"{{{REDLINE}}}ballot", vote, country=ballot.country_id, cast=cast)
        for clause in self.clauses:
            element = _e(
                f"{{{REDLINE}}}clause",
                own,
                eId=clause.anchor,
                key=clause.key,
                section=clause.section,
                number=clause.number,
                text_kind=clause.text_kind,
                complete=str(clause.complete).lower(),
                bracketed=str(clause.bracketed).lower(),
            )
            for proposer in clause.proposers.all():
                _e(
                    f"{{{REDLINE}}}proposer",
                    element,
                    country=proposer.country_id,
                    source=proposer.source.slug,
                )
            for link in clause.source_links.all():
                _e(f"{{{REDLINE}}}source", element, ref=link.source.slug)

    # The text.

    def preambular(self, preamble: etree._Element, clause: Clause, notes) -> None:
        attrs = {"eId": clause.anchor, "wId": clause.key, "class": _markers(clause)}
        if clause.number:
            unit = _e("blockContainer", preamble, **attrs)
            _e("num", unit, clause.number)
        else:
            unit = _e("container", preamble, name="preambularParagraph", **attrs)
        self.text(_e("p", unit), clause, notes)

    def body(self, body: etree._Element, clauses: Sequence[Clause], notes) -> None:
        if not clauses:
            # The schema wants a main body; what it held is not known.
            _e("omissis", _e("p", body, eId="mainBody__omissis_1"))
            return
        for clause in clauses:
            paragraph = _e(
                "paragraph",
                body,
                eId=clause.anchor,
                wId=clause.key,
                **{"class": _markers(clause)},
            )
            if clause.number:
                _e("num", paragraph, _printed(clause.number))
            content = _e("content", paragraph, eId=f"{clause.anchor}__content")
            self.text(_e("p", content), clause, notes)

    def text(self, p: etree._Element, clause: Clause, notes) -> None:
        p.text = _text(clause.text)
        eid = self.clause_note(notes, clause)
        if eid is not None:
            _e("noteRef", p, href=f"#{eid}", marker="*")


def _markers(clause: Clause) -> str | None:
    """The clause's honesty markers as classes, for stylesheets: none for a verbatim,
    complete, agreed paragraph."""
    classes = []
    if clause.text_kind == TextKind.PARAPHRASE:
        classes.append("paraphrase")
    if not clause.complete:
        classes.append("incomplete")
    if clause.bracketed:
        classes.append("bracketed")
    return " ".join(classes) or None


def _printed(number: str) -> str:
    """A paragraph number as the UN prints it: "1." for 1; other labels as recorded."""
    return f"{number}." if number.isdigit() else number
