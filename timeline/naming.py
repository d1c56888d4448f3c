"""The names Redline derives for URLs: revision slugs and clause anchors.

Both are stored, so a link keeps working while nothing it names changes; both are derived
here and only here, so the importer, the admin and the tests agree on them.
"""

import re
from collections.abc import Iterable, Sequence

from django.utils.text import slugify

from timeline.models import Section, TextStatus

_LABEL_PREFIX = re.compile(r"^(?:paragraph|para|p)(?=\d)")

# Words the family's own URLs use after /r/<family>/, never a revision's slug.
RESERVED_SLUGS = frozenset({"compare", "clauses", "feed", "export"})


def revision_slug(label: str, taken: Iterable[str] = ()) -> str:
    """A URL slug for a revision label, unique among `taken`: "S/2012/77" → "s-2012-77"."""
    base = slugify(re.sub(r"[/:.,]+", " ", label))[:90].strip("-") or "revision"
    taken = set(taken) | RESERVED_SLUGS
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def clause_anchors(clauses: Sequence[tuple[str, str | None]], text_status: str) -> list[str]:
    """Position anchors (`pp3`, `op5`, `op5a`) for a revision's clauses, in their order.

    `clauses` gives each clause's section and printed number. A printed number names the
    anchor ("OP 9" → op9, "para 6" → op6, "pp9bis" → pp9bis). An unnumbered clause of a
    continuous text is counted within its section, which is its true place; an unnumbered
    clause of a revision known only from fragments gets `op-fragment-2`, because its place
    in the document is unknown and a plain `op2` would claim one.
    """
    counts = {Section.PREAMBULAR: 0, Section.OPERATIVE: 0}
    wanted = []
    for section, number in clauses:
        prefix = "pp" if section == Section.PREAMBULAR else "op"
        counts[section] = counts.get(section, 0) + 1
        label = re.sub(r"[^a-z0-9]", "", (number or "").lower())
        if label.startswith(("pp", "op")):
            wanted.append(label)
        elif label:
            wanted.append(prefix + (_LABEL_PREFIX.sub("", label) or label))
        elif text_status == TextStatus.FRAGMENTS:
            wanted.append(f"{prefix}-fragment-{counts[section]}")
        else:
            wanted.append(f"{prefix}{counts[section]}")
    anchors: list[str] = []
    for anchor in wanted:
        unique, n = anchor, 1
        while unique in anchors:
            n += 1
            unique = f"{anchor}-{n}"
        anchors.append(unique)
    return anchors
