"""Every reader page's size and render time at 1× and 20× the collection (issue 11, point 5).

Run as ``.venv/bin/python bench/page_scale.py [--database-url URL] [--repeats N]
[--rounds R]``.

The 1× database holds what ``make data`` loads: the curated Syria story merged with the
UN's official texts the project ships. The 20× database holds that collection exported
and copied twenty times over (every family, revision, clause and event, the copies with
their own slugs, titles and symbols, as the query-budget tests scale it), then imported.
Both are throwaway: SQLite files in a temporary folder by default, or, with
``--database-url postgres://…/NAME``, a PostgreSQL database of that name (with ``-20x``
added for the second) that the script creates and drops.

Each page is fetched in this process with Django's test client, the page cache and the
comparison cache emptied before every request, so that every request renders; the time
is the best of ``--repeats`` renders (after one to warm the templates) in each of
``--rounds`` rounds that alternate between the two databases, as :mod:`timeit` advises:
on a shared two-core machine the slower runs measure the neighbours. The size the
HTML's bytes, uncompressed. The table gives both at 1× and 20× and their growth; the goal
is that none grows by more than half. A measurement, not a test: the page sizes are held
to it in ``tests/test_query_budgets.py``; times are only printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from loadtest import STORY_IMPORT

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GROWTH_GOAL = 1.5

# The pages, by the addresses the shipped data gives them.
PAGES = {
    "timeline": "/",
    "timeline, France": "/?country=FR",
    "timeline, 2012": "/?from=2012&to=2012",
    "family": "/r/arab-european-draft-2012/",
    "family (cross-border aid)": "/r/cross-border-aid/",
    "revision": "/r/arab-european-draft-2012/s-2012-77/",
    "official revision": "/r/resolution-2042-2012/s-2012-219/",
    "comparison": "/r/russian-drafts-2011-2012/compare/r1-15-dec...r3-16-17-jan/",
    "clause": "/c/arab-european-draft-2012/pp-sovereignty-peaceful-resolution/",
    "clause by key": "/c/op-condemns-human-rights-violations/",
    "countries": "/countries/",
    "country (France)": "/countries/fr/",
    "country (Russia)": "/countries/ru/",
    "search": "/search/?q=humanitarian+access",
    "search by symbol": "/search/?q=S/2012/77",
}


def env_for(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "1",
        "READER_RENDERS_PER_MINUTE": "1000000",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }


def manage(url: str, *args: str) -> None:
    subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env_for(url), check=True, capture_output=True
    )


def load_story(url: str) -> None:
    manage(url, "migrate", "--no-input")
    manage(url, *STORY_IMPORT)


def load_scaled(url: str, story_url: str, factor: int, folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.helpers import scaled

    exported = folder / "story.json"
    manage(story_url, "export_collection", "-o", str(exported))
    data = scaled(json.loads(exported.read_text(encoding="utf-8")), factor)
    scaled_file = folder / f"story-{factor}x.json"
    scaled_file.write_text(json.dumps(data), encoding="utf-8")
    manage(url, "migrate", "--no-input")
    manage(url, "import_collection", str(scaled_file))


def measure(url: str, repeats: int) -> dict[str, dict[str, float]]:
    """Runs in a child process (one database per process): each page's size and time."""
    code = f"""
import json, time, django
django.setup()
from django.test import Client
from tests.helpers import empty_caches
client = Client(HTTP_HOST="localhost")
client.get("/nowhere/")
out = {{}}
for name, address in {PAGES!r}.items():
    times = []
    for i in range({repeats} + 1):
        empty_caches()
        started = time.perf_counter()
        response = client.get(address)
        times.append((time.perf_counter() - started) * 1000)
    out[name] = {{"status": response.status_code, "bytes": len(response.content),
                 "ms": min(times[1:])}}
print(json.dumps(out))
"""
    env = {**env_for(url), "DJANGO_SETTINGS_MODULE": "timeline.settings"}
    result = subprocess.run(
        [PY, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _keep_best(best: dict[str, dict[str, float]], measured: dict[str, dict[str, float]]) -> None:
    for name, figures in measured.items():
        if name not in best or figures["ms"] < best[name]["ms"]:
            best[name] = figures


class Databases:
    """Two throwaway databases: SQLite files, or PostgreSQL databases made and dropped."""

    def __init__(self, url: str | None, folder: Path) -> None:
        self.base = url
        self.folder = folder
        self.made: list[str] = []

    def url(self, name: str) -> str:
        if self.base is None:
            return f"sqlite:///{self.folder / (name + '.sqlite3')}"
        parts = urlsplit(self.base)
        database = f"{parts.path.lstrip('/')}_{name}"
        self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{database}"')
        self.made.append(database)
        return parts._replace(path=f"/{database}").geturl()

    def _admin(self, sql: str) -> None:
        import psycopg

        parts = urlsplit(self.base)
        with psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(sql)

    def drop(self) -> None:
        for database in self.made:
            self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="postgres://…/NAME (default: SQLite files)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--factor", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="redline-scale-") as tmp:
        databases = Databases(args.database_url, Path(tmp))
        try:
            started = time.perf_counter()
            one = databases.url("1x")
            load_story(one)
            many = databases.url(f"{args.factor}x")
            load_scaled(many, one, args.factor, Path(tmp))
            loaded = time.perf_counter() - started
            # Rounds alternate between the two databases, each page's best kept: a busy
            # moment of the machine then slows one round, not one side.
            at_1, at_n = {}, {}
            for _ in range(args.rounds):
                _keep_best(at_1, measure(one, args.repeats))
                _keep_best(at_n, measure(many, args.repeats))
        finally:
            if args.database_url:
                databases.drop()
    kind = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"Reader pages at 1× and {args.factor}× the collection ({kind}; loaded in {loaded:.0f} s);"
        f" render time: best of {args.repeats * args.rounds} in {args.rounds} alternating rounds,"
        " caches emptied before each request."
    )
    header = f"{'page':28} {'KB 1×':>8} {'KB ' + str(args.factor) + '×':>8} {'size ×':>7}"
    header += f" {'ms 1×':>8} {'ms ' + str(args.factor) + '×':>8} {'time ×':>7}"
    print(header)
    worst_size, worst_time, failures = 0.0, 0.0, []
    for name in PAGES:
        a, b = at_1[name], at_n[name]
        if a["status"] != 200 or b["status"] != 200:
            failures.append(f"{name}: status {a['status']} at 1×, {b['status']} at {args.factor}×")
        size, took = b["bytes"] / a["bytes"], b["ms"] / a["ms"]
        worst_size, worst_time = max(worst_size, size), max(worst_time, took)
        print(
            f"{name:28} {a['bytes'] / 1000:8.1f} {b['bytes'] / 1000:8.1f} {size:7.2f}"
            f" {a['ms']:8.1f} {b['ms']:8.1f} {took:7.2f}"
        )
    met = "met" if max(worst_size, worst_time) <= GROWTH_GOAL else "not met"
    print(
        f"Goal: no page grows by more than half (× {GROWTH_GOAL}); worst size × {worst_size:.2f},"
        f" worst time × {worst_time:.2f}: {met}."
    )
    for failure in failures:
        print(f"Not a page: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
