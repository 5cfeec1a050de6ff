"""Atomic writes: the old file stays whole when writing fails."""

from __future__ import annotations

import os
import stat

import pytest

from explorer.core.base.files import FileWriteError, write_text_atomic


def test_writes_and_replaces(tmp_path) -> None:
    target = tmp_path / "table.csv"
    write_text_atomic(target, "a,b\n")
    os.chmod(target, 0o640)
    write_text_atomic(target, "c,d\n")
    assert target.read_text() == "c,d\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]


def test_a_failure_midway_keeps_the_previous_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "table.csv"
    target.write_text("previous\n")

    def broken_replace(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(
        FileWriteError, match=r"^cannot write .*table.csv: No space left on device$"
    ):
        write_text_atomic(target, "new\n")
    assert target.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]


def test_a_missing_folder_is_named(tmp_path) -> None:
    with pytest.raises(
        FileWriteError, match=r"^cannot write .*nowhere/x.md: No such file or directory$"
    ):
        write_text_atomic(tmp_path / "nowhere" / "x.md", "x")
