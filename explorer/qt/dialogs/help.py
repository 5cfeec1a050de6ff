"""Help → Glossary (what every number means) and Help → Keyboard Shortcuts (read from the
window's own menus, so the list is never out of date)."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from explorer.core.base.texts import QT_TRANSLATE_NOOP
from explorer.qt.i18n import translate

# (term, what it means) in English; the window shows them through translate("Help", ...).
GLOSSARY = (
    (
        QT_TRANSLATE_NOOP("Help", "Parameters"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The numbers a layer learns: a convolution's kernel weights and biases, a Dense "
            "layer's matrix. Conv2D 3×3, 3 channels in, 16 out: (3·3·3 + 1)·16 = 448.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Trainable and non-trainable"),
        QT_TRANSLATE_NOOP(
            "Help",
            "Training updates the trainable parameters. BatchNormalization also keeps a moving "
            "mean and variance per channel: parameters that follow the batches' statistics and "
            "are not trained (half of its 4 per channel).",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "MACs and FLOPs"),
        QT_TRANSLATE_NOOP(
            "Help",
            "A multiply-accumulate (a·b + c) is the unit of a layer's work. FLOPs count the "
            "multiply and the add separately, so FLOPs ≈ 2 × MACs. Figures are for one sample.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Activations"),
        QT_TRANSLATE_NOOP(
            "Help",
            "Every layer's output, kept for the backward pass while training: activation memory "
            "per sample, times the batch size, at 4 bytes a value (float32).",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "MiB and MB"),
        QT_TRANSLATE_NOOP(
            "Help",
            "1 MiB = 2^20 = 1,048,576 bytes; 1 MB = 10^6 bytes. Both are in use (memory tools "
            "mostly MiB, disks and vendors MB), so the window shows both.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Output shape"),
        QT_TRANSLATE_NOOP(
            "Help",
            "None is the batch dimension (any number of samples); then height, width and channels.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Receptive field"),
        QT_TRANSLATE_NOOP(
            "Help",
            "How many input pixels one output sees, and how far apart neighbouring outputs are: "
            "11 /4 is an 11×11 window, outputs 4 pixels apart. Where paths meet, the largest.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Preview"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The model built with every shape and count exact but no weight in memory: summaries "
            "of large models are fast and small. Save Weights builds the real weights.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Summary cache"),
        QT_TRANSLATE_NOOP(
            "Help",
            "Every summary built is kept on disk; a model seen before is shown at once, without "
            "TensorFlow.",
        ),
    ),
)


def glossary_html() -> str:
    entries = [(translate("Help", term), translate("Help", meaning)) for term, meaning in GLOSSARY]
    items = "".join(f"<dt><b>{escape(t)}</b></dt><dd>{escape(d)}</dd>" for t, d in entries)
    title = translate("Help", "Glossary")
    return f"<h3>{title}</h3><dl>{items}</dl>"


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every command of ``menus`` that has keys, in menu order."""
    rows = []
    for menu in menus:
        title = menu.title().replace("&", "")
        for action in menu.actions():
            if action.menu() is not None or action.isSeparator():
                continue
            keys = ", ".join(k.toString() for k in action.shortcuts())
            if keys:
                rows.append((title, action.text().replace("&", ""), keys))
    return rows


def shortcuts_html(menus: list[QMenu]) -> str:
    cells = "".join(
        f"<tr><td>{escape(menu)}</td><td>{escape(command)}</td><td><b>{escape(keys)}</b></td></tr>"
        for menu, command, keys in shortcut_rows(menus)
    )
    title = translate("Help", "Keyboard shortcuts")
    extra = translate(
        "Help",
        "<p>In the graph: the wheel zooms at the cursor, dragging pans, a double click or Enter "
        "opens a folded box, Backspace folds the box around the selected layer.</p>",
    )
    return f"<h3>{title}</h3><table cellpadding='4'>{cells}</table>{extra}"


def show_text(parent: QWidget, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    text = QTextBrowser()
    text.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(620, 520)
    dialog.show()
    return dialog


def menus_of(actions: list[QAction]) -> list[QMenu]:
    return [action.menu() for action in actions if isinstance(action.menu(), QMenu)]
