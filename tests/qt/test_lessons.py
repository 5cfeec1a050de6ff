"""Save Lesson and Open Lesson in the window: what comes back, and a bad file changing nothing."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.qt.conftest import TIMEOUT_MS, open_window, pick


def test_a_saved_lesson_opens_on_another_machine(qtbot, settings, tmp_path) -> None:
    teacher = open_window(qtbot, settings)
    pick(qtbot, teacher, "resnet34")
    teacher.pin_current()
    pick(qtbot, teacher, "resnet50")
    teacher.pin_current()  # the second pin shows Compare
    pick(qtbot, teacher, "resnet18")
    teacher.graph.fold.setCurrentIndex(teacher.graph.fold.findData("stages"))
    teacher.font_scale.set(1.25)
    path = tmp_path / "resnets.lesson.json"
    try:
        assert teacher.lessons.save_lesson(str(path))
        assert json.loads(path.read_text())["pinned"] == ["resnet34", "resnet50"]
        teacher.font_scale.reset()
        teacher.close()

        from PySide6.QtCore import QSettings

        other = QSettings(str(tmp_path / "student.ini"), QSettings.Format.IniFormat)
        student = open_window(qtbot, other)  # resnet50, nothing pinned, empty cache
        assert student.state.pinned() == []
        told: list[str] = []
        student.state.message_posted.connect(lambda text, _ms: told.append(text))
        assert student.lessons.open_lesson(str(path))
        qtbot.waitUntil(lambda: "Lesson open: resnet18" in told, timeout=TIMEOUT_MS)
        assert [p.label for p in student.state.pinned()] == ["resnet34", "resnet50"]
        assert student.state.reference.text() == "resnet18"
        assert student.views.currentWidget() is student.compare
        assert student.graph.fold.currentData() == "stages"
        assert student.font_scale.value() == pytest.approx(1.25)
        assert student.client.builds()[-3:] == ["resnet34", "resnet50", "resnet18"]
    finally:
        teacher.font_scale.reset()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"format": "keras-architecture-explorer lesson", "version": 7, "reference": "x"}',
            "bad.lesson.json: made by a newer Keras Architecture Explorer (lesson version 7; this "
            "one reads up to 1): update it to open this lesson",
        ),
        (
            '{"format": "keras-architecture-explorer lesson", "version": 1, '
            '"reference": "resnet50", "pinned": ["resnet999"]}',
            "bad.lesson.json: architecture: unknown architecture 'resnet999'",
        ),
        ("\u0000\u00ff garbage", "bad.lesson.json: not a lesson file (not JSON: "),
    ],
)
def test_a_bad_lesson_is_refused_and_changes_nothing(
    qtbot, window, tmp_path, monkeypatch, content, message
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.pin_current()
    before = (
        window.state.reference.text(),
        len(window.state.pinned()),
        window.views.currentIndex(),
    )
    path = tmp_path / "bad.lesson.json"
    path.write_text(content)
    assert not window.lessons.open_lesson(str(path))
    assert len(shown) == 1 and shown[0].startswith(message)
    after = (window.state.reference.text(), len(window.state.pinned()), window.views.currentIndex())
    assert after == before
