"""Debian's nginx running the shipped docs/deploy/nginx.conf, on loopback, for
bench/loadtest.py and the tests: only its ports and paths are rewritten."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_MAIN = """
{user}
daemon off;
worker_processes auto;
pid {scratch}/nginx.pid;
error_log {scratch}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {scratch}/body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
{site}
}}
"""


def site_config(listen: int, upstream: int, static_root: Path) -> str:
    """The shipped site configuration, listening on ``listen``, proxying to ``upstream``,
    serving static files from ``static_root``."""
    text = CONFIG.read_text()
    text = text.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};")
    text = re.sub(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{listen};", text, flags=re.M)
    text = text.replace("alias /srv/redline/staticfiles/;", f"alias {static_root}/;")
    return text


def start_nginx(
    scratch: Path, listen: int, upstream: int, static_root: Path | None = None
) -> subprocess.Popen:
    """nginx in the foreground with the shipped configuration, serving the static files
    collected in ``static_root`` (the project's own by default); stop it with SIGTERM."""
    if not Path(NGINX).exists():
        raise SystemExit("The proxied measurement needs nginx: apt-get install nginx")
    config = scratch / "nginx.conf"
    site = site_config(listen, upstream, static_root or ROOT / "staticfiles")
    # Run as root (CI), nginx's workers would drop to "nobody", who cannot read the
    # scratch folders this harness uses.
    user = "user root;" if os.geteuid() == 0 else ""
    config.write_text(_MAIN.format(scratch=scratch, site=site, user=user))
    subprocess.run([NGINX, "-t", "-q", "-c", config], check=True)
    return subprocess.Popen([NGINX, "-c", config], start_new_session=True)
