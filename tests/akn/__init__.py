"""Tests of the reader of the UN's Akoma Ntoso files (timeline.akn).

``FILES`` holds a few real UN files, copied unchanged, and trimmed copies of the UN's
``data_extract`` year files (whole lines kept as they are). ``CORPUS`` is the UN's
repository as the project's shared data holds it; the corpus-wide tests skip without it.
"""

from pathlib import Path

from timeline.akn import UnknownMemberState, member_state

FILES = Path(__file__).resolve().parent / "files"
CORPUS = Path(__file__).resolve().parents[3] / "shared/data/unxml"

# Sponsors the UN's files print that are no State: a draft put forward by the
# Secretary-General or by the Committee on the Admission of New Members, and, in
# S/RES/1401 (2002), 2796 and 2798 (2025), notes about a report filed where sponsors go.
NOT_STATES = {
    "by the secretary-general",
    "committee on the admission of new members",
    "report of the secretary-general",
    "submitted pursuant to security council resolution 2755 (2024).",
    "submitted pursuant to security council resolutions 2754 (2024) and 2366 (2017);"
    " covers the period 27 june-26 sept. 2025.",
}


def resolves_to_a_state(name: str) -> bool:
    try:
        member_state(name)
    except UnknownMemberState:
        return False
    return True
