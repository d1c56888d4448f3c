"""Reader pages under load, against the physical limit: a static file from the same server.

Run as ``make loadtest`` or ``.venv/bin/python bench/loadtest.py [--seconds S]
[--rounds R] [--connections N] [--proxy]``. It serves the app as ``make serve`` does (gunicorn with
``gunicorn.conf.py``, production settings, an ephemeral ``SECRET_KEY``) on a free loopback
port, on ``DATABASE_URL`` (else a throwaway SQLite file loaded as ``make data`` loads it)
and ``REDIS_URL`` if set; with ``--proxy``, behind Debian's nginx running the shipped
``docs/deploy/nginx.conf``. Then, for each reader page in turn, wrk (``apt-get install wrk``)
requests the page for S seconds over N connections, and the site's stylesheet (served by
whitenoise from the same gunicorn, directly even with ``--proxy``) for S seconds just
before, in R rounds that alternate between the two, so that both meet the same machine
(on a shared two-core machine a busy moment then slows a round of each, not one side); a
page's "share" is its requests per second over the stylesheet's, all rounds together, and
its latency percentiles are the median round's.

Requests ask for compressed answers, as browsers do. Each figure is one run; the machine's
other load shows in the static file's figures as much as in the page's. Loopback only,
bounded in time: it is a benchmark and fails on nothing but a server that does not start.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What `make data` imports: the curated story merged with the UN's official texts.
STORY_IMPORT = (
    "import_akn",
    "--base",
    "timeline/data/syria-2011-2012.json",
    "--families",
    "timeline/data/syria-families.json",
    "timeline/data/unxml",
)
PYTHON = sys.executable
PAGES = {
    "timeline /": "/",
    "family": "/r/arab-european-draft-2012/",
    "revision": "/r/arab-european-draft-2012/s-2012-77/",
    "compare": "/r/arab-european-draft-2012/compare/v3-1-feb-19-00...s-2012-77/",
    "clause": "/c/arab-european-draft-2012/pp-sovereignty-peaceful-resolution/",
    "country": "/countries/fr/",
    "search": "/search/?q=violence",
}
GOAL_SHARE = 0.5
GOAL_P95_MS = 50.0

# wrk's report as one JSON line: requests, errors and latency percentiles (microseconds).
WRK_SCRIPT = """
wrk.headers["Accept-Encoding"] = "br, gzip"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "errors": %d, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass
class Run:
    requests: int
    seconds: float
    errors: int
    p50: float
    p95: float
    p99: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"The server did not answer {url} within {seconds:.0f} s."
                ) from None
            time.sleep(0.2)


def wrk(url: str, seconds: float, connections: int, script: Path) -> Run:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "5s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    return Run(**json.loads(line))


def combined(runs: list[Run]) -> Run:
    """Rounds of one measurement as one: requests, time and errors summed, each latency
    percentile the median round's."""

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    return Run(
        requests=sum(r.requests for r in runs),
        seconds=sum(r.seconds for r in runs),
        errors=sum(r.errors for r in runs),
        p50=median([r.p50 for r in runs]),
        p95=median([r.p95 for r in runs]),
        p99=median([r.p99 for r in runs]),
    )


def stylesheet(base: str) -> str:
    with urllib.request.urlopen(base + "/", timeout=10) as response:
        html = response.read().decode()
    found = re.search(r'href="(/static/css/redline\.[0-9a-f]+\.css)"', html)
    if not found:
        raise SystemExit("The home page links no hashed stylesheet: is collectstatic done?")
    return found[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--proxy", action="store_true", help="behind docs/deploy/nginx.conf")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("make loadtest needs wrk: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="redline-loadtest-") as scratch:
        scratch_dir = Path(scratch)
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{scratch_dir / 'db.sqlite3'}"
        env = environment(database_url)
        print(f"Loading the collection into {database_url.split('@')[-1]} ...", flush=True)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, *STORY_IMPORT)
        manage(env, "collectstatic", "--no-input", "-v0")
        script = scratch_dir / "report.lua"
        script.write_text(WRK_SCRIPT)

        app_port = free_port()
        servers = [
            subprocess.Popen(
                [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "timeline.wsgi"],
                cwd=ROOT,
                env={**env, "HOST": "127.0.0.1", "PORT": str(app_port)},
                start_new_session=True,
            )
        ]
        base = app_base = f"http://127.0.0.1:{app_port}"
        try:
            if args.proxy:
                from proxy import start_nginx  # bench/proxy.py

                proxy_port = free_port()
                servers.append(start_nginx(scratch_dir, proxy_port, app_port))
                base = f"http://127.0.0.1:{proxy_port}"
            wait_for(base + "/")
            static = stylesheet(base)
            cache = "Redis" if env.get("REDIS_URL") else "local memory per worker"
            print(
                f"gunicorn on {base} ({'behind nginx, ' if args.proxy else ''}{cache} cache), "
                f"{args.connections} connections, {args.rounds} rounds of {args.seconds:g} s, "
                f"the static file {static} from gunicorn itself before each page.\n"
            )
            rows = []
            for name, path in PAGES.items():
                wrk(base + path, 1, args.connections, script)  # warm: fill the page cache
                # The limit is always gunicorn's own static file (whitenoise): behind nginx,
                # nginx serves static files from disk at many times that.
                limits, runs = [], []
                for _ in range(args.rounds):
                    limits.append(wrk(app_base + static, args.seconds, args.connections, script))
                    runs.append(wrk(base + path, args.seconds, args.connections, script))
                rows.append((name, combined(runs), combined(limits)))
            report(rows)
        finally:
            for server in servers:
                os.killpg(server.pid, signal.SIGTERM)
            for server in servers:
                server.wait(timeout=30)


def report(rows: list[tuple[str, Run, Run]]) -> None:
    print(
        f"{'page':<12} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'static req/s':>13} {'share':>7}"
    )
    met = True
    for name, run, limit in rows:
        share = run.rate / limit.rate
        print(
            f"{name:<12} {run.rate:8.0f} {run.p50 / 1000:8.1f} {run.p95 / 1000:8.1f} "
            f"{run.p99 / 1000:8.1f} {run.errors:7d} {limit.rate:13.0f} {share:7.0%}"
        )
        met &= share >= GOAL_SHARE and run.p95 / 1000 < GOAL_P95_MS and run.errors == 0
    print(
        f"\nGoal: every page at {GOAL_SHARE:.0%} or more of the static file's requests per "
        f"second, p95 under {GOAL_P95_MS:.0f} ms, no errors: {'met' if met else 'NOT met'}."
    )


if __name__ == "__main__":
    main()
