"""Hostile input and hostile output for the CLI: one line on stderr, exit 1, never a traceback.

The references go through ``code`` in-process (a parse error needs no TensorFlow, a valid one
only writes code); the output failures need real file descriptors, so a few run in a process.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys

import pytest

from explorer.cli import main

NINES = "9" * 5000
CUT_NINES = "'" + "9" * 39 + "…" + "9" * 20 + "' (5,000 characters)"
KNOWN = "api, input_shape, filters, kernel_size, strides, classes"

# Every user-caused failure below ends as exactly this line (the sweep checks many more).
MESSAGES = [
    (
        ["simple-cnn:classes=" + NINES],
        f"error: classes: {CUT_NINES} is out of range: expected an integer from 1 to 100,000",
    ),
    (
        ["simple-cnn", "--set", "classes=" + NINES],
        f"error: classes: {CUT_NINES} is out of range: expected an integer from 1 to 100,000",
    ),
    (
        ["simple-cnn:filters=" + NINES],
        f"error: filters: {CUT_NINES} is out of range: expected an integer from 1 to 4,096",
    ),
    (["simple-cnn:classes=1,classes=2"], "error: classes: given twice, as '1' and as '2'"),
    (
        ["simple-cnn", "--set", "classes=1", "--set", "classes=2"],
        "error: classes: given twice, as '1' and as '2'",
    ),
    (
        ["simple-cnn:\x1b[31m=5"],
        f"error: '\\x1b[31m': unknown parameter for simple-cnn (known: {KNOWN})",
    ),
    (
        ["simple-cnn", "--set", "a" * 500],
        "error: --set: '" + "a" * 39 + "…" + "a" * 20 + "' (500 characters) is not NAME=VALUE",
    ),
    (
        ["simple-cnn:api=\u202e\n"],
        "error: api: '\\u202e' is not one of sequential, functional, subclassing",
    ),
    (
        ["simple-cnn:api=\u202e\nx\t"],
        "error: api: '\\u202e\\nx' is not one of sequential, functional, subclassing",
    ),
    (["resnet50:variant=\x00"], "error: variant: '\\x00' is not one of paper, tutorial"),
    (
        ["examples:\x1b[2J"],
        "error: examples:\\x1b[2J: unknown example (known: image-and-metadata, ",
    ),
]

# A deterministic sweep: ids, separators, unicode, control characters, huge, negative and
# fractional numbers, empty values, names given twice, unknown names.
HOSTILE = [
    "",
    ":",
    "::",
    ",",
    "=",
    "simple-cnn:",
    "simple-cnn::",
    "simple-cnn:,",
    "simple-cnn:=",
    "simple-cnn:==",
    "simple-cnn:classes",
    "simple-cnn:classes=",
    "simple-cnn:classes==5",
    "simple-cnn:classes=5=5",
    "simple-cnn:classes:5",
    "simple-cnn,classes=5",
    "simple-cnn:classes=-" + NINES,
    "simple-cnn:classes=0" + "0" * 5000,
    "simple-cnn:classes=1e999",
    "simple-cnn:classes=nan",
    "simple-cnn:classes=-1",
    "simple-cnn:classes=2.5",
    "simple-cnn:classes=٣٣٣٣٣٣٣",
    "simple-cnn:classes=²",
    "simple-cnn:classes=1_0_0_0_0_0_0",
    "simple-cnn:classes=0x10",
    "simple-cnn:classes=\x1b[2J",
    "simple-cnn:classes=\ud800",
    "simple-cnn:classes=🙂",
    "simple-cnn:classes=" + "a\n" * 3000,
    "simple-cnn:input_shape=" + NINES + "x" + NINES + "x" + NINES,
    "simple-cnn:input_shape=1" + " " * 100_000 + "1x1",
    "simple-cnn:input_shape=x",
    "simple-cnn:input_shape=xx",
    "simple-cnn:input_shape=0x0x0",
    "simple-cnn:input_shape=-1x-1x3",
    "simple-cnn:input_shape=1x2x3x4",
    "simple-cnn:input_shape=(((224x224x3)))",
    "simple-cnn:input_shape=224×224×\n3",
    "simple-cnn:api=",
    "simple-cnn:api=\x7f",
    "simple-cnn:filters=5,filters=5",
    "simple-cnn:Filters=5",
    "simple-cnn: =5",
    "simple-cnn:名=名",
    "simple-cnn:" + "x" * 100_000 + "=1",
    "simple-cnn:trust=true",
    "resnet50:variant=PAPER,variant=paper",
    "resnet50:classes=1,input_shape=31x31x3",
    "resnet\n50",
    "RESNET50:classes=0",
    "vgg16:variant=tutorial",
    "examples:",
    "examples:nope:classes=5",
    "examples:mini-resnet:classes=" + NINES,
    "{",
    "{}",
    "[",
    '{"format": 1}',
]


def run(args: list[str], capsys) -> tuple[int | str, str, str]:
    try:
        status: int | str = main(args)
    except SystemExit as done:
        status = f"exit {done.code}"
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(("refs", "line"), MESSAGES)
def test_hostile_references_give_one_line_in_our_words(capsys, refs: list[str], line: str) -> None:
    status, out, err = run(["code", *refs], capsys)
    assert (status, out) == (1, "")
    assert err.startswith(line) and err.count("\n") == 1


def test_a_sweep_of_hostile_references_never_gives_an_unexpected_or_long_message(capsys) -> None:
    for text in HOSTILE:
        for args in (["code", text], ["code", "simple-cnn", "--set", text.partition(":")[2]]):
            status, out, err = run(args, capsys)
            assert status in (0, 1, "exit 2"), args
            if status == 1:
                assert out == "" and err.startswith("error: ") and err.count("\n") == 1, args
                line = err.rstrip("\n")
                assert "unexpected" not in line and line.isprintable(), (args, line)
                # Echoed input is cut; unknown ids are echoed whole by the catalog (short here).
                assert len(line) < 450, (args, len(line))


class _FullDisk(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("args", [["list"], ["--help"], ["--version"]])
def test_output_to_a_full_disk_exits_1_with_one_line(capsys, monkeypatch, args) -> None:
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(_FullDisk()))
    assert main(args) == 1
    assert capsys.readouterr().err == "error: cannot write the output: No space left on device\n"


def test_a_closed_stdout_is_found_before_any_work(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["code", "simple-cnn"]) == 1
    assert capsys.readouterr().err == "error: cannot write the output: standard output is closed\n"


def test_a_failure_to_write_a_failure_report_is_said_too(capsys, monkeypatch) -> None:
    from explorer import cli

    def failing(args):
        raise cli.ReportedFailure("weights do not match", "report\n")

    monkeypatch.setattr(cli, "_run", failing)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(_FullDisk()))
    assert main(["list"]) == 1
    assert capsys.readouterr().err == (
        "error: weights do not match\nerror: cannot write the output: No space left on device\n"
    )


def test_every_error_line_is_escaped_to_one_line(capsys, monkeypatch) -> None:
    from explorer import cli

    def failing(args):
        raise RuntimeError("first\nsecond\x1b[0m")

    monkeypatch.setattr(cli, "_run", failing)
    assert main(["list"]) == 1
    assert capsys.readouterr().err == (
        "error: unexpected RuntimeError: first\\nsecond\\x1b[0m (run with --debug for details)\n"
    )


def explorer(shell_args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``python -m explorer`` run by bash with redirections."""
    done = subprocess.run(
        ["bash", "-c", f'"$PYTHON" -m explorer {shell_args}'],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": sys.executable, **(env or {})},
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def test_a_real_full_disk_and_a_real_closed_stdout_exit_1_without_a_traceback() -> None:
    assert explorer("list > /dev/full") == (
        1,
        "",
        "error: cannot write the output: No space left on device\n",
    )
    assert explorer("list >&-") == (
        1,
        "",
        "error: cannot write the output: standard output is closed\n",
    )


def test_a_closed_pipe_exits_1_with_one_line() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte: EPIPE every time, not by chance
    try:
        done = subprocess.run(
            [sys.executable, "-m", "explorer", "list", "--format", "json"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (1, "error: cannot write the output: Broken pipe\n")


DESIGN = (
    '{"format": "keras-architecture-explorer.design", "version": 1, "name": "网络", "layers": ['
    '{"type": "Input", "name": "input_layer", "args": {"shape": [8, 8, 3]}}, '
    '{"type": "Flatten", "name": "f", "args": {}}, '
    '{"type": "Dense", "name": "d", "args": {"units": 2}}]}'
)


def test_an_ascii_only_output_gets_escapes_and_a_note() -> None:
    status, out, err = explorer(
        'code "$DESIGN"', {"PYTHONIOENCODING": "ascii:strict", "DESIGN": DESIGN}
    )
    assert status == 0
    assert out.startswith('"""\\u7f51\\u7edc: written by Keras Architecture Explorer')
    assert err == (
        "note: the output's encoding (ascii) cannot show some characters; they are written as "
        "\\u escapes (PYTHONIOENCODING=utf-8 keeps them)\n"
    )


LONG_NAME = "n" * 300  # longer than a file name may be (255)
LONG_PATH = "p/" * 2100  # longer than a path may be (4,096)


@pytest.mark.parametrize(
    ("args", "start", "end"),
    [
        (
            ["summary", LONG_NAME + ".design.json"],
            "error: " + "n" * 30 + "…",
            ".design.json cannot be read: File name too long",
        ),
        (
            ["summary", LONG_NAME + ".keras"],
            "error: " + "n" * 30 + "…",
            ".keras cannot be read: File name too long",
        ),
        (
            ["weights", "check", "simple-cnn", LONG_NAME + ".weights.h5"],
            "error: " + "n" * 30 + "…",
            ".weights.h5 cannot be read: File name too long",
        ),
        (
            ["weights", "save", "simple-cnn", LONG_NAME + ".weights.h5"],
            "error: cannot write " + "n" * 30 + "…",
            ".weights.h5: File name too long",
        ),
        (
            ["weights", "save", "simple-cnn", LONG_PATH + "x.weights.h5"],
            "error: cannot write " + "p/" * 15 + "…",
            "p/x.weights.h5: File name too long",
        ),
        (
            ["graph", "simple-cnn", "--format", "json", "-o", LONG_NAME + ".json"],
            "error: cannot write " + "n" * 30 + "…",
            ".json: File name too long",
        ),
    ],
)
def test_a_path_too_long_for_the_system_is_named_cut(capsys, args, start, end) -> None:
    """The system's refusal of a long name, with the name cut to 120 characters around "…"
    (its start and its end, where the file's name is); no build comes first."""
    status, out, err = run(args, capsys)
    line = err.rstrip("\n")
    assert (status, out, err.count("\n")) == (1, "", 1)
    assert line.startswith(start) and line.endswith(end), line
    path = line.removeprefix("error: ").removeprefix("cannot write ").split(" cannot be read")[0]
    assert len(path.split(": File name too long")[0]) == 120
