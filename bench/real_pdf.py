"""The UN's official texts printed to real PDFs by LibreOffice, and copied out of them by
pdftotext: inputs for ``bench/paste_accuracy.py --pdf``.

The synthetic copies of ``tests.pdf_like`` wrap lines at a number of characters. A real
PDF sets type: proportional letters, justified lines, first lines indented, a label and a
tab before an operative paragraph's text, headings centred, paragraphs running on over
page breaks. Each file is written as a page of HTML with those settings (Liberation
Serif, 12 pt, which has the metrics of the UN's Times New Roman; right to left for
Arabic), LibreOffice (``soffice --headless``) prints it to PDF, and pdftotext copies the
text two ways:

- ``pdftotext -raw``: in the order the PDF draws it, as most PDF viewers copy;
- ``pdftotext``: in the order its own reading of the page finds, which also joins a word
  hyphenated at a line end and drops the hyphen ("Al-" ⏎ "Qaida" → "AlQaida").

No page headers, footers, footnotes or cover page: the synthetic copies have those. (The
page is read as a Writer document, ``HTML (StarWriter)``: read as a web page, LibreOffice
7.4 leaves out its first paragraph, the Council's heading.) The
PDFs are kept in a cache directory, one per page of HTML (named by its hash), so that a
second run prints nothing. Needs ``soffice`` and ``pdftotext`` (Debian:
libreoffice-writer-nogui, poppler-utils; fonts-liberation2, fonts-noto-core for Arabic,
fonts-noto-cjk for Chinese).
"""

from __future__ import annotations

import hashlib
import html
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tests.pdf_like import Reference, _label, _printed

CACHE = Path(tempfile.gettempdir()) / "redline-pdf-copies"
# pdftotext's two ways of reading a page: the name the report gives each, its options.
COPIES = {"pdftotext -raw": ["-raw"], "pdftotext": []}
# Files printed per LibreOffice process (it starts in about a second).
_BATCH = 40
# How LibreOffice reads the pages and prints them (part of each PDF's cache key).
_FILTERS = ("--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export")
_STYLE = (
    "body{font-family:'Liberation Serif','Times New Roman';font-size:12pt}"
    "p{text-align:justify;margin-top:0;margin-bottom:6pt}"
)


def missing_tools() -> list[str]:
    return [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]


def page(ref: Reference) -> str:
    """The document as a page of HTML, laid out as the UN prints it."""
    rtl = ' dir="rtl"' if ref.language == "A" else ""
    lines = [f'<html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body{rtl}>']
    lines.append(f'<p style="text-indent:0.5in">{html.escape(ref.council)}</p>')
    for index, text in _printed(ref):
        if index is None:
            lines.append(f'<p align="center">{html.escape(text)}</p>')
            continue
        clause = ref.clauses[index]
        label = _label(clause)
        body = html.escape(clause["text"])
        if label is None:
            lines.append(f'<p style="text-indent:0.5in">{body}</p>')
        else:
            margin = "1in" if clause["parent"] is not None else "0.5in"
            style = f"margin-left:{margin};text-indent:-0.5in"
            lines.append(f'<p style="{style}">{html.escape(label)}\t{body}</p>')
    lines.append("</body></html>")
    return "\n".join(lines)


def copies(refs: Iterable[Reference], cache: Path = CACHE) -> list[dict[str, str]]:
    """For each reference, its PDF's text as each of `COPIES` gives it."""
    cache.mkdir(parents=True, exist_ok=True)
    pdfs = []
    to_print = []
    for ref in refs:
        source = page(ref)
        stem = hashlib.sha256("\n".join([*_FILTERS, source]).encode()).hexdigest()[:24]
        pdf = cache / f"{stem}.pdf"
        if not pdf.exists():
            written = cache / f"{stem}.html"
            written.write_text(source, encoding="utf-8")
            to_print.append(written)
        pdfs.append(pdf)
    for start in range(0, len(to_print), _BATCH):
        _print(to_print[start : start + _BATCH], cache)
    return [{name: _text(pdf, options) for name, options in COPIES.items()} for pdf in pdfs]


def _print(pages: list[Path], cache: Path) -> None:
    """Print pages of HTML to PDFs beside them, in one LibreOffice process."""
    profile = (cache / "libreoffice-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            *_FILTERS,
            "--outdir",
            str(cache),
            *map(str, pages),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for written in pages:
        if not written.with_suffix(".pdf").exists():
            raise SystemExit(f"LibreOffice printed no PDF of {written}")
        written.unlink()


def _text(pdf: Path, options: list[str]) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
