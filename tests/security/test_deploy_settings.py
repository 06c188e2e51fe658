"""Production settings: environment only, and `check --deploy` finds nothing to warn about."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # A clean environment: nothing of the developer's shell (DJANGO_DEV, DEBUG) leaks in.
    # DJANGO_ENV_FILE="": never the checkout's .env either.
    clean_env = {"PATH": os.environ["PATH"], "DJANGO_ENV_FILE": "", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(tmp_path: Path) -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "screening.example-clinic.ca",
        "CSRF_TRUSTED_ORIGINS": "https://screening.example-clinic.ca",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
    }


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)"
    result = run_manage("shell", "-c", code, **production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False True"


def test_production_cookies_carry_the_host_prefix(tmp_path):
    """Issue 9, point 11: __Host- cookies are Secure, path / and bound to this exact host."""
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_DOMAIN,"
        " s.CSRF_COOKIE_DOMAIN, s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH)"
    )
    result = run_manage("shell", "-c", code, **production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "__Host-sessionid __Host-csrftoken True True None None / /"
    )
