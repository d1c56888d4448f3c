"""The database going away under a running gunicorn: readers get cached pages or a 503
with Retry-After at once, the log gets one line, and the site recovers by itself.

Real PostgreSQL behind a TCP proxy (tests/faults.py) that the test stops and starts, and
a real gunicorn with production settings on a throwaway database: PostgreSQL only (the
timeouts and the pool are PostgreSQL's), so it runs in CI's PostgreSQL pass."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError

from tests.faults import TcpProxy
from tests.helpers import free_port, production_env, throwaway_database
from timeline import outage

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_an_outage_opens_once_and_closes_when_the_database_answers(caplog):
    outage.reached()
    assert not outage.is_down()
    for _ in range(5):
        outage.failed(OperationalError("connection refused\nmore detail"))
    assert outage.is_down()
    unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(unreachable) == 1
    assert "connection refused" in unreachable[0].getMessage()
    assert "more detail" not in unreachable[0].getMessage()
    outage.reached()
    assert not outage.is_down()
    assert any("answers again" in r.getMessage() for r in caplog.records)


def get(url: str, timeout: float = 10) -> tuple[int, dict, str, float]:
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, headers, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    return status, headers, body.decode(), time.monotonic() - start


@pytest.fixture(params=["kept connections", "pool"])
def served_through_a_proxy(request, tmp_path, collected_static):
    """gunicorn (one worker, production settings) on a loaded throwaway database reached
    through a proxy, with each thread keeping its connection or with psycopg's pool
    (DATABASE_POOL=1); yields (base address, proxy, the server's log file)."""
    params = settings.DATABASES["default"]
    proxy = TcpProxy((params.get("HOST") or "127.0.0.1", int(params.get("PORT") or 5432)))
    proxy.start()
    app_port = free_port()
    with throwaway_database(tmp_path, port=proxy.port) as database_url:
        env = production_env(
            database_url,
            collected_static,
            DATABASE_RETRY_AFTER="1",
            DATABASE_POOL="1" if request.param == "pool" else "0",
            WEB_CONCURRENCY="1",
            HOST="127.0.0.1",
            PORT=str(app_port),
        )
        log = tmp_path / "gunicorn.log"
        server = None
        try:
            for command in (
                ["migrate", "--no-input", "-v0"],
                [
                    "import_collection",
                    "timeline/data/syria-2011-2012.json",
                ],
            ):
                subprocess.run(
                    [sys.executable, "manage.py", *command],
                    cwd=ROOT,
                    env={**env, "DEBUG": "1"},
                    check=True,
                    capture_output=True,
                )
            with log.open("w") as out:
                server = subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "gunicorn"),
                        "-c",
                        "gunicorn.conf.py",
                        "timeline.wsgi",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            base = f"http://127.0.0.1:{app_port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    if get(base + "/about/", timeout=2)[0] == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
            yield base, proxy, log
        finally:
            if server is not None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
            proxy.stop()


@pytest.mark.skipif(not POSTGRES, reason="the outage test runs on PostgreSQL")
def test_the_database_going_away_and_coming_back(served_through_a_proxy):
    base, proxy, log = served_through_a_proxy
    assert get(base + "/")[0] == 200  # now in the page cache
    proxy.stop()

    # A page in the cache: served from it, at once. One that is not: the 503 page.
    status, _, body, seconds = get(base + "/")
    assert status == 200
    assert "Redline" in body
    assert seconds < 5, "answered, not left hanging"
    for _ in range(20):
        status, headers, body, seconds = get(base + "/glossary/")
        assert status == 503
        assert headers["Retry-After"] == "1"
        assert "cannot reach its database" in body
        assert seconds < 5
    status, headers, _, _ = get(base + "/admin/login/")
    assert status == 503
    text = log.read_text()
    assert "Traceback" not in text
    assert text.count("The database is unreachable") == 1, "one line per incident"

    proxy.start()
    deadline = time.monotonic() + 20
    while (status := get(base + "/glossary/")[0]) != 200:
        assert status == 503
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    assert get(base + "/admin/login/")[0] == 200
    assert "The database answers again" in log.read_text()


@pytest.mark.skipif(not POSTGRES, reason="the outage test runs on PostgreSQL")
def test_a_database_restart_between_requests_goes_unnoticed(served_through_a_proxy):
    base, proxy, log = served_through_a_proxy
    assert get(base + "/")[0] == 200  # the worker now holds a connection
    proxy.stop()  # the connection is cut, as by a restart of PostgreSQL
    proxy.start()
    status, _, body, _ = get(base + "/glossary/")
    assert status == 200, body
    assert "The database is unreachable" not in log.read_text()


@pytest.mark.skipif(not POSTGRES, reason="the outage test runs on PostgreSQL")
def test_after_an_outage_no_request_gets_a_connection_from_before_it(served_through_a_proxy):
    """Each of the worker's threads keeps its own connection. Once the database answers
    again, a thread whose kept connection dates from before the outage must not hand it to
    a request (it was cut: the request would get a 503 and open a new outage)."""
    base, proxy, log = served_through_a_proxy
    # Every thread of the worker opens a connection (four at once, several times over).
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(lambda _: get(base + "/admin/login/")[0], range(32))) == {200}
    proxy.stop()
    assert get(base + "/admin/login/")[0] == 503
    proxy.start()
    time.sleep(1.2)  # the outage's Retry-After (1 s) has passed: the next request tries
    statuses = [get(base + "/admin/login/")[0] for _ in range(24)]
    assert statuses == [200] * 24, log.read_text()
    assert log.read_text().count("The database is unreachable") == 1
