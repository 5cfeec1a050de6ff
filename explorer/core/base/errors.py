"""User-level failures: each carries one line that names what was wrong."""

from __future__ import annotations


class ExplorerError(Exception):
    """A failure the user can act on; its message is shown as is, never a traceback."""


class ParameterError(ExplorerError):
    """An architecture reference, parameter name or value that cannot be used."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.message = message
        super().__init__(f"{param}: {message}")


def user_message(error: BaseException) -> str:
    """The one line a user sees for any failure; unknown ones also name their type."""
    if isinstance(error, ExplorerError):
        return str(error)
    return f"unexpected {type(error).__name__}: {error}"
