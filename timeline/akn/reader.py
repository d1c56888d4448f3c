"""Read one of the UN's Akoma Ntoso (AKN4UN) Security Council files into a Document.

A file is identified by what it says, never by its name: the FRBR identification gives
the work, the expression, the language and the date; the cover page's ``docNumber`` the
symbol; the ``workflow`` steps the draft, the sponsors, the meeting and the outcome;
``akn4un:voters`` the votes.

How the text is read (every shape below occurs in the UN's files of 2000-2026):

- ``<preamble>``: the ``<formula>`` ("The Security Council,") is skipped. Each
  ``<container>`` is one preambular paragraph (its ``<p>`` joined); a container holding
  a ``<blockList>`` takes the ``<listIntroduction>`` as its text and each ``<item>`` as a
  numbered sub-paragraph. A ``<block>`` or a bare ``<p>`` between containers is a
  heading.
- ``<mainBody>``: each ``<paragraph>`` is an operative paragraph, its ``<num>`` the
  number without the full stop ("1." is "1", the Arabic "1 -" too). Its text is its
  ``<content>``; a paragraph whose body is a ``<list>`` takes the list's ``<intro>`` as
  its text and the list's points as its sub-paragraphs, and a ``<sublist>`` belongs to
  the point (or intro) just above it, as its eIds say. A ``<wrapUp>`` after the points,
  and an ``<alinea>`` inside a paragraph, are unnumbered sub-paragraphs of the paragraph
  whose list they close: they come after the points in the text, so they stay there,
  rather than being joined to the intro across the points. A ``<heading>`` or ``<subheading>`` with
  no content (``<num>A.</num><subheading>Targeted sanctions</subheading>``) is a heading;
  beside content (``<subheading>Urgent temporary measures:</subheading>`` before a
  point's content) it opens the paragraph's text. A ``<section>`` is its ``<num>`` ("A",
  a heading) then its paragraphs; its ``<crossHeading refersTo="#preamble">`` s are
  preambular paragraphs. A ``<container>`` of ``<p>`` is a heading; a container of a
  ``<table>`` gives one paragraph per row (cells joined, a row of ``<th>`` a heading).
  A ``<p>`` holding only a ``<decoration>`` (a centred "*") is skipped.
- ``<attachments>``: every ``<attachment>``'s ``<doc>`` body is read like the main body,
  as section ``"annex"``, headings ("Annex") included.

Two shapes need care so that every paragraph has text: a paragraph with only a
``<num>`` (a chapter "I" of S/RES/1318 (2000)) is a heading whose text is that label;
and a numbered paragraph with no text of its own, whose list has no intro ("5. (a)
Decides …; (b) Decides …", S/RES/1343 (2001)), is not returned itself: its
sub-paragraphs take its place, numbered "5 (a)", "5 (b)".

Text is each paragraph's own, verbatim, with every run of whitespace one space;
footnotes (``<authorialNote>``) are left out, superscripts (``<sup>``) kept.

Names are returned as printed. In this corpus the other language versions print sponsor
and voter names in English too, but that is not promised: callers take names from the
English version.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from timeline.akn.members import is_member_state
from timeline.diff.clean import composed

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN = "http://un.org/akn4un"
NS = {"akn": AKN, "akn4un": AKN4UN}

# FRBRlanguage codes (ISO 639-2, bibliographic or terminology) to BCP 47.
LANGUAGES = {
    "ara": "ar",
    "chi": "zh",
    "zho": "zh",
    "deu": "de",
    "ger": "de",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "rus": "ru",
    "spa": "es",
}
KINDS = ("resolution", "draftResolution")
# The vote's workflow step, by its @outcome; the files write "veto" and "Veto".
OUTCOMES = {"adopted": "adopted", "veto": "vetoed", "notadopted": "not-adopted"}
VOTES = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}

# Some files put 0001-01-01 where a date is unknown.
_FIRST_YEAR = 1945

_RESOLUTION_SYMBOL = re.compile(r"S/RES/(\d+)\s*\((\d{4})\)")
_MEETING = re.compile(r"S/PV\.?\s*(\d+)")
# Elements whose text starts and ends a block: their neighbours are separate words.
_BLOCKS = frozenset(
    {"p", "num", "content", "intro", "wrapUp", "point", "list", "blockList", "item"}
    | {"listIntroduction", "quotedStructure", "heading", "subheading", "td", "th", "tr"}
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document, in document order.

    ``section`` is ``"preambular"``, ``"operative"`` or ``"annex"``; ``number`` the label
    as printed without a trailing full stop (``"1"``, ``"(a)"``, ``"(i)"``, ``"–"``) or
    ``None``; ``text`` the paragraph's own text (never its sub-paragraphs'); ``eid`` its
    element's eId, or, for the few elements the files leave without one (table rows,
    ``<block>``, ``<section>``, a bare ``<p>``), one built the Akoma Ntoso way from the
    nearest ancestor's: ``container_45_table_1__tr_3``, ``preamble__block_1``;
    ``parent`` the index in ``Document.paragraphs`` of the paragraph a sub-paragraph
    belongs to; ``line`` the source line of its element. ``kind`` (an addition) is
    ``"heading"`` for a line above paragraphs ("Annex", "A. Targeted sanctions"),
    otherwise ``"clause"``.
    """

    section: str
    number: str | None
    text: str
    eid: str
    parent: int | None
    line: int
    kind: str = "clause"


@dataclass(frozen=True, slots=True)
class Document:
    """What one file says: identification, workflow, votes and paragraphs.

    ``kind`` is the statement's ``@name`` (``"resolution"`` or ``"draftResolution"``;
    the one presidential statement in the files, S/PRST/2020/11, is filed as a
    resolution); ``date`` the FRBR work's date, or the vote's where a file leaves the
    placeholder 0001-01-01 there; ``symbol`` the cover page's ``docNumber``, written
    ``S/RES/2737 (2024)`` even where a file prints ``S/RES/2737(2024)``; ``draft_symbol``
    the draft's symbol (a draft's own); ``resolution_number`` ``"2042 (2012)"`` for a
    resolution with an ``S/RES`` symbol; ``sponsors`` the draft's sponsors then the
    additional ones, split by :func:`split_names` (a few files name no State there: "by
    the Secretary-General"); ``meeting`` the ``S/PV.NNNN`` record of the vote (``None``
    for the 2020-2021 votes by letter); ``outcome`` ``"adopted"``, ``"vetoed"`` or
    ``"not-adopted"``; ``votes`` the names in each ``akn4un:voters`` list, or ``None``
    when the file records no vote (adoption without a vote); ``name_lines`` the source
    line of every sponsor and voter name.
    """

    path: Path
    kind: str
    work: str
    expression: str
    language: str
    date: datetime.date
    symbol: str
    draft_symbol: str | None
    resolution_number: str | None
    title: str | None
    sponsors: tuple[str, ...]
    meeting: str | None
    outcome: str | None
    votes: dict[str, tuple[str, ...]] | None
    name_lines: dict[str, int]
    paragraphs: tuple[Paragraph, ...]


class ReaderError(Exception):
    """A file that cannot be read as a Security Council statement: where, and why."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {message}")


def read_document(path: Path) -> Document:
    """Read one AKN4UN file.

    Raises :class:`ReaderError` for a file that is missing or not well-formed XML (with
    lxml's line), that is not an ``akomaNtoso`` ``statement`` of a resolution or draft,
    that lacks the FRBR work, language or date or the symbol, that holds an element this
    reader does not know where the text is read, or that has no paragraph at all.
    """
    path = Path(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        raise ReaderError(path, error.lineno, f"not well-formed XML: {error.msg}") from None
    except OSError as error:
        raise ReaderError(path, None, f"cannot read the file: {error}") from None
    return _Reader(path, tree.getroot()).document()


def find_documents(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every ``*.xml`` file under the directories named, sorted.

    Raises :class:`ReaderError` for a path that does not exist.
    """
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found.update(file for file in path.rglob("*.xml") if file.is_file())
        elif path.exists():
            found.add(path)
        else:
            raise ReaderError(path, None, "no such file or directory")
    return sorted(found)


class _Reader:
    def __init__(self, path: Path, root: etree._Element) -> None:
        self.path = path
        self.root = root
        self.paragraphs: list[Paragraph] = []

    def error(self, element: etree._Element | None, message: str) -> ReaderError:
        line = element.sourceline if element is not None else None
        return ReaderError(self.path, line, message)

    def document(self) -> Document:
        statement = self.root.find("akn:statement", NS)
        if self.root.tag != f"{{{AKN}}}akomaNtoso" or statement is None:
            raise self.error(self.root, "not an Akoma Ntoso statement")
        kind = statement.get("name")
        if kind not in KINDS:
            raise self.error(statement, f"a statement named {kind!r}, not a resolution or draft")
        identification = statement.find("akn:meta/akn:identification", NS)
        work = self.attribute(identification, "akn:FRBRWork/akn:FRBRuri", "value", "FRBR work")
        expression = self.attribute(
            identification, "akn:FRBRExpression/akn:FRBRuri", "value", "FRBR expression"
        )
        code = self.attribute(
            identification, "akn:FRBRExpression/akn:FRBRlanguage", "language", "FRBR language"
        )
        if code not in LANGUAGES:
            raise self.error(identification, f"unknown FRBR language {code!r}")
        symbol = self.symbol(statement)
        steps = statement.findall("akn:meta/akn:workflow/akn:step", NS)
        draft_step = _step(steps, "draftResolution")
        final = next((s for s in steps if (s.get("outcome") or "").lower() in OUTCOMES), None)
        date = self.date(identification, final)
        name_lines: dict[str, int] = {}
        sponsors = self.sponsors(steps, name_lines)
        votes = self.votes(statement, name_lines)
        self.read_body(statement)
        if not self.paragraphs:
            raise self.error(statement, "no paragraph")
        numbered = _RESOLUTION_SYMBOL.fullmatch(symbol)
        return Document(
            path=self.path,
            kind=kind,
            work=work,
            expression=expression,
            language=LANGUAGES[code],
            date=date,
            symbol=symbol,
            draft_symbol=(
                symbol if kind == "draftResolution" else _collapse(draft_step, "as") or None
            ),
            resolution_number=(
                f"{numbered[1]} ({numbered[2]})" if numbered and kind == "resolution" else None
            ),
            title=statement.xpath(
                "string(akn:meta/akn:classification/akn:keyword[@refersTo='title'][1]/@value)",
                namespaces=NS,
            ).strip()
            or None,
            sponsors=sponsors,
            meeting=_meeting(final),
            outcome=OUTCOMES[final.get("outcome").lower()] if final is not None else None,
            votes=votes,
            name_lines=name_lines,
            paragraphs=tuple(self.paragraphs),
        )

    # Identification and workflow.

    def attribute(
        self, identification: etree._Element | None, path: str, name: str, what: str
    ) -> str:
        element = identification.find(path, NS) if identification is not None else None
        value = (element.get(name) or "").strip() if element is not None else ""
        if not value:
            raise self.error(element if element is not None else identification, f"no {what}")
        return value

    def date(self, identification: etree._Element, vote: etree._Element | None) -> datetime.date:
        """The FRBR work's date, or, where a file leaves 0001-01-01 there, the vote's."""
        element = identification.find("akn:FRBRWork/akn:FRBRdate", NS)
        text = self.attribute(identification, "akn:FRBRWork/akn:FRBRdate", "date", "FRBR date")
        try:
            date = datetime.date.fromisoformat(text)
        except ValueError:
            raise self.error(element, f"FRBR date {text!r} is not a date") from None
        if date.year < _FIRST_YEAR and vote is not None:
            try:
                date = datetime.date.fromisoformat(vote.get("date", ""))
            except ValueError:
                raise self.error(vote, f"step date {vote.get('date')!r} is not a date") from None
        if date.year < _FIRST_YEAR:
            raise self.error(element, f"FRBR date {text!r} is a placeholder")
        return date

    def symbol(self, statement: etree._Element) -> str:
        number = statement.find("akn:coverPage//akn:docNumber", NS)
        if number is None:
            number = statement.find("akn:preface//akn:docNumber", NS)
        symbol = _text(number) if number is not None else ""
        if not symbol:
            raise self.error(number if number is not None else statement, "no symbol")
        return canonical_symbol(symbol)

    def sponsors(self, steps: list[etree._Element], lines: dict[str, int]) -> tuple[str, ...]:
        names: list[str] = []
        for outcome in ("draftResolution", "draftResolutionAdditionalSponsors"):
            step = _step(steps, outcome)
            for name in split_names(_collapse(step, "by")):
                lines.setdefault(name, step.sourceline)
                if name not in names:
                    names.append(name)
        return tuple(names)

    def votes(
        self, statement: etree._Element, lines: dict[str, int]
    ) -> dict[str, tuple[str, ...]] | None:
        counts = statement.findall(
            "akn:meta/akn:analysis/akn:parliamentary/akn:voting/akn:count", NS
        )
        if not counts:
            return None
        votes: dict[str, list[str]] = {key: [] for key in VOTES.values()}
        for count in counts:
            key = VOTES.get(count.get("refersTo", ""))
            if key is None:
                raise self.error(count, f"a vote count refersTo={count.get('refersTo')!r}")
            for voter in count.iterfind("akn4un:voters/akn:organization", NS):
                name = _text(voter)
                if name:
                    lines.setdefault(name, voter.sourceline)
                    votes[key].append(name)
        return {key: tuple(names) for key, names in votes.items()}

    # The text.

    def read_body(self, statement: etree._Element) -> None:
        preamble = statement.find("akn:preamble", NS)
        if preamble is not None:
            self.read_preamble(preamble)
        body = statement.find("akn:mainBody", NS)
        if body is not None:
            self.read_main(body, "operative")
        for attachment in statement.iterfind("akn:attachments/akn:attachment", NS):
            for doc in _elements(attachment):
                if _name(doc) != "doc":
                    raise self.unexpected(doc)
                for part in _elements(doc):
                    if _name(part) == "mainBody":
                        self.read_main(part, "annex")
                    elif _name(part) != "meta":
                        raise self.unexpected(part)

    def read_preamble(self, preamble: etree._Element) -> None:
        for child in _elements(preamble):
            name = _name(child)
            if name == "formula":
                continue
            if name == "container":
                self.read_unit(child, "preambular", None)
            elif name in ("block", "p"):
                self.heading(child, "preambular")
            else:
                raise self.unexpected(child)

    def read_main(self, body: etree._Element, section: str) -> None:
        for child in _elements(body):
            name = _name(child)
            if name in ("paragraph", "alinea"):
                self.read_unit(child, section, None)
            elif name == "section":
                self.read_section(child, section)
            elif name == "container":
                self.read_container(child, section)
            elif name == "p":
                self.heading(child, section)
            else:
                raise self.unexpected(child)

    def read_section(self, element: etree._Element, section: str) -> None:
        for child in _elements(element):
            name = _name(child)
            if name in ("num", "heading", "subheading"):
                self.heading(child, section, anchor=element if name == "num" else None)
            elif name == "crossHeading":
                if child.get("refersTo") == "#preamble":
                    self.add(child, "preambular", None, _text(child), None)
                else:
                    self.heading(child, section)
            elif name == "paragraph":
                self.read_unit(child, section, None)
            else:
                raise self.unexpected(child)

    def read_container(self, element: etree._Element, section: str) -> None:
        for child in _elements(element):
            name = _name(child)
            if name == "p":
                self.heading(child, section, anchor=element if len(element) == 1 else None)
            elif name == "table":
                for row in child.iterfind("akn:tr", NS):
                    cells = [_text(cell) for cell in _elements(row)]
                    text = " ".join(cell for cell in cells if cell)
                    if text:
                        header = all(_name(cell) == "th" for cell in _elements(row))
                        self.add(row, section, None, text, None, "heading" if header else "clause")
            else:
                raise self.unexpected(child)

    def read_unit(
        self,
        element: etree._Element,
        section: str,
        parent: int | None,
        prefix: str | None = None,
    ) -> int | None:
        """A paragraph, point, item, alinea, wrapUp or container, then what it holds.

        Returns the index of the paragraph added for ``element``, or ``None`` when it
        has no text of its own and its sub-paragraphs took its place.
        """
        number = None
        headings: list[str] = []
        texts: list[str] = []
        nested: list[etree._Element] = []
        for child in _elements(element):
            name = _name(child)
            if name == "num":
                number = _number(child)
            elif name in ("heading", "subheading"):
                headings.append(_text(child))
            elif name in ("content", "p", "intro", "listIntroduction"):
                texts.append(_text(child))
            elif name in ("list", "blockList", "point", "item", "alinea"):
                nested.append(child)
            else:
                raise self.unexpected(child)
        if prefix is not None:
            number = f"{prefix} {number}" if number else prefix
        # The intro of a list that is a paragraph's body is that paragraph's text.
        taken = None
        if not any(texts) and nested and _name(nested[0]) in ("list", "blockList"):
            taken = _intro(nested[0])
            if taken is not None:
                texts.append(_text(taken))
        text = " ".join(part for part in [*headings, *texts] if part)
        if any(texts):
            own = self.add(element, section, number, text, parent)
        elif headings:
            own = self.add(element, section, number, text, parent, "heading")
        elif nested:
            for child in nested:
                self.read_nested(child, section, parent, number, taken)
            return None
        elif number:
            own = self.add(element, section, None, number, parent, "heading")
        else:
            raise self.error(element, f"<{_name(element)}> without text")
        for child in nested:
            self.read_nested(child, section, own, None, taken)
        return own

    def read_nested(
        self,
        element: etree._Element,
        section: str,
        owner: int | None,
        prefix: str | None,
        taken: etree._Element | None,
    ) -> None:
        """A sub-paragraph, or a list of them, belonging to the paragraph ``owner``.

        An intro the owner did not take is an unnumbered sub-paragraph; a sublist
        belongs to the sub-paragraph just above it.
        """
        if _name(element) in ("point", "item", "alinea"):
            self.read_unit(element, section, owner, prefix)
            return
        above = owner
        for child in _elements(element):
            name = _name(child)
            if name in ("intro", "listIntroduction"):
                if child is not taken and _text(child):
                    above = self.add(child, section, None, _text(child), owner)
            elif name in ("point", "item"):
                own = self.read_unit(child, section, owner, prefix)
                above = own if own is not None else above
            elif name == "sublist":
                self.read_nested(child, section, above, None, None)
            elif name == "wrapUp":
                self.read_unit(child, section, owner)
            else:
                raise self.unexpected(child)

    def heading(
        self, element: etree._Element, section: str, anchor: etree._Element | None = None
    ) -> None:
        """A heading from ``element``'s text; ``anchor`` the element it stands for, if
        another (the ``<section>`` of a ``<num>``, the ``<container>`` of a ``<p>``)."""
        children = list(_elements(element))
        if children and all(_name(child) == "decoration" for child in children):
            return
        self.add(
            anchor if anchor is not None else element,
            section,
            None,
            _text(element),
            None,
            "heading",
        )

    def add(
        self,
        element: etree._Element,
        section: str,
        number: str | None,
        text: str,
        parent: int | None,
        kind: str = "clause",
    ) -> int:
        if not text:
            raise self.error(element, f"<{_name(element)}> without text")
        self.paragraphs.append(
            Paragraph(section, number, text, _eid(element), parent, element.sourceline, kind)
        )
        return len(self.paragraphs) - 1

    def unexpected(self, element: etree._Element) -> ReaderError:
        parent = element.getparent()
        where = f" in <{_name(parent)}>" if parent is not None else ""
        return self.error(element, f"unexpected <{_name(element)}>{where}")


def split_names(text: str) -> list[str]:
    """Split a printed list of States ("A, B and C") into names, as printed.

    Commas outside parentheses separate names; within what is left, "and" separates two
    names only where both sides are States' names, so "Bosnia and Herzegovina" and
    "United Kingdom of Great Britain and Northern Ireland" stay whole, and a missing
    comma ("Chile France") still gives two names. Words that only repeat part of the
    name before them are a slip of the UN's editing and are dropped ("United Kingdom of
    Great Britain and Northern Ireland and Northern Ireland and United States of
    America", S/RES/2015 (2011)). A part that is no State's name is returned whole, as
    printed ("by the Secretary-General").
    """
    names: list[str] = []
    for piece in _split_commas(text):
        words = piece.split()
        if words[:1] == ["and"]:
            words = words[1:]
        if words:
            segmented = _segment(words)
            names.extend(segmented if segmented is not None else [" ".join(words)])
    return names


def _split_commas(text: str) -> Iterator[str]:
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            yield text[start:index]
            start = index + 1
    yield text[start:]


# Dropping a repeated fragment costs more than reading another name, so a real name is
# never taken for a repetition.
_REPEAT_COST = 10


def _segment(words: list[str]) -> list[str] | None:
    """The cheapest reading of ``words`` as States' names with "and" between them.

    Each name costs 1 and each dropped repetition ``_REPEAT_COST``; ``None`` when no
    reading exists.
    """
    count = len(words)
    best: list[tuple[int, list[str]] | None] = [None] * (count + 1)
    best[count] = (0, [])
    for start in range(count - 1, -1, -1):
        for end in range(start + 1, count + 1):
            name = " ".join(words[start:end])
            if not is_member_state(name):
                continue
            for rest, cost in _after_name(words, words[start:end], end):
                tail = best[rest]
                if tail is None:
                    continue
                option = (tail[0] + 1 + cost, [name, *tail[1]])
                if best[start] is None or option[0] < best[start][0]:
                    best[start] = option
    return best[0][1] if best[0] is not None else None


def _after_name(words: list[str], name: list[str], end: int) -> Iterator[tuple[int, int]]:
    """Where the next name may start after ``name``, and the cost of getting there."""
    start = _skip_and(words, end)
    yield start, 0
    for stop in range(start + 1, len(words) + 1):
        if _repeats(words[start:stop], name):
            yield _skip_and(words, stop), _REPEAT_COST


def _skip_and(words: list[str], index: int) -> int:
    return index + 1 if index < len(words) - 1 and words[index] == "and" else index


def _repeats(fragment: list[str], name: list[str]) -> bool:
    """Whether the words of ``fragment`` occur in ``name``, in order (a garbled repeat)."""
    remaining = iter(name)
    return all(word.strip("()") in remaining for word in fragment)


def _intro(listing: etree._Element) -> etree._Element | None:
    first = next(_elements(listing), None)
    if first is not None and _name(first) in ("intro", "listIntroduction"):
        return first
    return None


def _step(steps: list[etree._Element], outcome: str) -> etree._Element | None:
    return next((step for step in steps if step.get("outcome") == outcome), None)


def _collapse(element: etree._Element | None, attribute: str) -> str:
    return " ".join((element.get(attribute) or "").split()) if element is not None else ""


def _meeting(step: etree._Element | None) -> str | None:
    return meeting_symbol(_collapse(step, "as"))


def meeting_symbol(text: str) -> str | None:
    """The ``S/PV.NNNN`` record a text starts with: ``S/PV9261`` (a misprint) and
    ``S/PV.6702(Resumption1)`` are both the meeting's ``S/PV.NNNN``; ``None`` for
    anything else (a letter such as ``S/2020/612`` recording a vote by correspondence).
    """
    found = _MEETING.match(text.strip())
    return f"S/PV.{found[1]}" if found else None


def canonical_symbol(symbol: str) -> str:
    """A resolution's symbol with one space before the year: ``S/RES/2737 (2024)``."""
    return _RESOLUTION_SYMBOL.sub(r"S/RES/\1 (\2)", " ".join(symbol.split()))


def _number(num: etree._Element) -> str | None:
    """The label without its closing full stop, or the dash of Arabic "1 -"."""
    label = _text(num).removesuffix(".").strip()
    if len(label) > 1 and label.endswith("-"):
        label = label.removesuffix("-").strip()
    return label or None


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname


def _elements(element: etree._Element) -> Iterator[etree._Element]:
    return (child for child in element if isinstance(child.tag, str))


def _text(element: etree._Element) -> str:
    """The element's text without footnotes, each run of whitespace one space, its
    letters composed (a few of the UN's files spell "Communiqué" with a combining acute,
    which a search for the word would otherwise miss)."""
    return composed(" ".join("".join(_pieces(element)).split()))


def _pieces(element: etree._Element) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str) and _name(child) != "authorialNote":
            block = _name(child) in _BLOCKS
            if block:
                yield " "
            yield from _pieces(child)
            if block:
                yield " "
        yield child.tail or ""


def _eid(element: etree._Element) -> str:
    """The element's eId, or one built from its nearest ancestor's and its position."""
    own = element.get("eId")
    if own:
        return own
    parent = element.getparent()
    name = _name(element)
    if name in ("preamble", "mainBody") and _name(parent) == "statement":
        return name
    if name == "attachment":
        position = list(_elements(parent)).index(element) + 1
        return f"attachment_{position}"
    same = [child for child in _elements(parent) if child.tag == element.tag]
    return f"{_eid(parent)}__{name}_{same.index(element) + 1}"
