"""The summary cache: a hit needs no TensorFlow, a damaged entry is ignored and rewritten, and
anything that decides a summary (versions, a design file's bytes, preview) is in the key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.core.analysis import cache
from explorer.core.sources.lookup import parse_reference


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    return tmp_path


def test_a_stored_summary_comes_back_exactly(folder, summary_of, monkeypatch) -> None:
    reference = parse_reference("resnet50")
    assert cache.load(reference) is None
    cache.store(reference, summary_of("resnet50"))
    assert cache.load(reference) == summary_of("resnet50")
    assert cache.load(reference, preview=False) is None  # a full build is another entry
    assert cache.load(parse_reference("resnet50:classes=10")) is None
    (entry,) = folder.iterdir()
    assert json.loads(entry.read_text())["reference"] == "resnet50"
    monkeypatch.setenv(cache.ENV, cache.OFF)  # switched off: nothing read, nothing written
    assert cache.load(reference) is None
    cache.store(parse_reference("resnet18"), summary_of("resnet18"))
    assert len(list(folder.iterdir())) == 1


def test_a_damaged_or_newer_entry_is_a_miss_and_is_rewritten(folder, summary_of) -> None:
    reference = parse_reference("resnet18")
    cache.store(reference, summary_of("resnet18"))
    (entry,) = folder.iterdir()
    entry.write_text(entry.read_text()[:500])  # cut short, as by a full disk
    assert cache.load(reference) is None
    entry.write_text(json.dumps({"format": cache.FORMAT + 1, "summary": {}}))
    assert cache.load(reference) is None
    summary = cache.summarize_cached(reference)  # built again, and stored
    assert summary == summary_of("resnet18")
    assert cache.load(reference) == summary


def test_other_versions_or_file_contents_are_other_entries(folder, tmp_path, monkeypatch) -> None:
    reference = parse_reference("simple-cnn")
    first = cache.key(reference)
    monkeypatch.setattr(cache, "versions", lambda: {"keras": "9.9"})
    assert cache.key(reference) != first
    design = tmp_path / "mine.design.json"
    text = (Path("resources/designs/mini-resnet.design.json")).read_text()
    design.write_text(text)
    before = cache.key(parse_reference(str(design)))
    design.write_text(text.replace('"units": 10', '"units": 11'))
    assert '"units": 11' in design.read_text()  # the design really changed
    assert cache.key(parse_reference(str(design))) != before


def test_a_hit_answers_without_importing_tensorflow(tmp_path) -> None:
    env_code = (
        "import sys; from explorer.cli import main; "
        "status = main(['summary', 'simple-cnn', '--format', 'json'{extra}]); "
        "print('tensorflow' in sys.modules, file=sys.stderr); sys.exit(status)"
    )

    def run(extra: str = "") -> tuple[str, str]:
        done = subprocess.run(
            [sys.executable, "-c", env_code.format(extra=extra)],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, cache.ENV: str(tmp_path)},
        )
        return done.stdout, done.stderr.strip().splitlines()[-1]

    first, imported = run()
    assert imported == "True" and len(list(tmp_path.iterdir())) == 1
    second, imported = run()
    assert imported == "False" and second == first
    third, imported = run(", '--no-cache'")
    assert imported == "True" and third == first


def test_a_large_file_is_told_apart_by_size_and_time_without_reading_it(tmp_path) -> None:
    """A .keras with its weights may be gigabytes: hashing it would take seconds of the
    window's thread and its size in memory. Above 16 MiB the key follows size and time."""
    import os
    import shutil

    from explorer.core.base.units import MIB

    model = tmp_path / "big.keras"
    shutil.copy(Path("resources/designs/mini-resnet.design.json"), tmp_path / "d.design.json")
    reference = parse_reference(str(tmp_path / "d.design.json"))
    small = cache.key(reference)
    os.utime(tmp_path / "d.design.json", ns=(1, 1))  # a small file goes by its contents
    assert cache.key(reference) == small
    with open(model, "wb") as out:
        out.truncate(cache.HASHED_LIMIT + MIB)
    assert cache._fingerprint(model) == f"{cache.HASHED_LIMIT + MIB}:{model.stat().st_mtime_ns}"
    os.utime(model, ns=(10**18, 10**18))
    assert cache._fingerprint(model) == f"{cache.HASHED_LIMIT + MIB}:{10**18}"
