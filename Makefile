# Every target sets up .venv itself: `make run` opens the window, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

LEGACY := .venv-legacy
LEGACY_FILES := tests/legacy/files/VERSION

WHEELHOUSE := wheelhouse
OFFLINE := build/offline-venv
# pip's settings and proxies for the offline check: no index, no config files, no extra
# find-links, and any attempt to reach the network fails.
NO_NETWORK := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_NO_INDEX=1 \
	PIP_CONFIG_FILE=/dev/null http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
	HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 no_proxy= NO_PROXY=

.PHONY: run test bench screenshots legacy-fixtures translations clean wheelhouse wheelhouse-check \
	gpu-wheels

# The window's translations: .ts sources kept in the repository, .qm files built from them (and
# committed, so that `pip install .` without make ships them too). `make translations` also
# collects new texts from the code into the .ts files for translating.
TS := $(wildcard explorer/qt/translations/*.ts)
QM := $(TS:.ts=.qm)

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

%.qm: %.ts | $(VENV)/.installed-run
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(VENV)/.installed-run
	$(VENV)/bin/pyside6-lupdate -silent -no-obsolete -locations none \
		$$(find explorer -name '*.py' | sort) -ts $(TS)
	$(MAKE) $(QM)

run: $(VENV)/.installed-run $(QM)
	$(PY) -m explorer.preflight
	$(PY) -m explorer

# Weights written by tf.keras 2.x, made in an environment of their own (tf_keras must stay out
# of .venv: it replaces TensorFlow's files).
$(LEGACY_FILES): tests/legacy/make_fixtures.py tests/core/seed_resnet.py
	test -x $(LEGACY)/bin/python || $(PYTHON) -m venv $(LEGACY)
	$(LEGACY)/bin/python -m pip install --quiet "tf_keras>=2.16" numpy
	$(LEGACY)/bin/python tests/legacy/make_fixtures.py

legacy-fixtures: $(LEGACY_FILES)

test: $(VENV)/.installed-test $(LEGACY_FILES) $(QM)
	$(PY) -m ruff check explorer tests
	$(PY) -m ruff format --check explorer tests
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/screenshots.py

# Every wheel the program needs (its own and its dependencies', for this platform and Python) in
# one folder that a lab copies to machines without internet. Rerunnable: the program's own wheel
# is rebuilt, and older versions of it are removed.
wheelhouse: $(QM) | $(PY)
	rm -f $(WHEELHOUSE)/keras_architecture_explorer-*.whl
	$(PY) -m pip wheel --wheel-dir $(WHEELHOUSE) .
	@echo "$$(ls $(WHEELHOUSE)/*.whl | wc -l) wheels, $$(du -sh $(WHEELHOUSE) | cut -f1) in $(WHEELHOUSE)/"

# Keras and the pure-Python packages it needs that a machine with only JAX and PyTorch (Python
# 3.12, x86_64) lacks, for tests/benchmarks/memory_accuracy.py there: under 5 MiB.
GPU_WHEELS := build/gpu-wheels
gpu-wheels: | $(PY)
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
		--implementation cp --abi cp312 --platform manylinux_2_28_x86_64 \
		--platform manylinux2014_x86_64 -d $(GPU_WHEELS) \
		"keras==$$($(PY) -c 'from importlib.metadata import version; print(version("keras"))')" \
		namex optree rich markdown-it-py mdurl pygments absl-py packaging typing-extensions
	@echo "$$(ls $(GPU_WHEELS)/*.whl | wc -l) wheels, $$(du -sh $(GPU_WHEELS) | cut -f1) in $(GPU_WHEELS)/"

# Installs from the wheelhouse into a fresh venv without the network, then runs the installed
# program (from a folder outside the repository): a summary, and the window offscreen.
wheelhouse-check: | $(PY)
	@test -d $(WHEELHOUSE) || { echo "no $(WHEELHOUSE)/: run make wheelhouse first"; exit 1; }
	rm -rf $(OFFLINE)
	$(PY) -m venv $(OFFLINE)
	$(NO_NETWORK) $(OFFLINE)/bin/python -m pip install --quiet --no-index \
		--find-links $(WHEELHOUSE) keras-architecture-explorer
	set -e; here=$$(pwd); tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cd "$$tmp"; \
	export EXPLORER_CACHE_DIR="$$tmp/cache" KERAS_HOME="$$tmp/keras"; \
	$(NO_NETWORK) "$$here/$(OFFLINE)/bin/explorer" summary resnet50 > summary.txt; \
	echo "explorer summary resnet50: $$(wc -l < summary.txt) lines, ending:"; tail -n 6 summary.txt; \
	$(NO_NETWORK) QT_QPA_PLATFORM=offscreen "$$here/$(OFFLINE)/bin/python" \
		"$$here/scripts/offline_window_check.py"

clean:
	rm -rf $(VENV) $(LEGACY) tests/legacy/files build *.egg-info .mypy_cache
