"""PDF-like fixtures: the UN's official texts as an editor copies them out of a UN PDF
(issue 10, point 5).

The official Akoma Ntoso files are clean references. :func:`clean_reference` reads one
into the clauses a text pipeline should give; :func:`render_clean` prints them the way a
UN document reads; :func:`render_pdf_copy` prints them the way a copy of the UN's PDF
comes out, deterministically for a seed. :data:`SAMPLE` is the set of files
``bench/paste_accuracy.py`` measures the pipeline on.

A copy of a UN PDF carries, and :func:`render_pdf_copy` reproduces:

- the heading block, one printed item a line: ``United Nations`` / ``S/2012/77`` /
  ``Security Council`` / ``Distr.: General`` / ``4 February 2012`` and, on drafts,
  ``Original: English``; a file in another language prints its own cover page, read from
  it (``Nations Unies`` / … / ``Résolution 2672 (2023)`` / ``Adoptée par …``), and its own
  heading (``Le Conseil de sécurité,``);
- the first page's foot: the job number with its language and processing dates
  (``12-23456 (E)    050212``), its barcode (``*1223456*``) and, since 2010, ``Please
  recycle``; viewers copy it at the page's foot or straight after the heading block;
- the title: a draft's sponsor line (``Morocco: draft resolution``, wrapped), or a
  resolution's ``Resolution 2042 (2012)`` and ``Adopted by the Security Council at its
  6751st meeting, on 14 April 2012``;
- lines wrapped at about 85 characters, first lines indented, a label followed by a tab
  or spaces, sometimes a trailing space;
- words hyphenated at line ends: plain words between syllables (``hu-`` / ``manitarian``,
  sometimes with a soft hyphen), hyphenated words at their hyphen (``Secretary-`` /
  ``General``, ``Al-`` / ``Qaida``, ``follow-`` / ``up``);
- pages of about 45 lines: a running header (the symbol) from page 2, footers
  (``12-23456 3/5`` on odd pages, ``2/5 12-23456`` or ``2 12-23456`` on even ones) and, in
  most copies, a form feed; a paragraph runs on across the break;
- footnotes: a marker glued after a word or a mark (``governments,1``, ``Agreement1``;
  in some copies superscript digits, ``governments,¹``), and at the foot of its page a
  rule (``__________________``) then the note (``1 S/2012/123.``), wrapped;
- what Word and PDF producers add: non-breaking spaces and hyphens, soft hyphens inside
  words, zero-width spaces; in some copies the font's ligatures (``ﬁ``, ``ﬂ``, ``ﬀ``) for
  their letters, or accented letters decomposed (``e`` and a combining acute);
- with ``blank_lines=False`` no blank line at all (as most PDF viewers copy), otherwise a
  blank line between paragraphs and around the page's furniture (as ``pdftotext`` does).

The expected clauses are the reader's (:func:`timeline.akn.reader.read_document`), as
:mod:`timeline.collection.official` takes them, less the headings ("Designation
Criteria", "A."), which are kept apart (``Reference.headings``): a pipeline should
recognise them, and they are not clauses. Texts are what a reader sees: a non-breaking
hyphen is a hyphen, and characters that print as nothing are left out.

Annexes: an annex's paragraphs stay in the reference as section ``"annex"``, printed
after the operative part under their headings ("Annex"), but :data:`SAMPLE` leaves out
documents with an annex: the pipeline has no annex section yet (an annex's paragraphs
come out preambular or operative by their opening words), and an annex (a list of names,
a treaty) is another problem than a copy's artefacts.
"""

from __future__ import annotations

import datetime
import functools
import random
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from lxml import etree

from timeline.akn.reader import Document, read_document

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "timeline" / "data" / "unxml"
# The UN's whole repository, beside the checkout where there is one (not in CI clones).
SHARED = ROOT.parent / "shared" / "data" / "unxml"


class ExpectedClause(TypedDict):
    """One clause a pipeline should find: ``parent`` is the index, in the same list, of
    the clause a sub-paragraph belongs to."""

    section: str
    number: str | None
    text: str
    parent: int | None


@dataclass(frozen=True)
class Reference:
    """What one official file says, as the clauses a copy of its PDF should give.

    ``title`` is the line printed above the text ("Resolution 2042 (2012)", "Brazil and
    Switzerland: draft resolution", "Draft resolution"), ``adopted`` a resolution's
    "Adopted by the Security Council at its …" line; ``job_number`` the UN's
    ``12-23456`` (from the file's name where it carries one). ``headings`` are the
    lines between paragraphs, each with the index of the clause it stands above.
    """

    path: Path
    kind: str
    symbol: str
    date: datetime.date
    title: str
    adopted: str | None
    job_number: str
    clauses: list[ExpectedClause]
    headings: tuple[tuple[int, str], ...]
    # A file in another language than English: its language's letter in the job number
    # ("F"), its cover page's heading block ("Nations Unies", "Distr. générale") and
    # titles ("Résolution 2672 (2023)", "Adoptée par …"), and the Council's heading ("Le
    # Conseil de sécurité,"), as its PDF prints them.
    language: str = "E"
    cover: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    council: str = "The Security Council,"


def clean_reference(path: Path) -> Reference:
    """The expected clauses and the printed heading of one official UN file."""
    document = read_document(Path(path))
    clauses: list[ExpectedClause] = []
    headings: list[tuple[int, str]] = []
    positions: dict[int, int] = {}
    for index, paragraph in enumerate(document.paragraphs):
        text = visible(paragraph.text)
        if paragraph.kind == "heading":
            headings.append((len(clauses), text))
            continue
        positions[index] = len(clauses)
        parent = positions.get(paragraph.parent) if paragraph.parent is not None else None
        clauses.append(
            {
                "section": paragraph.section,
                "number": paragraph.number,
                "text": text,
                "parent": parent,
            }
        )
    return Reference(
        path=document.path,
        kind=document.kind,
        symbol=document.symbol,
        date=document.date,
        title=_title(document),
        adopted=_adopted(document),
        job_number=_job_number(document),
        clauses=clauses,
        headings=tuple(headings),
        **({} if document.language == "en" else _own_furniture(document)),
    )


# The letter of each language in the UN's job numbers.
_LANGUAGE_LETTERS = {"fr": "F", "es": "S", "ru": "R", "ar": "A", "zh": "C", "de": "G"}
_COVER_LINES = etree.XPath("//*[local-name()='coverPage']/*[local-name()='p']")
_IS_TITLE = etree.XPath("boolean(.//*[local-name()='docTitle'])")
_FORMULA = etree.XPath("//*[local-name()='preamble']/*[local-name()='formula']")


def _own_furniture(document: Document) -> dict[str, object]:
    """A file in another language: its job number's letter, its cover page's lines and
    the Council's heading, read from the file (each line's words as printed: "séance ,"
    in the markup is "séance," on paper)."""
    tree = etree.parse(str(document.path))

    def printed(element: etree._Element) -> str:
        text = " ".join("".join(element.itertext()).split())
        return re.sub(r" (?=[,،，])", "", text)

    lines = [(printed(p), _IS_TITLE(p)) for p in _COVER_LINES(tree)]
    formula = next((printed(element) for element in _FORMULA(tree)), "")
    return {
        "language": _LANGUAGE_LETTERS.get(document.language, "E"),
        "cover": tuple(line for line, title in lines if line and not title),
        "titles": tuple(line for line, title in lines if line and title),
        "council": formula or "The Security Council,",
    }


# Characters that print as nothing: soft hyphen, zero-width space and joiners, word
# joiner, byte-order mark, left-to-right and right-to-left marks.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


def visible(text: str) -> str:
    """The text as a reader sees it: non-breaking hyphens as hyphens, invisible
    characters left out, each run of whitespace one space."""
    return " ".join(_INVISIBLE.sub("", text.replace("\u2011", "-")).split())


def _title(document: Document) -> str:
    if document.kind == "resolution" and document.resolution_number:
        return f"Resolution {document.resolution_number}"
    if document.sponsors:
        return f"{_names(document.sponsors)}: draft resolution"
    return "Draft resolution"


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _adopted(document: Document) -> str | None:
    if document.kind != "resolution":
        return None
    day = _day(document.date)
    meeting = re.fullmatch(r"S/PV\.(\d+)", document.meeting or "")
    if meeting is None:
        # The votes by letter of 2020 and 2021 had no meeting.
        return f"Adopted by the Security Council on {day}"
    return f"Adopted by the Security Council at its {_ordinal(int(meeting[1]))} meeting, on {day}"


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _ordinal(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _job_number(document: Document) -> str:
    """``12-23456``: the seven digits the UN's file names carry (``…-2313545E.xml``,
    ``…_N1227286.xml``), or, where a name has none, digits made from the symbol."""
    found = re.search(r"(?<!\d)(\d{2})(\d{5})[A-Za-z]?\.xml$", document.path.name)
    if found:
        return f"{found[1]}-{found[2]}"
    digits = sum(ord(char) * (i + 1) for i, char in enumerate(document.symbol)) % 100_000
    return f"{document.date:%y}-{digits:05d}"


# The clean text


def render_clean(ref: Reference) -> str:
    """The document as a UN document reads: "The Security Council," then its headings and
    paragraphs, one a line with a blank line between, operative paragraphs numbered
    "1.", sub-paragraphs "(a)"."""
    return "\n\n".join(["The Security Council,", *(line for _, line in _printed(ref))])


def _printed(ref: Reference) -> Iterator[tuple[int | None, str]]:
    """Each heading (``None``) and clause (its index) in order, with its printed line."""
    headings: dict[int, list[str]] = {}
    for position, text in ref.headings:
        headings.setdefault(position, []).append(text)
    for index, clause in enumerate(ref.clauses):
        for text in headings.get(index, ()):
            yield None, _heading_line(text)
        label = _label(clause)
        yield index, f"{label} {clause['text']}" if label else clause["text"]
    for text in headings.get(len(ref.clauses), ()):
        yield None, _heading_line(text)


def _label(clause: ExpectedClause) -> str | None:
    """The label as printed: "1.", "(a)", "•"; a letter or numeral takes its full stop."""
    number = clause["number"]
    if number is None:
        return None
    return f"{number}." if number[-1].isalnum() else number


def _heading_line(text: str) -> str:
    """A section's letter or numeral ("A", "IV") is printed with its full stop."""
    return f"{text}." if re.fullmatch(r"[A-Z]|[IVX]+", text) else text


# The PDF copy


def render_pdf_copy(ref: Reference, *, blank_lines: bool, seed: int) -> str:
    """The document as copied from the UN's PDF, with the artefacts the module's
    docstring lists; the same text for the same ``ref``, ``blank_lines`` and ``seed``."""
    return _Copy(ref, blank_lines, random.Random(seed)).text()


@dataclass(frozen=True, slots=True)
class Furniture:
    """What a copy of the document's PDF prints besides its paragraphs, for a typesetter
    of real PDFs (``bench/real_pdf.py``): the heading block and titles of the first
    page, its foot, and the footnotes (number -> clause index, word index, text), drawn
    as `render_pdf_copy` draws them for the same ``seed``."""

    heading: tuple[str, ...]
    titles: tuple[str, ...]
    first_foot: tuple[str, ...]
    notes: dict[int, tuple[int, int, str]]


def _english_heading(ref: Reference) -> tuple[str, ...]:
    """An English file's heading block, one printed item a line."""
    heading = ("United Nations", ref.symbol, "Security Council", "Distr.: General", _day(ref.date))
    return heading + (() if ref.kind == "resolution" else ("Original: English",))


def furniture(ref: Reference, seed: int) -> Furniture:
    copy = _Copy(ref, True, random.Random(seed))
    if ref.cover:
        heading, titles = ref.cover, ref.titles
    else:
        heading = _english_heading(ref)
        titles = (ref.title,) + ((ref.adopted,) if ref.adopted else ())
    return Furniture(
        heading=tuple(heading),
        titles=tuple(titles),
        first_foot=tuple(copy.first_foot()),
        notes={n: (note.clause, note.word, note.text) for n, note in copy.notes.items()},
    )


@dataclass(frozen=True, slots=True)
class _Line:
    """One printed line of the body, and the numbers of the notes it marks."""

    text: str
    notes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Note:
    """A footnote: its marker follows word ``word`` of clause ``clause``."""

    clause: int
    word: int
    text: str


FOOTNOTE_RULE = "__________________"
TITLE_WIDTH = 60
_BLANK = _Line("")
_VOWELS = frozenset("aeiouy")
# A word a typesetter may break between syllables: letters, then closing marks.
_SYLLABLES = re.compile(r"(?P<word>[A-Za-z][a-z]{6,})[,;:.)’”]*")
_CLOSING = ",;:.)’”"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_INNER_SPACE = re.compile(r"(?<=\S) (?=\S)")
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Za-z])")
# Chinese characters, and the marks a line never opens with.
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_CJK_CLOSING = frozenset("，。；：、）》」』！？)")
_INSIDE_WORD = re.compile(r"(?<=[a-z]{3})(?=[a-z]{3})")


class _Copy:
    """One copy being laid out; its style is drawn from the seed once, first."""

    def __init__(self, ref: Reference, blank_lines: bool, rng: random.Random) -> None:
        self.ref = ref
        self.blank_lines = blank_lines
        self.rng = rng
        self.width = rng.randint(80, 90)
        self.page_length = rng.randint(42, 48)
        self.form_feeds = rng.random() < 0.75
        self.hyphenation = rng.uniform(0.2, 0.6)
        self.soft_hyphens = rng.random() < 0.2
        self.separator = rng.choice(["\t", " ", "  ", "    "])
        self.indent = rng.choice(["", "    ", "      "])
        self.hanging = rng.choice(["", "", "    "])
        self.sub_indent = rng.choice(["", "    ", "        "])
        self.odd_footer = rng.choice(["{job} {page}/{pages}", "{job}    {page}/{pages}"])
        self.even_footer = rng.choice(["{page}/{pages} {job}", "{page} {job}"])
        self.foot_first = rng.random() < 0.5
        self.superscripts = rng.random() < 0.15
        # How often a producer adds an invisible character or an odd space, per line.
        self.noise = rng.choice([0.0, 0.01, 0.03, 0.08])
        self.notes = self.footnotes()

    def text(self) -> str:
        pages = self.pages()
        joint = "\n\x0c" if self.form_feeds else "\n\n" if self.blank_lines else "\n"
        texts = (
            "\n".join(self.page(number, len(pages), lines, notes))
            for number, (lines, notes) in enumerate(pages, 1)
        )
        return _glyphs(joint.join(texts) + "\n")

    # Pages

    def pages(self) -> list[tuple[list[str], list[int]]]:
        """The body's lines cut into pages, each with the notes its lines mark: a page
        holds its header, lines, notes and footer in about ``page_length`` lines."""
        pages: list[tuple[list[str], list[int]]] = []
        lines: list[str] = []
        notes: list[int] = []
        room = self.page_length - (0 if self.foot_first else len(self.first_foot()))
        for line in self.body():
            if not line.text and not lines:
                continue
            needed = len(lines) + 1 + len(self.note_lines([*notes, *line.notes]))
            if needed > room and any(lines):
                pages.append((_trimmed(lines), notes))
                lines, notes, room = [], [], self.page_length - 2
                if not line.text:
                    continue
            lines.append(line.text)
            notes.extend(line.notes)
        pages.append((_trimmed(lines), notes))
        return pages

    def page(self, number: int, pages: int, lines: list[str], notes: list[int]) -> list[str]:
        blank = [""] if self.blank_lines else []
        out = [self.ref.symbol, *blank] if number > 1 else []
        out += lines
        if notes:
            out += [*blank, *self.note_lines(notes)]
        if number > 1:
            footer = self.odd_footer if number % 2 else self.even_footer
            out += [*blank, footer.format(page=number, pages=pages, job=self.ref.job_number)]
        elif not self.foot_first:
            out += [*blank, *self.first_foot()]
        return out

    def first_foot(self) -> list[str]:
        """The first page's foot: job number, processing date(s), barcode, "Please
        recycle"."""
        job = self.ref.job_number
        date = self.ref.date + datetime.timedelta(days=sum(map(ord, job)) % 3)
        dates = f"{date:%d%m%y}"
        if int(job[-1]) % 3 == 0:
            dates += f"    {date + datetime.timedelta(days=1):%d%m%y}"
        lines = [f"{job} ({self.ref.language})    {dates}", f"*{job.replace('-', '')}*"]
        if self.ref.date.year >= 2010:
            lines.append("Please recycle")
        return lines

    def note_lines(self, numbers: list[int]) -> list[str]:
        """The rule and the notes at a page's foot."""
        if not numbers:
            return []
        lines = [FOOTNOTE_RULE]
        for number in numbers:
            lines += self.wrap(f"{number} ", self.notes[number].text.split(" "))
        return lines

    # The body

    def body(self) -> Iterator[_Line]:
        """Every line before the pages are cut: the heading block, the title and the
        paragraphs, with blank lines where the copy keeps them."""
        blank = [_BLANK] if self.blank_lines else []
        ref = self.ref
        if ref.cover:
            yield from self.own_cover()
        else:
            yield from self.english_cover()
        yield from blank
        yield _Line(self.indent + ref.council)
        marked = {note.clause: number for number, note in self.notes.items()}
        for index, text in _printed(ref):
            yield from blank
            if index is None:
                # Headings are centred; some viewers keep the spaces.
                yield _Line(" " * self.rng.choice([0, 0, 24, 32]) + text)
            else:
                yield from self.paragraph(ref.clauses[index], marked.get(index))

    def english_cover(self) -> Iterator[_Line]:
        """An English file's heading block, first page's foot (where viewers copy it
        there), title and adoption."""
        blank = [_BLANK] if self.blank_lines else []
        ref = self.ref
        yield from map(_Line, _english_heading(ref))
        if self.foot_first:
            yield from blank
            yield from map(_Line, self.first_foot())
        yield from blank
        # The title is set in a narrower column than the text.
        yield from map(_Line, self.wrap("", ref.title.split(" "), TITLE_WIDTH))
        if ref.adopted:
            yield from blank
            yield from map(_Line, self.wrap("", ref.adopted.split(" "), TITLE_WIDTH))

    def own_cover(self) -> Iterator[_Line]:
        """Another language's cover page, line by line as the file gives it (its title
        and adoption set in the narrower column), with the first page's foot after its
        heading block where viewers copy it there."""
        blank = [_BLANK] if self.blank_lines else []
        yield from map(_Line, self.ref.cover)
        if self.foot_first:
            yield from blank
            yield from map(_Line, self.first_foot())
        for line in self.ref.titles:
            yield from blank
            if _CJK.search(line):
                yield from map(_Line, self.wrap_cjk("", line, None, None)[0])
            else:
                yield from map(_Line, self.wrap("", line.split(" "), TITLE_WIDTH))

    def paragraph(self, clause: ExpectedClause, note: int | None) -> Iterator[_Line]:
        """A clause's lines: its label after an indent, then its words, one of them
        followed by the marker of note number ``note``."""
        label = _label(clause)
        if label is None:
            first = self.indent
        elif clause["parent"] is not None:
            first = f"{self.sub_indent}{label}{self.separator}"
        else:
            first = f"{self.indent}{label}{self.separator}"
        words = clause["text"].split(" ")
        marks: dict[int, int] = {}
        if note is not None:
            at = self.notes[note].word
            glyph = str(note).translate(_SUPERSCRIPT) if self.superscripts else str(note)
            words[at] += glyph
            marks[at] = note
        if _CJK.search(clause["text"]):
            lines, notes = self.wrap_cjk(
                first,
                " ".join(words),
                len(" ".join(words[: at + 1])) if note is not None else None,
                note,
            )
        else:
            lines, notes = self.wrap_marked(first, words, self.hanging, marks)
        for row, line in enumerate(lines):
            yield _Line(self.sprinkle(line), tuple(notes.get(row, ())))

    def footnotes(self) -> dict[int, _Note]:
        """One to three notes, numbered in document order, each in its own clause."""
        rng = self.rng
        candidates = [i for i, c in enumerate(self.ref.clauses) if len(c["text"]) > 60]
        chosen = sorted(rng.sample(candidates, min(len(candidates), rng.randint(1, 3))))
        notes: dict[int, _Note] = {}
        for index in chosen:
            words = self.ref.clauses[index]["text"].split(" ")
            # Most markers follow a mark ("governments,1"), some a word before the next
            # word of the phrase ("Agreement1 and").
            after_marks = [i for i, word in enumerate(words) if _markable(word, _CLOSING)]
            after_words = [
                i
                for i, word in enumerate(words[:-1])
                if _markable(word, "") and words[i + 1][:1].islower()
            ]
            places = after_marks if after_marks and rng.random() < 0.8 else after_words
            if not places:
                continue
            word = rng.choice(places)
            number = len(notes) + 1
            notes[number] = _Note(index, word, _footnote(rng, self.ref.date.year, number))
        return notes

    # Lines

    def wrap(self, first: str, words: list[str], width: int | None = None) -> list[str]:
        lines, _ = self.wrap_marked(first, words, "", {}, width)
        return lines

    def wrap_marked(
        self,
        first: str,
        words: list[str],
        rest: str,
        marks: dict[int, int],
        width: int | None = None,
    ) -> tuple[list[str], dict[int, list[int]]]:
        """Greedy lines of at most ``width`` characters (the copy's), ``first`` before the first and
        ``rest`` before the others; a word that does not fit is hyphenated where it can
        be. Returns the lines and, by line, the notes whose markers (``marks``: word →
        note) it holds."""
        width = width or self.width
        lines: list[str] = []
        notes: dict[int, list[int]] = {}
        line, empty = first, True
        for position, word in enumerate(words):
            if empty:
                line += word
            elif len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                head, tail = self.split(word, width - len(line) - 1)
                lines.append(f"{line} {head}" if head else line)
                line = rest + tail
            empty = False
            if position in marks:
                notes.setdefault(len(lines), []).append(marks[position])
        lines.append(line)
        return lines, notes

    def wrap_cjk(
        self, first: str, text: str, marker_end: int | None, note: int | None
    ) -> tuple[list[str], dict[int, list[int]]]:
        """Chinese lines: a character is as wide as two Latin ones, and a line breaks
        between any two characters, not inside a run of Latin letters or digits
        ("2042(2012)", "S/PRST/2011/16") nor before a closing mark ("，", "。"). Returns
        the lines and, by line, the note whose marker ends at ``marker_end``."""
        room = self.width // 2
        lines: list[str] = []
        notes: dict[int, list[int]] = {}
        start = 0
        while start < len(text):
            end = min(len(text), start + room)
            if end < len(text):
                cut = end
                while cut > start + 1 and text[cut - 1].isascii() and text[cut].isascii():
                    cut -= 1
                end = cut if cut > start + 1 else end
                while end < len(text) and text[end] in _CJK_CLOSING:
                    end += 1
            if marker_end is not None and start < marker_end <= end:
                notes.setdefault(len(lines), []).append(note)
            lines.append((first if not lines else self.hanging) + text[start:end])
            start = end
        return lines, notes

    def split(self, word: str, room: int) -> tuple[str, str]:
        """``(head, tail)``: the part of ``word`` that fits in ``room`` with its hyphen,
        and the rest; ``("", word)`` where the word is not hyphenated."""
        hyphens = [
            i + 1
            for i in range(1, len(word) - 1)
            if word[i] == "-" and word[i - 1].isalnum() and word[i + 1].isalnum()
        ]
        fitting = [at for at in hyphens if at <= room]
        if fitting:
            return word[: fitting[-1]], word[fitting[-1] :]
        found = _SYLLABLES.fullmatch(word)
        if hyphens or not found or self.rng.random() > self.hyphenation:
            return "", word
        core = found["word"]
        points = [i for i in _syllable_breaks(core) if i + 1 <= room]
        if not points:
            return "", word
        at = points[-1]
        hyphen = "\u00ad" if self.soft_hyphens and self.rng.random() < 0.5 else "-"
        return core[:at] + hyphen, word[at:]

    def sprinkle(self, line: str) -> str:
        """What producers add inside a line: a non-breaking space for a space, a
        non-breaking hyphen for a hyphen, a soft hyphen or a zero-width space inside a
        word, a trailing space."""
        rng = self.rng
        if rng.random() < self.noise * 2:
            line = _replace_one(rng, _INNER_SPACE, line, "\u00a0")
        if rng.random() < self.noise * 2:
            line = _replace_one(rng, _INNER_HYPHEN, line, "\u2011")
        for char in ("\u00ad", "\u200b"):
            if rng.random() < self.noise:
                line = _replace_one(rng, _INSIDE_WORD, line, char)
        if rng.random() < self.noise:
            line += " "
        return line


_LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
_LIGATURE = re.compile("ffi|ffl|ff|fi|fl")


def _glyphs(text: str) -> str:
    """How the copy's font spells its letters: in about one copy in four the ligatures
    stand for their letters, in another the accented letters come decomposed; in half the
    Arabic and Chinese copies, the font's glyphs stand for the letters (`_font_glyphs`).
    Drawn from the text itself, not the copy's generator, so that adding this left every
    other artefact of each seed as it was."""
    seed = zlib.crc32(text.encode())
    draw = random.Random(seed).random()
    if random.Random(seed + 1).random() < 0.5:
        text = _font_glyphs(text)
    if draw < 0.25:
        return _LIGATURE.sub(lambda found: _LIGATURES[found.group()], text)
    if draw < 0.5:
        return unicodedata.normalize("NFD", text)
    return text


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Marks above or below a letter, which do not break its joining to the next.
_ARABIC_MARKS = frozenset(map(chr, [*range(0x064B, 0x0653), 0x0670]))


def _font_glyphs(text: str) -> str:
    """What a copy of an Arabic or Chinese PDF gives for letters some fonts draw with
    glyphs of their own: each Arabic letter as its presentation form, the form its place
    in the word takes ("ﺍﻟﻤﺘﺤﺪﺓ" for "المتحدة"); and for a Chinese ideograph that looks
    like a Kangxi radical, the radical ("⼈" for "人", "⼀" for "一")."""
    if _CJK.search(text):
        text = text.translate(_radicals())
    if not _ARABIC_LETTER.search(text):
        return text
    chars = list(text)

    def neighbour(at: int, step: int) -> str:
        at += step
        while 0 <= at < len(chars) and chars[at] in _ARABIC_MARKS:
            at += step
        return chars[at] if 0 <= at < len(chars) else ""

    for at, char in enumerate(text):
        forms = _arabic_forms(char) if _ARABIC_LETTER.match(char) else {}
        if not forms:
            continue
        before, after = neighbour(at, -1), neighbour(at, 1)
        joined_before = bool(before) and "INITIAL" in _arabic_forms(before)
        joins_after = "INITIAL" in forms and bool(after) and "FINAL" in _arabic_forms(after)
        form = {
            (True, True): "MEDIAL",
            (True, False): "FINAL",
            (False, True): "INITIAL",
            (False, False): "ISOLATED",
        }[(joined_before, joins_after)]
        chars[at] = forms.get(form) or forms.get("ISOLATED", char)
    return "".join(chars)


@functools.cache
def _arabic_forms(letter: str) -> dict[str, str]:
    """An Arabic letter's presentation forms, by Unicode's names ("ARABIC LETTER BEH
    INITIAL FORM"): four for a letter that joins on both sides, two for one that joins
    only to the letter before it, one for hamza; none for the letters without."""
    if not _ARABIC_LETTER.match(letter):
        return {}
    name = unicodedata.name(letter, "")
    forms = {}
    for form in ("ISOLATED", "FINAL", "INITIAL", "MEDIAL"):
        try:
            forms[form] = unicodedata.lookup(f"{name} {form} FORM")
        except KeyError:
            continue
    return forms


@functools.cache
def _radicals() -> dict[int, str]:
    """Ideograph -> the Kangxi radical that looks like it."""
    table = {}
    for code in range(0x2F00, 0x2FD6):
        ideograph = unicodedata.normalize("NFKC", chr(code))
        if len(ideograph) == 1 and _CJK.match(ideograph):
            table.setdefault(ord(ideograph), chr(code))
    return table


def _replace_one(rng: random.Random, pattern: re.Pattern[str], line: str, new: str) -> str:
    """``line`` with one of ``pattern``'s matches, drawn by ``rng``, replaced by ``new``."""
    found = list(pattern.finditer(line))
    if not found:
        return line
    match = rng.choice(found)
    return line[: match.start()] + new + line[match.end() :]


def _syllable_breaks(word: str) -> list[int]:
    """Where a typesetter may break ``word``: between two consonants after a vowel and
    before one ("shel-ter"), or after a vowel before a consonant and a vowel ("hu-man"),
    leaving two letters before and three after."""
    lower = word.lower()
    vowel = [char in _VOWELS for char in lower]
    return [
        i
        for i in range(2, len(word) - 2)
        if vowel[i + 1]
        and not vowel[i]
        and (vowel[i - 1] or (vowel[i - 2] and lower[i - 1 : i + 1] not in _DIGRAPHS))
    ]


_DIGRAPHS = frozenset({"ch", "sh", "th", "ph", "gh", "ck"})


def _markable(word: str, ends: str) -> bool:
    """Whether a footnote's marker can follow ``word`` unmistakably: a word that ends
    with one of ``ends`` (or a word of letters, if ``ends`` is empty), but not a number
    ("2254," or "13." then "1" would read as another number; "(2015),1" does not)."""
    if not ends:
        return len(word) > 2 and word.isalpha()
    stem = word.rstrip(ends)
    return len(word) > 2 and stem != word and (not stem[-1:].isdigit() or ")" in word[len(stem) :])


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines.pop()
    return lines


_MONTHS = [datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13)]
_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
_UNITS.append("ninth")
_TENS = {4: "Forty", 5: "Fifty", 6: "Sixty", 7: "Seventy", 8: "Eighty"}


def _footnote(rng: random.Random, year: int, number: int) -> str:
    """A note in the UN's style: a document's symbol, a treaty, an official record."""
    earlier = rng.randint(max(year - 4, 1990), year)
    session = earlier - 1945
    symbol = f"S/{earlier}/{rng.randint(20, 990)}"
    choice = rng.randrange(5)
    if choice == 0:
        return f"{symbol}."
    if choice == 1:
        return f"A/{session}/{rng.randint(100, 990)}-{symbol}, annex."
    if choice == 2:
        volume, entry = rng.randint(500, 3000), rng.randint(10000, 55000)
        return f"United Nations, Treaty Series, vol. {volume}, No. {entry}."
    if choice == 3:
        tens, units = divmod(session, 10)
        name = f"{_TENS[tens]}-{_UNITS[units]}" if units else f"{_TENS[tens][:-1]}ieth"
        month = rng.choice(_MONTHS)
        return (
            f"Official Records of the Security Council, {name} Year, Supplement for {month} "
            f"{earlier}, document {symbol}."
        )
    return f"See resolution {rng.randint(1200, 2800)} ({earlier}), annex, para. {number + 2}."


# The sample: English texts without an annex whose labels are the usual ones ("1.",
# "(a)", "(i)", none in the preamble; what the test of SAMPLE checks). From the shipped
# Syria documents, both drafts and twenty resolutions spread over 2011-2025 (the UNDOF
# renewals, nearly the same text each time, only a few). From the UN's whole repository,
# in groups, the first eligible files in the order of their symbols' SHA-1 (so no one
# chose which): the longest preambles (30 paragraphs or more), sub-paragraphs nested two
# deep, sub-paragraphs, subheadings ("Designation Criteria"), and drafts with their sponsor
# lines; and two by hand, ISIL and Al-Qaida, and Yemen's sanctions.
_SHIPPED_SAMPLE = (
    "Not adopted/English/S_2023_506-2313545E.xml",
    "Not adopted/English/S_2023_507-2313551E.xml",
    "Pre-2020/2011/S_RES_1994_N1139653.xml",
    "Pre-2020/2011/S_RES_2028_N1164725.xml",
    "Pre-2020/2012/S_RES_2043_N1230591.xml",
    "Pre-2020/2012/S_RES_2059_N1243202.xml",
    "Pre-2020/2012/S_RES_2084_N1265623.xml",
    "Pre-2020/2014/S_RES_2139_1424339e.xml",
    "Pre-2020/2014/S_RES_2165_1457459E.xml",
    "Pre-2020/2014/S_RES_2191_1467430E.xml",
    "Pre-2020/2015/S_RES_2235_1513352E.xml",
    "Pre-2020/2015/S_RES_2254_1522539E.xml",
    "Pre-2020/2015/S_RES_2258_1522722E.xml",
    "Pre-2020/2016/S_RES_2268_1603139E.xml",
    "Pre-2020/2016/S_RES_2332_1622694E.xml",
    "Pre-2020/2017/S_RES_2393_1722870E.xml",
    "Pre-2020/2018/S_RES_2401_1802932E.xml",
    "Pre-2020/2018/S_RES_2449_1821839E.xml",
    "Pre-2020/2019/S_RES_2503_1922155E.xml",
    "2021/English/S_RES_2585 (2021)-2109587E.xml",
    "2024/English/S_RES_2766-2424381E.xml",
    "2025/English/S_RES_2799-2517952E.xml",
)
_SHARED_SAMPLE = (
    # 30 preambular paragraphs or more.
    "Pre-2020/2017/S_RES_2363_1710875E.xml",
    "2022/English/S_RES_2650_2221218E.xml",
    "Pre-2020/2015/S_RES_2223_1508440E.xml",
    "Pre-2020/2015/S_RES_2243_1517845E.xml",
    "Pre-2020/2012/S_RES_2041_N1227286.xml",
    "2025/English/S_RES_2801-2518543E.xml",
    "Pre-2020/2011/S_RES_2011_N1154218.xml",
    "Pre-2020/2015/S_RES_2246_1519644E.xml",
    "Pre-2020/2015/S_RES_2210_1504012E.xml",
    "Pre-2020/2013/S_RES_2125_N1356844.xml",
    "Pre-2020/2018/S_RES_2442_1818704E.xml",
    "2024/English/S_RES_2743-2412842E.xml",
    # Sub-paragraphs with sub-paragraphs of their own.
    "2022/English/S_RES_2631 (2022)-2208016E.xml",
    "Pre-2020/2014/S_RES_2187_1465631E.xml",
    "2024/English/S_RES_2732-2409702E.xml",
    "Pre-2020/2014/S_RES_2190_1467298E.xml",
    # Sub-paragraphs.
    "Pre-2020/2009/S_RES_1863_N0921165.xml",
    "Pre-2020/2019/S_RES_2493_1918701E.xml",
    "Pre-2020/2015/S_RES_2201_1502003E.xml",
    "Pre-2020/2007/S_RES_1740_N0721792.xml",
    "Pre-2020/2015/S_RES_2196_1500806E.xml",
    "Pre-2020/2011/S_RES_1986_N1137249.xml",
    "Pre-2020/2017/S_RES_2369_1712856E.xml",
    "Pre-2020/2008/S_RES_1829_N0844813.xml",
    # Subheadings.
    "Pre-2020/2018/S_RES_2402_1802985E.xml",
    "Pre-2020/2018/S_RES_2441_1818615E.xml",
    "Pre-2020/2009/S_RES_1906_N0966548.xml",
    "2020/English/S_RES_2521 (2020)-2007257E.xml",
    "Pre-2020/2015/S_RES_2199_1501924E.xml",
    "Pre-2020/2012/S_RES_2056_N1240613.xml",
    # ISIL and Al-Qaida; Yemen's sanctions, with subheadings and sub-paragraphs.
    "2023/English/S_RES_2682_E.xml",
    "Pre-2020/2014/S_RES_2140_1424707e.xml",
    # Drafts, with their sponsors.
    "Not adopted/English/S_2023_792-2320737E.xml",
    "Not adopted/English/S_2024_173-2403217E.xml",
    "Not adopted/English/S_2023_212-2305680E.xml",
    "Not adopted/English/S_2023_795-2320738E.xml",
    "Not adopted/English/S_2023_638-2316801E.xml",
    "Not adopted/English/S_2025-353-2508520E.xml",
)
SAMPLE: list[Path] = [SHIPPED / name for name in _SHIPPED_SAMPLE]
if SHARED.is_dir():
    SAMPLE += [SHARED / name for name in _SHARED_SAMPLE]


# An item's label: "(a)", "(iv)", or in the Arabic text "(أ)", "(هـ)".
_USUAL_ITEM = r"\([a-z]{1,2}\)|\([ivx]+\)|\((?:هـ|[\u0621-\u064a])\)"


def has_usual_labels(ref: Reference) -> bool:
    """Whether a document's clauses are all preambular or operative, its operative
    paragraphs numbered "1.", its sub-paragraphs lettered "(a)" (in Arabic "(أ)") or
    numbered "(i)": what the sample holds, and what the repository's measure
    (`repository`) takes."""
    if not ref.clauses:
        return False
    for clause in ref.clauses:
        if clause["section"] not in ("preambular", "operative"):
            return False
        if clause["parent"] is not None:
            if not re.fullmatch(_USUAL_ITEM, clause["number"] or ""):
                return False
        elif clause["section"] == "operative" and not (clause["number"] or "").isdigit():
            return False
    return True


def repository(language: str = "English") -> list[Path]:
    """Every file in ``language`` of the UN's repository beside the checkout (none where
    there is none) whose clauses have the usual labels, in the order of their paths: 1,172
    of its 1,562 English files, the sample's 38 among them; 34 of the 37 French, Spanish
    and Russian ones (2020-2026: the files before 2020 are English)."""
    if not SHARED.is_dir():
        return []
    files = sorted(
        path
        for path in SHARED.rglob("*.xml")
        if path.parent.name == language or (language == "English" and "Pre-2020" in path.parts)
    )
    return [path for path in files if has_usual_labels(clean_reference(path))]
