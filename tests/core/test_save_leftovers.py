"""Writes leave nothing behind: a SIGTERM or SIGHUP mid-write removes the temporary file, the
temporary file a SIGKILL left is removed by the next write to its folder, and a weights save
checks its target before the long build."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading

import pytest

from explorer.core import weights
from explorer.core.base.files import FileWriteError, atomic_path, write_text_atomic
from explorer.core.weights.operations import check_save_target

# Writes half a file, says so, and waits to be ended: a save that a signal ends midway.
WRITER = """
import sys, time
from explorer.core.base.files import atomic_path
with atomic_path(sys.argv[1]) as temporary, open(temporary, "wb") as stream:
    stream.write(b"half a file")
    stream.flush()
    print(temporary.name, flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_write_removes_the_temporary_file_and_ends_the_process(
    tmp_path, ending
) -> None:
    target = tmp_path / "model.weights.h5"
    target.write_bytes(b"previous")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        temporary = writer.stdout.readline().decode().strip()
        pattern = rf"\.model\.weights\.h5\.explorer-tmp-[0-9a-f]{{8}}-{writer.pid}-\w{{8}}\.tmp"
        assert re.fullmatch(pattern, temporary)
        assert (tmp_path / temporary).read_bytes() == b"half a file"
        writer.send_signal(ending)
        _, stderr = writer.communicate(timeout=10)
    finally:
        writer.kill()
    assert (writer.returncode, stderr) == (-ending, b"")  # ended by the signal, as before
    assert target.read_bytes() == b"previous"
    assert [f.name for f in tmp_path.iterdir()] == ["model.weights.h5"]


def test_the_handlers_are_back_after_a_write_and_a_handler_of_our_own_is_called(
    tmp_path,
) -> None:
    target = tmp_path / "table.csv"
    target.write_text("previous\n")
    heard: list[int] = []
    before = signal.signal(signal.SIGTERM, lambda number, _frame: heard.append(number))
    try:
        mine = signal.getsignal(signal.SIGTERM)
        write_text_atomic(target, "new\n")
        assert signal.getsignal(signal.SIGTERM) is mine
        with pytest.raises(FileWriteError) as caught, atomic_path(target) as temporary:
            temporary.write_text("half")
            signal.raise_signal(signal.SIGTERM)
        assert str(caught.value) == f"cannot write {target}: stopped by signal 15"
        assert heard == [signal.SIGTERM]  # passed on once the temporary file was gone
        assert signal.getsignal(signal.SIGTERM) is mine
    finally:
        signal.signal(signal.SIGTERM, before)
    assert target.read_text() == "new\n"
    assert [f.name for f in tmp_path.iterdir()] == ["table.csv"]


def test_an_ignored_signal_stays_ignored_and_other_threads_leave_handlers_alone(
    tmp_path,
) -> None:
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with atomic_path(tmp_path / "a.txt") as temporary:
            temporary.write_text("a")
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)
    seen = []

    def write() -> None:
        with atomic_path(tmp_path / "b.txt") as temporary:
            temporary.write_text("b")
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]
    assert sorted(f.read_text() for f in tmp_path.iterdir()) == ["a", "b"]


def test_leftovers_of_ended_processes_on_this_host_are_removed_by_the_next_write(
    tmp_path,
) -> None:
    ended = subprocess.Popen(["true"])
    ended.wait()
    with atomic_path(tmp_path / "model.weights.h5", suffix=".weights.h5") as temporary:
        ours = temporary.name  # .model.weights.h5.explorer-tmp-<host>-<pid>-<random>.weights.h5
    host = ours.split("explorer-tmp-")[1][:8]
    other_host = "0" * 8 if host != "0" * 8 else "1" * 8
    killed = ours.replace(f"-{os.getpid()}-", f"-{ended.pid}-")
    names = {
        "killed": killed,
        "live": ours.replace("model.weights.h5.", "other.csv.", 1),  # this process: still writing
        "other host": killed.replace(host, other_host),  # a shared folder: pid means nothing
        "not ours": ".model.weights.h5.abcdefgh.weights.h5",
        "a folder": killed.replace("model", "folder"),
    }
    for kind, name in names.items():
        if kind == "a folder":
            (tmp_path / name).mkdir()
        else:
            (tmp_path / name).write_bytes(b"half")
    write_text_atomic(tmp_path / "table.csv", "a\n")
    left = {f.name for f in tmp_path.iterdir()}
    assert left == {"model.weights.h5", "table.csv", *names.values()} - {killed}


def test_a_long_name_still_gets_a_temporary_file(tmp_path) -> None:
    target = tmp_path / ("m" * 240 + ".weights.h5")
    write_text_atomic(target, "x")
    assert [f.name for f in tmp_path.iterdir()] == [target.name]


def test_a_weights_target_is_checked_before_the_build(tmp_path) -> None:
    def message(path) -> str:
        with pytest.raises((weights.WeightsError, FileWriteError)) as caught:
            check_save_target(str(path))
        return str(caught.value)

    assert message(tmp_path / "model.h5") == (
        f"{tmp_path}/model.h5: Keras 3 weights files must end in .weights.h5; "
        f"save as {tmp_path}/model.weights.h5"
    )
    missing = tmp_path / "nowhere" / "m.weights.h5"
    assert message(missing) == f"cannot write {missing}: there is no folder {tmp_path}/nowhere"
    (tmp_path / "dir.weights.h5").mkdir()
    assert message(tmp_path / "dir.weights.h5") == (
        f"cannot write {tmp_path}/dir.weights.h5: it is a folder, not a file"
    )
    assert message("a\nb.weights.h5\x1b[2J/m.weights.h5") == (
        "cannot write a\\nb.weights.h5\\x1b[2J/m.weights.h5: "
        "there is no folder a\\nb.weights.h5\\x1b[2J"
    )
    check_save_target(str(tmp_path / "fine.weights.h5"))  # raises nothing
    assert sorted(f.name for f in tmp_path.iterdir()) == ["dir.weights.h5"]


def test_a_read_only_folder_is_named(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    if os.geteuid() == 0:  # root may write in any folder
        monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(FileWriteError) as caught:
        check_save_target(str(folder / "m.weights.h5"))
    assert str(caught.value) == (
        f"cannot write {folder}/m.weights.h5: the folder {folder} is not writable"
    )


def test_a_write_follows_a_link_and_never_replaces_a_device_or_a_pipe(tmp_path) -> None:
    """As root, ``graph -o /dev/null`` once replaced /dev/null with a file, and a save to a
    link replaced the link; a device, a pipe or a folder is now refused, a link followed."""
    os.mkfifo(tmp_path / "pipe.svg")
    (tmp_path / "link.svg").symlink_to(tmp_path / "real.svg")
    for target, kind in (("/dev/null", "a device"), (tmp_path / "pipe.svg", "a named pipe (FIFO)")):
        with pytest.raises(FileWriteError) as caught:
            write_text_atomic(target, "<svg/>")
        assert str(caught.value) == f"cannot write {target}: it is {kind}, not a file"
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    write_text_atomic(tmp_path / "link.svg", "<svg/>")
    assert (tmp_path / "link.svg").is_symlink()
    assert (tmp_path / "real.svg").read_text() == "<svg/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.svg", "pipe.svg", "real.svg"]
