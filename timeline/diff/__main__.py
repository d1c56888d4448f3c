"""``python -m timeline.diff OLD NEW [--format json|text|html]``: compare two text files.

With ``--format json`` standard output holds only the JSON. Errors go to standard error
with exit status 2 (the ``argparse`` convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timeline.diff.compare import compare_texts
from timeline.diff.render import render_html, render_text


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline.diff", description="Compare two UN-layout texts."
    )
    parser.add_argument("old", help="text file of the old revision")
    parser.add_argument("new", help="text file of the new revision")
    parser.add_argument("--format", choices=("json", "text", "html"), default="text")
    args = parser.parse_args(argv)
    try:
        texts = [Path(path).read_text(encoding="utf-8") for path in (args.old, args.new)]
    except (OSError, UnicodeDecodeError) as error:
        parser.error(str(error))
    comparison = compare_texts(*texts)
    if args.format == "json":
        sys.stdout.write(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "html":
        sys.stdout.write(render_html(comparison) + "\n")
    else:
        sys.stdout.write(render_text(comparison))
    return 0


if __name__ == "__main__":
    sys.exit(main())
