"""The Python code that builds a model, in one of Keras's API styles, to read, copy or save."""

from __future__ import annotations

import builtins
import keyword
import logging
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from explorer.core.base.choices import STYLES
from explorer.core.base.errors import ExplorerError, user_message
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.widgets.text_files import save_text

log = logging.getLogger(__name__)

# Colours for a white page; the editor is kept white so they stay readable in a dark theme too.
COLOURS = {
    "keyword": "#0033b3",
    "builtin": "#871094",
    "string": "#067d17",
    "comment": "#8c8c8c",
    "number": "#1750eb",
    "decorator": "#9e880d",
    "definition": "#00627a",
}
_BOLD, _ITALIC = {"keyword", "definition"}, {"comment"}
_KEYWORDS = frozenset(keyword.kwlist)
_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))
_TOKEN = re.compile(
    r"(?P<triple>[rRbBuUfF]{0,2}(?:\"\"\"|'''))"
    r"|(?P<string>[rRbBuUfF]{0,2}(?:\"(?:[^\"\\]|\\.)*\"?|'(?:[^'\\]|\\.)*'?))"
    r"|(?P<comment>\#.*)"
    r"|(?P<decorator>@[\w.]+)"
    r"|(?P<number>(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)j?)"
    r"|(?P<name>[^\W\d]\w*)"
)
# The rest of a triple-quoted string, up to and including its closing quotes.
_CLOSING = {1: re.compile(r'(?:[^\\]|\\.)*?"""'), 2: re.compile(r"(?:[^\\]|\\.)*?'''")}
_Paint = Callable[[int, int, str], None]
_OPENING = {'"""': 1, "'''": 2}  # block states: inside a """ or a ''' string


class PythonHighlighter(QSyntaxHighlighter):
    """Colours Python one line at a time; a block's state says which triple quote is open."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        for kind, colour in COLOURS.items():
            style = QTextCharFormat()
            style.setForeground(QColor(colour))
            style.setFontWeight(QFont.Weight.Bold if kind in _BOLD else QFont.Weight.Normal)
            style.setFontItalic(kind in _ITALIC)
            self.formats[kind] = style

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        # Qt counts UTF-16 units; Python counts code points, which differ past U+FFFF.
        wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]

        def paint(start: int, end: int, kind: str) -> None:
            first = start + sum(i < start for i in wide)
            self.setFormat(first, end + sum(i < end for i in wide) - first, self.formats[kind])

        self.setCurrentBlockState(0)
        position, defining = 0, False
        state = self.previousBlockState()
        if state in _CLOSING:
            position = self._string(text, 0, 0, state, paint)
        while position < len(text) and (token := _TOKEN.search(text, position)):
            kind, word, start, position = token.lastgroup or "", token.group(), *token.span()
            if kind == "triple":
                position = self._string(text, start, position, _OPENING[word[-3:]], paint)
            elif kind == "name":
                if defining:
                    paint(start, position, "definition")
                elif word in _KEYWORDS or (word in _BUILTINS and text[start - 1 : start] != "."):
                    paint(start, position, "keyword" if word in _KEYWORDS else "builtin")
                defining = word in ("def", "class")
            elif kind != "decorator" or not text[:start].strip():
                paint(start, position, kind)

    def _string(self, text: str, start: int, inside: int, state: int, paint: _Paint) -> int:
        """Paint a triple-quoted string from ``start`` to its closing quotes, looked for from
        ``inside``, or to the line's end, leaving the state open; where painting stopped."""
        found = _CLOSING[state].match(text, inside)
        end = found.end() if found else len(text)
        paint(start, end, "string")
        if not found:
            self.setCurrentBlockState(state)
        return end


def style_names() -> dict[str, str]:
    """The Keras API styles' names on the tabs, in the current language."""
    return {
        "sequential": translate("CodeView", "Sequential"),
        "functional": translate("CodeView", "Functional"),
        "subclassing": translate("CodeView", "Subclassing"),
    }


class CodeDialog(QDialog):
    """Shows ``source(style)`` for the chosen style; a style the model cannot be written in
    shows the reason instead, with Copy and Save disabled."""

    def __init__(
        self,
        title: str,
        source: Callable[[str], str],
        parent: QWidget | None = None,
        style: str = "functional",
        file_stem: str = "model",
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.file_stem = file_stem
        self.setWindowTitle(title)

        self._error = ""  # why the chosen style cannot be shown (a core text), or empty
        self.tabs = QTabBar()
        for _ in STYLES:
            self.tabs.addTab("")
        self.tabs.setExpanding(False)
        self.tabs.setCurrentIndex(self._index(style))
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        # Read-only text is selectable by mouse only; the keyboard should select and copy too.
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setTabStopDistance(4 * self.editor.fontMetrics().horizontalAdvance(" "))
        palette = self.editor.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("white"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1f1f1f"))
        self.editor.setPalette(palette)
        self.highlighter = PythonHighlighter(self.editor.document())
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet("color: #c62828; font-weight: bold; padding: 12px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.message_label)

        self.copy_button = QPushButton()
        self.save_button = QPushButton()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(lambda: self.save())

        layout = QVBoxLayout(self)
        for widget in (self.tabs, self.stack, self.buttons):
            layout.addWidget(widget)
        close.setDefault(True)  # only once in the dialog, or showing it makes Copy the default
        # Wide enough for the code export's 100-column lines without a horizontal scroll bar.
        self.resize(self.editor.fontMetrics().horizontalAdvance("x" * 104) + 60, 640)
        self.tabs.currentChanged.connect(self._regenerate)
        self._regenerate()
        follow(self, self._retranslate)
        self.editor.setFocus()  # so Enter means Close, not Copy, and Ctrl+C works at once

    def _retranslate(self) -> None:
        names = style_names()
        for index, name in enumerate(STYLES):
            self.tabs.setTabText(index, names.get(name, name.capitalize()))
        self.copy_button.setText(translate("CodeView", "Copy"))
        self.copy_button.setToolTip(translate("CodeView", "Copy the whole code to the clipboard"))
        self.save_button.setText(translate("CodeView", "Save…"))
        self.save_button.setToolTip(translate("CodeView", "Save the code as a Python file"))
        self._show_error()

    def _show_error(self) -> None:
        self.message_label.setText(translated(self._error) if self._error else "")

    @staticmethod
    def _index(style: str) -> int:
        if style not in STYLES:
            raise ValueError(f"unknown code style {style!r} (known: {', '.join(STYLES)})")
        return STYLES.index(style)

    def style(self) -> str:  # type: ignore[override]  # shadows QWidget.style(), unused here
        """The chosen Keras API style, one of exports.code.STYLES."""
        return STYLES[self.tabs.currentIndex()]

    def set_style(self, style: str) -> None:
        self.tabs.setExpanding(False)
        self.tabs.setCurrentIndex(self._index(style))

    def code(self) -> str:
        """The code shown; empty while the style is impossible."""
        return self.editor.toPlainText()

    def message(self) -> str:
        """Why the chosen style cannot be shown; empty while code is shown."""
        return self.message_label.text()

    def _regenerate(self) -> None:
        try:
            code, message = self.source(self.style()), ""
        except Exception as error:  # an ExplorerError is expected; anything else is a bug
            if not isinstance(error, ExplorerError):
                log.exception("code for the %s style failed", self.style())
            code, message = "", user_message(error)
        self._error = message
        self.editor.setPlainText(code)
        self._show_error()
        self.stack.setCurrentWidget(self.message_label if message else self.editor)
        self.copy_button.setEnabled(bool(code))
        self.save_button.setEnabled(bool(code))

    def copy(self) -> None:
        """Put the whole code on the clipboard (Ctrl+C in the editor copies the selection)."""
        if self.code():
            QGuiApplication.clipboard().setText(self.code())

    def save(self, path: str | None = None) -> bool:
        """Write the code to ``path``, asking for one when None; False if nothing was written."""
        if not self.code():
            return False
        title = translate("CodeView", "Save Code")
        if path is None:
            default = f"{self.file_stem}_{self.style()}.py"
            python = translate("CodeView", "Python (*.py)")
            path, _ = QFileDialog.getSaveFileName(self, title, default, python)
            if not path:
                return False
        what = translate("CodeView", "code")
        return save_text(self, title, what, path, self.code()) is not None
