"""Read a resolution's text as laid out in UN documents into blocks.

The layout (DESIGN §6, issue 3 point 2): paragraphs separated by blank lines, a
paragraph's own line breaks joined; an optional leading label (``PP1.``, ``PP1-``,
``pp9bis``, ``OP 3 bis``, ``12.``, ``(a)``, ``a)``) that becomes the block's number;
heading lines such as ``The Security Council,``; preambular paragraphs opening with a
participle, operative ones with a finite verb; lettered sub-paragraphs under the operative
paragraph above them.
"""

from __future__ import annotations

import re
from itertools import chain

from timeline import limits
from timeline.diff.clean import BLANK, PAGE, clean_lines, joins, spelt_words
from timeline.diff.result import Block, Kind, Section

_MAIN_LABEL = re.compile(
    r"""
    (?:
        (?P<marked>(?:pp|op)[ ]*\d+(?:[ ]*(?:bis|ter|quater))?)   # PP1  pp9bis  OP 3 bis
        (?:[ ]*[.\-\u2013\u2014:)][ ]*|[ ]+|$)
    |
        (?P<bare>\d+(?:[ ]*(?:bis|ter|quater))?)[.)](?:[ ]+|$)    # 1.  12.  3 bis.  4)
    |
        (?P<dashed>\d+)[ ]*[-\u2013](?:[ ]+|$)                   # the Arabic text's 1 -  ١ -
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The Arabic text letters its items in the abjad order: "(أ)", "(ب)", "(ج)", "(د)", "(هـ)".
_ABJAD = (
    *("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف"),
    *("ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
)
_ABJAD_PLACE = {letter: place for place, letter in enumerate(_ABJAD)}
_ARABIC_ITEM = "هـ|[\u0621-\u064a]"
_SUB_LABEL = re.compile(
    rf"(?P<sub>\([a-z]{{1,2}}\)|\([ivxl]+\)|[a-z]\)|\((?:{_ARABIC_ITEM})\))(?:[ ]+|$)",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"(?:the[ ]+)?(?:security[ ]+council|general[ ]+assembly)[ ]*[,:]?"
    r"|annex(?:[ ]+[\w.]+)?"
    r"|resolution[ ]+\d+[ ]*\(\d{4}\)"
    # The Council's heading in the other official languages.
    r"|le[ ]+conseil[ ]+de[ ]+s[ée]curit[ée][ ]*,?|el[ ]+consejo[ ]+de[ ]+seguridad[ ]*,?"
    r"|совет[ ]+безопасности[ ]*,?|安全理事会[，,]?"
    r"|(?:إن[ ]+)?مجلس[ ]+الأمن[ ]*[،,]?"
    r"|annexe(?:[ ]+[\w.]+)?|anexo(?:[ ]+[\w.]+)?|المرفق"
    # A part of the text: "A.", "II.".
    r"|(?-i:[A-Z]|[IVXL]+)\.",
    re.IGNORECASE,
)
# A phrase before a paragraph's opening word: "In this regard, calling on …".
_OPENING_PHRASE = re.compile(r"in[ ]+(?:this|that)[ ]+(?:regard|context|respect),[ ]*", re.I)
# Words, one after a prefix and its hyphen whole ("Re-emphasizing", not "Afghan-led").
_FIRST_WORDS = re.compile(r"(?:(?:re|co|pre)-)?[^\W\d_]+", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# The Arabic text opens a preambular paragraph with "إذ" ("whereas"), or now and then
# "وقد" ("having …"), "واقتناعا" ("convinced"), "وتصميما" ("determined").
_ARABIC_PREAMBULAR = re.compile(r"(?:وإذ|إذ|وقد|واقتناعا|وتصميما)\s")
# The Chinese text opens a preambular paragraph with its verb: every opening of the UN's
# Chinese texts, 2020-2026 ("回顾", "表示", "在这方面", "又回顾"), and a few of the same use.
_CHINESE_OPENINGS = (
    *("表示", "回顾", "重申", "强调", "注意到", "特别", "在这方面", "认识到", "认定", "审议了"),
    *("关切", "深为关切", "严重关切", "促请", "强烈", "确认", "鼓励", "欢迎", "谴责", "申明"),
    *("又表示", "又回顾", "还回顾", "还注意到", "又注意到", "又强调", "又重申", "指出", "斥责"),
    *("最强烈", "知悉", "遵循", "再次", "深信", "敦促", "决心", "呼吁", "赞扬", "铭记", "意识到"),
    *("根据《联合国宪章》第七章",),
)

# The verbs that open an operative paragraph (third person, as resolutions write them).
_OPERATIVE_VERBS = frozenset(
    {
        "accepts",
        "acknowledges",
        "adopts",
        "affirms",
        "agrees",
        "appeals",
        "applauds",
        "appreciates",
        "approves",
        "asks",
        "authorizes",
        "authorises",
        "believes",
        "calls",
        "commends",
        "commits",
        "concurs",
        "condemns",
        "confirms",
        "considers",
        "decides",
        "declares",
        "deems",
        "demands",
        "denounces",
        "deplores",
        "designates",
        "determines",
        "directs",
        "emphasizes",
        "emphasises",
        "encourages",
        "endorses",
        "expects",
        "expresses",
        "extends",
        "highlights",
        "holds",
        "insists",
        "instructs",
        "intends",
        "invites",
        "looks",
        "notes",
        "proclaims",
        "reaffirms",
        "recalls",
        "recognizes",
        "recognises",
        "recommends",
        "regrets",
        "reiterates",
        "rejects",
        "reminds",
        "renews",
        "requests",
        "resolves",
        "salutes",
        "stresses",
        "strongly",
        "supports",
        "takes",
        "transmits",
        "trusts",
        "underlines",
        "underscores",
        "undertakes",
        "urges",
        "warns",
        "welcomes",
        "wishes",
    }
    # French and Spanish, read from the UN's repository, 2020-2026 (without those that
    # are also nouns, such as "Note"): for the paragraphs that carry no number.
    | {"décide", "prie", "demande", "souligne", "insiste", "exhorte", "encourage", "exige"}
    | {"exprime", "engage", "préconise", "réaffirme", "rejette", "condamne", "rappelle"}
    | {"salue", "réitère", "affirme", "déclare", "considère", "recommande", "autorise"}
    | {"invite", "approuve", "accueille", "estime", "félicite"}
    | {"exhorta", "solicita", "decide", "acoge", "alienta", "exige", "destaca", "reitera"}
    | {"recalca", "insta", "subraya", "expresa", "reafirma", "pide", "rechaza", "recuerda"}
    | {"condena", "recomienda", "autoriza", "invita", "aprueba", "observa", "encomia"}
)
# Words that may precede the participle or verb that decides the section ("Further
# recalling", "Strongly condemns", "Also requests", "Whilst welcoming").
# Words that may come before a paragraph's opening verb ("Further decides", "Whilst
# welcoming"); words in -ly ("Strongly condemns") may too. The alignment reads past the
# same words to compare opening verbs.
OPENING_QUALIFIERS = frozenset(
    {"further", "also", "again", "once", "more", "and", "while", "whilst"}
    # French: "Se félicitant", "Se déclarant" (and "Se félicite" in the operative part).
    | {"se"}
)
# Preambular openings that are neither -ing nor -ed forms.
_PREAMBULAR_WORDS = frozenset(
    {"mindful", "aware", "conscious", "cognizant", "cognisant", "desirous", "keen"}
    # French and Spanish: "Conscient que", "Alarmé par", "Sumamente preocupado".
    | {"conscient", "consciente", "conscients", "alarmé", "guidé", "convaincu", "inquiet"}
    | {"préoccupé", "résolu", "déterminé", "soucieux", "conscientes"}
    | {"preocupado", "alarmado", "guiado", "convencido", "decidido", "resuelto"}
)
# The other official languages written in cased letters open a preambular paragraph with
# a present participle: French "Rappelant", "Prenant note", Spanish "Recordando",
# "Habiendo examinado" (every such opening of the UN's repository, 2020-2026, ends so).
_PARTICIPLE_ENDINGS = ("ing", "ed", "ant", "ando", "iendo", "yendo")
# An adverb before the opening: "Strongly condemns", "Profondément préoccupé",
# "Sumamente preocupado".
_ADVERB_ENDINGS = ("ly", "ment", "mente")
# Capitalised words with those endings that open no paragraph: nouns and adjectives in
# the middle of a paragraph in the UN's English and French texts ("the Levant",
# "Assistant Secretary-General", "Représentant spécial"), and names.
_NOT_PARTICIPLES = frozenset(
    {"united", "king", "beijing", "wing"}
    | {"levant", "sant", "lieutenant", "assistant", "plant", "covenant", "consultant"}
    | {"relevant", "significant", "pursuant", "want", "resistant", "compliant", "giant"}
    | {"important", "constant", "elegant", "brilliant", "coolant", "commandant"}
    | {"représentant", "fernando", "orlando", "rolando", "armando", "hernando"}
)
# Russian paragraphs open in lower case, a preambular one with a gerund: these, read
# from every Russian text of the UN's repository, 2020-2026, and more of the same use
# ("сознавая", "памятуя"), after "особо", "вновь" or another of the adverbs below.
_RUSSIAN_GERUNDS = frozenset(
    {"ссылаясь", "отмечая", "принимая", "напоминая", "подчеркивая", "выражая"}
    | {"подтверждая", "определяя", "рассмотрев", "призывая", "признавая", "осуждая"}
    | {"заявляя", "констатируя", "поощряя", "действуя", "руководствуясь", "будучи"}
    | {"учитывая", "рекомендуя", "имея", "приветствуя", "повторяя", "требуя"}
    | {"отдавая", "сознавая", "памятуя", "считая", "желая", "высказываясь", "опираясь"}
    | {"стремясь", "настаивая", "осознавая", "одобряя", "поддерживая", "сожалея"}
)
_RUSSIAN_QUALIFIERS = frozenset(
    {"особо", "вновь", "решительно", "настоятельно", "глубоко", "серьезно", "самым"}
    | {"решительным", "образом", "также", "далее"}
    # "с удовлетворением отмечая", "с глубокой обеспокоенностью отмечая"
    | {"с", "удовлетворением", "обеспокоенностью", "озабоченностью", "тревогой", "глубокой"}
    | {"признательностью", "сожалением", "серьезной"}
)
# A line ending like this closes a paragraph; only then may a labelled line start a new
# block inside a blank-line-separated paragraph (input pasted with single line breaks).
# Preambular paragraphs end with a comma, but so do the inline items "(a) ..., (b) ..."
# of a wrapped paragraph, so a comma ends a paragraph only before a paragraph label.
# The Arabic comma and semicolon, and the Chinese full-width marks, are the same marks.
_ITEM_END = ";:.؛；：。"
_PARAGRAPH_END = ",،，" + _ITEM_END
# Marks a paragraph's last mark may stand inside: "… Transparent Elections,”".
_CLOSING_QUOTES = "”’\"'"


def _last_mark(paragraph: str) -> str:
    """A paragraph's last character, read past closing quotes."""
    end = len(paragraph)
    while end > 1 and paragraph[end - 1] in _CLOSING_QUOTES:
        end -= 1
    return paragraph[end - 1]


# The largest inputs the engine reads: the longest resolutions run to 200,000 characters
# and their longest paragraphs to a few thousand; a benchmark of 10,000 paragraphs is
# about 3 million. Beyond these, time and memory would run out before an answer. A
# paragraph is held to the limit of a stored clause, so a paste that parses can be saved.
MAX_DOCUMENT_CHARS = 5_000_000
MAX_PARAGRAPH_CHARS = limits.CLAUSE_CHARACTERS


class TextTooLong(ValueError):
    """A text or paragraph beyond the engine's limits; the message says which."""


def parse_text(text: str) -> list[Block]:
    """Split a UN-layout text into blocks, in document order.

    Guarantees:
    - ``block.index`` is the block's position in the returned list; for text whose
      paragraphs are separated by blank lines that is the position of the paragraph.
      A paragraph also splits after a heading line, before a line starting with a
      paragraph label when the line above ends with ``,`` ``;`` ``:`` or ``.`` (a closing
      quote after it aside) or the label is the next number (``3.`` after paragraph 2,
      ``1.`` after an unnumbered one, a capitalised word after it), and before a line
      starting with a sub-paragraph label when the line above ends with ``;`` ``:``
      ``.`` or ``; and``/``; or`` or the label follows the paragraph's own (``(b)`` after
      ``(a)``, ``(ii)`` after ``(i)``): sub-paragraphs written on their own lines, and
      text pasted without blank lines, still give one block per paragraph.
    - ``block.text`` has no label, and each run of whitespace (line breaks, tabs,
      non-breaking spaces) is one space; every other character is kept as-is.
    - headings have ``section`` ``None``; a ``PP`` label makes a paragraph preambular,
      an ``OP`` or bare number label operative; otherwise the opening word decides
      (participles and ``Mindful``-like adjectives preambular, finite verbs operative);
      a paragraph that shows neither continues the section of the paragraph before it.
    - a sub-paragraph ``(a)``/``a)`` has ``parent`` set to the nearest paragraph above
      it that is not itself a sub-paragraph, and takes that paragraph's section.
    """
    if len(text) > MAX_DOCUMENT_CHARS:
        raise TextTooLong(
            f"The text is {len(text):,} characters long; the limit is {MAX_DOCUMENT_CHARS:,}."
        )
    blocks: list[Block] = []
    parent: Block | None = None
    letter: Block | None = None  # the last lettered sub-paragraph of this paragraph
    nested = False
    section = Section.PREAMBULAR
    for number, body, is_sub, heading in _paragraphs(text):
        if len(body) > MAX_PARAGRAPH_CHARS:
            raise _too_long(len(blocks) + 1, body, f"is {len(body):,} characters long")
        if heading or (number is None and not is_sub and _HEADING.fullmatch(body)):
            blocks.append(Block(len(blocks), Kind.HEADING, None, None, body))
            continue
        if is_sub:
            # "(i)" after "(a)" (not after "(h)") is the lettered item's own sub-item.
            nested = (
                letter is not None and _ROMAN.fullmatch(number) and number != f"({_after(letter)})"
            )
            above = letter if nested else parent
            sub_parent = above.index if above else None
            block_section = parent.section if parent and parent.section else Section.OPERATIVE
        else:
            sub_parent = None
            block_section = _section(number, body) or section
            if (
                number is None
                and block_section is Section.OPERATIVE
                and section is Section.PREAMBULAR
                and blocks
                and blocks[-1].section is Section.PREAMBULAR
                and body.rstrip("]").endswith(",")
            ):
                # "Recalls that …," in a preamble (the UN's own text of 2503 and 2766):
                # an unnumbered paragraph ending as preambular ones do stays in it.
                block_section = Section.PREAMBULAR
        block = Block(len(blocks), Kind.CLAUSE, block_section, number, body, sub_parent)
        blocks.append(block)
        section = block_section
        if not is_sub:
            parent, letter = block, None
        elif not nested and (letter is not None or not _ROMAN.fullmatch(number)):
            # (A first "(i)" with no lettered item above opens a list of roman items.)
            letter = block
    return blocks


def _too_long(number: int, text: str, length: str) -> TextTooLong:
    """The refusal of paragraph ``number`` (``text``), over the limit as ``length`` says."""
    return TextTooLong(
        f"Paragraph {number} (“{text[:40]}…”) {length}; the limit for one paragraph is "
        f"{MAX_PARAGRAPH_CHARS:,}. Is a blank line or a label missing between paragraphs?"
    )


_ROMAN = re.compile(r"\(?(?=[ivxl])(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})\)", re.IGNORECASE)


def _after(block: Block) -> str:
    """The letter that follows a lettered item's ("(h)" → "i")."""
    letter = (block.number or "").strip("()").lower()
    return chr(ord(letter[-1]) + 1) if letter else ""


def _paragraphs(text: str) -> list[tuple[str | None, str, bool, bool]]:
    """(number, text, is sub-paragraph, is heading) for each paragraph in document
    order, labels stripped. The lines come cleaned (`timeline.diff.clean`); each line
    either continues the paragraph above or opens a new one, by what it starts with and
    how the paragraph above ends."""
    lines = clean_lines(text)
    # The hyphenated words the text spells, read once the first line ending in a hyphen
    # needs them (most texts have none).
    hyphenated: set[str] | None = None
    paragraphs: list[tuple[str | None, str, bool, bool]] = []
    current = ""
    # The list items written inside the paragraph so far.
    inline = _InlineItems()
    layout = _Layout(lines, text)
    blank = False
    for i, line in enumerate(lines):
        if line == BLANK:
            blank = True
            continue
        if line == PAGE:
            layout.after_page = True
            continue
        ended = (
            not current
            or blank
            or _last_mark(current) in _PARAGRAPH_END
            or _HEADING.fullmatch(current)
        )
        if current and _only_a_label(current) and not _label_at_start(line):
            # "8." on a line of its own, a blank line, then its text: a viewer that read
            # the label apart from its paragraph (a tab between them).
            current = f"{current} {line}"
        elif ended and _is_subheading(line, lines, i):
            if current:
                paragraphs.append(_label(current))
                current = ""
            paragraphs.append((None, line, False, True))
        elif current and _starts_paragraph(current, line, blank, inline, layout):
            paragraphs.append(_label(current))
            current = line
            inline = _InlineItems()
        elif not current:
            current = line
            inline = _InlineItems()
        else:
            if hyphenated is None and current[-1] == "-":
                hyphenated = spelt_words(lines)
            current = joins(current, line, hyphenated or set())
            if len(current) > MAX_PARAGRAPH_CHARS + _LABEL_ROOM:
                # Read no further: every line joined to a paragraph reads its end, and a
                # text with no paragraph breaks would be read over and over.
                raise _too_long(
                    len(paragraphs) + 1, current, f"runs past {MAX_PARAGRAPH_CHARS:,} characters"
                )
        blank = False
        layout.last = line
        layout.after_page = False
    if current:
        paragraphs.append(_label(current))
    return paragraphs


# Fewer lines than this tell no width.
_LAYOUT_LINES = 8


class _Layout:
    """How the text's lines are laid out: whether a line ended short of where its
    text wraps, so that the next line's first word would have fitted on it. Then the
    author, not the wrapping, broke the line there: "… of fishing licences" ⏎
    "Remaining concerned …" is two paragraphs, though the first ends without its comma.

    Where the text wraps is read from its lines: most lines of a wrapped paragraph fill
    the width, so nine in ten lines are as long as it at most. Proportional fonts fit
    more or fewer characters on a line, so a line ends short only this far (an eighth of
    the width) from it. A text of one line per paragraph (pasted from Word) has the
    width of its long paragraphs, and most of its lines end short. A text of a few lines
    (`_LAYOUT_LINES`) tells no width: none of its lines ends short.

    It also tells whether blank lines part the text's paragraphs (``spaced``), and whether
    a page broke before the line being read (``after_page``), which drops them."""

    def __init__(self, lines: list[str], text: str = "") -> None:
        self.lines = lines
        self.text = text
        self.last = ""  # the line before the one being read
        self.after_page = False  # whether a page broke before the line being read
        self._width: int | None = None
        self._spaced: bool | None = None
        self._line_roles: list[tuple[str, str, bool]] | None = None
        self._indents: dict[str, bool | None] | None = None
        self._indents_first_lines: bool | None = None

    @property
    def spaced(self) -> bool:
        """Whether blank lines part the text's paragraphs: whether most lines that open a
        paragraph, with a number or an opening word after a line that closes one, come
        after a blank line. A blank line here and there is no sign: ``pdftotext``'s copy of
        a PDF has them before some numbered paragraphs and around page breaks, and none
        between the others."""
        if self._spaced is None:
            after_blank = opening = 0
            for _, role, blank in self._roles():
                if role in ("number after a close", "opening"):
                    opening += 1
                    after_blank += blank
            self._spaced = 2 * after_blank > opening if opening else BLANK in self.lines
        return self._spaced

    def _roles(self) -> list[tuple[str, str, bool]]:
        """Each line of text (the page and blank markers aside), how it opens, and whether
        a blank line came before it, read once for `spaced` and `indents_first_lines`:
        ``"number after a close"`` or ``"number"`` (a paragraph's label, after a line
        that closes a paragraph or not), ``"item"`` (a list item's label), ``"opening"``
        (an opening word after a line that closes a paragraph), ``"first"`` (the text's
        first line) or ``"other"``."""
        if self._line_roles is None:
            self._line_roles = []
            previous, blank = "", False
            for line in self.lines:
                if line in (BLANK, PAGE):
                    blank = blank or line == BLANK
                    continue
                closed = bool(previous) and _last_mark(previous) in _PARAGRAPH_END
                if _MAIN_LABEL.match(line):
                    role = "number after a close" if closed else "number"
                elif _SUB_LABEL.match(line):
                    role = "item"
                elif not previous:
                    role = "first"
                elif closed and _opens_paragraph(line):
                    role = "opening"
                else:
                    role = "other"
                self._line_roles.append((line, role, blank))
                previous, blank = line, False
        return self._line_roles

    def indented(self, line: str) -> bool | None:
        """Whether the text's copy indents ``line``, read from the text as pasted, where
        the line is found by its first characters; None where it is not, or where lines
        that open alike are indented differently."""
        if self._indents is None:
            self._indents = {}
            for raw in self.text.splitlines():
                key = _line_key(raw)
                indented = len(raw) - len(raw.lstrip()) >= _INDENT
                self._indents[key] = (
                    indented if self._indents.get(key, indented) == indented else None
                )
        return self._indents.get(_line_key(line))

    @property
    def indents_first_lines(self) -> bool:
        """Whether the copy kept the indent of each paragraph's first line (as
        ``pdftotext -layout`` does, and some viewers), so that a line tells by its indent
        whether it opens a paragraph: most lines that open a paragraph without a label
        after one that closes a paragraph are indented, and few lines that go on with such
        a paragraph are (a numbered paragraph's lines may all be, under its label)."""
        if self._indents_first_lines is None:
            if not _INDENTED_LINE.search(self.text):
                self._indents_first_lines = False
                return False
            openers = opened = goes_on = indented = 0
            labelled = False
            for line, role, _ in self._roles():
                if role in ("number after a close", "number", "item"):
                    labelled = True
                elif role == "opening":
                    labelled = False
                    openers += 1
                    opened += self.indented(line) is True
                elif role == "other" and not labelled:
                    goes_on += 1
                    indented += self.indented(line) is True
            self._indents_first_lines = (
                openers >= _LAYOUT_LINES // 2
                and goes_on >= _LAYOUT_LINES // 2
                and opened >= 0.8 * openers
                and indented <= 0.2 * goes_on
            )
        return self._indents_first_lines

    def ended_short(self, line: str) -> bool:
        """Whether the line before ``line`` ended short of the width."""
        if self._width is None:
            lengths = sorted(len(line) for line in self.lines if line not in (BLANK, PAGE))
            enough = len(lengths) >= _LAYOUT_LINES
            self._width = lengths[(len(lengths) - 1) * 9 // 10] if enough else 0
        first = len(line.split(maxsplit=1)[0]) if line.strip() else 0
        return len(self.last) + 1 + first <= self._width - self._width // 8


# A line indented this many spaces at least opens with an indent.
_INDENT = 2
_INDENTED_LINE = re.compile(r"^(?:[ ]{2}|\t)", re.MULTILINE)
# How many of a line's first characters (spaces aside) find it in the text as pasted.
_KEY_LENGTH = 24


def _line_key(line: str) -> str:
    return "".join(line.split())[:_KEY_LENGTH]


# Room for a paragraph's label ("OP 3 bis.") beyond the limit of its text.
_LABEL_ROOM = 64
# A list item written inside a paragraph: "… resources to: (a) the protection …".
_INLINE_ITEM = re.compile(rf"[^\d\s)] \(?([a-z]|[ivx]{{2,4}}|{_ARABIC_ITEM})\) ", re.IGNORECASE)
# How far back into what was read an item may begin: a join may end inside "x (viii) ".
_INLINE_REACH = len("x (viii) ")


class _InlineItems:
    """The letters (lower-cased) of the list items written inside a paragraph as it is
    read line by line: read only when asked (most paragraphs never are), and each part of
    the paragraph once, from a little before where the last reading stopped (an item may
    straddle a join, and a join may drop the hyphen before it)."""

    def __init__(self) -> None:
        self.letters: set[str] = set()
        self.read = 0

    def of(self, paragraph: str) -> set[str]:
        if self.read < len(paragraph):
            start = max(0, self.read - _INLINE_REACH - 1)
            self.letters.update(
                match.group(1).lower() for match in _INLINE_ITEM.finditer(paragraph, start)
            )
            self.read = len(paragraph)
        return self.letters


def _starts_paragraph(
    previous: str, line: str, blank: bool, inline: _InlineItems, layout: _Layout
) -> bool:
    """Whether ``line`` opens a new paragraph rather than continuing ``previous`` (the
    paragraph so far, holding the list items ``inline``): after a blank line, a heading or
    a closed paragraph when the line opens with a label or an opening word, or after a
    line that ended short (`_Layout`) when it opens with a paragraph's opening word or a
    list's first item. Only the ends of ``previous`` are read, so that a paragraph of
    many lines is read in linear time."""
    if blank or _HEADING.fullmatch(previous):
        return True
    mark = _last_mark(previous)
    closed = mark in _PARAGRAPH_END
    if _HEADING.fullmatch(line):
        # "The Security Council," opens the text; "… the President of the" ⏎ "Security
        # Council," and "… all relevant resolutions of" ⏎ "the General Assembly," go on.
        return closed or line[:4] in ("The ", "THE ")
    main = _MAIN_LABEL.match(line)
    if main:
        # Or the next number, whatever the paragraph above ends with: "… Declaration;
        # and" ⏎ "3. Stresses", and "1. Calls upon" after a preamble.
        return closed or _next_number(previous, main, line)
    label = _SUB_LABEL.match(line)
    if label:
        if _inline_item_before(label.group("sub"), previous, inline):
            # "… resources to: (a) the protection of civilians; and" ⏎ "(b) ensuring …":
            # the list runs inside the paragraph.
            return False
        # After an item's end, or after the item before it in its list, however that
        # ends ("(a) … its supporters," ⏎ "(b) supplies"), or after a short lettered
        # title ("(a) Protection of Civilians") that the numbered items under it follow.
        item = _SUB_LABEL.match(previous)
        return (
            _ends_item(previous)
            # (Not after a number: "… in accordance with paragraph 2" ⏎ "(b) below;".)
            or (item is not None and not previous[-1].isdigit() and _follows(label, item))
            or (item is not None and len(previous.split(maxsplit=7)) <= 7)
            # "… (S/2020/448), shall" ⏎ "(a) prioritize …"
            or (label.group("sub").lower() in _FIRST_ITEMS and layout.ended_short(line))
        )
    if mark == ":" or not _opens_paragraph(line):
        return False
    if not _opening(line)[:1].isupper() and (
        (layout.spaced and not layout.after_page) or _MAIN_LABEL.match(previous)
    ):
        # An opening without a capital (Russian, Arabic, Chinese) is also how a clause
        # inside a paragraph may open ("… COVID-19," ⏎ "признавая, что …"): where blank
        # lines part the paragraphs, they do, and a page break, which drops them. After
        # a numbered paragraph, the next paragraph has its number: "1. 决定…，" ⏎
        # "促请双方…" goes on.
        return False
    if not _opening(line)[:1].isupper() and layout.indents_first_lines:
        # Where the copy kept the indent of a paragraph's first line, it tells.
        indented = layout.indented(line)
        if indented is not None:
            return indented
    return closed or (mark.isalnum() and layout.ended_short(line))


_FIRST_ITEMS = frozenset({"(a)", "a)", "(i)", "(أ)"})


def _next_number(previous: str, label: re.Match[str], line: str) -> bool:
    """Whether a line opening with a bare number ("3.") opens the paragraph that follows
    the paragraph so far: numbered one less, or unnumbered and the number is 1; and a
    capitalised word follows ("3. Stresses", not "… in paragraph" ⏎ "3. of")."""
    number = label.group("bare")
    if not number or not number.isdigit() or not line[label.end() : label.end() + 1].isupper():
        return False
    above = _MAIN_LABEL.match(previous)
    if above is None:
        return number == "1" and not _SUB_LABEL.match(previous)
    return (above.group("bare") or "").isdigit() and int(above.group("bare")) + 1 == int(number)


def _follows(label: re.Match[str], item: re.Match[str]) -> bool:
    """Whether a list item's label is the next after ``item``'s, written alike ("(b)"
    after "(a)", "(j)" or "(ii)" after "(i)", "d)" after "c)")."""
    line, above = label.group("sub"), item.group("sub")
    same_style = line.startswith("(") == above.startswith("(")
    return same_style and _bare(line) in _neighbours(_bare(above), 1)


def _bare(label: str) -> str:
    return label.lower().strip("()")


def _neighbours(bare: str, step: int) -> set[str]:
    """The bare labels ``step`` places from a list item's, as a letter and as a roman
    numeral: 1 after "i": "j" and "ii"; 1 before "iv": "iii"; 1 before "a": none; 1 after
    the Arabic "أ": "ب"."""
    found = set()
    if len(bare) == 1 and "a" <= chr(ord(bare) + step) <= "z":
        found.add(chr(ord(bare) + step))
    if bare in _ABJAD_PLACE and 0 <= _ABJAD_PLACE[bare] + step < len(_ABJAD):
        found.add(_ABJAD[_ABJAD_PLACE[bare] + step])
    value = _roman_value(bare)
    if value and value + step >= 1:
        found.add(_roman(value + step))
    return found


_ROMAN_DIGITS = (("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def _roman(value: int) -> str:
    out = ""
    for digits, worth in _ROMAN_DIGITS:
        while value >= worth:
            out += digits
            value -= worth
    return out


def _roman_value(numeral: str) -> int:
    """The value of a lower-case roman numeral as labels write them, or 0 if it is none."""
    if not _ROMAN.fullmatch(f"({numeral})"):
        return 0
    value, rest = 0, numeral
    for digits, worth in _ROMAN_DIGITS:
        while rest.startswith(digits):
            value += worth
            rest = rest[len(digits) :]
    return value if not rest and _roman(value) == numeral else 0


def _inline_item_before(label: str, paragraph: str, inline: _InlineItems) -> bool:
    """Whether the item before ``label`` ("(a)" before "(b)", "(iii)" before "(iv)")
    stands inside ``paragraph`` (its items ``inline``) as a list within its sentence
    ("resources to: (a) the protection …"), not as a reference ("paragraph 3 (a)") or as
    the label of an item the paragraph is."""
    if _SUB_LABEL.match(paragraph):
        return False
    before = _neighbours(_bare(label), -1)
    return bool(before) and not before.isdisjoint(inline.of(paragraph))


def _ends_item(paragraph: str) -> bool:
    """Whether a paragraph so far ends as a list item does: ";", ":", ".", "; and" or
    "; or" (read from its end)."""
    if _last_mark(paragraph) in _ITEM_END:
        return True
    for word in (" and", " or"):
        if paragraph.endswith(word):
            end = len(paragraph) - len(word)
            while end > 0 and paragraph[end - 1] == " ":
                end -= 1
            return end > 0 and paragraph[end - 1] == ";"
    return False


def _opens_paragraph(line: str) -> bool:
    """Whether a line begins as a paragraph does: with a participle or an adjective that
    opens a preambular paragraph, or a verb that opens an operative one ("Decides",
    "Strongly condemns"), not merely a capital ("Al-Qaida", "United Nations")."""
    line = _opening(line)
    if line[:1].islower():
        return _opens_in_russian(line)
    if not line[:1].isupper():
        # A script without capitals.
        return bool(_ARABIC_PREAMBULAR.match(line)) or line.startswith(_CHINESE_OPENINGS)
    return _section(None, line) is not None and _opening_verb(line)


def _opening(line: str) -> str:
    """A line from its first letter, past an opening bracket or quote ("“Recalling")."""
    return line.lstrip("[“\"‘'«")


def _opens_in_russian(line: str) -> bool:
    """Whether a line begins with a Russian preambular opening: "ссылаясь на …", "особо
    отмечая …", "самым решительным образом осуждая …"."""
    for word in line.split(maxsplit=4)[:4]:
        lower = word.strip(",;:").lower()
        if lower not in _RUSSIAN_QUALIFIERS:
            return lower in _RUSSIAN_GERUNDS
    return False


def _opening_verb(line: str) -> bool:
    """An operative verb is followed by a lower-case word ("Decides that", "Calls upon");
    a preambular opening is a participle or one of the adjectives."""
    phrase = _OPENING_PHRASE.match(line)
    words = line[phrase.end() if phrase else 0 :].split()
    for index, word in enumerate(words[:4]):
        lower = word.strip(",;:").lower()
        if lower in OPENING_QUALIFIERS or (lower.endswith(_ADVERB_ENDINGS) and index == 0):
            continue
        if lower in _NOT_PARTICIPLES:
            return False
        if lower.endswith(_PARTICIPLE_ENDINGS):
            # Not one of a list of names: "Reform," ⏎ "Restructuring and Rebuilding of
            # PNTL", "the Use," ⏎ "Stockpiling, Production and Transfer" (no paragraph of
            # the UN's repository opens so).
            after = words[index + 1 : index + 3]
            if word.endswith(",") and after:
                return not after[0][:1].isupper()
            if len(after) == 2 and after[0] in ("and", "or"):
                return not after[1][:1].isupper()
            return True
        if lower in _PREAMBULAR_WORDS:
            return True
        return lower in _OPERATIVE_VERBS
    return False


# A title before a numbered paragraph may fill a line ("Protection of civilians,
# including humanitarian personnel and human rights defenders, and United Nations
# personnel and facilities": 17 words); other titles are shorter (8 words at most).
_LONG_TITLE = 20


def _is_subheading(line: str, lines: list[str], index: int, depth: int = 0) -> bool:
    """A title line between paragraphs ("Designation Criteria", "Reporting",
    "Governance, Rule of Law, Security Sector Reform"): short, capitalised, not ending in
    punctuation, and followed by a labelled paragraph, or by one that opens as a
    paragraph does when the title itself does not, or by another title ("AMISOM" ⏎
    "Priorities and tasks" ⏎ "7. Decides …")."""
    if not line[:1].isupper() or line[-1] in _PARAGRAPH_END or line[-1] in "-\u00ad":
        return False
    words = line.split(maxsplit=_LONG_TITLE)
    if len(words) > _LONG_TITLE:
        return False
    if _MAIN_LABEL.match(line) or _SUB_LABEL.match(line) or _HEADING.fullmatch(line):
        return False
    if line.startswith("Acting under "):
        # The preamble's last paragraph, in title case, its comma now and then left out
        # ("Acting under Chapter VII of the Charter of the United Nations", S/RES/2396).
        return False
    at = _next_line(lines, index)
    if at is None:
        return False
    following = lines[at]
    if _MAIN_LABEL.match(following):
        # A paragraph ends in punctuation: a line that does not, before a numbered one, is
        # a title, in title case or in sentence case if it does not open as a paragraph.
        long_words = [w for w in words if len(w) > 3]
        title_case = sum(w[0].isupper() for w in long_words) * 2 >= len(long_words)
        return title_case or not _opens_paragraph(line)
    if _opens_paragraph(line) or len(words) > 8:
        return False
    if _SUB_LABEL.match(following) or _opens_paragraph(following):
        return True
    return depth < _TITLE_LINES - 1 and _is_subheading(following, lines, at, depth + 1)


# A title runs to this many lines at most.
_TITLE_LINES = 3


def _next_line(lines: list[str], index: int) -> int | None:
    """The index of the first line with text after ``lines[index]``, read in place: a
    copy of the lines after it, for each title a text might hold, made parsing quadratic
    (20,000 short capitalised lines: a second)."""
    for following in range(index + 1, len(lines)):
        if lines[following] not in (BLANK, PAGE):
            return following
    return None


def _label_at_start(text: str) -> re.Match[str] | None:
    """The paragraph's or list item's label a text opens with ("8. ", "(b) ")."""
    return _MAIN_LABEL.match(text) or _SUB_LABEL.match(text)


def _only_a_label(text: str) -> bool:
    """Whether a paragraph so far is a label and nothing else ("8.", "(b)")."""
    match = _label_at_start(text)
    return match is not None and match.end() == len(text)


def _label(text: str) -> tuple[str | None, str, bool, bool]:
    if "  " in text:
        text = " ".join(text.split())
    match = _MAIN_LABEL.match(text)
    if match:
        label = match.group("marked") or match.group("bare") or match.group("dashed")
        return label, text[match.end() :], False, False
    match = _SUB_LABEL.match(text)
    if match:
        return match.group("sub"), text[match.end() :], True, False
    return None, text, False, False


def _section(number: str | None, text: str) -> Section | None:
    """The section a label or opening word shows, or ``None`` if neither shows one."""
    if number is not None:
        return Section.PREAMBULAR if number[:2].lower() == "pp" else Section.OPERATIVE
    opening = text.lstrip("[“\"‘'(…. ")
    if _ARABIC_PREAMBULAR.match(opening):
        return Section.PREAMBULAR
    if opening[:1].isalpha() and not _LATIN.match(opening):
        # Another script: only a label or the Arabic "إذ" tells the section.
        return None
    # The words of the first 80 characters, read one at a time (most paragraphs tell
    # their section by the first).
    phrase = _OPENING_PHRASE.match(text)
    start = phrase.end() if phrase else 0
    words = _FIRST_WORDS.finditer(text, start, start + 80)
    first = next(words, None)
    if first is None or not (phrase or first.group()[0].isupper()):
        # A lower-case opening is a quotation cut from inside a paragraph.
        return None
    for match in chain((first,), words):
        lower = match.group().lower()
        if lower in OPENING_QUALIFIERS or lower.endswith(_ADVERB_ENDINGS):
            continue
        if lower.endswith(_PARTICIPLE_ENDINGS) or lower in _PREAMBULAR_WORDS:
            return Section.PREAMBULAR
        if lower.endswith(("é", "ée", "és")):  # French: préoccupé
            return Section.PREAMBULAR
        if lower.endswith("s") or lower in _OPERATIVE_VERBS:
            return Section.OPERATIVE
        return None
    return None
