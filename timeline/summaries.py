"""What a comparison of two revisions may claim: the counts and the summary line that the
timeline, the compare page and its link preview all show.

The engine says what happened to each paragraph of the two texts it was given. Where a side
is not the whole text, a paragraph missing from it is not known to be missing from the
draft: it is "not in the available copy", counted apart from "added" and "removed". An edit
that changes only punctuation, quotes or spacing is "typography only", counted apart from
the edits of wording. A paragraph renumbered from "PP2" to "pp2" is not renumbered. A
paragraph whose words went into its neighbour is "merged", not removed; one cut from its
neighbour is "split off", not added.
"""

import re
from collections import Counter
from dataclasses import dataclass

from timeline.diff import Change, Comparison, Status
from timeline.models import TextStatus

# The kinds a change is counted as, in the order summaries give them.
ADDED = "added"
REMOVED = "removed"
EDITED = "edited"
TYPOGRAPHY = "typography only"
MOVED = "moved"
MERGED = "merged"
SPLIT = "split off"
NOT_IN_OLD = "not in the old copy"
NOT_IN_NEW = "not in the new copy"
UNCHANGED = "unchanged"
ORDER = [ADDED, REMOVED, EDITED, TYPOGRAPHY, MOVED, MERGED, SPLIT]


@dataclass(frozen=True)
class Side:
    """One revision of a comparison, as far as the summary needs it."""

    label: str
    text_status: str

    @property
    def complete(self) -> bool:
        return self.text_status == TextStatus.COMPLETE

    @property
    def copy(self) -> str:
        """What is available of it: "R3's available fragments", "v3's available text"."""
        what = "fragments" if self.text_status == TextStatus.FRAGMENTS else "text"
        return f"{self.label}’s available {what}"


def words_of(text: str) -> str:
    """A text without its typography: letters and digits only, case folded."""
    return re.sub(r"[\W_]+", "", text.casefold())


def number_value(number: str | None) -> str:
    """A printed paragraph number's value: "PP2", "pp 2", "2." and "2" are all "2"."""
    value = re.sub(r"[^a-z0-9]", "", (number or "").casefold())
    return re.sub(r"^(?:pp|op|para|paragraph)(?=\d)", "", value)


def kind_of(change: Change, comparison: Comparison, old: Side, new: Side) -> str:
    """What the change counts as (one of the kinds above)."""
    if change.status == Status.REMOVED:
        if change.joined is not None:
            return MERGED
        return REMOVED if new.complete else NOT_IN_NEW
    if change.status == Status.ADDED:
        if change.joined is not None:
            return SPLIT
        return ADDED if old.complete else NOT_IN_OLD
    if change.status == Status.EDITED:
        before = comparison.old[change.old].text
        after = comparison.new[change.new].text
        return TYPOGRAPHY if words_of(before) == words_of(after) else EDITED
    return str(change.status)


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]
    line: str


def summarise(comparison: Comparison, old: Side, new: Side) -> Summary:
    """The counts of every kind, and the line that says them: "2 added, 1 edited; 7 not in
    R3's available fragments"."""
    counts = Counter(kind_of(change, comparison, old, new) for change in comparison.alignment)
    parts = [f"{counts[kind]} {kind}" for kind in ORDER if counts[kind]]
    line = ", ".join(parts) or "no changes"
    gaps = []
    if counts[NOT_IN_NEW]:
        gaps.append(f"{counts[NOT_IN_NEW]} not in {new.copy}")
    if counts[NOT_IN_OLD]:
        gaps.append(f"{counts[NOT_IN_OLD]} not in {old.copy}")
    if gaps:
        line = "; ".join([line if parts else "no changes in what both copies have", *gaps])
    every = [*ORDER, NOT_IN_OLD, NOT_IN_NEW, UNCHANGED]
    return Summary({kind: counts[kind] for kind in every}, line)
