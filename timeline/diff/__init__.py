"""Redline's comparison engine: how a resolution's text changed, clause by clause.

Pure Python, independent of Django (DESIGN §5, issue 3). Public API:

``compare_texts(old: str, new: str) -> Comparison``
    Compare two whole texts in UN layout (blank-line-separated paragraphs, labels such
    as ``PP1.``, ``OP 3 bis``, ``12.``, ``(a)``, a ``The Security Council,`` heading).

``compare_clauses(old: Sequence[ClauseInput], new: Sequence[ClauseInput]) -> Comparison``
    Compare two revisions held as clauses (what the pages call): each
    ``ClauseInput(section, number, text, key=None, proposers=(), kind="clause",
    parent=None)``. Equal stable keys on both sides always pair two clauses; different
    keys on both sides never do.

``parse_text(text: str) -> list[Block]``
    The one text pipeline (``clean`` then ``parse``): a draft as pasted or copied from a
    UN PDF into its paragraphs, shared by the admin's "paste the text", ``manage.py
    parse`` and ``manage.py compare``. Raises ``TextTooLong`` beyond the input limits.

A :class:`Comparison` holds the ``old`` and ``new`` blocks and the ``alignment``: one
:class:`Change` per old block (``unchanged``, ``edited``, ``moved`` or ``removed``) and
per unmatched new block (``added``), each with its word-level ``ops``. It renders as
``.to_dict()`` (the JSON of issue 3, point 5), ``.to_html()`` (escaped, accessible
``<ins>``/``<del>``) and ``.summary_line()`` (``"2 added, 1 removed, 5 edited, 1 moved"``
or ``"no changes"``); ``render_text`` gives the shell's view. From a shell, two text files
or two stored revisions::

    python manage.py compare OLD NEW [--format json|text|html]
"""

from timeline.diff.compare import compare_clauses, compare_texts
from timeline.diff.parse import parse_text
from timeline.diff.render import render_html, render_text, summary_line
from timeline.diff.result import (
    Block,
    Change,
    ClauseInput,
    Comparison,
    Kind,
    Op,
    Section,
    Status,
)

__all__ = [
    "Block",
    "Change",
    "ClauseInput",
    "Comparison",
    "Kind",
    "Op",
    "Section",
    "Status",
    "compare_clauses",
    "compare_texts",
    "parse_text",
    "render_html",
    "render_text",
    "summary_line",
]
