"""Production settings: refuse to start without a secret, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The test run's own settings (and the browser tests' async-safety switch) stay out of
    # the production process under test.
    ours = {
        "ALLOWED_HOSTS",
        "DEBUG",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DJANGO_SETTINGS_MODULE",
        "SECRET_KEY",
        "SECURE_SSL_REDIRECT",
    }
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    clean["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_runs_with_its_own_key():
    assert manage("check", DEBUG="1").returncode == 0


def test_a_malformed_debug_value_is_refused():
    result = manage("check", DEBUG="maybe", SECRET_KEY="x" * 60)
    assert "DEBUG must be true or false" in result.stderr


def test_check_deploy_is_clean_in_production():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "q8Zr2xW9vLm4Tn7Bc1Hs6Dj0Pf5Ga3Ye" * 2,
        ALLOWED_HOSTS="redline.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
