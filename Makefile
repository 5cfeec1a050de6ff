# Every target sets up .venv itself: `make run` opens the window, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test bench screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) -m explorer.qt.platform_check
	$(PY) -m explorer

test: $(VENV)/.installed-test
	$(PY) -m ruff check explorer tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info
