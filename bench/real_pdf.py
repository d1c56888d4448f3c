"""The UN's official texts printed to real PDFs by LibreOffice, and copied out of them by
pdftotext: inputs for ``bench/paste_accuracy.py --pdf``.

The synthetic copies of ``tests.pdf_like`` wrap lines at a number of characters. A real
PDF sets type: proportional letters, justified lines, words hyphenated by the language's
patterns, first lines indented, a label and a tab before an operative paragraph's text,
headings centred, paragraphs running on over page breaks, notes at the foot of their
page. Each file is written as a flat OpenDocument text (``.fodt``) set as the UN sets
its documents:

- US letter, Liberation Serif 12 pt (the metrics of the UN's Times New Roman), justified,
  automatic hyphenation in the document's language (where LibreOffice has its patterns:
  Debian's hyphen-en-us, hyphen-fr, hyphen-es, hyphen-ru), right to left for Arabic;
- the first page: the heading block and the title above the text, the job number,
  barcode and "Please recycle" at its foot;
- the other pages: the symbol at the head, the job number and "page/pages" at the foot
  (the other way round on even pages);
- the footnotes `tests.pdf_like.furniture` draws for the file (as the synthetic copy
  draws them), each at the foot of its page below LibreOffice's separator line, which is
  drawn, not written: the copy has no rule of underscores above them.

LibreOffice (``soffice --headless``) prints each to PDF, and pdftotext copies the text three
ways:

- ``pdftotext -raw``: in the order the PDF draws it, as most PDF viewers copy;
- ``pdftotext``: in the order its own reading of the page finds, which also joins a word
  hyphenated at a line end and drops the hyphen ("Al-" ⏎ "Qaida" → "AlQaida");
- ``pdftotext -layout``: line by line as the page lays them out, indents kept.

The PDFs are kept in a cache directory, one per document (named by its hash), so that a
second run prints nothing. Needs ``soffice`` and ``pdftotext`` (Debian:
libreoffice-writer-nogui, poppler-utils; fonts-liberation2, fonts-noto-core for Arabic,
fonts-noto-cjk for Chinese).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.pdf_like import Reference, _label, _printed, clean_reference, furniture

CACHE = Path(tempfile.gettempdir()) / "redline-pdf-copies"
# pdftotext's ways of reading a page: the name the report gives each, its options.
COPIES = {"pdftotext -raw": ["-raw"], "pdftotext": [], "pdftotext -layout": ["-layout"]}
# Files printed per LibreOffice process (it starts in about a second).
_BATCH = 40
# How LibreOffice prints the documents (part of each PDF's cache key).
_FILTERS = ("--convert-to", "pdf:writer_pdf_Export")
# The language of each job number's letter: (language, country).
_LANGUAGES = {
    "E": ("en", "US"),
    "F": ("fr", "FR"),
    "S": ("es", "ES"),
    "R": ("ru", "RU"),
    "A": ("ar", "EG"),
    "C": ("zh", "CN"),
}

_NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in (
        ("office", "office:1.0"),
        ("style", "style:1.0"),
        ("text", "text:1.0"),
        ("fo", "xsl-fo-compatible:1.0"),
        ("svg", "svg-compatible:1.0"),
    )
)


def missing_tools() -> list[str]:
    return [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]


def document(ref: Reference) -> str:
    """The document as a flat OpenDocument text, laid out as the UN prints it."""
    seed = zlib.crc32(ref.path.name.encode())
    parts = furniture(ref, seed)
    language, country = _LANGUAGES.get(ref.language, _LANGUAGES["E"])
    notes_of: dict[int, dict[int, tuple[int, str]]] = {}
    for number, (clause, word, text) in parts.notes.items():
        notes_of.setdefault(clause, {})[word] = (number, text)

    body = [_p("First", parts.heading[0])]
    body += [_p("Heading", line) for line in parts.heading[1:]]
    body += [_p("Title", line) for line in parts.titles]
    body.append(_p("Body", ref.council))
    for index, printed in _printed(ref):
        if index is None:
            body.append(_p("Centred", printed))
            continue
        clause = ref.clauses[index]
        text = _with_notes(clause["text"], notes_of.get(index, {}))
        label = _label(clause)
        if label is None:
            body.append(f'<text:p text:style-name="Body">{text}</text:p>')
        else:
            style = "Sub" if clause["parent"] is not None else "Numbered"
            body.append(
                f'<text:p text:style-name="{style}">{escape(label)}<text:tab/>{text}</text:p>'
            )

    job = escape(ref.job_number)
    pages = '<text:page-number text:select-page="current"/>/<text:page-count/>'
    first_foot = "".join(_p("Foot", line) for line in parts.first_foot)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {_NAMESPACES} office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="6pt"
   {'style:writing-mode="rl-tb"' if ref.language == "A" else ""}/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"
   style:font-size-asian="12pt" style:font-size-complex="14pt" fo:hyphenate="true"
   fo:language="{language}" fo:country="{country}"
   style:language-asian="{language}" style:country-asian="{country}"
   style:language-complex="{language}" style:country-complex="{country}"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="0.5in"/>
 </style:style>
 <style:style style:name="Numbered" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="-0.5in"/>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1in" fo:text-indent="-0.5in"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="0pt"/>
 </style:style>
 <style:style style:name="First" style:family="paragraph" style:parent-style-name="Heading"
  style:master-page-name="First"/>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-top="12pt"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Centred" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="Foot" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="0pt"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Page" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0pt"/>
  <style:text-properties fo:font-size="10pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="Letter">
  <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in"
   fo:margin-top="0.7in" fo:margin-bottom="0.7in" fo:margin-left="1.2in"
   fo:margin-right="1.2in"/>
  <style:header-style>
   <style:header-footer-properties fo:margin-bottom="0.2in"/>
  </style:header-style>
  <style:footer-style>
   <style:header-footer-properties fo:margin-top="0.2in"/>
  </style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="Letter"
  style:next-style-name="Standard">
  <style:footer>{first_foot}</style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="Letter">
  <style:header><text:p text:style-name="Page">{escape(ref.symbol)}</text:p></style:header>
  <style:footer><text:p text:style-name="Page">{job} {pages}</text:p></style:footer>
  <style:footer-left><text:p text:style-name="Foot">{pages} {job}</text:p></style:footer-left>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body>
</office:document>
"""


def _p(style: str, text: str) -> str:
    return f"<text:p text:style-name={quoteattr(style)}>{escape(text)}</text:p>"


def _with_notes(text: str, notes: dict[int, tuple[int, str]]) -> str:
    """A clause's text, escaped, with a footnote after each word ``notes`` names."""
    if not notes:
        return escape(text)
    words = text.split(" ")
    for at, (number, note) in notes.items():
        words[at] = escape(words[at]) + (
            f'<text:note text:id="ftn{number}" text:note-class="footnote">'
            f"<text:note-citation>{number}</text:note-citation>"
            f"<text:note-body><text:p>{escape(note)}</text:p></text:note-body></text:note>"
        )
    return " ".join(word if at in notes else escape(word) for at, word in enumerate(words))


def copies(refs: Iterable[Reference], cache: Path = CACHE) -> list[dict[str, str]]:
    """For each reference, its PDF's text as each of `COPIES` gives it."""
    cache.mkdir(parents=True, exist_ok=True)
    pdfs = []
    to_print = []
    for ref in refs:
        source = document(ref)
        stem = hashlib.sha256("\n".join([*_FILTERS, source]).encode()).hexdigest()[:24]
        pdf = cache / f"{stem}.pdf"
        if not pdf.exists():
            written = cache / f"{stem}.fodt"
            written.write_text(source, encoding="utf-8")
            to_print.append(written)
        pdfs.append(pdf)
    for start in range(0, len(to_print), _BATCH):
        _print(to_print[start : start + _BATCH], cache)
    return [{name: _text(pdf, options) for name, options in COPIES.items()} for pdf in pdfs]


def _print(documents: list[Path], cache: Path) -> None:
    """Print documents to PDFs beside them, in one LibreOffice process."""
    profile = (cache / "libreoffice-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            *_FILTERS,
            "--outdir",
            str(cache),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for written in documents:
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


def main() -> None:
    """Write the ``pdftotext -raw`` copy of each FILE's PDF to OUTDIR/<file name>.txt (with
    --layout, the ``pdftotext -layout`` copy to OUTDIR/<file name>.layout.txt): the test
    suite's copies of real PDFs (``tests/diff/real_pdf_copies``)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--layout", action="store_true", help="the -layout copies")
    args = parser.parse_args()
    if missing := missing_tools():
        raise SystemExit(f"needs {' and '.join(missing)} (see the module's docstring)")
    args.outdir.mkdir(parents=True, exist_ok=True)
    refs = [clean_reference(path) for path in args.files]
    way, suffix = ("pdftotext -raw", ".txt")
    if args.layout:
        way, suffix = ("pdftotext -layout", ".layout.txt")
    for path, texts in zip(args.files, copies(refs), strict=True):
        (args.outdir / f"{path.name}{suffix}").write_text(texts[way], encoding="utf-8")


if __name__ == "__main__":
    main()
