# Redline's two set-up commands: `make run` and `make test`. Everything else is optional.

VENV := .venv
PY := $(VENV)/bin/python
COLLECTION := timeline/data/syria-2011-2012.json
FAMILIES := timeline/data/syria-families.json
OFFICIAL := timeline/data/unxml
# The whole UN corpus for `make corpus`: a clone of the UN's repository, or the copy beside
# this checkout where there is one.
UNXML ?= ../shared/data/unxml
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve loadtest data corpus test bench lint format check-deploy clean

# Finds Python 3.12 or newer: $PYTHON if set, then python3.13/3.12/python3 on the PATH,
# then pyenv's installed versions (whose shims fail when the version is not selected).
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@py=""; for p in "$$PYTHON" python3.14 python3.13 python3.12 python3 \
	    $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  [ -n "$$p" ] || continue; \
	  if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then py="$$p"; break; fi; \
	done; \
	if [ -z "$$py" ]; then \
	  echo "Redline needs Python 3.12 or newer, and none was found." >&2; \
	  echo "Install one (python.org, your package manager, or 'pyenv install 3.13'), or run: make PYTHON=/path/to/python3.13 ..." >&2; \
	  exit 1; \
	fi; \
	if ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	  echo "Creating $(VENV) with $$("$$py" --version) ($$py)"; \
	  "$$py" -m venv --clear $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Runs the app at http://$(HOST):$(PORT) on the SQLite file db.sqlite3 (or DATABASE_URL),
# with everything `make data` loads.
run: data
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Serves the app with production settings under gunicorn (gunicorn.conf.py: workers and
# threads from the core count) at $(HOST):$(PORT), on DATABASE_URL; needs SECRET_KEY and
# ALLOWED_HOSTS (see the README's production checklist). Migrates and collects the static
# files first; `make data` loads the collection.
serve: $(VENV)/.installed
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v0
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py timeline.wsgi

# Measures every reader page's throughput and latency under gunicorn with production
# settings, against a static file from the same server (bench/loadtest.py; needs wrk);
# PROXY=1 puts the shipped nginx configuration in front (needs nginx).
loadtest: $(VENV)/.installed
	$(PY) bench/loadtest.py $(if $(PROXY),--proxy)

# Migrates, then loads what Redline ships: the curated collection merged with the UN's
# official texts of the Syria story, 2011–2026. Idempotent; honours DATABASE_URL.
data: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py import_akn --base $(COLLECTION) --families $(FAMILIES) $(OFFICIAL)

# Optional: imports every resolution of the UN's corpus (UNXML=path to a clone of the UN's
# repository) into what `make data` loaded; the Syria documents stay in their families.
corpus: data
	@[ -d "$(UNXML)" ] || { echo "No UN corpus at $(UNXML): clone the UN's repository (see the README) and run make corpus UNXML=path/to/SCresolutions" >&2; exit 1; }
	DEBUG=1 $(PY) manage.py import_akn --families $(FAMILIES) "$(UNXML)"

# Runs every test: on SQLite, or on the database DATABASE_URL names (e.g. PostgreSQL).
# Browser tests use Chromium (/usr/bin/chromium, or CHROMIUM=path); without one they are
# skipped and said to be, except under CI=true, where they must run. The tests run on every
# core (pytest-xdist), a test file per worker; PYTEST_ARGS="-n 0" runs them in one process.
PYTEST_ARGS ?= -n auto --dist loadfile
test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

# Prints the comparison engine's speed and accuracy on synthetic drafts, then its speed on
# held-out UN texts (UNXML, else the shipped ones) against the floor, difflib and
# diff-match-patch: 40 to 10,000 paragraphs, in about two minutes in all.
bench: $(VENV)/.installed
	$(PY) bench/compare_bench.py
	$(PY) bench/engine_bench.py --unxml "$(UNXML)"

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Django's deployment checklist against the production settings.
check-deploy: $(VENV)/.installed
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=redline.example.org $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
