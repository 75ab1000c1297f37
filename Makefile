# The README's commands. Everything installs into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run serve-prod test lint format bench
DB ?= sqlite

# `make run PORT=8401`, `make serve-prod PORT=8402`: PUBLIC_BASE_URL follows unless it is set.
run: PORT ?= 8000
serve-prod: PORT ?= 8080
PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)

# Web, task worker and scheduler in one terminal (honcho); Ctrl-C stops them all.
run: $(VENV)/.installed
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(MANAGE) migrate --noinput
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(MANAGE) load_initial_data
	WEB_PORT=$(PORT) PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(BIN)/honcho -f Procfile start

# The production stack on this machine: nginx (deploy/nginx.conf) in front of gunicorn, the
# worker and the scheduler, radio.settings.production, SQLite unless DATABASE_URL is given.
SERVE_DIR := $(CURDIR)/.serve-prod
NGINX ?= $(shell command -v nginx || echo /usr/sbin/nginx)
# A throwaway SECRET_KEY when none is set, exported (never printed) to every process.
serve-prod: export SECRET_KEY := $(or $(SECRET_KEY),$(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))'))
LOCAL_HOSTS := 127.0.0.1,localhost
PROD_ENV = DJANGO_SETTINGS_MODULE=radio.settings.production \
	ALLOWED_HOSTS=$(or $(ALLOWED_HOSTS),$(LOCAL_HOSTS)) PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) \
	AUDIO_DELIVERY=$(or $(AUDIO_DELIVERY),x-accel) TRUSTED_PROXIES=$(or $(TRUSTED_PROXIES),127.0.0.1)
serve-prod: $(VENV)/.installed
	@test -x $(NGINX) || { echo "nginx est requis : apt-get install nginx"; exit 1; }
	$(PROD_ENV) $(MANAGE) migrate --noinput
	$(PROD_ENV) $(MANAGE) load_initial_data
	$(PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(MANAGE) nginx_config $(SERVE_DIR) --standalone --listen 127.0.0.1:$(PORT) \
		--upstream unix:$(SERVE_DIR)/gunicorn.sock --access-log /dev/stdout
	@echo "Radio des Territoires (production) : $(PUBLIC_BASE_URL)/"
	$(PROD_ENV) NGINX=$(NGINX) SERVE_DIR=$(SERVE_DIR) $(BIN)/honcho -f deploy/Procfile.serve-prod start

# Two test processes (pytest-xdist) taking tests in pytest-django's order (the transactional
# ones, which empty the database, last in each); TEST_PROCESSES=0 for one.
TEST_PROCESSES ?= 2
test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest --numprocesses $(TEST_PROCESSES)

bench: $(VENV)/.installed-dev
	$(BIN)/python -m tests.bench --db $(DB)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 ou plus récent est requis ($(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed
