"""A training run for the window: ``explorer run`` in a process of its own (QProcess).

The run builds the real model and trains it, which takes the memory it measures: in its own
process a crash (TensorFlow's, when an allocation fails) or Cancel leaves the window and the
worker as they were, and the memory goes back when it ends. Its steps are reported as they
come (``--progress``), its result is ``explorer run --format json``.
"""

from __future__ import annotations

import json
import re
import sys

from PySide6.QtCore import QObject, QProcess, Signal

from explorer.core.analysis.training import RunResult
from explorer.qt.i18n import translate

_STEP = re.compile(r"^step (\d+) of (\d+)$")


class TrainingRunner(QObject):
    """Starts one run at a time; says each step, then the result or why there is none."""

    step = Signal(int, int)  # steps done, steps in all
    finished = Signal(object)  # RunResult
    failed = Signal(str)  # one line: the command's error, or that it stopped

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._cancelled = False
        self._errors: list[str] = []

    def is_running(self) -> bool:
        return self._process is not None

    def start(self, reference: str, batch: int, steps: int, optimizer: str, precision: str) -> bool:
        """False when a run is already under way."""
        if self._process is not None:
            return False
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(
            ["-m", "explorer", "run", reference, "--batch", str(batch), "--steps", str(steps),
             "--optimizer", optimizer, "--precision", precision, "--format", "json",
             "--progress"]
        )  # fmt: skip
        process.setReadChannel(QProcess.ProcessChannel.StandardError)  # the steps, line by line
        process.readyReadStandardError.connect(lambda: self._read_lines(process))
        process.finished.connect(self._ended)
        self._process, self._cancelled, self._errors = process, False, []
        process.start()
        return True

    def cancel(self) -> None:
        if self._process is not None:
            self._cancelled = True
            self._process.kill()

    def _read_lines(self, process: QProcess, *, to_the_end: bool = False) -> None:
        """Each whole line on stderr: a step done, or the command's error."""
        while process.canReadLine() or (to_the_end and process.bytesAvailable()):
            line = bytes(process.readLine().data()).decode(errors="replace").strip()
            found = _STEP.match(line)
            if found:
                self.step.emit(int(found.group(1)), int(found.group(2)))
            elif line.startswith("error: "):
                self._errors.append(line.removeprefix("error: "))

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        assert process is not None
        self._read_lines(process, to_the_end=True)
        output = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
        process.readyReadStandardError.disconnect()
        process.finished.disconnect()
        process.deleteLater()
        if self._cancelled:
            self.failed.emit(translate("Training", "The run was cancelled."))
        elif status == QProcess.ExitStatus.NormalExit and code == 0:
            self.finished.emit(RunResult.from_json_dict(json.loads(output)))
        elif self._errors:
            self.failed.emit(self._errors[0])
        else:
            self.failed.emit(
                translate(
                    "Training",
                    "The run stopped without a result (exit {code}): the model may not fit in "
                    "memory at this batch size.",
                ).format(code=code)
            )
