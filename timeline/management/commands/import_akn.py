import datetime
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.akn.metadata import MetadataError, find_metadata_dir, read_metadata
from timeline.akn.reader import ReaderError, find_documents, read_document
from timeline.collection import CollectionError, collection_import, load_collection
from timeline.collection.exporter import collection_export
from timeline.collection.official import OfficialTextError, load_grouping, official_collection
from timeline.collection.validate import FORMAT
from timeline.models import Collection


class Command(BaseCommand):
    help = (
        "Import the United Nations' Akoma Ntoso (AKN4UN) files of Security Council "
        "resolutions and drafts: files, or directories walked for *.xml, in the UN's layout. "
        "Every file is read and the result validated before anything is written; if "
        "anything is wrong every problem is listed, naming its file and line, and nothing "
        "is written. Importing the same files again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="AKN files or directories")
        parser.add_argument(
            "--metadata",
            type=Path,
            help="the data_extract/ folder (default: the one found beside the year folders)",
        )
        parser.add_argument(
            "--families",
            type=Path,
            help="the grouping of documents into draft families (redline-families/1); "
            "documents it does not name become families of their own",
        )
        parser.add_argument(
            "--base",
            type=Path,
            help="an unsc-drafts/1 file to merge the official texts into, instead of what "
            "the database holds (make data uses the curated collection)",
        )

    def handle(self, *args, paths, metadata, families, base, verbosity, **options):
        started = time.perf_counter()
        problems: list[str] = []
        try:
            files = find_documents(paths)
        except ReaderError as error:
            raise CommandError(str(error)) from None
        if not files:
            raise CommandError(f"no *.xml file in {', '.join(map(str, paths))}")
        documents = []
        for i, path in enumerate(files, 1):
            try:
                documents.append(read_document(path))
            except ReaderError as error:
                problems.append(str(error))
            if verbosity and (i % 100 == 0 or i == len(files)):
                self.stdout.write(f"Read {i}/{len(files)} files")
        metadata_dir = metadata or find_metadata_dir(files[0])
        try:
            meta = read_metadata(metadata_dir) if metadata_dir else {}
            grouping = load_grouping(families) if families else None
        except (MetadataError, OfficialTextError) as error:
            problems.extend(getattr(error, "problems", [str(error)]))
            meta, grouping = {}, None
        self.refuse(problems)
        root = metadata_dir.parent if metadata_dir else None
        try:
            if base:
                data = load_collection(base)
            elif Collection.objects.exists():
                data = collection_export()
            else:
                data = _empty_collection()
            merged = official_collection(
                base=data,
                documents=documents,
                metadata=meta,
                grouping=grouping,
                root=root,
                warn=lambda message: self.stderr.write(f"Warning: {message}"),
            )
            report = collection_import(
                data=merged, progress=self.progress(verbosity), waiting=self.waiting
            )
        except OfficialTextError as error:
            self.refuse(error.problems)
        except CollectionError as error:
            self.refuse([str(p) for p in error.problems])
        if verbosity:
            verdict = "Imported" if report.changed else "Already up to date"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{verdict}: {len(documents)} files, {len(merged['resolutions'])} families "
                    f"({report.summary()}) in {time.perf_counter() - started:.1f} s."
                )
            )

    def refuse(self, problems: list[str]) -> None:
        if not problems:
            return
        for problem in problems:
            self.stderr.write(problem)
        count = len(problems)
        raise CommandError(
            f"{count} problem{'s' if count != 1 else ''} found; nothing was imported."
        )

    def waiting(self) -> None:
        self.stderr.write("Another import is running: waiting for it to finish.")

    def progress(self, verbosity: int):
        def show(done: int, total: int, label: str) -> None:
            if (verbosity >= 2 and label) or (verbosity and label and (done % 100 == 0)):
                self.stdout.write(f"[{done + 1}/{total}] {label}")

        return show


def _empty_collection() -> dict:
    """What an empty database holds: the official texts make a collection of their own."""
    return {
        "format": FORMAT,
        "title": "UN Security Council resolutions",
        "description": "The United Nations' official texts of Security Council resolutions "
        "and drafts, from its Akoma Ntoso files. Source: United Nations.",
        "compiled": datetime.date.today().isoformat(),
        "countries": [],
        "sources": [],
        "events": [],
        "resolutions": [],
    }
