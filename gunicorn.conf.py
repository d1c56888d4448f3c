"""gunicorn's settings for `make serve` (and any `gunicorn timeline.wsgi` run from here).

Read from the environment: HOST and PORT (127.0.0.1:8000), WEB_CONCURRENCY (worker
processes; two per core and one more, gunicorn's own advice) and THREADS (per worker).
Run it behind the reverse proxy the project ships (deploy/nginx.conf), which buffers slow
clients: gunicorn alone gives each connection a thread while its request arrives.
"""

import os

_cores = os.cpu_count() or 1

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cores + 1))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "4"))
# A request that takes longer than this is a fault: the worker is replaced.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Workers are recycled now and then, so that no slow leak grows without end.
max_requests = 200_000
max_requests_jitter = 20_000
# Only the proxy on this machine may say which client and scheme a request came from.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Errors to standard error; an access log only when asked (ACCESS_LOG=1), as the proxy
# keeps one.
errorlog = "-"
accesslog = "-" if os.environ.get("ACCESS_LOG") == "1" else None
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
