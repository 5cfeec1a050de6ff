"""The window's training run: ``explorer run`` in a process of its own, its steps as they come,
its result, its refusal in one line, and Cancel (real processes: a few seconds each)."""

from __future__ import annotations

from explorer.core.analysis.training import RunResult
from explorer.qt.training_runner import TrainingRunner

SMALL = "resnet18:input_shape=32x32x3,classes=10"
TIMEOUT_MS = 120_000


def test_a_run_reports_its_steps_and_result(qtbot) -> None:
    runner = TrainingRunner()
    steps: list[tuple[int, int]] = []
    runner.step.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as result:
        assert runner.start(SMALL, 2, 2, "sgd", "float32")
        assert not runner.start(SMALL, 2, 2, "sgd", "float32")  # one at a time
    run = result.args[0]
    assert isinstance(run, RunResult)
    assert (run.batch, run.steps, run.optimizer, run.device) == (2, 2, "sgd", "CPU")
    assert run.peak_bytes and run.peak_bytes > 0 and run.samples_per_second > 0
    assert steps == [(1, 2), (2, 2)]
    assert not runner.is_running()


def test_a_batch_that_cannot_fit_is_said_in_one_line(qtbot) -> None:
    runner = TrainingRunner()
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as failure:
        runner.start(SMALL, 1_000_000, 1, "adam", "float32")
    assert failure.args[0].startswith(
        f"{SMALL} does not fit at batch 1,000,000 on CPU: its step needs about "
    )


def test_cancel_stops_the_run(qtbot) -> None:
    runner = TrainingRunner()
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as failure:
        runner.start(SMALL, 2, 1000, "adam", "float32")
        runner.cancel()
    assert failure.args[0] == "The run was cancelled."
    assert not runner.is_running()
