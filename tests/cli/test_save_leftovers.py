"""`explorer weights save` checks where it is to write before it builds the model (which takes
seconds to minutes): run with a Keras that cannot be imported, a bad target is still named."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("model.h5", "{path}: Keras 3 weights files must end in .weights.h5; save as {better}"),
        ("nowhere/m.weights.h5", "cannot write {path}: there is no folder {folder}/nowhere"),
    ],
)
def test_a_bad_target_is_named_before_the_model_is_built(tmp_path, name, problem) -> None:
    stubs = tmp_path / "stubs"
    for module in ("keras", "tensorflow"):
        (stubs / module).mkdir(parents=True)
        (stubs / module / "__init__.py").write_text(f"raise ImportError('{module} was imported')")
    path = tmp_path / "out" / name
    (tmp_path / "out").mkdir()
    python_path = os.pathsep.join([str(stubs), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "weights", "save", "resnet18", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path},
        timeout=60,
        check=False,
    )
    better = tmp_path / "out" / "model.weights.h5"
    expected = problem.format(path=path, better=better, folder=tmp_path / "out")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"error: {expected}\n")
    assert list((tmp_path / "out").iterdir()) == []
