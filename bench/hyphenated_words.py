"""Writes timeline/diff/hyphenated.txt: the words UN English writes with a hyphen.

A line of a PDF that ends in a hyphen may split a word at a syllable ("hu-" "manitarian")
or at its own hyphen ("non-" "interference"); the text pipeline joins the first and keeps
the second, and this list tells them apart. It holds every lower-case hyphenated word of
the English texts in the UN's Akoma Ntoso corpus that they write with its hyphen more
often than without ("gender-based", "life-saving", "hard-to-reach").

Run as ``.venv/bin/python bench/hyphenated_words.py [UNXML]`` (default
../shared/data/unxml). The files the paste benchmark and tests measure on
(``tests.pdf_like.SAMPLE``) are left out, so that those figures stay held out.
Source of the texts: United Nations.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdf_like import SAMPLE  # noqa: E402

OUT = ROOT / "timeline" / "diff" / "hyphenated.txt"
HYPHENATED = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")
WORD = re.compile(r"\b[a-z]+\b")


def main(corpus: Path) -> None:
    held_out = {path.name for path in SAMPLE}
    hyphenated: Counter[str] = Counter()
    words: Counter[str] = Counter()
    files = 0
    for path in sorted(corpus.rglob("*.xml")):
        english = "English" in path.parts or path.name.endswith(("E.xml", "_E.xml"))
        if not english or path.name in held_out:
            continue
        text = " ".join(etree.parse(str(path)).getroot().itertext())
        hyphenated.update(HYPHENATED.findall(text))
        words.update(WORD.findall(text))
        files += 1
    # Kept where the UN writes it hyphenated more often than not.
    kept = sorted(w for w, n in hyphenated.items() if n > words[w.replace("-", "")])
    header = (
        "# Words UN English writes with a hyphen, from the English texts of the UN's Akoma\n"
        f"# Ntoso corpus ({files} files; source: United Nations), whose unhyphenated spelling\n"
        "# the corpus never uses. Written by bench/hyphenated_words.py; one word a line.\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} hyphenated words from {files} files -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "unxml")
