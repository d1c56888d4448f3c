"""The `unsc-drafts/1` collection format: validate, import, export.

    collection_import(data=..., prune=False, progress=None, waiting=None) -> ImportReport
    collection_export() -> dict
    validate_collection(data) -> list[Problem]
    parse_collection(data) -> dict   # validated, defaults filled, in the format's order

Import validates the whole document first and writes nothing if anything is wrong
(CollectionError carries every problem with its location).
"""

from timeline.collection.exporter import collection_dumps, collection_export
from timeline.collection.importer import ImportReport, collection_import
from timeline.collection.validate import (
    CollectionError,
    Problem,
    dump_collection,
    load_collection,
    parse_collection,
    validate_collection,
)

__all__ = [
    "CollectionError",
    "ImportReport",
    "Problem",
    "collection_dumps",
    "collection_export",
    "collection_import",
    "dump_collection",
    "load_collection",
    "parse_collection",
    "validate_collection",
]
