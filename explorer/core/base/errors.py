"""User-level failures: each carries one line that names what was wrong.

A message may be a ``Text`` (``base.texts``), which the window shows in its language; the line
is the same English either way.
"""

from __future__ import annotations

from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text


class ExplorerError(Exception):
    """A failure the user can act on; its message is shown as is, never a traceback."""


class ParameterError(ExplorerError):
    """An architecture reference, parameter name or value that cannot be used."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.message = message
        super().__init__(Text("{param}: {message}", param=param, message=message))


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
