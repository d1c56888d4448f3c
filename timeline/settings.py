"""Redline's settings, read from the environment (see the README's configuration table).

Production is the default: DEBUG is off unless the environment turns it on, and then a
SECRET_KEY must be given. `make run` turns DEBUG on for local use.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no, on/off), not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Core

DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (50+ random characters), "
            "or set DEBUG=1 for local development."
        )
    # A development-only key: it is never used with DEBUG off (see above).
    SECRET_KEY = "django-insecure-redline-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"

# Applications

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline.middleware.SecurityHeadersMiddleware",
    "timeline.outage.DatabaseOutageMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "timeline.middleware.VaryOnHtmxMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "timeline.context_processors.collection",
            ],
        },
    },
]

# Database: a SQLite file in the project folder unless DATABASE_URL names another, e.g.
# postgres://user:password@host:5432/redline. DATABASE_POOL=1 turns on psycopg's
# connection pool (PostgreSQL only); persistent connections are then left to the pool.

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASE_POOL = env_bool("DATABASE_POOL")
DATABASES = {
    "default": dj_database_url.parse(
        # No health check on every request (a round trip for every page): the page cache
        # reconnects once when the kept connection has gone bad (timeline/page_cache.py).
        DATABASE_URL,
        conn_max_age=0 if DATABASE_POOL else 60,
        conn_health_checks=False,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is away costs a request seconds, not gunicorn's 30 s (see
    # timeline/outage.py): connecting gives up after 2 s (libpq's least), a connection
    # whose packets go unanswered fails after 5 s, and no statement runs longer than
    # DATABASE_STATEMENT_TIMEOUT (20 s: below gunicorn's limit, above any import's).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": 2,
            "tcp_user_timeout": 5000,
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 2,
            "keepalives_count": 2,
            "options": "-c statement_timeout="
            + os.environ.get("DATABASE_STATEMENT_TIMEOUT", "20s").replace(" ", ""),
        }
    )
# Seconds between attempts to reach a database that is away (timeline/outage.py).
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "5"))
if DATABASE_POOL:
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_POOL works with PostgreSQL only.")
    # Waiting for a pooled connection gives up after 2 s, as connecting does.
    DATABASES["default"]["OPTIONS"]["pool"] = {"timeout": 2, "min_size": 1, "max_size": 8}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: comparison results and other derived data. REDIS_URL shares one cache between
# app servers (redis://host:6379/0); without it each process keeps its own in memory.

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Reader pages rendered afresh (not from the page cache) per client per minute
# (timeline/rate_limit.py); beyond it, 429.
READER_RENDERS_PER_MINUTE = int(os.environ.get("READER_RENDERS_PER_MINUTE", "60"))

# Internationalisation: the interface is English; clause texts carry their own language.

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files, served by whitenoise: compressed, hashed and cached for ever in production.

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# STATIC_COMPRESSED=0 collects them hashed but without the .gz and .br copies (most of
# collectstatic's time: the admin's thousand files), as the tests do for the throwaway
# copy their gunicorn serves.
STATIC_COMPRESSED = env_bool("STATIC_COMPRESSED", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_COMPRESSED
            else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        )
    },
}

# Authentication: only editors have accounts (readers never log in), and their passwords
# are checked by Django's standard validators, in `createeditor` as in the admin.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Security. The CSP allows nothing inline: every script and style comes from our own files.

CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
}
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_REFERRER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
if env_bool("BEHIND_TLS_PROXY"):
    # The proxy terminates TLS and says so in X-Forwarded-Proto; trust it only when told to.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"

# Logging: warnings and errors to standard error, where gunicorn and containers collect them.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
