# Two commands do everything (see README): `make run` and `make test`.
# Both are idempotent: the virtual environment is rebuilt only when pyproject.toml changes.
# `make serve` runs several workers behind haproxy (docs/deploy.md).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
ADDRESS ?= 0.0.0.0
RESTART_DELAY ?= 10

.PHONY: run dev serve test test-fast screenshots lint bench chromium cjk-font haproxy clean

# uv installs the same versions as pip in half the time (parallel downloads; measured 21 s
# against about 45 s for the test set); pip does it wherever uv cannot be installed or fails.
# Byte-compiled at install, as pip does: where PYTHONDONTWRITEBYTECODE is set, every process
# would otherwise compile what it imports again (4.4 s instead of 1.5 s to import the app).
TEST_EXTRAS := ".[test,bench]"
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
define install
	@if $(PIP) uv >/dev/null 2>&1 && $(VENV)/bin/uv pip install --quiet --compile-bytecode \
		--python $(PY) $(1); \
	then :; else echo "Installing with pip..."; $(PIP) --upgrade pip && $(PIP) $(1); fi
endef

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(PY)
	$(call install,-e .)
	touch $@

# Everything in one go (the app's packages are a part of the test set's): one resolution.
$(VENV)/.test-installed: pyproject.toml | $(PY)
	$(call install,-e $(TEST_EXTRAS))
	touch $(VENV)/.run-installed $@

# Debian's Chromium serves static image export (kaleido) and the browser tests.
# Installed only when missing and we are root; otherwise say what to do.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$BROWSER_PATH" ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing Debian's chromium (static image export and browser tests)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		echo "chromium is missing: run 'sudo apt-get install -y chromium' (or set BROWSER_PATH)."; \
		exit 1; \
	fi

# A CJK font, so Chinese text renders in PNG/PDF exports (Chromium finds it through fontconfig).
# Same rule as chromium: installed only when missing and we are root; otherwise say what to do.
CJK_FONT_PACKAGE ?= fonts-noto-cjk
cjk-font:
	@if fc-list :lang=zh family 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing a CJK font ($(CJK_FONT_PACKAGE)) for Chinese text in PNG/PDF exports..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(CJK_FONT_PACKAGE) >/dev/null; \
	else \
		echo "No CJK font: run 'sudo apt-get install -y $(CJK_FONT_PACKAGE)' (Chinese text in PNG/PDF exports needs one)."; \
		exit 1; \
	fi

# Debian's haproxy balances `make serve`'s workers (sticky sessions, health checks).
# Installed only when missing and we are root; otherwise say what to do.
haproxy:
	@if command -v haproxy >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing Debian's haproxy (make serve and its test)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; \
	else \
		echo "haproxy is missing: run 'sudo apt-get install -y haproxy'."; \
		exit 1; \
	fi

run: $(VENV)/.run-installed
	@$(MAKE) --no-print-directory chromium || echo "Continuing without chromium: PNG/SVG/PDF export will be disabled."
	@$(MAKE) --no-print-directory cjk-font || echo "Continuing without a CJK font: Chinese text in PNG/PDF exports would show as empty boxes."
	MALLOC_ARENA_MAX=2 $(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT)

# As run, reloading pages when a source file changes (production servers do not watch files).
dev: $(VENV)/.run-installed
	$(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT) \
		--server.fileWatcherType auto --server.runOnSave true

# WORKERS Streamlit processes behind haproxy on PORT; Ctrl-C stops everything.
serve: $(VENV)/.run-installed haproxy
	@$(MAKE) --no-print-directory chromium || echo "Continuing without chromium: PNG/SVG/PDF export will be disabled."
	$(PY) deploy/serve.py --workers $(WORKERS) --port $(PORT) --address $(ADDRESS) \
		--restart-delay $(RESTART_DELAY)

# In parallel, one pytest-xdist worker per core (pyproject.toml's addopts). Bytecode is cached
# for the run even where PYTHONDONTWRITEBYTECODE is set: the suite starts some twenty Python
# processes, and each compiled (and pytest rewrote) every module again (collecting the tests took
# 5.9 s of CPU per process instead of 2.5 s).
PYTEST := PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest
test: $(VENV)/.test-installed chromium cjk-font haproxy
	$(VENV)/bin/ruff check .
	$(PYTEST)

# The fast part alone (logic, AppTest, CLI): no browser tests, nothing drawn in Chromium.
test-fast: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(PYTEST) -m "not e2e and not render"

# Every page in every language at 1,400 and 390 px, as PNGs in artifacts/screenshots/ (the
# page checks run too); `make test` runs the same checks without taking the pictures.
screenshots: $(VENV)/.test-installed chromium cjk-font
	SCREENSHOTS=1 $(PYTEST) tests/browser/test_e2e_i18n.py \
		tests/browser/test_upload_pages_e2e.py -k "1400px or 390px or upload"

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .

bench: $(VENV)/.test-installed chromium haproxy
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
