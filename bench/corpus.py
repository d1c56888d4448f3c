"""Measures `make corpus`: the whole UN corpus imported into what `make data` loads.

Run as ``.venv/bin/python bench/corpus.py [--database-url URL] [--unxml PATH]``.

- The database is a throwaway PostgreSQL database, ``redline_corpus_bench`` on
  127.0.0.1:5432 (user postgres, trust authentication), created and dropped by the script;
  or the one ``--database-url`` names: ``postgres://…/NAME`` (created and dropped if it does
  not exist; used and kept if it exists and is empty) or ``sqlite:////tmp/….sqlite3``
  (likewise). A database that already holds tables is refused. ``--keep`` keeps it.
- ``PATH`` is a copy of the UN's repository (default ``../shared/data/unxml`` beside the
  checkout).

Steps, each a subprocess with ``DATABASE_URL`` and ``DEBUG=1``, timed, with its peak
memory (the child's maximum resident set, from ``wait4``, what ``/usr/bin/time -v``
reports), and aborted after 30 minutes:

1. ``manage.py migrate`` and ``make data``'s import (the curated Syria story merged with the
   official texts the project ships);
2. every reader page measured with the story only: SQL queries (Django's
   ``CaptureQueriesContext``), time of the first request and of the next ones, size;
3. ``make corpus``'s import of PATH, then the same import again (it should say
   "Already up to date"). The import refuses the whole corpus for one bad file, and
   validates in stages; where it refuses, the script reports every problem, leaves out
   the files named (or, for problems placed in the merged collection, such as
   ``resolutions[938].revisions[0]…``, the files of those revisions) and tries again, a
   few times, so that the rest is measured; it lists the files left out;
4. the database's size and row counts, then every page measured again at corpus size.

It prints a table of the pages at both sizes and names every page whose query count grew
with the data, with the queries it repeated. ``--profile FILE`` runs the corpus import
under cProfile and prints its 15 most expensive calls (cumulative). It is a measurement,
not a test: nothing fails on speed; it exits non-zero when a step fails or a count grows.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redline_corpus_bench"
DEFAULT_UNXML = ROOT.parent / "shared" / "data" / "unxml"
COLLECTION = ROOT / "timeline" / "data" / "syria-2011-2012.json"
FAMILIES = ROOT / "timeline" / "data" / "syria-families.json"
OFFICIAL = ROOT / "timeline" / "data" / "unxml"
STEP_TIMEOUT = 30 * 60  # seconds
WARM_REPEATS = 3
MAX_RETRIES = 5  # imports of the corpus without the files earlier ones refused
# The pages the corpus import adds a family for: a long resolution of a family of its own.
CORPUS_FAMILY = "resolution-2231"


# Running a step


@dataclass
class Step:
    name: str
    seconds: float
    peak_kb: int
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def verdict(self) -> str:
        """The command's last line of output ("Imported: …", "Already up to date: …")."""
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        return lines[-1] if lines else ""


def run_step(name: str, command: list[str], env: dict[str, str], log_dir: Path) -> Step:
    """Run a command in its own process group, its output to files; kill it (and its
    children) after STEP_TIMEOUT. The peak memory is the child's own, from wait4."""
    out_path, err_path = log_dir / f"{name}.out", log_dir / f"{name}.err"
    shown = command if len(command) < 12 else [*command[:8], f"… ({len(command) - 8} more)"]
    print(f"… {name}: {' '.join(shown)}", flush=True)
    with out_path.open("w") as out, err_path.open("w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=err, start_new_session=True
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(STEP_TIMEOUT, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    step = Step(
        name,
        seconds,
        usage.ru_maxrss,
        process.returncode,
        out_path.read_text(errors="replace"),
        err_path.read_text(errors="replace"),
    )
    if timed_out.is_set():
        step.stderr += f"\n{name}: aborted after {STEP_TIMEOUT // 60} minutes"
    status_text = "ok" if step.ok else f"FAILED (exit {step.returncode})"
    print(
        f"  {status_text} in {seconds:.1f} s, peak {step.peak_kb / 1024:.0f} MiB. {step.verdict}",
        flush=True,
    )
    if not step.ok:
        print(f"  its errors ({err_path}):", file=sys.stderr)
        for line in step.stderr.splitlines():
            print(f"    {line}", file=sys.stderr)
    return step


# The database


class Database:
    """The benchmark's database: created when missing, refused when it holds tables,
    dropped at the end if this script created it (unless kept)."""

    def __init__(self, url: str, keep: bool) -> None:
        self.url = url
        self.keep = keep
        self.created = False
        parts = urlsplit(url)
        self.kind = "sqlite" if parts.scheme == "sqlite" else "postgres"
        if self.kind == "postgres" and parts.scheme not in ("postgres", "postgresql"):
            raise SystemExit(f"Unsupported database URL {url!r}: postgres:// or sqlite:///")
        self.name = parts.path.lstrip("/") if self.kind == "postgres" else None
        # sqlite:///tmp/x and sqlite:////tmp/x both name /tmp/x (never a file in the
        # checkout); Django is given the absolute form.
        self.file = Path("/" + parts.path.lstrip("/"))
        if self.kind == "sqlite":
            self.url = f"sqlite:///{self.file}"

    def _connect(self, database: str):
        import psycopg

        parts = urlsplit(self.url)
        return psycopg.connect(urlunsplit(parts._replace(path=f"/{database}")), autocommit=True)

    def prepare(self) -> None:
        if self.kind == "sqlite":
            if self.file.exists() and self.file.stat().st_size:
                import sqlite3

                with sqlite3.connect(self.file) as db:
                    tables = db.execute("select count(*) from sqlite_master").fetchone()[0]
                if tables:
                    raise SystemExit(f"{self.file} already holds tables: give a fresh file.")
            else:
                self.created = True
            return
        with self._connect("postgres") as admin:
            exists = admin.execute(
                "select 1 from pg_database where datname = %s", [self.name]
            ).fetchone()
            if exists and self.url == DEFAULT_URL:
                admin.execute(f'drop database "{self.name}" with (force)')
                exists = None
            if exists:
                with self._connect(self.name) as db:
                    tables = db.execute(
                        "select count(*) from information_schema.tables "
                        "where table_schema = 'public'"
                    ).fetchone()[0]
                if tables:
                    raise SystemExit(
                        f"Database {self.name} already holds tables: give a fresh one."
                    )
            else:
                admin.execute(f'create database "{self.name}"')
                self.created = True

    def analyze(self) -> None:
        """Fresh planner statistics, as autovacuum would give a real server."""
        if self.kind == "postgres":
            with self._connect(self.name) as db:
                db.execute("analyze")

    def size(self) -> dict[str, int]:
        if self.kind == "sqlite":
            sizes = {"database": self.file.stat().st_size}
            wal = self.file.with_name(self.file.name + "-wal")
            if wal.exists():
                sizes["write-ahead log"] = wal.stat().st_size
            return sizes
        with self._connect(self.name) as db:
            query = "select pg_database_size(current_database())"
            sizes = {"database": db.execute(query).fetchone()[0]}
            for table in ("timeline_clause", "timeline_revision", "timeline_source"):
                row = db.execute("select pg_total_relation_size(%s)", [table]).fetchone()
                sizes[table] = row[0]
            return sizes

    def drop(self) -> None:
        if self.keep or not self.created:
            if self.keep:
                print(f"Kept the database: {self.url}")
            return
        if self.kind == "sqlite":
            for suffix in ("", "-wal", "-shm", "-journal"):
                self.file.with_name(self.file.name + suffix).unlink(missing_ok=True)
            return
        with self._connect("postgres") as admin:
            admin.execute(f'drop database if exists "{self.name}" with (force)')


# Measuring the pages (in a subprocess of its own, so that Django is set up on the
# benchmark's database and every comparison starts with an empty cache)


def story_families() -> set[str]:
    base = json.loads(COLLECTION.read_text(encoding="utf-8"))
    grouping = json.loads(FAMILIES.read_text(encoding="utf-8"))
    return {r["slug"] for r in base["resolutions"]} | {f["slug"] for f in grouping["families"]}


def pages_to_measure() -> dict[str, str | None]:
    """Page name → address, or None where the database has no such page."""
    from django.db.models import Count

    from timeline.models import Clause, Resolution, Revision

    def revision(family: str, symbol: str) -> Revision | None:
        return Revision.objects.filter(resolution__slug=family, symbol=symbol).first()

    latest = revision("cross-border-aid", "S/2023/18")  # resolution 2672 (2023)
    old, new = revision("cross-border-aid", "S/2020/24"), revision("cross-border-aid", "S/2020/684")
    clause_key = None
    if latest:
        # The clause of 2672 that the most revisions of its family have.
        keys = latest.clauses.filter(language=latest.language).values_list("key", flat=True)
        clause_key = (
            Clause.objects.filter(revision__resolution__slug="cross-border-aid", key__in=keys)
            .values("key")
            .annotate(n=Count("revision", distinct=True))
            .order_by("-n", "key")
            .values_list("key", flat=True)
            .first()
        )
    corpus = Resolution.objects.filter(slug=CORPUS_FAMILY).first()
    if corpus is None:  # another corpus: its longest revision in a family of its own
        corpus = (
            Resolution.objects.exclude(slug__in=story_families())
            .annotate(n=Count("revisions__clauses"))
            .order_by("-n", "slug")
            .first()
        )
    corpus_revision = corpus and corpus.revisions.order_by("position").first()
    return {
        "home": "/",
        "family": "/r/cross-border-aid/",
        "revision (2672)": latest and f"/r/cross-border-aid/{latest.slug}/",
        "compare (2504→2533)": old
        and new
        and f"/r/cross-border-aid/compare/{old.slug}...{new.slug}/",
        "clause": clause_key and f"/c/cross-border-aid/{clause_key}/",
        "countries": "/countries/",
        "country (France)": "/countries/fr/",
        "search": "/search/?q=humanitarian+access",
        "corpus family": corpus and f"/r/{corpus.slug}/",
        "corpus revision": corpus_revision and f"/r/{corpus.slug}/{corpus_revision.slug}/",
    }


def shape(sql: str) -> str:
    """A query with its literal values taken out, to count repeats of one query."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    return re.sub(r"\((?:\?, )+\?\)", "(…)", sql)[:300]


def measure_pages(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from timeline.models import Clause, LanguageVersion, Resolution, Revision, Source, Vote

    client = Client()
    connection.ensure_connection()
    client.get("/nowhere/")  # loads the templates and URL resolver outside the timings
    results = {
        "rows": {
            "families": Resolution.objects.count(),
            "revisions": Revision.objects.count(),
            "language versions": LanguageVersion.objects.count(),
            "clauses": Clause.objects.count(),
            "votes": Vote.objects.count(),
            "sources": Source.objects.count(),
        },
        "pages": {},
    }
    for name, url in pages_to_measure().items():
        if url is None:
            results["pages"][name] = None
            continue
        timings, counts = [], []
        for i in range(1 + WARM_REPEATS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            counts.append(len(queries))
            if i == 0:
                first = [q["sql"] for q in queries.captured_queries]
        repeated = [(s, n) for s, n in Counter(map(shape, first)).most_common(3) if n > 1]
        results["pages"][name] = {
            "url": url,
            "status": response.status_code,
            "queries": counts[0],
            "queries_warm": counts[-1],
            "ms_first": timings[0],
            "ms_warm": sorted(timings[1:])[len(timings[1:]) // 2],
            "bytes": len(response.content),
            "repeated": repeated,
        }
    out.write_text(json.dumps(results, indent=1))


# Which files a refusal means, when it names places in the merged collection
# (`resolutions[938].revisions[0].clauses[386].key`) rather than files


PLACE = re.compile(r"^resolutions\[(\d+)\](?:\.revisions\[(\d+)\])?")


def locate(request: Path) -> None:
    """Builds the merged collection as `import_akn` does (same files, same database), and
    writes the files of each place named: `{"paths": [...], "places": [[family, revision]]}`
    in, `{"files": [...]}` out (to the same file)."""
    from urllib.parse import unquote

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from timeline.akn.metadata import find_metadata_dir, read_metadata
    from timeline.akn.reader import ReaderError, find_documents, read_document
    from timeline.collection.exporter import collection_export
    from timeline.collection.official import UPSTREAM, load_grouping, official_collection

    asked = json.loads(request.read_text())
    files = find_documents(map(Path, asked["paths"]))
    documents = []
    for path in files:
        with contextlib.suppress(ReaderError):  # the import named those files already
            documents.append(read_document(path))
    metadata_dir = find_metadata_dir(files[0])
    merged = official_collection(
        base=collection_export(),
        documents=documents,
        metadata=read_metadata(metadata_dir),
        grouping=load_grouping(FAMILIES),
        root=metadata_dir.parent,
    )
    urls = {s["id"]: s.get("url") or "" for s in merged["sources"]}
    found = []
    for family, revision in asked["places"]:
        revisions = merged["resolutions"][family]["revisions"]
        for v in revisions if revision is None else [revisions[revision]]:
            for source in v.get("sources", []):
                if urls.get(source, "").startswith(UPSTREAM):
                    found.append(str(metadata_dir.parent / unquote(urls[source][len(UPSTREAM) :])))
    request.write_text(json.dumps({"files": sorted(set(found))}))


# The report


NAMED_FILE = re.compile(r"^(.+?\.xml)(?::\d+)?: ")


def problems(stderr: str) -> list[str]:
    """The problems a refused import listed (its warnings and final error left out)."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not line.startswith(("Warning:", "CommandError:"))
    ]


def refused_files(stderr: str) -> list[str]:
    """The files a refused import named, when every problem named one; otherwise none."""
    found = [NAMED_FILE.match(line) for line in problems(stderr)]
    return list(dict.fromkeys(m.group(1) for m in found)) if found and all(found) else []


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def print_pages(story: dict, corpus: dict | None) -> list[str]:
    """The table of pages at both sizes; returns the pages whose query count grew."""
    corpus = corpus or {"pages": {}}

    def cell(page: dict | None, key: str, fmt: str) -> str:
        return format(page[key], fmt) if page else "—"

    header = ("page", "queries", "", "first ms", "", "warm ms", "", "KiB", "", "")
    print("{:<20} {:>7} {:>7}  {:>8} {:>8}  {:>7} {:>7}  {:>6} {:>6}  {}".format(*header))
    print(
        "{:<20} {:>7} {:>7}  {:>8} {:>8}  {:>7} {:>7}  {:>6} {:>6}  {}".format(
            "", *["story", "corpus"] * 4, "address"
        )
    )
    grown = []
    for name in {**story["pages"], **corpus["pages"]}:
        s, c = story["pages"].get(name), corpus["pages"].get(name)
        if s is None and c is None:
            print(f"{name:<20} (no such page in this database)")
            continue
        marks = []
        if s and c and c["queries"] > s["queries"]:
            grown.append(name)
            marks.append("GROWS")
        statuses = sorted({x["status"] for x in (s, c) if x})
        if statuses != [200]:
            marks.append(f"status {'/'.join(map(str, statuses))}")
        kib = {k: p and {**p, "kib": p["bytes"] / 1024} for k, p in (("s", s), ("c", c))}
        print(
            f"{name:<20} {cell(s, 'queries', 'd'):>7} {cell(c, 'queries', 'd'):>7}  "
            f"{cell(s, 'ms_first', '.0f'):>8} {cell(c, 'ms_first', '.0f'):>8}  "
            f"{cell(s, 'ms_warm', '.0f'):>7} {cell(c, 'ms_warm', '.0f'):>7}  "
            f"{cell(kib['s'], 'kib', '.0f'):>6} {cell(kib['c'], 'kib', '.0f'):>6}  "
            f"{(c or s)['url']}  {' '.join(marks)}".rstrip()
        )
    for size_name, data in (("story", story), ("corpus", corpus)):
        for name, page in data["pages"].items():
            if page and page["queries_warm"] != page["queries"]:
                print(
                    f"  {name} at {size_name} size: {page['queries']} queries on the first "
                    f"request, {page['queries_warm']} once cached"
                )
    for name in grown:
        print(f"\n{name}: {story['pages'][name]['queries']} → {corpus['pages'][name]['queries']}")
        print("  queries repeated at corpus size:")
        for sql, n in corpus["pages"][name]["repeated"]:
            print(f"    {n} × {sql}")
    return grown


def print_profile(path: Path) -> None:
    import pstats

    print(f"\nProfile of the corpus import ({path}), top 15 by cumulative time:")
    pstats.Stats(str(path), stream=sys.stdout).sort_stats("cumulative").print_stats(15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--unxml", type=Path, default=DEFAULT_UNXML)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--profile", type=Path, help="run the corpus import under cProfile")
    parser.add_argument("--measure-pages", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--locate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_pages:
        measure_pages(args.measure_pages)
        return 0
    if args.locate:
        locate(args.locate)
        return 0
    if not args.unxml.is_dir():
        raise SystemExit(f"No UN corpus at {args.unxml}: give --unxml PATH")

    database = Database(args.database_url, args.keep)
    database.prepare()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_POOL", "REDIS_URL")}
    env |= {
        "DATABASE_URL": database.url,
        "DEBUG": "1",
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "PYTHONUNBUFFERED": "1",
    }
    python = sys.executable
    manage = [python, "manage.py"]
    failed = False
    log_dir = Path(tempfile.mkdtemp(prefix="redline-corpus-bench-"))
    print(f"Database {database.url}; corpus {args.unxml}; logs in {log_dir}\n")

    def pages(phase: str) -> dict | None:
        out = log_dir / f"pages-{phase}.json"
        database.analyze()
        step = run_step(
            f"pages-{phase}", [python, __file__, "--measure-pages", str(out)], env, log_dir
        )
        return json.loads(out.read_text()) if step.ok else None

    try:
        migrate = run_step("migrate", [*manage, "migrate", "--no-input"], env, log_dir)
        data = migrate.ok and run_step(
            "data",
            [
                *manage,
                "import_akn",
                "--base",
                str(COLLECTION),
                "--families",
                str(FAMILIES),
                str(OFFICIAL),
            ],
            env,
            log_dir,
        )
        if not (migrate.ok and data.ok):
            return 1
        story_size = database.size()
        story = pages("story")

        def placed_files(stderr: str, paths: list[str]) -> list[str]:
            found = [PLACE.match(line) for line in problems(stderr)]
            if not found or not all(found):
                return []
            places = sorted(
                {(int(m[1]), m[2] and int(m[2])) for m in found}, key=lambda p: (p[0], p[1] or -1)
            )
            request = log_dir / f"locate-{len(refusals) + 1}.json"
            request.write_text(json.dumps({"paths": paths, "places": places}))
            step = run_step(
                f"locate-{len(refusals) + 1}",
                [python, __file__, "--locate", str(request)],
                env,
                log_dir,
            )
            return json.loads(request.read_text())["files"] if step.ok else []

        profiled = ["-m", "cProfile", "-o", str(args.profile)] if args.profile else []

        def import_corpus(name: str, paths: list[str], profile: bool = False) -> Step:
            command = ["manage.py", "import_akn", "--families", str(FAMILIES), *paths]
            step = run_step(name, [python, *(profiled if profile else []), *command], env, log_dir)
            if step.ok and "nothing was imported" in step.stderr:  # cProfile exits 0 anyway
                step.returncode = 1
                print(f"  it REFUSED the files (see {log_dir}/{name}.err)")
            return step

        paths = [str(args.unxml)]
        corpus = import_corpus("corpus", paths, profile=True)
        refusals: list[Step] = []
        excluded: list[str] = []
        # The import validates in stages and refuses the whole corpus for one bad file. To
        # measure the rest, leave out every file a refusal names and try again (a few times).
        while not corpus.ok and len(refusals) < MAX_RETRIES:
            refused = refused_files(corpus.stderr) or placed_files(corpus.stderr, paths)
            if not refused:
                break
            refusals.append(corpus)
            excluded += refused
            paths = sorted({str(f) for f in args.unxml.rglob("*.xml")} - set(excluded))
            print(f"  retrying without the {len(excluded)} files refused so far")
            corpus = import_corpus(f"corpus-retry-{len(refusals)}", paths, profile=True)
        again = corpus.ok and import_corpus("corpus-again", paths)
        corpus_size = database.size()
        at_corpus = pages("corpus") if corpus.ok else None

        print("\n== Imports ==")
        for step in (migrate, data, *refusals, corpus, again):
            if step:
                print(
                    f"{step.name:<26} {step.seconds:7.1f} s  peak {step.peak_kb / 1024:5.0f} MiB"
                    f"  {'ok' if step.ok else 'FAILED'}  {step.verdict}"
                )
        if refusals:
            failed = True
            print(f"\n`make corpus` on {args.unxml} FAILS; the import refused it:")
            for step in refusals:
                print(f"  {step.name}:")
                for line in problems(step.stderr):
                    print(f"    {line}")
            print(f"The figures below are of the import without these {len(excluded)} files:")
            for path in excluded:
                print(f"  {path}")
        warnings = [line for line in corpus.stderr.splitlines() if line.startswith("Warning:")]
        if warnings:
            print(f"\nThe corpus import warned {len(warnings)} times:")
            for line in warnings:
                print(f"  {line}")
        if again and "Already up to date" not in again.verdict:
            print("\nThe second corpus import was NOT idempotent: it changed something.")
            failed = True
        failed = failed or not corpus.ok or not (again and again.ok)

        print("\n== Database ==")
        for label, sizes in (("story", story_size), ("corpus", corpus_size)):
            print(f"{label:<7}" + ", ".join(f"{k} {mib(v)}" for k, v in sizes.items()))
        if story:
            for key, n in story["rows"].items():
                print(f"  {key:<18} {n:>7} → {at_corpus['rows'][key] if at_corpus else '—':>7}")
            print(
                "\n== Pages (first request: fresh process, empty cache; warm: median of "
                f"{WARM_REPEATS} more) =="
            )
            grown = print_pages(story, at_corpus)
            if grown:
                failed = True
                print(f"\nQuery counts that grow with the data: {', '.join(grown)}")
            elif at_corpus:
                print("\nEvery page's query count is the same at corpus size.")
        failed = failed or not (story and at_corpus)
        if args.profile and args.profile.exists():
            print_profile(args.profile)
    finally:
        database.drop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
