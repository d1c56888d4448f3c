"""Test settings: production settings with a throwaway key and plain static storage.

Django runs tests with DEBUG off, as in production; the manifest storage is swapped for the
plain one so tests need no `collectstatic`, and HTTPS redirects are off for the live server.
"""

import os

os.environ.setdefault(
    "SECRET_KEY", "tests-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")

from timeline.settings import *  # noqa: F403
from timeline.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the source folders, as in development: tests run no collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests render hundreds of pages a minute from one address; tests/test_rate_limit.py sets
# the production limit back.
READER_RENDERS_PER_MINUTE = 100_000
