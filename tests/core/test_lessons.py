"""Lesson files: written and read back, and every way a file can be wrong refused in one line."""

from __future__ import annotations

import json

import pytest

from explorer.core.references.lessons import (
    FORMAT,
    Lesson,
    LessonFileError,
    lesson_json,
    read_lesson,
)

LESSON = Lesson("resnet50", ("resnet34", "resnet50:classes=10"), "Compare", "stages", 1.5)


def test_a_lesson_round_trips() -> None:
    text = lesson_json(LESSON)
    assert json.loads(text) == {
        "format": FORMAT,
        "version": 1,
        "reference": "resnet50",
        "pinned": ["resnet34", "resnet50:classes=10"],
        "view": "Compare",
        "fold": "stages",
        "font_scale": 1.5,
    }
    assert read_lesson(text, "a.lesson.json") == LESSON


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("{", "a.lesson.json: not a lesson file (not JSON: "),
        ({"format": "something else"}, 'a.lesson.json: not a lesson file (no "format": '),
        (
            {"version": 2},
            "a.lesson.json: made by a newer Keras Architecture Explorer (lesson "
            "version 2; this one reads up to 1): update it to open this lesson",
        ),
        ({"version": "1"}, "a.lesson.json: the lesson has no version number"),
        ({"reference": ""}, 'a.lesson.json: "reference" must name a model'),
        ({"pinned": "resnet34"}, 'a.lesson.json: "pinned" must be a list of models'),
        ({"view": "Tables"}, 'a.lesson.json: "view" must be one of Layers, Graph, Charts'),
        ({"fold": "all"}, 'a.lesson.json: "fold" must be one of auto, none, blocks, stages'),
        ({"font_scale": 4}, 'a.lesson.json: "font_scale" must be a number from 0.8 to 2.5'),
    ],
)
def test_a_bad_lesson_is_refused_in_one_line(change, message) -> None:
    if isinstance(change, str):
        text = change
    else:
        text = json.dumps({**json.loads(lesson_json(LESSON)), **change})
    with pytest.raises(LessonFileError) as refused:
        read_lesson(text, "a.lesson.json")
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)
