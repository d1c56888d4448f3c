"""Slow-sending clients stop gunicorn on its own, and do not stop the site behind the
nginx configuration the project ships (docs/deploy/nginx.conf, run by bench/proxy.py)."""

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import free_port, production_env

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("proxy", ROOT / "bench" / "proxy.py")
proxy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(proxy)

pytestmark = [
    pytest.mark.skipif(
        not Path(proxy.NGINX).exists() and os.environ.get("CI") != "true",
        reason="needs nginx (apt-get install nginx)",
    ),
    # The servers here use a database of their own, the same on either pass: once is enough.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs on the SQLite pass (its servers use their own SQLite database)",
    ),
]
SLOW_SOCKETS = 8
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def answers(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, TimeoutError, OSError):
        return False


@pytest.fixture
def site(tmp_path, collected_static, migrated_sqlite):
    """gunicorn with two threads in all, on an empty migrated database, and nginx in
    front of it; yields (gunicorn's address, nginx's address)."""
    env = production_env(
        migrated_sqlite(tmp_path / "db.sqlite3"),
        collected_static,
        WEB_CONCURRENCY="1",
        THREADS="2",
    )
    app, front = free_port(), free_port()
    servers = [
        subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "timeline.wsgi",
            ],
            cwd=ROOT,
            env={**env, "HOST": "127.0.0.1", "PORT": str(app)},
            start_new_session=True,
        )
    ]
    try:
        servers.append(proxy.start_nginx(tmp_path, front, app, collected_static))
        deadline = time.monotonic() + 30
        for port in (app, front):
            while not answers(f"http://127.0.0.1:{port}/about/", timeout=2):
                assert time.monotonic() < deadline, "the servers did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{app}", f"http://127.0.0.1:{front}"
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)


def slow_sockets(url: str, stop: threading.Event) -> list[socket.socket]:
    """Connections that send a request's headers a few bytes at a time, never ending."""
    host, port = url.removeprefix("http://").split(":")
    sockets = []
    for n in range(SLOW_SOCKETS):
        sock = socket.create_connection((host, int(port)))
        sock.sendall(f"GET /about/?slow={n} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
        sockets.append(sock)

    def drip() -> None:
        while not stop.wait(0.5):
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.sendall(b"X-a: b\r\n")

    threading.Thread(target=drip, daemon=True).start()
    return sockets


def test_slow_clients_stop_gunicorn_alone_but_not_the_site_behind_nginx(site):
    gunicorn, nginx = site
    stop = threading.Event()
    held = slow_sockets(gunicorn, stop)
    try:
        time.sleep(1)  # the slow requests have reached gunicorn's threads
        assert not answers(gunicorn + "/about/", timeout=3), "the attack is real"
    finally:
        stop.set()
        for sock in held:
            sock.close()
    while not answers(gunicorn + "/about/", timeout=3):
        time.sleep(0.2)

    stop = threading.Event()
    held = slow_sockets(nginx, stop)
    try:
        time.sleep(1)
        for _ in range(5):
            assert answers(nginx + "/about/", timeout=3), "nginx keeps serving"
        assert answers(nginx + "/static/css/redline.css", timeout=3), "and its static files"
    finally:
        stop.set()
        for sock in held:
            sock.close()
