"""Help → Glossary and Help → Keyboard Shortcuts, read from the window's own menus."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTextBrowser

from explorer.qt.dialogs.help import GLOSSARY, menus_of, shortcut_rows


def help_action(window, text: str):
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    return next(a for a in help_menu.actions() if a.text() == text)


def test_the_shortcuts_come_from_the_menus(qtbot, window) -> None:
    rows = shortcut_rows(menus_of(window.menuBar().actions()))
    assert ("Edit", "Find Layer…", "Ctrl+F") in rows
    assert ("Edit", "Pin for Comparison", "Ctrl+D") in rows
    assert ("View", "Compare", "Ctrl+4") in rows
    assert ("View", "Larger Text", "Ctrl+=, Ctrl++") in rows
    assert ("View", "Presentation Mode", "F11") in rows
    help_action(window, "&Keyboard Shortcuts").trigger()
    (dialog,) = [d for d in window.findChildren(QDialog) if d.isVisible()]
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "Find Layer…" in text and "Ctrl+F" in text
    dialog.close()


def test_the_glossary_explains_the_numbers(qtbot, window) -> None:
    help_action(window, "&Glossary").trigger()
    (dialog,) = [d for d in window.findChildren(QDialog) if d.isVisible()]
    text = dialog.findChild(QTextBrowser).toPlainText()
    for term, _ in GLOSSARY:
        assert term in text
    assert "FLOPs ≈ 2 × MACs" in text
    assert "1 MiB = 2^20 = 1,048,576 bytes; 1 MB = 10^6 bytes" in text
    dialog.close()
