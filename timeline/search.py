"""The search rules in one place: what a reader's query means, which clauses it finds and in
what order, which words are marked, what a misspelling suggests, and which revisions and
countries the query names.

Words are matched as words, never as parts of longer ones ("media" never finds
"immediate"), on every database:

- PostgreSQL: full-text search with English stemming, accents ignored, and web-search
  syntax ("a phrase", or, -word), through the GIN index on each clause's stored vector
  (`to_tsvector('redline_english', text)`, migrations 0011 and 0014); the query uses the
  same configuration, so the index serves it. A misspelt word gets a suggestion from the
  list of the published English texts' words (`timeline_search_word`,
  trigram-indexed): statement triggers on clauses and revisions mark the list stale, and the
  first search after a change that needs a suggestion rebuilds it (one `ts_stat` pass).
- SQLite: the FTS5 index `timeline_clause_fts` (Porter stemming, diacritics ignored), kept
  right by triggers on every insert, update and delete, bulk ones included, ranked by bm25.
  The same syntax is read here and written as an FTS5 expression of quoted strings, so no
  query can be an FTS5 syntax error.
- SQLite built without FTS5: a whole-word regular expression per word (slow on large
  collections, but never a substring match).
- Chinese and Arabic, on every database: neither index finds their words as a reader
  means them. Chinese is written without spaces, and both indexes take a run of it
  between two marks for one "word"; Arabic writes "and", "for", "with" and "the" on the
  word ("والأمن", "للأمن" for "الأمن"), and marks some vowels in some texts and not in
  others ("يشدّد", "يشدد"). A query that holds either is matched by regular expressions
  instead (`_written`, `term_pattern`): Chinese wherever it occurs, inside a longer run too
  ("人道主义" in "人道主义援助"); an Arabic word with those particles or without, its vowel
  marks ignored and a hamza the query leaves out (`_arabic_word`); other words as words.
  What must be there as plain text (each run of Chinese, a letter of each Arabic word) is
  looked for first (LIKE), which the database does far faster than a regular expression.
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connections
from django.db.models import Expression, F, Func, IntegerField, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from timeline.diff.clean import CHINESE
from timeline.paging import KeysFirst

# PostgreSQL's headline and FTS5's highlight mark the matched words with these private-use
# characters, which clause texts do not contain: the excerpt reads the matched words between
# them, and the template escapes every piece of text and wraps the matches in <mark> itself.
# No markup comes from the database.
MATCH_START = "\ue000"
MATCH_STOP = "\ue001"
EXCERPT_WORDS = 60
# What counts as a word of an excerpt: what spaces part, and in Chinese, written without
# them, two characters (about a word's length; a long Chinese clause is cut too).
_EXCERPT_WORD = re.compile(f"[{CHINESE}]{{1,2}}|[^\\s{CHINESE}]+")
# At most this many words and phrases of a query count.
MAX_TERMS = 12
# At most this many revisions and countries named by a query are listed.
MAX_NAMED = 10

# PostgreSQL's text search configuration: `english` that ignores accents (migration 0014).
TEXT_SEARCH_CONFIG = "redline_english"
FTS_TABLE = "timeline_clause_fts"
WORDS_TABLE = "timeline_search_word"
# Suggestions replace words of at least this many letters, by words at least this similar
# (pg_trgm's similarity, 0 to 1).
SUGGEST_MIN_LENGTH = 4
SUGGEST_MIN_SIMILARITY = 0.4


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase of a query (its words in order), wanted or, after a minus,
    unwanted."""

    words: tuple[str, ...]
    negated: bool = False


def parse_query(query: str) -> list[list[Term]]:
    """A query in web-search syntax as alternatives (separated by `or`), each the terms that
    must all match: `"sad cat" or rat -mouse` is [[sad cat], [rat, -mouse]]. Alternatives
    without a wanted term are dropped: they would find everything."""
    alternatives: list[list[Term]] = [[]]
    count = 0
    # Arabic vowel marks are no part of a word to find (and \w does not read them).
    query = _ARABIC_MARK.sub("", query)
    for match in re.finditer(r'(-?)"([^"]*)"?|(\S+)', query):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word.lower() == "or":
            alternatives.append([])
            continue
        if word is not None and word.startswith("-"):
            negated, word = "-", word[1:]
        words = tuple(w.lower() for w in re.findall(r"\w+", phrase if word is None else word))
        if words and count < MAX_TERMS:
            alternatives[-1].append(Term(words, bool(negated)))
            count += 1
    return [a for a in alternatives if any(not t.negated for t in a)]


def query_words(query: str) -> list[str]:
    """The distinct wanted words of a query, in order."""
    words = (w for a in parse_query(query) for t in a if not t.negated for w in t.words)
    return list(dict.fromkeys(words))


def clauses_matching(clauses: QuerySet, query: str) -> "QuerySet | Ranked":
    """The clauses whose text matches the query, best first, each annotated with `rank`
    (higher is better): a query set, or on SQLite a `Ranked` sequence read a page at a
    time. Their headlines are asked for separately (`headlines`), for one page of them: the
    database would otherwise mark up every match before ranking them."""
    connection = connections[clauses.db]
    if written_as_patterns(query):
        return _written(clauses, query)
    if connection.vendor == "postgresql":
        return _full_text(clauses, query)
    if connection.vendor == "sqlite" and fts5_available(connection.alias):
        return _fts5(clauses, query)
    return _written(clauses, query)


_CHINESE_RUN = re.compile(f"[{CHINESE}]+")


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3]")
# What Arabic writes on a letter or between letters and a search ignores: the vowel
# marks (fatha, shadda, tanwin …), the dagger alif, and the tatweel that stretches a word.
_ARABIC_MARKS = "\u064b-\u065f\u0670\u0640"
_ARABIC_MARK = re.compile(f"[{_ARABIC_MARKS}]")
_ALIFS = "\u0627\u0623\u0625\u0622\u0671"  # ا أ إ آ ٱ


def has_chinese(query: str) -> bool:
    """Whether a query holds Chinese, which the word indexes cannot find (see the module)."""
    return _CHINESE_RUN.search(query) is not None


def written_as_patterns(query: str) -> bool:
    """Whether a query is matched by patterns, not through a word index: it holds Chinese
    or Arabic (see the module)."""
    return has_chinese(query) or _ARABIC_LETTER.search(query) is not None


def _plain_parts(words: Sequence[str]) -> list[str]:
    """What a text holding a term's words must hold as plain text (see `_written`)."""
    parts = _CHINESE_RUN.findall(" ".join(words))
    for word in words:
        if _ARABIC_LETTER.match(word):
            letters = [char for char in word[:-1] if char not in _ALIFS]
            parts += letters[-1:]
    return parts


def _arabic_word(word: str) -> str:
    """An Arabic word as a pattern: after "و" or "ف", then "ب", "ك" or "ل", or neither;
    "ال" also written "لل" after "ل" ("للأمن"); an alif written with its hamza or madda
    also without it, and one written without as any form of alif; "ى" and "ي" or "ة" and
    "ه" alike at the end; vowel marks or a tatweel anywhere in it."""
    marks = f"[{_ARABIC_MARKS}]*"

    def letter(n: int, char: str) -> str:
        if char == "\u0627":  # ا, written without its hamza: any alif
            return f"[{_ALIFS}]"
        if char in _ALIFS:  # أ is ا or أ, not آ: "الأمن" (security) is not "الآمن" (safe)
            return f"[\u0627{char}]"
        if n == len(word) - 1 and char in "\u0649\u064a":  # ى ي
            return "[\u0649\u064a]"
        if n == len(word) - 1 and char in "\u0629\u0647":  # ة ه
            return "[\u0629\u0647]"
        return re.escape(char)

    letters = [letter(n, char) for n, char in enumerate(word)]
    particles = f"(?:[\u0648\u0641]{marks})?(?:[\u0628\u0643\u0644]{marks})?"  # و ف, ب ك ل
    if len(word) > 3 and word[0] in _ALIFS and word[1] == "\u0644":  # ال
        article = f"{particles}[{_ALIFS}]{marks}\u0644"
        after_li = f"(?:[\u0648\u0641]{marks})?\u0644{marks}\u0644"
        return f"(?:{article}|{after_li}){marks}" + marks.join(letters[2:])
    return particles + marks.join(letters)


def term_pattern(words: Sequence[str]) -> str:
    """A regular expression for a term's words in order, with anything but letters and
    digits between them, read alike by Python and PostgreSQL: each word as a whole word
    (an Arabic one in any of the forms `_arabic_word` allows), except that Chinese,
    written without spaces, is found inside a longer run too (and the words of a Chinese
    phrase with nothing between them)."""

    def chinese(char: str) -> bool:
        return _CHINESE_RUN.match(char) is not None

    pattern = "" if chinese(words[0][0]) else r"(?<!\w)"
    for n, word in enumerate(words):
        if n:
            pattern += r"\W*" if chinese(words[n - 1][-1]) or chinese(word[0]) else r"\W+"
        pattern += _arabic_word(word) if _ARABIC_LETTER.match(word) else re.escape(word)
    return pattern + ("" if chinese(words[-1][-1]) else r"(?!\w)")


class _OfTheClause(Expression):
    """A value of the outer clause that Django's ORM cannot name: built in SQL from the
    clause's primary key column (`self.clause`), which the query compiles with whatever
    alias it gives the clause table."""

    def __init__(self, output_field) -> None:
        super().__init__(output_field=output_field)
        self.clause = F("pk")

    def get_source_expressions(self) -> list:
        return [self.clause]

    def set_source_expressions(self, expressions: list) -> None:
        (self.clause,) = expressions


class _StoredVector(_OfTheClause):
    """The clause's search vector as PostgreSQL stores it (the generated column
    `text_search` of migration 0011, GIN-indexed): read, not computed per clause. It is
    the column beside the primary key's."""

    def __init__(self) -> None:
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.clause)
        table = column.rsplit(".", 1)[0]
        return f"{table}.{connection.ops.quote_name('text_search')}", params


def _full_text(clauses: QuerySet, query: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    vector = _StoredVector()
    wanted = SearchQuery(query, config=TEXT_SEARCH_CONFIG, search_type="websearch")
    return (
        clauses.alias(document=vector)
        .filter(document=wanted)
        .annotate(
            # Cover density rewards the words close together; normalisation 1 divides by
            # the log of the length, so a short clause that is all about the query beats a
            # long one that mentions it in passing.
            rank=SearchRank(vector, wanted, cover_density=True, normalization=1),
        )
        # Ties go to the shorter clause, measured in bytes: PostgreSQL reads a stored
        # text's byte length from its header, where counting its characters unpacks it
        # (6 of 14 ms for 2,200 matches at 20 times the collection).
        .order_by("-rank", Func("text", function="OCTET_LENGTH", output_field=IntegerField()), "pk")
    )


def headlines(clauses: QuerySet, ids: list[int], query: str) -> dict[int, str | None]:
    """Each clause's text with the words the query matched between MATCH_START and
    MATCH_STOP (None where the database cannot say, and `excerpt` marks the query's
    words), for the clauses `ids` (a page of results), in one query."""
    if not ids:
        return {}
    if written_as_patterns(query):
        # Neither database's headline finds what the patterns find.
        return dict.fromkeys(ids)
    connection = connections[clauses.db]
    chosen = clauses.model._base_manager.using(clauses.db).filter(pk__in=ids)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchHeadline, SearchQuery

        wanted = SearchQuery(query, config=TEXT_SEARCH_CONFIG, search_type="websearch")
        marked = SearchHeadline(
            "text",
            wanted,
            config=TEXT_SEARCH_CONFIG,
            start_sel=MATCH_START,
            stop_sel=MATCH_STOP,
            highlight_all=True,
        )
    elif connection.vendor == "sqlite" and fts5_available(connection.alias):
        match = fts5_expression(query)
        highlight = f"highlight({FTS_TABLE}, 0, '{MATCH_START}', '{MATCH_STOP}')"
        marked = _FtsColumn(highlight, match, TextField())
    else:
        return dict.fromkeys(ids)
    return dict(chosen.annotate(headline=marked).values_list("pk", "headline"))


@functools.cache
def fts5_available(alias: str = "default") -> bool:
    """Whether this SQLite library was built with FTS5 (migration 0007 creates the index
    only then)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(option == "ENABLE_FTS5" for (option,) in cursor.fetchall())


def fts5_expression(query: str) -> str:
    """The query as an FTS5 expression: every term a quoted string (so FTS5 reads no
    operator or column name in it), phrases as phrases, alternatives ORed, unwanted terms
    after NOT. Empty if the query has no wanted word."""

    def quoted(term: Term) -> str:
        return '"' + " ".join(term.words) + '"'

    alternatives = []
    for terms in parse_query(query):
        wanted = " ".join(quoted(t) for t in terms if not t.negated)
        unwanted = "".join(f" NOT {quoted(t)}" for t in terms if t.negated)
        alternatives.append(f"({wanted}{unwanted})")
    return " OR ".join(alternatives)


class _FtsColumn(_OfTheClause):
    """A value FTS5 computes for the outer clause under a MATCH expression: its bm25 or its
    highlighted text (a correlated subquery, run for the matching clauses only)."""

    def __init__(self, function: str, match: str, output_field) -> None:
        super().__init__(output_field=output_field)
        self.function, self.match = function, match

    def as_sql(self, compiler, connection):
        clause, params = compiler.compile(self.clause)
        table = connection.ops.quote_name(FTS_TABLE)
        return (
            f"(SELECT {self.function} FROM {table} "
            f"WHERE {table} MATCH %s AND {table}.rowid = {clause})",
            [self.match, *params],
        )


def _fts5(clauses: QuerySet, query: str) -> "Ranked | QuerySet":
    match = fts5_expression(query)
    if not match:
        return clauses.none()
    # bm25 (lower is better) for every match in one pass over the index; a correlated
    # subquery per clause ran the whole MATCH again for each (250 ms for 1,000 matches).
    table = connections[clauses.db].ops.quote_name(FTS_TABLE)
    with connections[clauses.db].cursor() as cursor:
        cursor.execute(f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH %s", [match])
        scores = dict(cursor.fetchall())
    found = clauses.filter(
        pk__in=RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])
    ).values_list("pk", Length("text"))
    ordered = sorted(found, key=lambda row: (scores[row[0]], row[1], row[0]))
    return Ranked(clauses, [pk for pk, _ in ordered], {pk: -scores[pk] for pk, _ in ordered})


class Ranked(Sequence):
    """Matching clauses in rank order, read from the database a slice at a time (a page of
    results), each annotated with its `rank` as a query set's would be."""

    def __init__(self, clauses: QuerySet, ids: list[int], ranks: dict[int, float]) -> None:
        self.clauses, self.ids, self.ranks = clauses, ids, ranks

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        by_pk = self.clauses.in_bulk(ids) if ids else {}
        page = [by_pk[pk] for pk in ids]
        for clause in page:
            clause.rank = self.ranks[clause.pk]
        return page


def by_page(matches: "QuerySet | Ranked") -> Sequence:
    """The matches as a paginator reads them: a query set a slice at a time, keys first
    (`timeline.paging.KeysFirst`: on PostgreSQL, 2,200 matches for "violence" at 20 times
    the collection took 13.5 ms to rank, sort and cut to a page carrying whole rows); a
    `Ranked` sequence as it is (it has its order already)."""
    return KeysFirst(matches) if isinstance(matches, QuerySet) else matches


def _written(clauses: QuerySet, query: str) -> QuerySet:
    """The clauses whose text holds the query's terms as written (`term_pattern`),
    shortest first: no index ranks them."""
    matches = Q()
    for terms in parse_query(query):
        alternative = Q()
        for term in terms:
            found = Q(text__iregex=term_pattern(term.words))
            if not term.negated:
                # Plain text first, which LIKE rules out most clauses by quickly: the
                # Chinese, and a letter each Arabic word must hold as it is written (not
                # an alif, not its last: vowel marks may come between any two letters).
                for plain in _plain_parts(term.words):
                    found = Q(text__contains=plain) & found
            alternative &= ~found if term.negated else found
        matches |= alternative
    if not matches:
        return clauses.none()
    return clauses.filter(matches).annotate(rank=Value(0.0)).order_by(Length("text"), "pk")


@dataclass(frozen=True)
class Piece:
    text: str
    match: bool


@dataclass(frozen=True)
class Excerpt:
    """A clause's text, or if long the part around its first match, split into plain and
    matched pieces (the template escapes each and wraps matches in <mark>)."""

    pieces: list[Piece]
    cut_before: bool
    cut_after: bool


def excerpt(text: str, headline: str | None, query: str) -> Excerpt:
    """The excerpt of a matching clause with every occurrence of its matched words marked:
    those the database marked in its headline (any form of the query's words), else the
    query's words."""
    if headline is None:
        words = query_words(query)
    else:
        # PostgreSQL's headline drops what its parser takes for markup, so the excerpt is
        # cut from the stored text and only the marked words are taken from the headline.
        marked = re.findall(f"{MATCH_START}(.*?){MATCH_STOP}", headline, re.S)
        words = list(dict.fromkeys(w.strip() for w in marked if w.strip()))
    pieces = _pieces(text, words)
    shown = "".join(p.text for p in pieces).strip()
    whole = text.strip()
    return Excerpt(
        pieces=pieces,
        cut_before=not whole.startswith(shown[:40]),
        cut_after=not whole.endswith(shown[-40:]),
    )


def _pieces(text: str, words: list[str]) -> list[Piece]:
    if not words:
        return [Piece(text, False)]
    alternatives = "|".join(term_pattern([w]) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(alternatives, re.I)
    starts = [m.start() for m in _EXCERPT_WORD.finditer(text)]
    if len(starts) > EXCERPT_WORDS:
        first = pattern.search(text)
        at = sum(1 for s in starts if first and s <= first.start()) - 1
        begin = max(0, min(at - EXCERPT_WORDS // 4, len(starts) - EXCERPT_WORDS))
        end = begin + EXCERPT_WORDS
        text = text[starts[begin] : starts[end] if end < len(starts) else len(text)].rstrip()
    pieces, at = [], 0
    for match in pattern.finditer(text):
        if match.start() > at:
            pieces.append(Piece(text[at : match.start()], False))
        pieces.append(Piece(match.group(), True))
        at = match.end()
    if at < len(text):
        pieces.append(Piece(text[at:], False))
    return pieces


def suggestion(query: str, *, using: str = "default") -> str | None:
    """The query with each word that no published clause has replaced by the most similar
    word that one has ("humanitarain" → "humanitarian"); None if nothing is replaced or the
    database cannot tell (only PostgreSQL can). Two queries: the word list's refresh (a no-op
    unless clauses changed) and one trigram lookup for all the words."""
    connection = connections[using]
    words = [w for w in query_words(query) if len(w) >= SUGGEST_MIN_LENGTH and w.isalpha()]
    # (No suggestion for Chinese: the list of the texts' words holds none of its words.)
    if connection.vendor != "postgresql" or not words or has_chinese(query):
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT timeline_search_words_refresh()")
        cursor.execute(
            f"""
            SELECT asked.word, (
                SELECT known.word FROM {WORDS_TABLE} known
                WHERE known.word %% asked.word
                  AND similarity(known.word, asked.word) >= %s
                ORDER BY similarity(known.word, asked.word) DESC, known.ndoc DESC, known.word
                LIMIT 1
            )
            FROM unnest(%s::text[]) AS asked(word)
            WHERE NOT EXISTS (SELECT FROM {WORDS_TABLE} known WHERE known.word = asked.word)
            """,
            [SUGGEST_MIN_SIMILARITY, words],
        )
        replacements = {word: better for word, better in cursor.fetchall() if better}
    if not replacements:
        return None
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in replacements) + r")(?!\w)", re.I
    )
    return pattern.sub(lambda m: replacements[m.group().lower()], query)


_RESOLUTION_NUMBER = re.compile(
    r"(?:s/res/|(?:security council )?resolution\s*|res\.?\s*)?(\d{1,4})(?:\s*\((\d{4})\))?",
    re.I,
)


def revisions_named(revisions: QuerySet, query: str) -> QuerySet:
    """The revisions the whole query names: by document symbol (S/2012/77), by the
    number of the resolution it became (2042, resolution 2042, S/RES/2042 (2012)), or by
    label; in date order, at most MAX_NAMED."""
    query = " ".join(query.split())
    named = Q(symbol__iexact=query.replace(" ", "")) | Q(label__iexact=query)
    if number := _RESOLUTION_NUMBER.fullmatch(query):
        digits, year = number.groups()
        if year:
            named |= Q(vote__resolution_number=f"{digits} ({year})")
        else:
            named |= Q(vote__resolution_number=digits)
            named |= Q(vote__resolution_number__startswith=f"{digits} (")
    return (
        revisions.filter(named)
        .select_related("resolution", "vote")
        .order_by("date", "resolution__position", "position")[:MAX_NAMED]
    )


def countries_named(countries: QuerySet, query: str) -> QuerySet:
    """The countries the whole query names: by ISO code (FR), by name or UN name
    (France, Russian Federation), or by the start of a name for four letters or more
    ("United"); at most MAX_NAMED."""
    query = " ".join(query.split())
    named = Q(name__iexact=query) | Q(un_name__iexact=query)
    if len(query) == 2:
        named |= Q(code=query.upper())
    if len(query) >= 4:
        named |= Q(name__istartswith=query) | Q(un_name__istartswith=query)
    return countries.filter(named)[:MAX_NAMED]


def ensure_sqlite_index(*, using: str = "default", **kwargs) -> None:
    """Recreate the SQLite word index's triggers if a migration dropped them.

    Django remakes a SQLite table to alter it, which drops the table's triggers: after any
    migration (a post_migrate handler) the triggers are checked, and if one is missing they
    are created again and the index rebuilt from the clauses, so search never goes stale.
    """
    from importlib import import_module

    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    migration = import_module("timeline.migrations.0007_search_index")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, type FROM sqlite_master WHERE name LIKE 'timeline_clause_fts%'"
        )
        found = {name for name, _ in cursor.fetchall()}
        if "timeline_clause_fts" not in found:
            return
        wanted = {
            "timeline_clause_fts_insert",
            "timeline_clause_fts_delete",
            "timeline_clause_fts_update",
        }
        if wanted <= found:
            return
        for name in wanted & found:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in migration.SQLITE_TRIGGERS:
            cursor.execute(statement)
