# Two commands for a fresh machine: `make run` and `make test` (see README.md).
# Each does the whole set-up first: virtual environment, pinned requirements, the system
# library WeasyPrint needs, migrations and demo data.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Developer mode: the built-in dev secret key and the demo seed are allowed.
DEV_ENV := DJANGO_DEV=1

# pytest-xdist workers: one per core of the 2-core machines (`make test PYTEST_WORKERS=0`
# runs in one process, handy with a debugger).
PYTEST_WORKERS ?= 2
# What makemessages does not read: the environment, the tests and the benchmarks.
MESSAGE_IGNORES := --ignore=$(VENV) --ignore=tests --ignore=bench --ignore=staticfiles --no-obsolete

.PHONY: run test setup venv syslibs messages makemessages migrate seed lint bench clean

# The email task worker runs beside the server. Both run in the background of one shell that
# waits for them; Ctrl-C (or either one ending) runs the trap, which stops the whole group.
run: setup seed .env
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
	env $(DEV_ENV) DEBUG=1 $(PY) manage.py db_worker --no-reload --interval 2 & \
	env $(DEV_ENV) DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000 & \
	wait

# A developer checkout's git-ignored settings, so `.venv/bin/python manage.py invite ...`
# works here without prefixing variables (clinic/env.py reads it only when it exists).
# Written once: a second `make run` keeps the secret key, and so the staff sessions.
.env:
	@umask 077; { \
		echo "# Written by 'make run' for this development checkout only (git-ignored)."; \
		echo "DJANGO_DEV=1"; \
		echo "DEBUG=1"; \
		echo "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	} > .env
	@echo "Wrote .env (development settings, a new secret key)."

# The whole suite. PYTHONDONTWRITEBYTECODE would make hypothesis re-rewrite its asserts
# on every start (+1.5 s), so it is unset here. DJANGO_ENV_FILE= : tests never read .env.
test: setup seed
	unset PYTHONDONTWRITEBYTECODE; $(DEV_ENV) DJANGO_ENV_FILE= $(PY) -m pytest \
		-n $(PYTEST_WORKERS) $(PYTEST_ARGS)

setup: venv syslibs messages migrate

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# WeasyPrint renders twice as slowly and warns on import without libharfbuzz-subset0.
syslibs:
	@if /sbin/ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq libharfbuzz-subset0 >/dev/null); \
	else echo "Hint: sudo apt-get install libharfbuzz-subset0 (WeasyPrint runs twice as fast with it)"; fi

# The translations (locale/*/LC_MESSAGES/*.po) compiled to the .mo files Django reads; msgfmt
# comes from Debian's gettext, installed here the way WeasyPrint's library is.
messages: venv
	@command -v msgfmt >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get install -y -qq gettext >/dev/null 2>&1 || \
			(apt-get update -qq && apt-get install -y -qq gettext >/dev/null); \
		else echo "Please install gettext (sudo apt-get install gettext)"; exit 1; fi; }
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore=$(VENV) -v0

# After a change to a string: the catalogues again (then translate what is new; the test
# tests/i18n/test_catalogue.py fails while any message is untranslated or fuzzy).
makemessages: venv
	$(DEV_ENV) $(PY) manage.py makemessages -l fr $(MESSAGE_IGNORES)
	$(DEV_ENV) $(PY) manage.py makemessages -d djangojs -l fr $(MESSAGE_IGNORES)

migrate: venv
	$(DEV_ENV) $(PY) manage.py migrate --noinput

seed: migrate
	$(DEV_ENV) DEBUG=1 $(PY) manage.py seed_demo

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup
	$(DEV_ENV) $(PY) bench/rules.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles test-output
