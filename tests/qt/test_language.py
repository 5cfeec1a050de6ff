"""View → Language: every text the window shows changes to Simplified Chinese without a restart,
and back; the translation sources are complete and the shipped .qm files are built from them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from explorer.qt import i18n
from explorer.qt.main_window import MainWindow
from tests.qt.conftest import open_example, open_window, pick

TRANSLATIONS = i18n.TRANSLATIONS
TS = TRANSLATIONS / "explorer_zh_CN.ts"
BIN = Path(sys.executable).parent
# Texts that are the same in every language: numbers with their units, names of products,
# architectures and layers, keys, references, and the languages' own names.
SAME = re.compile(
    r"""^(
      [\s\d.,:;/%()+\-\u2013—·×x=<>≤≥~?…'"|\[\]]*                 # numbers, signs
      (\s*(K|M|G|T|B|KiB|MiB|GiB|MB|GB|px|s|ms|%|MACs|FLOPs))*  # and units
    )$""",
    re.VERBOSE,
)
NAMES = {
    "English",
    "简体中文",
    "Keras",
    "TensorFlow",
    "Keras Architecture Explorer",
    "ResNet50",
    "MACs",
    "FLOPs",
    "OK",
    *(p.name.removesuffix(".design.json") for p in Path("resources/designs").iterdir()),
}

MNEMONIC = re.compile(r"&(?!\w+;)\w")  # "&File", not "&nbsp;"
Getter = Callable[[], str]


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, Getter]]:
    yield f"menu {where}", menu.title
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} > {action.text()}")
        else:
            yield f"action {where} > {action.text()}", action.text
            yield f"tip of {where} > {action.text()}", action.toolTip


def shown_texts(window: MainWindow) -> list[tuple[str, Getter]]:
    """Every text the window shows now, as (where, how to read it again)."""
    found: list[tuple[str, Getter]] = []
    for action in window.menuBar().actions():
        assert isinstance(action, QAction) and action.menu() is not None
        found.extend(_menu_texts(action.menu(), ""))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.objectName().startswith("qt_"):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((f"{name} text {widget.text()!r}", widget.text))
        if isinstance(widget, QGroupBox):
            found.append((f"{name} title", widget.title))
        if isinstance(widget, QDockWidget):
            found.append((f"{name} title", widget.windowTitle))
        if isinstance(widget, QLineEdit) and not widget.text():
            found.append((f"{name} placeholder", widget.placeholderText))
        if isinstance(widget, QComboBox) and widget.isEditable() is False:
            found.append((f"{name} current", widget.currentText))
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                found.append((f"{name} tab {index}", lambda w=widget, i=index: w.tabText(i)))
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            for section in range(model.columnCount() if model else 0):
                found.append(
                    (
                        f"{name} header {section}",
                        lambda m=model, s=section: str(
                            m.headerData(s, Qt.Orientation.Horizontal) or ""
                        ),
                    )
                )
        if widget.toolTip():
            found.append((f"{name} tooltip", widget.toolTip))
    return found


KERAS_VALUES = {"relu", "softmax", "sigmoid", "tanh", "linear", "same", "valid"}  # typed as is
FILE = re.compile(r"^(\d+ )?\S*[\w-]+\.[\w.]+$")  # a recent file's entry, a path
FAKE = "no recorded summary for"  # the fake worker's own refusal (tests/qt/fake_client.py)


def same_in_every_language(text: str) -> bool:
    plain = re.sub(r"<[^>]+>|&nbsp;|&(?=\w)", "", text).strip()
    return (
        plain in NAMES
        or plain in KERAS_VALUES
        or plain.startswith(FAKE)
        or bool(SAME.match(plain) or FILE.match(plain))
    )


def test_every_shown_text_changes_to_chinese_and_back(qtbot, window) -> None:
    window.pin_current()  # two pinned models: the comparison's glance, tables and charts
    pick(qtbot, window, "resnet34")
    window.pin_current()
    open_example(window, "small-vgg")  # a design: the designer's texts
    found: dict[str, Getter] = {}
    for view, _, _ in window.view_list():  # what each view shows, while it is shown
        window.show_view(view)
        qtbot.wait(10)
        for where, read in shown_texts(window):
            found.setdefault(where, read)
    texts = list(found.items())
    english = [read() for _, read in texts]
    assert len(texts) > 170

    window.set_language(i18n.CHINESE)
    chinese = [read() for _, read in texts]
    unchanged = [
        f"{where}: {before!r}"
        for (where, _), before, after in zip(texts, english, chinese, strict=True)
        if before == after and not same_in_every_language(before)
    ]
    assert unchanged == [], "\n".join(unchanged)
    assert window.settings.value(i18n.SETTINGS_KEY) == i18n.CHINESE
    assert [a.isChecked() for a in window.language_actions_group.actions()] == [False, False, True]

    window.set_language(i18n.ENGLISH)
    assert [read() for _, read in texts] == english


def test_the_chosen_language_comes_back_at_the_next_start(qtbot, settings) -> None:
    settings.setValue(i18n.SETTINGS_KEY, i18n.CHINESE)
    i18n.set_language(str(settings.value(i18n.SETTINGS_KEY)))  # as app.run() does
    window = open_window(qtbot, settings)
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.views.tabText(0) == "层"
    pick(qtbot, window, "simple-cnn")
    assert "层" in window.heading.text()


def test_system_means_chinese_only_on_a_chinese_system(monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve(i18n.SYSTEM) == i18n.CHINESE
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve(i18n.SYSTEM) == i18n.ENGLISH
    assert i18n.resolve("fr") == i18n.ENGLISH


def _messages(ts: Path) -> list[ET.Element]:
    return ET.parse(ts).getroot().findall("./context/message")


def test_the_chinese_sources_are_complete_and_up_to_date(tmp_path) -> None:
    """lupdate over today's code adds nothing to translate; nothing is left unfinished."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in Path("explorer").rglob("*.py"))
    subprocess.run(
        [
            BIN / "pyside6-lupdate",
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            copy,
        ],
        check=True,
    )
    messages = _messages(copy)
    assert len(messages) > 400
    unfinished = [
        m.findtext("source")
        for m in messages
        if (t := m.find("translation")) is None or t.get("type") or not (t.text or "").strip()
    ]
    assert unfinished == []
    assert copy.read_bytes() == TS.read_bytes()  # make translations was run after the last edit


def test_the_shipped_qm_is_built_from_the_ts(tmp_path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run([BIN / "pyside6-lrelease", "-silent", TS, "-qm", built], check=True)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_placeholders_and_mnemonics_survive_translation() -> None:
    """A translation keeps every {value} of its source, and a menu's &key where it has one."""
    wrong = []
    for message in _messages(TS):
        source, translation = message.findtext("source") or "", message.findtext("translation")
        fields = sorted(re.findall(r"\{[^{}]*\}", source))
        if fields != sorted(re.findall(r"\{[^{}]*\}", translation or "")):
            wrong.append(f"{source!r} -> {translation!r}")
        if MNEMONIC.search(source) and not MNEMONIC.search(translation or ""):
            wrong.append(f"mnemonic: {source!r} -> {translation!r}")
    assert wrong == []
