"""User-level failures: each carries one line that names what was wrong.

A message may be a ``Text`` (``base.texts``), which the window shows in its language; the line
is the same English either way. What the user gave comes back through ``shown`` (escaped, cut),
so that a pasted file, a 5,000-digit number or a terminal escape still makes one readable line.
"""

from __future__ import annotations

from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

SHOWN_LIMIT = 60  # characters of a given value that a message echoes
PATH_SHOWN_LIMIT = 120  # characters of a path: a deep home folder and a long file name fit


class ExplorerError(Exception):
    """A failure the user can act on; its message is shown as is, never a traceback."""


class ParameterError(ExplorerError):
    """An architecture reference, parameter name or value that cannot be used."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.message = message
        # A name the user typed (an unknown parameter, a whole reference) is echoed safely; the
        # names of real parameters are short and printable, so they stay unquoted.
        label = param if param.isprintable() and len(param) <= SHOWN_LIMIT else shown(param)
        super().__init__(Text("{param}: {message}", param=label, message=message))


def one_line(text: str) -> str:
    """``text`` with every character that is not printable (newlines, tabs, terminal escapes,
    direction overrides) written as its escape (``\\n``, ``\\x1b``, ``\\u202e``): a message
    stays one line and cannot move the terminal's cursor or recolour it."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """``value`` as a message echoes it: its ``repr`` (``'ten'``, ``2.5``; control characters
    escaped) and, beyond ``limit`` characters, its start and end around "…" with its length,
    ``'99999…99999' (5,000 characters)``."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return repr(text) if isinstance(value, str) else one_line(text)
    tail = limit // 3
    cut = text[: limit - tail - 1] + "…" + text[-tail:]
    return Text(
        QT_TRANSLATE_NOOP("Core", "{value} ({count:,} characters)"),
        value=repr(cut) if isinstance(value, str) else one_line(cut),
        count=len(text),
    )


def shown_path(path: object, limit: int = PATH_SHOWN_LIMIT) -> str:
    """A path as messages name it: unquoted, one line (``one_line``) and, beyond ``limit``
    characters, its start and its end (where the file's name is) around "…"."""
    text = one_line(str(path))
    if len(text) <= limit:
        return text
    head = limit // 4
    return text[:head] + "…" + text[-(limit - head - 1) :]


def user_message(error: BaseException) -> str:
    """The one line a user sees for any failure; unknown ones also name their type.

    A ``Text`` given to the error comes back as it is (``str(error)`` would make it plain)."""
    if isinstance(error, ExplorerError):
        given = error.args[0] if len(error.args) == 1 else None
        return given if isinstance(given, str) else str(error)
    return Text(
        QT_TRANSLATE_NOOP("Core", "unexpected {kind}: {error}"),
        kind=type(error).__name__,
        error=str(error),
    )
