# Two commands for a fresh machine: `make run` and `make test` (see README.md).
# Each does the whole set-up first: virtual environment, pinned requirements, the system
# library WeasyPrint needs, migrations and demo data.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Developer mode: the built-in dev secret key and the demo seed are allowed.
DEV_ENV := DJANGO_DEV=1

.PHONY: run test setup venv syslibs migrate seed lint bench clean

run: setup seed
	$(DEV_ENV) DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# The whole suite. PYTHONDONTWRITEBYTECODE would make hypothesis re-rewrite its asserts
# on every start (+1.5 s), so it is unset here.
test: setup seed
	unset PYTHONDONTWRITEBYTECODE; $(DEV_ENV) $(PY) -m pytest $(PYTEST_ARGS)

setup: venv syslibs migrate

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
