"""Part of the fuzzing runs the CLI as a real process (issue 13): hostile references, ``--set``
values and designs through ``python -m explorer code``, with real file descriptors, the real
encoding of arguments and output, and a real exit. Each process must end as the in-process run
of the same arguments ends (``test_fuzz_cli.cli`` checks that against the contract): the same
exit, output and error line, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cli.test_fuzz_cli import HOSTILE_TEXT, cli, hostile_designs, hostile_references

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape", "EXPLORER_CACHE_DIR": "off"}


def process(args: list[str], cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        cwd=cwd,
        capture_output=True,
        timeout=60,
        check=False,
        env=ENV,
    )
    decode = lambda data: data.decode("utf-8", "surrogateescape")  # noqa: E731
    return done.returncode, decode(done.stdout), decode(done.stderr)


def same_in_a_process(args: list[str], cwd: Path) -> None:
    status, out, err = process(args, cwd)
    assert "Traceback" not in err, (args, err[-2000:])
    assert (status, out, err) == cli(args), args


@settings(max_examples=140, deadline=None)  # a process starts in about 0.1 s
@given(hostile_references(), st.lists(st.builds("=".join, st.lists(HOSTILE_TEXT, max_size=3))))
def test_hostile_references_end_the_same_in_a_process(
    tmp_path_factory, reference: str, sets: list[str]
) -> None:
    args = ["code", reference, *[f"--set={item}" for item in sets]]
    if not all(_passable(arg) for arg in args):
        return
    same_in_a_process(args, tmp_path_factory.getbasetemp())


def _passable(arg: str) -> bool:
    """Whether a process can be given ``arg``: no NUL, and bytes the system can encode (a lone
    surrogate cannot be; the window and CLI never receive one from the system)."""
    try:
        os.fsencode(arg)
    except UnicodeEncodeError:
        return False
    return "\x00" not in arg


@pytest.fixture(scope="module")
def design_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("processes") / "fuzzed.design.json"


@settings(max_examples=60, deadline=None)
@given(hostile_designs())
def test_hostile_designs_end_the_same_in_a_process(design_path: Path, text: str) -> None:
    design_path.write_text(text, encoding="utf-8", errors="surrogatepass")
    same_in_a_process(["code", str(design_path)], design_path.parent)
