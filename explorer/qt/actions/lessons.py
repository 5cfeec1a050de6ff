"""File → Save Lesson and Open Lesson: the model on screen, the pinned models, the view, the
graph's folding and the text size, in a small JSON file a teacher opens on every lab machine.

Opening checks the whole file first (every model it names included); a file that cannot be used
is refused with one line and changes nothing. Pinned models come from the summary cache, or are
built one after another, as if picked and pinned by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget

from explorer.core.analysis import cache as summary_cache
from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.references.architecture import Reference
from explorer.core.references.lessons import VIEWS, Lesson, lesson_json, load_lesson
from explorer.core.sources.lookup import parse_reference
from explorer.qt.i18n import translate, translated
from explorer.qt.panels.graph import GraphPanel
from explorer.qt.state import WindowState
from explorer.qt.widgets.actions import make_action
from explorer.qt.widgets.font_scale import FontScale
from explorer.qt.widgets.text_files import save_text
from explorer.qt.worker_client import WorkerClient


def lesson_filter() -> str:
    return translate("Lessons", "Lessons (*.lesson.json);;JSON (*.json)")


class LessonActions(QObject):
    def __init__(
        self,
        state: WindowState,
        client: WorkerClient,
        font_scale: FontScale,
        views: QTabWidget,
        graph: GraphPanel,
        show_reference: Callable[[Reference], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._state, self._font_scale = state, font_scale
        self._views, self._graph, self._show = views, graph, show_reference
        self._window = window
        self._queue: list[Reference] = []  # pinned models still to build
        self._waiting: Reference | None = None  # shown to be pinned when it arrives
        self._final: tuple[Reference, str, str] | None = None  # the model, fold, "done" text
        self.save_action = make_action(
            window,
            lambda: translate("Lessons", "Save &Lesson…"),
            lambda: self.save_lesson(),
            None,
            lambda: translate(
                "Lessons", "Save the model, pinned models, view and text size for a class"
            ),
        )
        self.open_action = make_action(
            window,
            lambda: translate("Lessons", "Open L&esson…"),
            lambda: self.open_lesson(),
            None,
            lambda: translate("Lessons", "Open a lesson prepared with Save Lesson"),
        )
        state.model_shown.connect(self._on_model_shown)
        client.build_failed.connect(self._on_build_failed)

    def current(self) -> Lesson | None:
        reference = self._state.reference
        if reference is None:
            return None
        fold = str(self._graph.fold.currentData())
        return Lesson(
            reference.text(),
            tuple(pinned.label for pinned in self._state.pinned()),
            VIEWS[self._views.currentIndex()],  # the views' English names, in the tabs' order
            fold,
            round(self._font_scale.value(), 3),
        )

    def save_lesson(self, path: str | None = None) -> bool:
        lesson = self.current()
        if lesson is None:
            return False
        title = translate("Lessons", "Save Lesson")
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._window, title, "lesson.lesson.json", lesson_filter()
            )
            if not path:
                return False
        text = lesson_json(lesson)
        what = translate("Lessons", "lesson")
        return save_text(self._window, title, what, path, text) is not None

    def open_lesson(self, path: str | None = None) -> bool:
        """Check the whole lesson, then show it; a file that cannot be used changes nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, translate("Lessons", "Open Lesson"), "", lesson_filter()
            )
            if not path:
                return False
        name = Path(path).name
        try:
            lesson = load_lesson(path, name)  # a regular file of a sane size, or one line
            reference = parse_reference(lesson.reference)
            pinned = [parse_reference(text) for text in lesson.pinned]
        except OSError as error:
            return self._refuse(
                translate("Lessons", "{name}: cannot be read ({reason})").format(
                    name=name, reason=error.strerror or error
                )
            )
        except ExplorerError as error:
            message = translated(user_message(error))
            return self._refuse(message if message.startswith(name) else f"{name}: {message}")
        self._font_scale.set(lesson.font_scale)
        self._views.setCurrentIndex(VIEWS.index(lesson.view))
        done = translate("Lessons", "Lesson open: {model}").format(model=lesson.reference)
        self.show(reference, pinned, lesson.fold, done)
        return True

    def show(
        self, reference: Reference, pinned: list[Reference], fold: str = "auto", done: str = ""
    ) -> None:
        """Pin ``pinned`` (from the cache, or built one by one), then show ``reference`` with
        the graph folded as ``fold`` says, and tell ``done``."""
        self._state.unpin_all()
        self._queue, self._final = list(pinned), (reference, fold, done)
        self._waiting = None
        self._next()

    def _refuse(self, message: str) -> bool:
        QMessageBox.warning(self._window, translate("Lessons", "Open Lesson"), message)
        return False

    def _next(self) -> None:
        """Pin what the cache has; build the first that it has not; at the end, the model."""
        while self._queue:
            reference = self._queue[0]
            summary = summary_cache.load(reference)
            if summary is None:
                self._waiting = reference
                self._show(reference)  # pinned in _on_model_shown when it is on screen
                return
            self._queue.pop(0)
            self._state.pin(reference.text(), summary)
        if self._final is not None:
            self._show(self._final[0])

    @Slot()
    def _on_model_shown(self) -> None:
        shown = self._state.reference
        if shown is None:
            return
        if self._waiting is not None and shown.text() == self._waiting.text():
            self._waiting = None
            self._queue.pop(0)
            self._state.pin_current()
            self._next()
        elif self._waiting is None and self._final and shown.text() == self._final[0].text():
            _, fold, done = self._final
            self._final = None
            if fold != "auto":
                index = self._graph.fold.findData(fold)
                self._graph.fold.setCurrentIndex(index)
                self._graph.fold.activated.emit(index)
            if done:
                self._state.tell(done)

    @Slot(int, str)
    def _on_build_failed(self, _generation: int, message: str) -> None:
        if self._waiting is not None:  # skip the model that cannot be built, say so
            self._state.tell(
                translate("Lessons", "Not pinned: {model}: {message}").format(
                    model=self._waiting.text(), message=translated(message)
                ),
                10_000,
            )
            self._waiting = None
            self._queue.pop(0)
            self._next()
