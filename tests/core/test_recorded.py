"""The summaries that widget tests use instead of builds are those of real builds today."""

from __future__ import annotations

import pytest

from tests.recorded import RECORDED, dump, file_for, load


@pytest.mark.parametrize("reference", RECORDED)
def test_a_recorded_summary_equals_a_fresh_build(reference, summary_of) -> None:
    fresh = summary_of(reference)
    assert load(file_for(reference).read_text()) == fresh
    assert load(dump(fresh)) == fresh
