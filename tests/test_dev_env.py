"""A development checkout just works: `make run` writes a git-ignored .env that the settings
read when it exists, and a missing secret key in production is one line, not a traceback."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.test_deploy_settings import ROOT, production_env, run_manage

MAKE = shutil.which("make")


def write_dot_env(folder: Path) -> Path:
    """Run the Makefile's own `.env` target in an empty folder."""
    subprocess.run(
        [MAKE, "-s", "-f", str(ROOT / "Makefile"), "-C", str(folder), ".env"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return folder / ".env"


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_writes_a_private_env_file_once_with_a_generated_secret(tmp_path):
    dot_env = write_dot_env(tmp_path)
    lines = dict(line.split("=", 1) for line in dot_env.read_text().splitlines() if "=" in line)
    assert lines["DJANGO_DEV"] == "1" and lines["DEBUG"] == "1"
    assert len(lines["SECRET_KEY"]) >= 50
    assert stat.S_IMODE(dot_env.stat().st_mode) == 0o600
    # A second `make run` keeps the key (and so the staff sessions).
    assert write_dot_env(tmp_path).read_text() == dot_env.read_text()
    other = tmp_path / "other"
    other.mkdir()
    assert write_dot_env(other).read_text() != dot_env.read_text()


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_a_command_works_in_the_checkout_with_nothing_but_the_env_file(tmp_path):
    dot_env = write_dot_env(tmp_path)
    code = "from django.conf import settings; print(settings.DEBUG, len(settings.SECRET_KEY))"
    result = run_manage("shell", "-c", code, DJANGO_ENV_FILE=str(dot_env))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True 67"


def test_the_environment_wins_over_the_env_file(tmp_path):
    dot_env = tmp_path / ".env"
    dot_env.write_text("DJANGO_DEV=1\nDEBUG=1\nSECRET_KEY=from-the-file\n")
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = run_manage("shell", "-c", code, DJANGO_ENV_FILE=str(dot_env), DEBUG="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_a_missing_secret_key_is_one_line_that_says_what_to_set(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", **env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "manage.py: Set the SECRET_KEY environment variable (see .env.example)."
    ]


def test_the_wsgi_entry_stops_with_the_same_line(tmp_path):
    env = {"PATH": os.environ["PATH"], "DJANGO_ENV_FILE": "", **production_env(tmp_path)}
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-c", "import clinic.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert "Set the SECRET_KEY environment variable" in result.stderr
