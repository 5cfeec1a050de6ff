"""Texts for people, marked so that the window can show them in another language.

The core stays free of Qt: it marks the texts the window shows (Qt's ``lupdate`` finds every
``QT_TRANSLATE_NOOP("Core", "...")``) and the window translates them. A text made from values
is a ``Text``: the English ``str`` the CLI prints, which keeps its template and values so that
the window can translate the template and fill in the same values. Numbers and units stay.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "Core"  # the translation context of every core text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for translation: the same English, as a ``Text`` without values (so a
    marked word given as a value of another text is translated with it, a name is not)."""
    return Text.marked(text)


def _made(template: str, values: dict[str, Any]) -> Text:
    return Text(template, **values) if values else Text.marked(template)


class Text(str):
    """An English text made from a marked template and its values."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Text:
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    @classmethod
    def marked(cls, text: str) -> Text:
        """``text`` as it is (a template's braces stay): a marked text without values."""
        made = super().__new__(cls, text)
        made.template = str(text)
        made.values = {}
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # pickled between the window and the worker
        return (_made, (self.template, self.values))
