from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from timeline.collection import CollectionError, collection_import, load_collection


class Command(BaseCommand):
    help = (
        "Import an unsc-drafts/1 collection file. The whole file is validated first; if "
        "anything is wrong every problem is listed and nothing is written. Importing the "
        "same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the collection's JSON file")
        parser.add_argument(
            "--prune",
            action="store_true",
            help="also delete families, events, sources and countries the file does not name",
        )

    def handle(self, *args, path: Path, prune: bool, verbosity: int, **options):
        try:
            data = load_collection(path)
            report = collection_import(
                data=data, prune=prune, progress=self.progress(verbosity), waiting=self.waiting
            )
        except CollectionError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            count = len(error.problems)
            raise CommandError(
                f"{path}: {count} problem{'s' if count != 1 else ''} found; nothing was imported."
            ) from None
        except ProtectedError as error:
            names = ", ".join(sorted({str(o) for o in error.protected_objects})[:10])
            raise CommandError(
                f"--prune would delete rows still in use ({names}); nothing was imported."
            ) from None
        if verbosity:
            verdict = "Imported" if report.changed else "Already up to date"
            self.stdout.write(self.style.SUCCESS(f"{verdict}: {path} ({report.summary()})."))

    def waiting(self) -> None:
        self.stderr.write("Another import is running: waiting for it to finish.")

    def progress(self, verbosity: int):
        def show(done: int, total: int, label: str) -> None:
            if verbosity and label:
                self.stdout.write(f"[{done + 1}/{total}] {label}")

        return show
