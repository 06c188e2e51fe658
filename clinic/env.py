"""Small typed readers for settings that come from the environment.

A development checkout also has a git-ignored `.env` (written by `make run`) so that
`python manage.py ...` works there without prefixing variables. It is read only when it
exists, and never overrides a variable already set: production sets its environment and
never depends on the file.
"""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured


class MissingSetting(ImproperlyConfigured):
    """A required variable is unset: `manage.py` and the WSGI entry print it as one line."""


def load_dot_env(base_dir: Path) -> Path | None:
    """Read `.env` (or the file DJANGO_ENV_FILE names; empty turns it off) if it exists."""
    named = os.environ.get("DJANGO_ENV_FILE")
    path = Path(named) if named else base_dir / ".env"
    if named == "" or not path.is_file():
        return None
    environ.Env.read_env(path, overwrite=False)
    return path


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable, or the default; fail loudly when neither exists."""
    value = os.environ.get(name, default)
    if value is None:
        raise MissingSetting(f"Set the {name} environment variable (see .env.example).")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no flag: 1, true, yes and on (any case) mean yes."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list; blanks are dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]
