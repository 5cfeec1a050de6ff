"""A lesson: what a teacher prepares once and opens on every lab machine. A small versioned JSON
file: the model on screen, the pinned models, the view, the graph's folding, the text size."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from explorer.core.base.errors import ExplorerError
from explorer.core.base.reading import parse_json, read_bytes
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import MIB

FORMAT = "keras-architecture-explorer lesson"
VERSION = 1
VIEWS = ("Layers", "Graph", "Charts", "Compare", "Sweep")
FOLDS = ("auto", "none", "blocks", "stages")  # auto: as big models open
LESSON_FILE = QT_TRANSLATE_NOOP("Core", "a lesson file")
LESSON_LIMIT = MIB  # a lesson with 100 pinned models is a few KiB


class LessonFileError(ExplorerError):
    """A lesson file that cannot be used; nothing on screen changes."""


@dataclass(frozen=True)
class Lesson:
    reference: str  # the model on screen, as ``explorer summary`` takes it
    pinned: tuple[str, ...] = ()  # the models in Compare, in order
    view: str = "Layers"
    fold: str = "auto"
    font_scale: float = 1.0


def lesson_json(lesson: Lesson) -> str:
    return (
        json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "reference": lesson.reference,
                "pinned": list(lesson.pinned),
                "view": lesson.view,
                "fold": lesson.fold,
                "font_scale": lesson.font_scale,
            },
            indent=2,
        )
        + "\n"
    )


def _refused(template: str, **values: object) -> LessonFileError:
    """A refusal the window shows in its language (the CLI's English is the same)."""
    return LessonFileError(Text(template, **values))


def read_lesson(text: str, source: str) -> Lesson:
    """The lesson in ``text`` (from the file ``source``), or one line that says what is wrong."""
    try:
        data: Any = parse_json(text, source, LessonFileError)
    except ValueError as error:
        raise _refused(
            QT_TRANSLATE_NOOP("Core", "{source}: not a lesson file (not JSON: {error})"),
            source=source,
            error=error,
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refused(
            QT_TRANSLATE_NOOP("Core", '{source}: not a lesson file (no "format": "{format}")'),
            source=source,
            format=FORMAT,
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refused(
            QT_TRANSLATE_NOOP("Core", "{source}: the lesson has no version number"), source=source
        )
    if version > VERSION:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Core",
                "{source}: made by a newer Keras Architecture Explorer (lesson version "
                "{version}; this one reads up to {supported}): update it to open this lesson",
            ),
            source=source,
            version=version,
            supported=VERSION,
        )
    reference, pinned = data.get("reference"), data.get("pinned", [])
    view, fold = data.get("view", "Layers"), data.get("fold", "auto")
    scale = data.get("font_scale", 1.0)
    problems = [
        (
            not isinstance(reference, str) or not reference,
            QT_TRANSLATE_NOOP("Core", '"reference" must name a model'),
        ),
        (
            not isinstance(pinned, list) or not all(isinstance(p, str) and p for p in pinned),
            QT_TRANSLATE_NOOP("Core", '"pinned" must be a list of models'),
        ),
        (
            view not in VIEWS,
            Text(
                QT_TRANSLATE_NOOP("Core", '"view" must be one of {known}'), known=", ".join(VIEWS)
            ),
        ),
        (
            fold not in FOLDS,
            Text(
                QT_TRANSLATE_NOOP("Core", '"fold" must be one of {known}'), known=", ".join(FOLDS)
            ),
        ),
        (
            isinstance(scale, bool)
            or not isinstance(scale, int | float)
            or not 0.8 <= scale <= 2.5,
            QT_TRANSLATE_NOOP("Core", '"font_scale" must be a number from 0.8 to 2.5'),
        ),
    ]
    for wrong, message in problems:
        if wrong:
            raise _refused("{source}: {message}", source=source, message=message)
    return Lesson(str(reference), tuple(pinned), str(view), str(fold), float(scale))


def load_lesson(path: str, source: str | None = None) -> Lesson:
    """The lesson in the file at ``path`` (a regular file of at most LESSON_LIMIT bytes);
    ``source`` (the path unless given) starts every message."""
    data = read_bytes(path, LESSON_FILE, LESSON_LIMIT, LessonFileError)
    source = path if source is None else source
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refused(
            QT_TRANSLATE_NOOP("Core", "{source}: not a lesson file (not text)"), source=source
        ) from None
    return read_lesson(text, source)
