"""Preview images for shared links: the 1200×630 PNG card an unfurler shows beside a
clause's, a revision's or a comparison's title (issue 9, point 4).

Drawing is separate from reading the data: a :class:`Card` holds plain text (the family,
the revision, the clause text or the change as marked runs, the honesty markers) and
:func:`draw` turns it into PNG bytes without touching the database. The same card always
draws the same bytes, so :meth:`Card.digest` can name the image in a cache and an ETag.

What the card may claim is what the page claims. Text is wrapped and, where it does not
fit, cut with an ellipsis: nothing is ever added to it. Insertions are underlined and
deletions struck through, besides their colours, and a legend says so. Arabic is drawn
right to left with its letters joined when Pillow can shape text (its wheels bundle
libraqm, which needs the system's FriBiDi); where it cannot, the card says the text is
in Arabic rather than draw letters unjoined and in the wrong order. A script the shipped
font does not cover (Chinese) is treated the same way.
"""

import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont, features

# Bump when the drawing or the fonts change, so cached images of the old are not served.
DRAWING_VERSION = 1

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"

# Whether Arabic can be drawn as it is read: letters joined, right to left.
SHAPING = features.check("raqm")

EQUAL, INSERT, DELETE = "equal", "insert", "delete"

# The site's palette (static/css): colour-blind-safe, never the only sign of a meaning.
PAPER, INK, MUTED, RULE, BRAND = "#fdfcf9", "#1b1b1f", "#4f5160", "#d8d5cc", "#9b1c31"
MARKER_BACKGROUND = "#f1efe8"
MARKS = {INSERT: ("#dceafb", "#0a3f7a"), DELETE: ("#fde4d3", "#7a2e05")}
MARKER_INKS = {
    "paraphrase": "#6b3fa0",
    "fragment": "#8a5a00",
    "bracketed": "#9b1c31",
    "date": "#8a5a00",
}

MARGIN = 64
LINE_WIDTH = WIDTH - 2 * MARGIN
BODY_SIZE, BODY_LEADING = 28, 40
MARKER_SIZE, MARKER_ROW = 20, 44
LEGEND_ROW = 36

# The languages whose script the shipped font covers; Arabic also needs shaping.
FONT_LANGUAGES = {"en", "fr", "es", "ru", "de", "ar"}
LANGUAGE_NAMES = {"ar": "Arabic", "zh": "Chinese"}
_ARABIC = r"\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_SCRIPT = re.compile(rf"[{_ARABIC}]")
ARABIC_PHRASE = re.compile(rf"[{_ARABIC}](?:[\s\d]*[{_ARABIC}])*")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Run:
    """A stretch of text, as it stands (`equal`), or as inserted or deleted."""

    text: str
    mark: str = EQUAL


@dataclass(frozen=True)
class Paragraph:
    """A clause's text, or its change, as runs; `label` names it ("OP5 · edited")."""

    runs: tuple[Run, ...]
    language: str = "en"
    label: str = ""
    # Not the text but a note about it ("Text in Arabic — see the page.").
    note: bool = False

    @property
    def marked(self) -> bool:
        return any(run.mark != EQUAL for run in self.runs)


@dataclass(frozen=True)
class Marker:
    """An honesty marker in words ("fragment — the available copy ends here"); `kind`
    (paraphrase, fragment, bracketed, date, or anything else) picks its colour."""

    text: str
    kind: str = "status"


@dataclass(frozen=True)
class Card:
    """Everything a preview image shows, as plain text."""

    kicker: str
    title: str
    subtitle: str = ""
    heading: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    markers: tuple[Marker, ...] = ()
    # What to say where there is no text to show.
    empty: str = ""

    def digest(self, *, shaping: bool = SHAPING) -> str:
        """A hash of what the image shows and of what draws it: equal for equal cards."""
        payload = [DRAWING_VERSION, PIL.__version__, shaping, asdict(self)]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


# The card of every page without one of its own (static/img/redline-card.png, drawn by
# `manage.py draw_site_card`).
SITE_CARD = Card(
    kicker="UN Security Council drafts, clause by clause",
    title="How draft resolutions change",
    paragraphs=(
        Paragraph(
            (
                Run(
                    "Who proposed which paragraph, what each revision added, cut or reworded, "
                    "and how rival drafts converged into, or failed as, a resolution. Fragments, "
                    "paraphrases and text not yet agreed are marked."
                ),
            )
        ),
    ),
)
SITE_CARD_PATH = Path(__file__).resolve().parent.parent / "static/img/redline-card.png"


def draw(card: Card, *, shaping: bool = SHAPING) -> bytes:
    """The card as a 1200×630 PNG. Deterministic: the same card, the same bytes."""
    image, _ = _render(card, shaping)
    buffer = io.BytesIO()
    # zlib at its default level: optimize=True saves 4% of the bytes for four times the time.
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def body_lines(card: Card, *, shaping: bool = SHAPING) -> list[str]:
    """The lines of text the card's body shows, each in reading order: what the image
    says of the clause or the change, once wrapped and cut to fit."""
    _, lines = _render(card, shaping)
    return lines


def _render(card: Card, shaping: bool) -> tuple[Image.Image, list[str]]:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, WIDTH, 10), fill=BRAND)

    # The head: whose card this is, the family, the revision, what the card is about.
    y = MARGIN + 22
    brand = _font(BOLD, 30)
    canvas.text((MARGIN, y), "Redline", font=brand, fill=BRAND, anchor="ls")
    if card.kicker:
        x = MARGIN + brand.getlength("Redline") + 18
        kicker = _header(card.kicker, shaping)
        canvas.text((x, y), kicker, font=_font(REGULAR, 24), fill=MUTED, anchor="ls")
    y = _text(canvas, _header(card.title, shaping), _font(BOLD, 40), INK, y + 60, 50, lines=2)
    if card.subtitle:
        y = _text(canvas, _header(card.subtitle, shaping), _font(REGULAR, 26), MUTED, y, 36)
    if card.heading:
        y = _text(canvas, _header(card.heading, shaping), _font(BOLD, 28), INK, y + 6, 38, lines=2)
    canvas.line((MARGIN, y - 12, WIDTH - MARGIN, y - 12), fill=RULE, width=2)

    # The foot: the markers, and above them the legend of the marks if there are any.
    paragraphs = _drawable(card.paragraphs, shaping)
    rows = _marker_rows(card.markers)
    foot = HEIGHT - MARGIN + 20 - MARKER_ROW * len(rows)
    legend = any(p.marked for p in paragraphs)
    if legend:
        foot -= LEGEND_ROW
        _legend(canvas, foot + 26)
    _markers(canvas, rows, foot + LEGEND_ROW * legend + 30, shaping)

    # The body, between them.
    y += BODY_LEADING - 6
    capacity = max(1, (foot - y) // BODY_LEADING + 1)
    if not paragraphs:
        empty = _header(card.empty or "No text to show.", shaping)
        _text(canvas, empty, _font(REGULAR, BODY_SIZE), MUTED, y, BODY_LEADING, capacity)
        return image, []
    lines = _lay_out(paragraphs, capacity, shaping)
    for line in lines:
        _line(canvas, line, y)
        y += BODY_LEADING
    return image, [line.text for line in lines]


@cache
def _font(path: Path, size: int, *, shaping: bool = False) -> ImageFont.FreeTypeFont:
    # Text in Latin or Cyrillic script is laid out the same way whether or not libraqm is
    # there, so its image does not depend on the machine that drew it.
    engine = ImageFont.Layout.RAQM if shaping else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, layout_engine=engine)


def _header(text: str, shaping: bool) -> str:
    """A line of the card's head, any Arabic in it replaced by a note where it cannot be
    drawn as it is read."""
    if shaping or not ARABIC_SCRIPT.search(text):
        return text
    return ARABIC_PHRASE.sub("[text in Arabic]", text)


def _text(canvas, text: str, font, fill: str, y: int, leading: int, lines: int = 1) -> int:
    """Draw plain `text` wrapped to the card's width on at most `lines` lines, the last
    cut with an ellipsis if the text goes on; returns the baseline of the line after."""
    rtl = bool(ARABIC_SCRIPT.search(text))
    if rtl:
        # libraqm orders the line's scripts itself, Arabic right to left.
        font = _font(Path(font.path), font.size, shaping=True)
    words = text.split()
    shown: list[str] = []
    while words and len(shown) < lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= LINE_WIDTH:
            line = f"{line} {words.pop(0)}"
        shown.append(line)
    if words or (shown and font.getlength(shown[-1]) > LINE_WIDTH):
        last = shown[-1]
        while " " in last and font.getlength(last + ELLIPSIS) > LINE_WIDTH:
            last = last.rsplit(" ", 1)[0]
        while len(last) > 1 and font.getlength(last + ELLIPSIS) > LINE_WIDTH:
            last = last[:-1]
        shown[-1] = last + ELLIPSIS
    for line in shown:
        x = WIDTH - MARGIN - font.getlength(line) if rtl else MARGIN
        canvas.text((x, y), line, font=font, fill=fill, anchor="ls")
        y += leading
    return y


# The body: paragraphs of marked runs, wrapped word by word so that each run keeps its
# marks; an Arabic paragraph's words go from the right margin leftwards.


@dataclass
class _Piece:
    text: str
    mark: str
    width: float
    style: str = "text"  # or "label", "note"


@dataclass
class _Word:
    pieces: list[_Piece]
    # The space after the word, marked like the run it is in.
    space: _Piece | None = None

    @property
    def width(self) -> float:
        return sum(piece.width for piece in self.pieces)


@dataclass
class _Line:
    words: list[_Word]
    font: ImageFont.FreeTypeFont
    rtl: bool

    @property
    def text(self) -> str:
        return " ".join("".join(p.text for p in w.pieces) for w in self.words)


def _drawable(paragraphs: tuple[Paragraph, ...], shaping: bool) -> list[Paragraph]:
    """The paragraphs, each one whose script cannot be drawn as it is read replaced by a
    note saying what language it is in (one note for a run of them)."""
    shown: list[Paragraph] = []
    for paragraph in paragraphs:
        text = "".join(run.text for run in paragraph.runs)
        arabic = paragraph.language == "ar" or bool(ARABIC_SCRIPT.search(text))
        if paragraph.language in FONT_LANGUAGES and (shaping or not arabic):
            shown.append(paragraph)
            continue
        name = LANGUAGE_NAMES.get("ar" if arabic else paragraph.language, "another script")
        note = Paragraph((Run(f"Text in {name} — see the page."),), note=True)
        if not shown or shown[-1] != note:
            shown.append(note)
    return shown


def _lay_out(paragraphs: list[Paragraph], capacity: int, shaping: bool) -> list[_Line]:
    """As much of the paragraphs as `capacity` lines hold, wrapped; the last line shown
    ends with an ellipsis where text is left out."""
    lines: list[_Line] = []
    for paragraph in paragraphs:
        text = "".join(run.text for run in paragraph.runs)
        rtl = paragraph.language == "ar"
        # libraqm shapes any Arabic in the paragraph; only an Arabic text runs right to left.
        font = _font(REGULAR, BODY_SIZE, shaping=shaping and bool(ARABIC_SCRIPT.search(text)))
        wrapped = [_Line(words, font, rtl) for words in _wrap(_words(paragraph, font, rtl))]
        room = capacity - len(lines)
        if len(wrapped) > room:
            lines += wrapped[: max(room, 0)]
            if lines:
                _end_with_ellipsis(lines[-1])
            break
        lines += wrapped
    return lines


def _words(paragraph: Paragraph, font, rtl: bool) -> list[_Word]:
    words: list[_Word] = []
    space = font.getlength(" ")
    style = "note" if paragraph.note else "text"
    if paragraph.label:
        label = _Piece(paragraph.label, EQUAL, _font(BOLD, 22).getlength(paragraph.label), "label")
        words.append(_Word([label], _Piece(" ", EQUAL, space)))
    current: list[_Piece] = []
    for run in paragraph.runs:
        for token in re.findall(r"\s+|\S+", run.text):
            if not token.isspace():
                current.append(_Piece(token, run.mark, _measure(font, token, rtl), style))
            elif current:
                words.append(_Word(current, _Piece(" ", run.mark, space)))
                current = []
    if current:
        words.append(_Word(current))
    return words


def _measure(font, text: str, rtl: bool) -> float:
    return font.getlength(text, **_direction(font, rtl))


def _direction(font, rtl: bool) -> dict:
    """How libraqm is told that a piece is Arabic, right to left (the basic layout, which
    cannot shape, is told nothing)."""
    if rtl and font.layout_engine == ImageFont.Layout.RAQM:
        return {"direction": "rtl", "language": "ar"}
    return {}


def _wrap(words: list[_Word]) -> list[list[_Word]]:
    lines: list[list[_Word]] = [[]]
    used = 0.0
    for word in words:
        line = lines[-1]
        space = line[-1].space.width if line and line[-1].space else 0.0
        if line and used + space + word.width > LINE_WIDTH:
            lines.append([word])
            used = word.width
        else:
            line.append(word)
            used += space + word.width
    return [line for line in lines if line]


def _end_with_ellipsis(line: _Line) -> None:
    """End the line with an ellipsis, dropping words from its end until it fits."""
    words = line.words
    ellipsis = _Piece(ELLIPSIS, EQUAL, _measure(line.font, ELLIPSIS, line.rtl))

    def width() -> float:
        return sum(w.width for w in words) + sum(w.space.width for w in words[:-1] if w.space)

    while len(words) > 1 and width() + ellipsis.width > LINE_WIDTH:
        words.pop()
    words[-1].space = None
    # Where the text already says that words are left out, once is enough.
    if not words[-1].pieces[-1].text.endswith(ELLIPSIS):
        words[-1].pieces.append(ellipsis)


def _line(canvas, line: _Line, y: int) -> None:
    """One line of words at baseline `y`: left to right, or right to left for Arabic, each
    word's pieces in the same direction as the words."""
    rtl = line.rtl
    x = WIDTH - MARGIN if rtl else MARGIN
    for index, word in enumerate(line.words):
        start = x - word.width if rtl else x
        px = start + word.width if rtl else start
        for piece in word.pieces:
            if rtl:
                px -= piece.width
            _piece(canvas, piece, px, y, line.font, rtl)
            if not rtl:
                px += piece.width
        x = start if rtl else start + word.width
        space = word.space
        if space and index + 1 < len(line.words):
            left = x - space.width if rtl else x
            # A space inside an inserted or deleted phrase is marked with it.
            following = {p.mark for p in line.words[index + 1].pieces}
            if space.mark in MARKS and space.mark in following:
                _mark(canvas, space.mark, left, space.width, y)
            x = left if rtl else x + space.width


def _piece(canvas, piece: _Piece, x: float, y: int, font, rtl: bool) -> None:
    if piece.style == "label":
        canvas.text((x, y), piece.text, font=_font(BOLD, 22), fill=MUTED, anchor="ls")
        return
    fill = MUTED if piece.style == "note" else INK
    if piece.mark in MARKS:
        _mark(canvas, piece.mark, x, piece.width, y)
        fill = MARKS[piece.mark][1]
    canvas.text((x, y), piece.text, font=font, fill=fill, anchor="ls", **_direction(font, rtl))


def _mark(canvas, mark: str, x: float, width: float, y: int) -> None:
    """The background of inserted or deleted text, and the line that marks it without
    colour: underlined if inserted, struck through if deleted."""
    background, ink = MARKS[mark]
    canvas.rectangle((x, y - BODY_SIZE + 1, x + width, y + 9), fill=background)
    at = y + 6 if mark == INSERT else y - BODY_SIZE // 3
    canvas.line((x, at, x + width, at), fill=ink, width=3)


# The foot: the honesty markers, and the legend of the marks.


def _marker_rows(markers: tuple[Marker, ...]) -> list[list[tuple[Marker, float]]]:
    font = _font(BOLD, MARKER_SIZE)
    rows: list[list[tuple[Marker, float]]] = [[]]
    used = 0.0
    for marker in markers:
        width = font.getlength(marker.text) + 24
        if rows[-1] and used + width > LINE_WIDTH:
            rows.append([])
            used = 0.0
        rows[-1].append((marker, width))
        used += width + 12
    return [row for row in rows if row]


def _markers(canvas, rows, y: int, shaping: bool) -> None:
    font = _font(BOLD, MARKER_SIZE)
    for row in rows:
        x = MARGIN
        for marker, width in row:
            ink = MARKER_INKS.get(marker.kind, MUTED)
            box = (x, y - 25, x + width, y + 9)
            canvas.rounded_rectangle(box, radius=6, fill=MARKER_BACKGROUND, outline=ink, width=2)
            canvas.text(
                (x + 12, y), _header(marker.text, shaping), font=font, fill=ink, anchor="ls"
            )
            x += width + 12
        y += MARKER_ROW


def _legend(canvas, y: int) -> None:
    """What the marks mean, in words and in the marks themselves."""
    font = _font(REGULAR, MARKER_SIZE)
    x = MARGIN
    for mark, word, meaning in (
        (INSERT, "underlined", ": inserted"),
        (DELETE, "struck through", ": deleted"),
    ):
        background, ink = MARKS[mark]
        width = font.getlength(word)
        canvas.rectangle((x, y - MARKER_SIZE, x + width, y + 6), fill=background)
        at = y + 4 if mark == INSERT else y - 7
        canvas.line((x, at, x + width, at), fill=ink, width=2)
        canvas.text((x, y), word, font=font, fill=ink, anchor="ls")
        x += width
        canvas.text((x, y), meaning, font=font, fill=MUTED, anchor="ls")
        x += font.getlength(meaning) + 32
