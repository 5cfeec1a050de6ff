"""Shared set-up: headless Qt, quiet TensorFlow, and summaries built once per session."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
# A summary cache of the session's own (CLI runs in subprocesses inherit it): nothing a user
# has cached is read, and nothing is left in the user's cache.
os.environ["EXPLORER_CACHE_DIR"] = tempfile.mkdtemp(prefix="explorer-test-cache-")

from explorer.core.analysis.summary import ModelSummary


@pytest.fixture(autouse=True)
def empty_summary_cache(tmp_path_factory, monkeypatch) -> Path:
    """Every test starts with an empty summary cache of its own (a worker or a CLI process
    started in the test inherits it), so a build is a build, whatever ran before."""
    folder = tmp_path_factory.mktemp("summary-cache")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def built_summary_of() -> Callable[..., ModelSummary]:
    """``built_summary_of("resnet50:variant=tutorial")``: a preview summary, built once per
    session."""
    from explorer.core.analysis.build import summarize
    from explorer.core.sources.lookup import parse_reference

    cache: dict[tuple[str, bool], ModelSummary] = {}

    def get(reference: str, preview: bool = True) -> ModelSummary:
        key = (reference, preview)
        if key not in cache:
            cache[key] = summarize(parse_reference(reference), preview=preview)
        return cache[key]

    return get


@pytest.fixture(scope="session")
def summary_of(built_summary_of) -> Callable[..., ModelSummary]:
    """A summary of a reference; built here, recorded for the widget tests (tests/qt)."""
    return built_summary_of


@pytest.fixture(scope="session")
def legacy_files() -> Path:
    """Weights and a model written by tf.keras 2.x from the seed's code (make legacy-fixtures)."""
    folder = Path(__file__).resolve().parent / "legacy" / "files"
    if not (folder / "VERSION").exists():  # `make test` makes them first; a bare pytest here
        subprocess.run(["make", "-C", str(folder.parents[2]), "legacy-fixtures"], check=True)
    return folder


def pytest_configure(config) -> None:
    """Property-based tests (tests/*/test_fuzz_*.py) run the same cases on every run and every
    machine, and write nothing into the repository (no example database)."""
    from hypothesis import settings

    settings.register_profile("explorer", derandomize=True, database=None)
    settings.load_profile("explorer")
