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
# A capitalised word, its hyphen and a lower-case word ("Syrian-led", "CAR-owned").
AFTER_CAPITAL = re.compile(r"\b([A-Z][A-Za-z]*)-([a-z]+)\b")
# A tail kept after this many different names (capitalised words the corpus never writes
# in lower case: "Syrian", not the "Peace" of "Peace-building"), and only if it is a word
# of its own, this often ("owned", not the "ordinator" of "Co-ordinator").
TAIL_HEADS = 3
TAIL_WORDS = 20


def main(corpus: Path) -> None:
    held_out = {path.name for path in SAMPLE}
    hyphenated: Counter[str] = Counter()
    words: Counter[str] = Counter()
    heads: dict[str, set[str]] = {}
    files = 0
    for path in sorted(corpus.rglob("*.xml")):
        english = "English" in path.parts or path.name.endswith(("E.xml", "_E.xml"))
        if not english or path.name in held_out:
            continue
        text = " ".join(etree.parse(str(path)).getroot().itertext())
        hyphenated.update(HYPHENATED.findall(text))
        words.update(WORD.findall(text))
        for head, tail in AFTER_CAPITAL.findall(text):
            heads.setdefault(tail, set()).add(head)
        files += 1
    # Kept where the UN writes it hyphenated more often than not.
    kept = sorted(w for w, n in hyphenated.items() if n > words[w.replace("-", "")])
    tails = sorted(
        tail
        for tail, seen in heads.items()
        if sum(not words[head.lower()] for head in seen) >= TAIL_HEADS and words[tail] >= TAIL_WORDS
    )
    header = (
        "# Words UN English writes with a hyphen, from the English texts of the UN's Akoma\n"
        f"# Ntoso corpus ({files} files; source: United Nations), more often with it than\n"
        "# without; then, each after a hyphen (-led), the words it writes after the hyphen\n"
        f"# of {TAIL_HEADS} or more names (Syrian-led, Afghan-owned, CAR-led).\n"
        "# Written by bench/hyphenated_words.py; one a line.\n"
    )
    body = kept + [f"-{tail}" for tail in tails]
    OUT.write_text(header + "\n".join(body) + "\n", encoding="utf-8")
    print(
        f"{len(kept)} hyphenated words and {len(tails)} words after a capitalised one's "
        f"hyphen, from {files} files -> {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "unxml")
