from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.collection import collection_dumps, collection_export


class Command(BaseCommand):
    help = "Export the collection as unsc-drafts/1 JSON, to standard output or a file."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, help="write to this file")

    def handle(self, *args, output: Path | None, **options):
        text = collection_dumps(collection_export())
        if output is None:
            self.stdout.write(text, ending="")
            return
        output = Path(output)
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}") from None
        self.stderr.write(f"Exported the collection to {output}.")
