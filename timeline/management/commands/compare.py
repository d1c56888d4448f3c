import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.comparisons import across_families, revision_inputs, text_inputs
from timeline.diff import compare_clauses, render_html, render_text
from timeline.diff.parse import TextTooLong
from timeline.models import Revision
from timeline.paste import PasteError, refuse_printed_order

REVISION = re.compile(r"^(?P<family>[\w-]+)/(?P<revision>[\w-]+)/?$")


class Command(BaseCommand):
    help = (
        "Compare two revisions. Each of OLD and NEW is a text file in UN layout or a revision "
        "in the database named family-slug/revision-slug (as in its URL)."
    )

    # It reads files or the database and writes a comparison; the system checks would
    # cost a third of a second on every call and check nothing it uses.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("old", help="a text file, or family-slug/revision-slug")
        parser.add_argument("new", help="a text file, or family-slug/revision-slug")
        parser.add_argument(
            "--format",
            choices=["json", "text", "html"],
            default="text",
            help="json: the comparison as data (standard output holds only the JSON); "
            "text: the changes marked [-deleted-] {+inserted+}; html: the marked-up diff",
        )

    def handle(self, *args, old: str, new: str, format: str, **options):
        (old_inputs, old_family), (new_inputs, new_family) = self.load(old), self.load(new)
        if old_family != new_family:
            old_inputs, new_inputs = across_families(old_inputs), across_families(new_inputs)
        comparison = compare_clauses(old_inputs, new_inputs)
        if format == "json":
            output = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2)
        elif format == "html":
            output = render_html(comparison)
        else:
            output = render_text(comparison).rstrip("\n")
        self.stdout.write(output)

    def load(self, spec: str):
        path = Path(spec)
        if path.is_file():
            try:
                inputs = text_inputs(path.read_text(encoding="utf-8"))
                refuse_printed_order(clause.text for clause in inputs)
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"cannot read {spec}: {error}") from None
            except (TextTooLong, PasteError) as error:
                raise CommandError(f"{spec}: {error}") from None
            return inputs, None
        match = REVISION.match(spec)
        if match is None:
            raise CommandError(
                f'"{spec}" is neither a file nor a revision named family-slug/revision-slug'
            )
        revision = Revision.objects.filter(
            resolution__slug=match["family"], slug=match["revision"]
        ).first()
        if revision is None:
            raise CommandError(f'no file "{spec}", and no revision "{spec}" in the database')
        return revision_inputs(revision), revision.resolution_id
