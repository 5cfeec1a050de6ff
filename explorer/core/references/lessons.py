"""A lesson: what a teacher prepares once and opens on every lab machine. A small versioned JSON
file: the model on screen, the pinned models, the view, the graph's folding, the text size."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from explorer.core.base.errors import ExplorerError
from explorer.core.base.reading import check_json_depth, read_bytes
from explorer.core.base.texts import QT_TRANSLATE_NOOP
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


def read_lesson(text: str, source: str) -> Lesson:
    """The lesson in ``text`` (from the file ``source``), or one line that says what is wrong."""
    check_json_depth(text, source, LessonFileError)
    try:
        data: Any = json.loads(text)
    except ValueError as error:
        raise LessonFileError(f"{source}: not a lesson file (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LessonFileError(f'{source}: not a lesson file (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise LessonFileError(f"{source}: the lesson has no version number")
    if version > VERSION:
        raise LessonFileError(
            f"{source}: made by a newer Keras Architecture Explorer (lesson version {version}; "
            f"this one reads up to {VERSION}): update it to open this lesson"
        )
    reference, pinned = data.get("reference"), data.get("pinned", [])
    view, fold = data.get("view", "Layers"), data.get("fold", "auto")
    scale = data.get("font_scale", 1.0)
    problems = [
        (not isinstance(reference, str) or not reference, '"reference" must name a model'),
        (
            not isinstance(pinned, list) or not all(isinstance(p, str) and p for p in pinned),
            '"pinned" must be a list of models',
        ),
        (view not in VIEWS, f'"view" must be one of {", ".join(VIEWS)}'),
        (fold not in FOLDS, f'"fold" must be one of {", ".join(FOLDS)}'),
        (
            isinstance(scale, bool)
            or not isinstance(scale, int | float)
            or not 0.8 <= scale <= 2.5,
            '"font_scale" must be a number from 0.8 to 2.5',
        ),
    ]
    for wrong, message in problems:
        if wrong:
            raise LessonFileError(f"{source}: {message}")
    return Lesson(str(reference), tuple(pinned), str(view), str(fold), float(scale))


def load_lesson(path: str, source: str | None = None) -> Lesson:
    """The lesson in the file at ``path`` (a regular file of at most LESSON_LIMIT bytes);
    ``source`` (the path unless given) starts every message."""
    data = read_bytes(path, LESSON_FILE, LESSON_LIMIT, LessonFileError)
    source = path if source is None else source
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LessonFileError(f"{source}: not a lesson file (not text)") from None
    return read_lesson(text, source)
