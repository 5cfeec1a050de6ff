# Every target sets up .venv itself: `make run` opens the window, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

LEGACY := .venv-legacy
LEGACY_FILES := tests/legacy/files/VERSION

.PHONY: run test bench screenshots legacy-fixtures clean

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
	$(PY) -m explorer.preflight
	$(PY) -m explorer

# Weights written by tf.keras 2.x, made in an environment of their own (tf_keras must stay out
# of .venv: it replaces TensorFlow's files).
$(LEGACY_FILES): tests/legacy/make_fixtures.py tests/core/seed_resnet.py
	test -x $(LEGACY)/bin/python || $(PYTHON) -m venv $(LEGACY)
	$(LEGACY)/bin/python -m pip install --quiet "tf_keras>=2.16" numpy
	$(LEGACY)/bin/python tests/legacy/make_fixtures.py

legacy-fixtures: $(LEGACY_FILES)

test: $(VENV)/.installed-test $(LEGACY_FILES)
	$(PY) -m ruff check explorer tests
	$(PY) -m ruff format --check explorer tests
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/screenshots.py

clean:
	rm -rf $(VENV) $(LEGACY) tests/legacy/files build *.egg-info .mypy_cache
