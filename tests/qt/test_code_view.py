"""The code dialog on the mini-resnet example design, and the Python highlighter line by line."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPlainTextEdit

from explorer.core.base.errors import ParameterError
from explorer.core.exports import code as codegen
from explorer.core.sources.designs import files as design_files
from explorer.qt.dialogs.code_view import COLOURS, CodeDialog, PythonHighlighter

ROOT = Path(__file__).resolve().parents[2]
DESIGN = design_files.load(ROOT / "resources" / "designs" / "mini-resnet.design.json")
SOURCE = partial(codegen.code_for_design, DESIGN)


def make(qtbot, style: str = "functional", source=SOURCE) -> CodeDialog:
    dialog = CodeDialog("Python Code — mini-resnet", source, style=style, file_stem="mini-resnet")
    qtbot.addWidget(dialog)
    return dialog


def sequential_message() -> str:
    with pytest.raises(codegen.CodeExportError) as raised:
        codegen.code_for_design(DESIGN, "sequential")
    return str(raised.value)


def highlighted(text: str) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout()  # a document without a layout reports no changes to highlight
    document.highlighter = PythonHighlighter(document)  # kept alive with the document
    document.setPlainText(text)
    return document


def spans(document: QTextDocument, line: int) -> list[tuple[str, str]]:
    """Each coloured run of a line, as (text, colour name)."""
    block = document.findBlockByNumber(line)
    return [
        (block.text()[r.start : r.start + r.length], r.format.foreground().color().name())
        for r in block.layout().formats()
    ]


def test_functional_code_is_shown_as_codegen_writes_it(qtbot) -> None:
    dialog = make(qtbot)
    assert dialog.windowTitle() == "Python Code — mini-resnet"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Sequential", "Functional", "Subclassing"]
    assert dialog.style() == "functional"
    assert dialog.tabs.currentIndex() == 1
    assert dialog.code() == codegen.code_for_design(DESIGN, "functional")
    assert dialog.code().startswith('"""mini-resnet: written by Keras Architecture Explorer')
    assert dialog.message() == ""
    assert dialog.stack.currentWidget() is dialog.editor
    assert dialog.copy_button.isEnabled() and dialog.save_button.isEnabled()


def test_the_editor_is_read_only_fixed_pitch_and_unwrapped(qtbot) -> None:
    editor = make(qtbot).editor
    assert editor.isReadOnly()
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert editor.font().family() == fixed.family()
    assert editor.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard


def test_sequential_shows_why_it_is_impossible_and_disables_copy_and_save(qtbot) -> None:
    dialog = make(qtbot)
    dialog.tabs.setCurrentIndex(0)  # what a click on the Sequential tab does
    assert dialog.style() == "sequential"
    assert dialog.code() == ""
    assert dialog.message() == sequential_message()
    assert dialog.message().startswith(
        "mini-resnet cannot be written as a Sequential model: its residual block block1"
    )
    assert dialog.stack.currentWidget() is dialog.message_label
    assert not dialog.copy_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.save() is False


def test_switching_back_from_an_impossible_style_shows_code_again(qtbot) -> None:
    dialog = make(qtbot, style="sequential")
    assert dialog.tabs.currentIndex() == 0 and dialog.message() == sequential_message()
    dialog.set_style("subclassing")
    assert dialog.tabs.currentIndex() == 2
    assert dialog.code() == codegen.code_for_design(DESIGN, "subclassing")
    assert "class MiniResnet(keras.Model):" in dialog.code()
    assert dialog.message() == ""
    assert dialog.stack.currentWidget() is dialog.editor
    assert dialog.copy_button.isEnabled() and dialog.save_button.isEnabled()


def test_an_unknown_style_is_refused(qtbot) -> None:
    dialog = make(qtbot)
    with pytest.raises(ValueError, match="unknown code style 'pytorch'"):
        dialog.set_style("pytorch")
    assert dialog.style() == "functional"


def test_an_unexpected_failure_is_logged_and_still_explained(qtbot, caplog) -> None:
    def broken(style: str) -> str:
        raise RuntimeError(f"no {style}")

    with caplog.at_level(logging.ERROR, logger="explorer.qt.dialogs.code_view"):
        dialog = make(qtbot, source=broken)
    assert dialog.message() == "unexpected RuntimeError: no functional"
    assert [r.exc_info[0] for r in caplog.records] == [RuntimeError]


def test_a_known_error_is_shown_as_its_one_line(qtbot, caplog) -> None:
    def refuses(style: str) -> str:
        raise ParameterError("blocks", "must be at least 1")

    dialog = make(qtbot, source=refuses)
    assert dialog.message() == "blocks: must be at least 1"
    assert caplog.records == []


def test_copy_puts_exactly_the_code_on_the_clipboard(qtbot) -> None:
    dialog = make(qtbot, style="subclassing")
    QGuiApplication.clipboard().setText("before")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == codegen.code_for_design(DESIGN, "subclassing")


def test_copy_of_an_impossible_style_leaves_the_clipboard_alone(qtbot) -> None:
    dialog = make(qtbot, style="sequential")
    QGuiApplication.clipboard().setText("before")
    dialog.copy()
    assert QGuiApplication.clipboard().text() == "before"


def test_ctrl_c_in_the_editor_copies_only_the_selection(qtbot) -> None:
    dialog = make(qtbot)
    cursor = dialog.editor.textCursor()
    cursor.setPosition(dialog.code().index("import keras"))
    cursor.movePosition(cursor.MoveOperation.EndOfLine, cursor.MoveMode.KeepAnchor)
    dialog.editor.setTextCursor(cursor)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "import keras"


def test_save_writes_exactly_the_code(qtbot, tmp_path) -> None:
    dialog = make(qtbot)
    assert dialog.save(str(tmp_path / "x.py")) is True
    assert (tmp_path / "x.py").read_text() == codegen.code_for_design(DESIGN, "functional")


def test_save_asks_for_a_name_after_the_design_and_style(qtbot, tmp_path, monkeypatch) -> None:
    asked = []

    def choose(parent, caption, name, filters):
        asked.append((parent, caption, name, filters))
        return str(tmp_path / name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog = make(qtbot, style="subclassing")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == [(dialog, "Save Code", "mini-resnet_subclassing.py", "Python (*.py)")]
    written = (tmp_path / "mini-resnet_subclassing.py").read_text()
    assert written == codegen.code_for_design(DESIGN, "subclassing")


def test_cancelling_the_save_dialog_writes_nothing(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert make(qtbot).save() is False
    assert list(tmp_path.iterdir()) == []


def test_a_failed_save_returns_false_and_says_why(qtbot, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[1:3]))
    target = tmp_path / "missing" / "x.py"
    assert make(qtbot).save(str(target)) is False
    assert shown == [
        (
            "Save Code",
            f"The code was not exported.\n\ncannot write {target}: No such file or directory",
        )
    ]
    assert not target.parent.exists()


def test_close_is_the_default_button_and_rejects_the_dialog(qtbot) -> None:
    dialog = make(qtbot)
    dialog.show()
    close = dialog.buttons.button(dialog.buttons.StandardButton.Close)
    assert [b.text() for b in dialog.buttons.buttons() if b.isDefault()] == ["Close"]
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_keywords_definitions_strings_and_comments_get_their_own_colours(qapp) -> None:
    document = highlighted('def build(name="net#1", rate=1e-05):  # a "comment" with def\n')
    assert spans(document, 0) == [
        ("def", COLOURS["keyword"]),
        ("build", COLOURS["definition"]),
        ('"net#1"', COLOURS["string"]),
        ("1e-05", COLOURS["number"]),
        ('# a "comment" with def', COLOURS["comment"]),
    ]
    assert len(set(COLOURS.values())) == len(COLOURS)
    assert "#000000" not in COLOURS.values()


def test_builtins_decorators_and_prefixed_strings(qapp) -> None:
    document = highlighted(
        "@keras.saving.register\nclass Block(Layer):\n"
        "    print(range(3), self.input, f'{x}' + rb'\\x00', y @ z)\n"
    )
    assert spans(document, 0) == [("@keras.saving.register", COLOURS["decorator"])]
    assert spans(document, 1) == [("class", COLOURS["keyword"]), ("Block", COLOURS["definition"])]
    assert spans(document, 2) == [
        ("print", COLOURS["builtin"]),
        ("range", COLOURS["builtin"]),
        ("3", COLOURS["number"]),
        ("f'{x}'", COLOURS["string"]),
        ("rb'\\x00'", COLOURS["string"]),
    ]


def test_a_docstring_spanning_lines_is_a_string_to_its_closing_quotes(qapp) -> None:
    document = highlighted('def f():\n    """First line,\n    second line."""  # done\n    x = 0\n')
    assert spans(document, 1) == [('"""First line,', COLOURS["string"])]
    assert spans(document, 2) == [
        ('    second line."""', COLOURS["string"]),
        ("# done", COLOURS["comment"]),
    ]
    assert spans(document, 3) == [("0", COLOURS["number"])]
    assert [document.findBlockByNumber(n).userState() for n in range(4)] == [0, 1, 0, 0]


def test_single_quoted_triple_strings_close_only_on_their_own_quotes(qapp) -> None:
    document = highlighted("x = '''one\n\"\"\" still in\nend''' + 1\n")
    assert spans(document, 1) == [('""" still in', COLOURS["string"])]
    assert spans(document, 2) == [("end'''", COLOURS["string"]), ("1", COLOURS["number"])]
    assert [document.findBlockByNumber(n).userState() for n in range(3)] == [2, 2, 0]


def test_the_dialog_highlights_the_generated_docstring(qtbot) -> None:
    dialog = make(qtbot)
    lines = dialog.code().splitlines()
    first = lines.index("def basic_block(x, filters, strides, name):")
    document = dialog.editor.document()
    assert spans(document, first) == [
        ("def", COLOURS["keyword"]),
        ("basic_block", COLOURS["definition"]),
    ]
    assert spans(document, first + 2) == [(lines[first + 2], COLOURS["string"])]
    assert lines[first + 2].endswith('(He et al. 2015)."""')
