"""The window's language: Qt translators, and texts that follow a change of language.

Every text the window shows is made by ``translate(context, source)`` (the form Qt's
``lupdate`` finds) inside a function that ``follow`` calls now and again after every change of
language, so that View → Language switches without a restart. Core texts (context "Core") are
translated by ``translated``. Sources live in ``translations/explorer_<code>.ts``; ``make
translations`` updates them and builds the ``.qm`` files the wheel ships.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
    Slot,
)

from explorer.core.base.texts import CONTEXT, Text

TRANSLATIONS = Path(__file__).with_name("translations")
SETTINGS_KEY = "view/language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
# (code, the language's own name): the choices of View → Language, names never translated.
LANGUAGES = ((SYSTEM, ""), (ENGLISH, "English"), (CHINESE, "简体中文"))
TRANSLATED = (CHINESE,)  # the languages that have a .qm


def translate(context: str, source: str) -> str:
    """``source`` in the current language (itself where no translation is installed)."""
    return QCoreApplication.translate(context, source)


def translated(text: str) -> str:
    """A core text in the current language; a ``Text`` is filled in with its own values."""
    if not isinstance(text, Text):
        return translate(CONTEXT, text)  # a marked text that lost its mark (read from a file)
    if not text.values:
        return translate(CONTEXT, text.template)
    # Only marked texts among the values are translated: names (of layers, files) stay.
    values = {k: translated(v) if isinstance(v, Text) else v for k, v in text.values.items()}
    return translate(CONTEXT, text.template).format(**values)


class _Language(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.code = ENGLISH
        self.translators: list[QTranslator] = []


@cache
def _current() -> _Language:
    return _Language()


class _Follower(QObject):
    """Lives as a child of the object whose texts it sets, so it goes when that object goes."""

    def __init__(self, owner: QObject, apply: Callable[[], object]) -> None:
        super().__init__(owner)
        self._apply = apply
        _current().changed.connect(self._run)

    @Slot()
    def _run(self) -> None:
        self._apply()


def follow(owner: QObject, apply: Callable[[], object]) -> None:
    """Calls ``apply`` (which sets texts of ``owner``) now and after every change of language."""
    apply()
    _Follower(owner, apply)


def resolve(code: str) -> str:
    """The language a setting means: System is the system's language where translated."""
    if code == SYSTEM:
        name = QLocale.system().name()  # "zh_CN", "en_US", ...
        return CHINESE if name.startswith("zh") else ENGLISH
    return code if code in TRANSLATED else ENGLISH


def current() -> str:
    """The language shown now (ENGLISH or one of TRANSLATED)."""
    return _current().code


def set_language(code: str) -> None:
    """Shows every text in ``code`` (SYSTEM, ENGLISH or CHINESE) from now on."""
    language = _current()
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for translator in language.translators:
        app.removeTranslator(translator)
    language.translators = []
    language.code = resolve(code)
    if language.code != ENGLISH:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"explorer_{language.code}", str(TRANSLATIONS)),
            (f"qtbase_{language.code}", qt_folder),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                language.translators.append(translator)
    language.changed.emit()
