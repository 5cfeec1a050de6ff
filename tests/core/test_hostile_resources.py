"""Every hostile file in ``tests.hostile_files``, opened by the CLI in a child whose address
space is limited to its baseline plus 1 GiB: refused with its one line (or, at the limits,
summarised), within that memory, and, for refusals, within 10 s."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile_files import ALLOWED, ALLOWED_S, HOSTILE_FILES, Hostile, opened

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="Linux's /proc measures the child"
)


@pytest.mark.parametrize("case", HOSTILE_FILES, ids=[case.name for case in HOSTILE_FILES])
def test_a_hostile_file_costs_less_than_1_gib_and_10_s(case: Hostile, tmp_path) -> None:
    figures = opened(case, tmp_path)
    if case.line:
        assert (figures.code, figures.stderr) == (1, case.line + "\n")
    else:  # a file at the limits: it is summarised
        assert (figures.code, figures.stderr) == (0, "")
    assert figures.address_space < ALLOWED  # what the limit enforced: a MemoryError otherwise
    assert figures.resident < ALLOWED
    if not case.builds:  # a refusal; a build's time is Keras's, reported by the module's main
        assert figures.seconds < ALLOWED_S
    if not case.tensorflow:  # refused before TensorFlow: the CLI's own 30 MiB or so
        assert figures.baseline < 64 * 2**20
