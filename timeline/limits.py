"""How big the parts of a collection may be: one rule for the importers, the admin and pages.

Each limit is several times the largest real case, so no real document comes near one,
while a hostile or broken file is refused with a message instead of exhausting memory or
slowing every page that shows it. The largest cases are the United Nations' official texts
of 2000-2026 (`../shared/data/unxml`) and the curated Syria collection.
"""

# Paragraphs in one revision's text in one language. The longest official text, resolution
# 2231 (2015) with its annexes, has 2,129.
CLAUSES_PER_TEXT = 5_000

# Characters in one paragraph. The longest official paragraph has 4,244 (resolution 2375
# (2017)); a source's quotation crediting a country is held to the same.
CLAUSE_CHARACTERS = 20_000

# Characters in a description or summary shown on every page of a family or the
# collection (the collection's description has 424), and in an editor's note.
DESCRIPTION_CHARACTERS = 10_000
NOTE_CHARACTERS = 10_000

# A collection file as a whole, and how deeply its lists and objects may nest (the format
# needs 6 levels: collection, resolutions, a family, revisions, a revision, clauses...).
FILE_BYTES = 256 * 1024 * 1024
NESTING_DEPTH = 32
