import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.diff import Kind
from timeline.paste import PasteError, readable_blocks


class Command(BaseCommand):
    help = (
        "Read a draft's text (as copied from a UN PDF, Word or a web page) into its clauses, "
        "as the admin's paste and `compare` read it. FILE is a UTF-8 text file, or - for "
        "standard input."
    )
    requires_system_checks = []  # a pure text tool: no database, no settings to check

    def add_arguments(self, parser):
        parser.add_argument("file", help="a UTF-8 text file, or - for standard input")
        parser.add_argument(
            "--format",
            choices=["json", "text"],
            default="text",
            help='json: {"clauses": [{"section", "number", "text", "parent"}, …]} on '
            "standard output; text: one line per clause, labelled",
        )

    def handle(self, *args, file: str, format: str, **options):
        text = self.read(file)
        clauses, index = [], {}
        try:
            blocks = readable_blocks(text)
        except PasteError as error:
            raise CommandError(f"{file}: {error}") from None
        for block in blocks:
            if block.kind is Kind.HEADING:
                continue
            index[block.index] = len(clauses)
            clauses.append(
                {
                    "section": str(block.section),
                    "number": block.number,
                    "text": block.text,
                    "parent": index.get(block.parent) if block.parent is not None else None,
                }
            )
        if format == "json":
            self.stdout.write(json.dumps({"clauses": clauses}, ensure_ascii=False, indent=2))
            return
        for i, clause in enumerate(clauses):
            section = "PP" if clause["section"] == "preambular" else clause["section"][:2].upper()
            number = clause["number"] or "—"
            under = (
                f" (under {clauses[clause['parent']]['number'] or clause['parent'] + 1})"
                if clause["parent"] is not None
                else ""
            )
            self.stdout.write(f"{i + 1:>3} {section} {number}{under}: {clause['text']}")

    def read(self, file: str) -> str:
        try:
            if file == "-":
                return sys.stdin.read()
            return Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {file}: {error}") from None
