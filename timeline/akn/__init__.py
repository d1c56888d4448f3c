"""Reading the UN's Akoma Ntoso (AKN4UN) files of Security Council resolutions and drafts.

Pure Python and lxml, independent of Django. A file is known by what it says (its FRBR
identification and cover page), never by its name. Public API:

``read_document(path: Path) -> Document``
    One file: its kind, symbol, language, date, draft, sponsors, meeting, outcome, votes
    (names as printed, each with its source line in ``name_lines``) and ``paragraphs``,
    each a :class:`Paragraph` (``section``, ``number``, ``text``, ``eid``, ``parent``,
    ``line``, ``kind``). Raises :class:`ReaderError` (``path:line: message``).

``find_documents(paths: Iterable[Path]) -> list[Path]``
    The files given and every ``*.xml`` under the directories given, sorted.

``member_state(name: str) -> MemberState``
    The State a printed sponsor or voter name stands for (``code``, ``name``,
    ``un_name``, ``permanent``, ``observer``); raises :class:`UnknownMemberState`.

``read_metadata(directory: Path) -> dict[str, Metadata]`` and
``find_metadata_dir(path: Path) -> Path | None``
    The UN's ``data_extract/*.json`` records, by resolution symbol.

Callers take sponsor and voter names from the English version: the other language
versions are read the same way and, in the UN's files so far, print the names in English
too, but nothing promises it. The United Nations must be acknowledged as the source of
the files.
"""

from timeline.akn.members import MemberState, UnknownMemberState, member_state, member_states
from timeline.akn.metadata import Metadata, MetadataError, find_metadata_dir, read_metadata
from timeline.akn.reader import Document, Paragraph, ReaderError, find_documents, read_document

__all__ = [
    "Document",
    "MemberState",
    "Metadata",
    "MetadataError",
    "Paragraph",
    "ReaderError",
    "UnknownMemberState",
    "find_documents",
    "find_metadata_dir",
    "member_state",
    "member_states",
    "read_document",
    "read_metadata",
]
