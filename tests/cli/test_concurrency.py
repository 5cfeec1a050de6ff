"""Concurrent runs: saves to one target leave one whole file and no temporary files; summaries
running side by side (sharing the summary cache) print the same thing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import h5py

WRITER = """
import sys
from explorer.core.base.files import atomic_path
target, byte = sys.argv[1], sys.argv[2].encode()
with atomic_path(target, suffix=".bin") as temporary:
    with open(temporary, "wb") as handle:
        for _ in range(64):  # 4 MiB in 64 writes: two writers overlap
            handle.write(byte * 65536)
"""
SIZE = 64 * 65536


def _explorer(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "explorer", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_twenty_rounds_of_two_writers_leave_one_whole_file_and_nothing_else(tmp_path) -> None:
    target = tmp_path / "model.bin"
    for _ in range(20):
        writers = [
            subprocess.Popen([sys.executable, "-c", WRITER, str(target), byte])
            for byte in ("a", "b")
        ]
        assert [w.wait(timeout=60) for w in writers] == [0, 0]
        content = target.read_bytes()
        assert len(content) == SIZE
        assert content in (b"a" * SIZE, b"b" * SIZE)  # one writer's whole file, never a mix
        assert sorted(p.name for p in tmp_path.iterdir()) == ["model.bin"]


def test_two_weights_saves_at_once_leave_one_valid_file(tmp_path) -> None:
    target = tmp_path / "tiny.weights.h5"
    env = {**os.environ, "EXPLORER_CACHE_DIR": "off"}
    reference = "simple-cnn:input_shape=8x8x3,classes=3"
    saves = [_explorer("weights", "save", reference, str(target), env=env) for _ in range(2)]
    results = [save.communicate(timeout=300) for save in saves]
    assert [save.returncode for save in saves] == [0, 0], results
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.weights.h5"]
    with h5py.File(target, "r") as weights:  # a whole, readable Keras weights file
        assert "layers" in weights
    status = subprocess.run(
        [sys.executable, "-m", "explorer", "weights", "check", reference, str(target)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert status.returncode == 0, status.stderr


def test_six_summaries_at_once_print_the_same_with_a_shared_cache(tmp_path) -> None:
    env = {**os.environ, "EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    reference = "simple-cnn:input_shape=16x16x3,classes=5"

    def six() -> list[str]:
        runs = [_explorer("summary", reference, "--format", "json", env=env) for _ in range(6)]
        outputs = [run.communicate(timeout=300) for run in runs]
        assert [run.returncode for run in runs] == [0] * 6, outputs
        assert all(err == "" for _, err in outputs)
        return [out for out, _ in outputs]

    built = six()  # an empty cache: six builds, six writes of one entry
    assert len(set(built)) == 1
    assert list(Path(tmp_path / "cache").rglob("*.json"))  # the entry is there
    cached = six()  # now from the cache, without TensorFlow
    assert set(cached) == set(built)
