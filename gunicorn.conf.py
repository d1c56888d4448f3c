"""gunicorn's settings for `make serve` (and any `gunicorn timeline.wsgi` run from here).

Read from the environment: HOST and PORT (127.0.0.1:8000), WEB_CONCURRENCY (worker
processes; two per core and one more, gunicorn's own advice) and THREADS (per worker).
Run it behind the reverse proxy the project ships (deploy/nginx.conf), which buffers slow
clients: gunicorn alone gives each connection a thread while its request arrives.
"""

import os
import threading

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


# When a worker moves what it holds out of the garbage collector's sight (gc.freeze): once
# it has loaded the app, and again after its first requests, which compile the templates
# and fill the caches it keeps for its life. A full collection then scans only what
# requests made since. Reader pages are cached and take milliseconds; a full collection
# over everything the app holds stalled them for hundreds. Under wrk (16 connections, a
# cached revision page) the 99th percentile was 68-232 ms, and is 35-52 ms.
_FREEZE_AFTER_REQUESTS = [100, 1000]  # each worker's own copy, used up as it goes
_freezing = threading.Lock()


def post_worker_init(worker):
    _freeze()


def post_request(worker, req, environ, resp):
    # (A worker's threads count its requests together: the count may pass a mark unseen,
    # and two threads may see it passed at once.)
    if _FREEZE_AFTER_REQUESTS and worker.nr >= _FREEZE_AFTER_REQUESTS[0]:
        with _freezing:
            if _FREEZE_AFTER_REQUESTS and worker.nr >= _FREEZE_AFTER_REQUESTS[0]:
                _FREEZE_AFTER_REQUESTS.pop(0)
                _freeze()


def _freeze():
    import gc

    gc.collect()
    gc.freeze()
