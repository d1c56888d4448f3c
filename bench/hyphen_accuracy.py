"""How well the text pipeline joins words hyphenated at a line end, in the UN's own texts.

Run as ``.venv/bin/python bench/hyphen_accuracy.py [--language L ...] [--all] [UNXML]``
(default ../shared/data/unxml beside the checkout, else the shipped
``timeline/data/unxml``; languages English, French, Spanish and Russian, the official
languages that break words at line ends; English from 2020 on, like the others, unless
``--all``).

A PDF breaks a word at a line end either at its own hyphen ("Secretary-" ⏎ "General",
"cessez-" ⏎ "le-feu") or between two syllables ("hu-" ⏎ "manitarian"), and a copy of it
cannot tell which. For every document of a language, the script breaks

- every hyphenated word at each of its hyphens, which must be kept, and
- every other word of four letters or more, in lower case or capitalised (not an
  acronym), at each point where LibreOffice's hyphenation patterns for the language
  allow (pyphen), which must join,

joins the two lines with `timeline.diff.clean.joins`, given the words the document spells
within a line (`spelt_words`) but not the word itself in either spelling (as if the text
held it only where the line broke it: the hardest case), and counts, weighted by how often
each word occurs, the compounds kept and the breaks joined, with the commonest of each
that went wrong. It is a measurement, not a test: nothing fails. Source of the texts:
United Nations.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyphen
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.diff import clean  # noqa: E402

DEFAULT_UNXML = ROOT.parent / "shared" / "data" / "unxml"
SHIPPED = ROOT / "timeline" / "data" / "unxml"
PATTERNS = {"English": "en_US", "French": "fr", "Spanish": "es", "Russian": "ru_RU"}
HYPHENATED = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
PLAIN = re.compile(r"(?<![-\w])[^\W\d_]{4,}(?![-\w])")
SHOWN = 12


@dataclass
class Tally:
    files: int = 0
    kept: int = 0
    compounds: int = 0
    joined: int = 0
    breaks: int = 0
    lost: Counter[str] = field(default_factory=Counter)  # compounds joined
    split: Counter[str] = field(default_factory=Counter)  # breaks kept


def documents(unxml: Path, language: str, every: bool) -> list[Path]:
    """The language's files, in its own folder; for English with ``every``, also those of
    the years before 2020, which are all in English and in no language's folder."""
    found = [path for path in sorted(unxml.rglob("*.xml")) if language in path.parts]
    if language == "English" and every:
        found += sorted((unxml / "Pre-2020").rglob("*.xml"))
    return found


def measure(path: Path, patterns: pyphen.Pyphen, tally: Tally) -> None:
    text = " ".join(etree.parse(str(path)).getroot().itertext())
    lines = text.split("\n")
    spelt = clean.spelt_words(lines)

    def without(*words: str) -> clean.Spelt:
        left = clean.Spelt(spelt - {w.lower() for w in words})
        left.language = spelt.language
        return left

    for word, n in Counter(HYPHENATED.findall(text)).items():
        parts = word.split("-")
        whole = word.lower().replace("-", "")
        for k in range(1, len(parts)):
            head, tail = "-".join(parts[:k]), "-".join(parts[k:])
            got = clean.joins(f"x {head}-", f"{tail} y", without(word, whole, *clean._pairs(word)))
            tally.compounds += n
            if got == f"x {word} y":
                tally.kept += n
            else:
                tally.lost[word] += n
    for word, n in Counter(PLAIN.findall(text)).items():
        if not word[1:].islower():
            continue
        for k in patterns.positions(word):
            broken = f"{word[:k]}-{word[k:]}"
            got = clean.joins(f"x {word[:k]}-", f"{word[k:]} y", without(word, broken))
            tally.breaks += n
            if got == f"x {word} y":
                tally.joined += n
            else:
                tally.split[broken] += n
    tally.files += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("unxml", nargs="?", type=Path)
    parser.add_argument("--language", action="append", choices=sorted(PATTERNS))
    parser.add_argument("--all", action="store_true", help="English before 2020 too")
    args = parser.parse_args()
    unxml = args.unxml or (DEFAULT_UNXML if DEFAULT_UNXML.is_dir() else SHIPPED)
    for language in args.language or list(PATTERNS):
        tally = Tally()
        patterns = pyphen.Pyphen(lang=PATTERNS[language])
        for path in documents(unxml, language, args.all):
            measure(path, patterns, tally)
        print(f"{language}: {tally.files} files")
        print(
            f"  compounds kept         {tally.kept:,}/{tally.compounds:,}"
            f"  ({tally.kept / max(tally.compounds, 1):.1%})"
        )
        print(
            f"  syllable breaks joined {tally.joined:,}/{tally.breaks:,}"
            f"  ({tally.joined / max(tally.breaks, 1):.2%})"
        )
        if tally.lost:
            print(
                "  compounds joined:",
                ", ".join(f"{w} {n}" for w, n in tally.lost.most_common(SHOWN)),
            )
        if tally.split:
            print(
                "  breaks kept:", ", ".join(f"{w} {n}" for w, n in tally.split.most_common(SHOWN))
            )


if __name__ == "__main__":
    main()
