"""The parameter form is generated from the specs, reports user edits only, and shows errors."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QSpinBox,
)

from explorer.core.sources.catalog import get
from explorer.qt.widgets.param_form import ParameterForm, ShapeEditor


@pytest.fixture
def form(qtbot) -> ParameterForm:
    widget = ParameterForm()
    qtbot.addWidget(widget)
    widget.set_architecture(get("simple-cnn"))
    widget.show()
    return widget


def _type_into(qtbot, spin: QSpinBox, text: str) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_editors_follow_the_specs(form: ParameterForm) -> None:
    classes = form.editor("classes")
    assert isinstance(classes, QSpinBox)
    assert (classes.minimum(), classes.maximum(), classes.value()) == (1, 100_000, 1000)
    assert classes.isGroupSeparatorShown() and not classes.keyboardTracking()
    kernel = form.editor("kernel_size")
    assert isinstance(kernel, QSpinBox) and (kernel.minimum(), kernel.maximum()) == (1, 31)
    api = form.editor("api")
    assert isinstance(api, QComboBox)
    assert [api.itemText(i) for i in range(api.count())] == [
        "sequential",
        "functional",
        "subclassing",
    ]
    shape = form.editor("input_shape")
    assert isinstance(shape, ShapeEditor) and shape.value() == (224, 224, 3)
    height = shape.findChild(QSpinBox, "height")
    channels = shape.findChild(QSpinBox, "channels")
    assert (height.minimum(), height.maximum()) == (1, 8192)
    assert (channels.minimum(), channels.maximum()) == (1, 4096)
    assert height.toolTip() and channels.toolTip()
    assert form.values() == get("simple-cnn").resolve().values
    assert list(form.values()) == [
        "api",
        "input_shape",
        "filters",
        "kernel_size",
        "strides",
        "classes",
    ]


def test_rows_are_labelled_readably_with_help_and_range(form: ParameterForm) -> None:
    labels = {label.text(): label for label in form.findChildren(QLabel) if label.buddy()}
    assert set(labels) == {"Api", "Input shape", "Filters", "Kernel size", "Strides", "Classes"}
    tip = "Units of the final Dense layer\nAllowed: an integer from 1 to 100,000"
    assert labels["Classes"].toolTip() == tip
    assert form.editor("classes").toolTip() == tip


def test_typing_into_a_spin_box_is_one_edit(qtbot, form: ParameterForm) -> None:
    classes = form.editor("classes")
    edits: list[None] = []
    form.values_edited.connect(lambda: edits.append(None))
    _type_into(qtbot, classes, "120")
    assert edits == [None]  # keyboard tracking off: "1", "12", "120" are not three edits
    assert form.values()["classes"] == 120
    height = form.editor("input_shape").findChild(QSpinBox, "height")
    with qtbot.waitSignal(form.values_edited, timeout=1000):
        _type_into(qtbot, height, "64")
    assert form.values()["input_shape"] == (64, 224, 3)
    with qtbot.waitSignal(form.values_edited, timeout=1000):
        form.editor("api").setCurrentIndex(2)
    assert form.values()["api"] == "subclassing"


def test_programmatic_values_emit_nothing(qtbot, form: ParameterForm) -> None:
    with qtbot.assertNotEmitted(form.values_edited):
        form.set_values({"classes": 10, "input_shape": "32x32x1", "api": "functional"})
    assert form.values() == {
        "api": "functional",
        "input_shape": (32, 32, 1),
        "filters": 16,
        "kernel_size": 3,
        "strides": 2,
        "classes": 10,
    }


def test_reset_restores_defaults_and_emits_once(qtbot, form: ParameterForm) -> None:
    form.set_values({"classes": 10, "filters": 64})
    form.show_error("classes", "too few")
    emitted: list[None] = []
    form.values_edited.connect(lambda: emitted.append(None))
    qtbot.mouseClick(form.findChild(QPushButton, "reset_button"), Qt.MouseButton.LeftButton)
    assert emitted == [None]
    assert form.values() == get("simple-cnn").resolve().values
    assert form.error_text("classes") == ""


def test_errors_sit_next_to_their_parameter(form: ParameterForm) -> None:
    form.show_error("classes", "old message")
    form.show_error("kernel_size", "a 9x9 kernel is larger than the 4x4 input")
    assert form.error_text("kernel_size") == "a 9x9 kernel is larger than the 4x4 input"
    assert form.editor("kernel_size").property("invalid") is True
    assert form.error_text("classes") == "" and form.editor("classes").property("invalid") is False
    assert form.error_text(None) == ""
    form.show_error(None, "the build ran out of memory")
    form.show_error("no_such_param", "unknown parameter")
    assert form.error_text(None) == "unknown parameter"
    assert form.error_text("kernel_size") == ""
    form.clear_errors()
    assert [form.error_text(name) for name in (None, "kernel_size", "classes")] == ["", "", ""]


def test_switching_architecture_rebuilds_editors(qtbot, form: ParameterForm) -> None:
    old_classes = form.editor("classes")
    form.show_error(None, "stale")
    form.set_architecture(get("resnet50"), {"classes": 10})
    variant = form.editor("variant")
    assert isinstance(variant, QComboBox)
    assert [variant.itemText(i) for i in range(variant.count())] == ["paper", "tutorial"]
    assert form.values() == {"input_shape": (224, 224, 3), "classes": 10, "variant": "paper"}
    assert form.error_text(None) == ""
    with pytest.raises(KeyError):
        form.editor("api")
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_classes), timeout=1000)
    with qtbot.waitSignal(form.values_edited, timeout=1000):
        _type_into(qtbot, form.editor("classes"), "7")
    assert form.values()["classes"] == 7
    assert form.architecture() is get("resnet50")


def test_bool_and_float_params_get_their_editors(qtbot) -> None:
    from dataclasses import replace

    from explorer.core.params.specs import BoolParam, FloatParam

    params = (
        BoolParam("include_top", True, "Keep the head"),
        FloatParam("dropout", 0.2, 0.0, 0.9, "Dropout rate before the head"),
    )
    form = ParameterForm()
    qtbot.addWidget(form)
    form.set_architecture(replace(get("resnet18"), params=params))
    dropout = form.editor("dropout")
    assert isinstance(dropout, QDoubleSpinBox)
    assert (dropout.minimum(), dropout.maximum(), dropout.value()) == (0.0, 0.9, 0.2)
    assert isinstance(form.editor("include_top"), QCheckBox)
    with qtbot.waitSignal(form.values_edited, timeout=1000):
        form.editor("include_top").click()
    assert form.values() == {"include_top": False, "dropout": 0.2}


def _wheel(widget: QSpinBox) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_over_an_unfocused_spin_box_changes_nothing(qtbot, form: ParameterForm) -> None:
    classes = form.editor("classes")
    height = form.editor("input_shape").findChild(QSpinBox, "height")
    assert classes.focusPolicy() == Qt.FocusPolicy.StrongFocus
    with qtbot.assertNotEmitted(form.values_edited):
        _wheel(classes)
        _wheel(height)
    assert (classes.value(), height.value()) == (1000, 224)
    qtbot.waitActive(form)
    classes.setFocus()
    qtbot.waitUntil(classes.hasFocus, timeout=1000)
    _wheel(classes)
    assert classes.value() == 1001
