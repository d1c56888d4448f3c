"""Tests of the reader of the UN's Akoma Ntoso files (timeline.akn).

``FILES`` holds a few real UN files, copied unchanged, and trimmed copies of the UN's
``data_extract`` year files (whole lines kept as they are). ``CORPUS`` is the UN's
repository as the project's shared data holds it; the corpus-wide tests skip without it.
"""

from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"
CORPUS = Path(__file__).resolve().parents[3] / "shared/data/unxml"
