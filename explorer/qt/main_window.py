"""The main window: pick an architecture, edit its parameters, read its layers and totals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis import cache as summary_cache
from explorer.core.analysis.summary import ModelSummary
from explorer.core.base.errors import ExplorerError, ParameterError, one_line
from explorer.core.references.architecture import Reference
from explorer.core.sources import model_files
from explorer.core.sources.catalog import get
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.lookup import parse_reference
from explorer.core.worker.devices import DeviceReport
from explorer.qt import i18n
from explorer.qt.actions.about import APP_TITLE
from explorer.qt.actions.designs import DesignActions
from explorer.qt.actions.files import FileActions
from explorer.qt.actions.lessons import LessonActions
from explorer.qt.actions.menus import MenuParts, build_menus
from explorer.qt.actions.recent import RecentFiles
from explorer.qt.dialogs.prompts import Prompts
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.charts import ChartsPanel
from explorer.qt.panels.compare import ComparePanel
from explorer.qt.panels.design_canvas import DesignCanvas
from explorer.qt.panels.designer import DesignerPanel
from explorer.qt.panels.graph import GraphPanel
from explorer.qt.panels.layer_table import LayerTableView
from explorer.qt.panels.memory import MemoryPanel
from explorer.qt.panels.picker import ArchitecturePicker
from explorer.qt.panels.status import StatusLine
from explorer.qt.panels.sweep import SweepPanel
from explorer.qt.panels.totals import TotalsPanel
from explorer.qt.state import WindowState
from explorer.qt.widgets import palettes
from explorer.qt.widgets.actions import Words, make_action
from explorer.qt.widgets.focus_ring import FocusRing
from explorer.qt.widgets.font_scale import FontScale
from explorer.qt.widgets.palettes import Colours
from explorer.qt.widgets.param_form import ParameterForm
from explorer.qt.worker_client import WorkerClient

log = logging.getLogger(__name__)

DEFAULT_REFERENCE = "resnet50"
PRESENTATION_SCALE = 1.5
PINNED_KEY = "compare/pinned"  # the pinned models' references, restored at start
LONG_STATUS_MS = 30_000  # a message about the start, read after the window has appeared
EDIT_DEBOUNCE_MS = 250
OUTSIDE_CATALOG = (model_files.FAMILY, design_files.FAMILY)  # families the picker does not list


def _reference_or_none(text: str) -> Reference | None:
    try:
        return parse_reference(text)
    except ExplorerError:  # a label that is not a reference (nothing to restore it from)
        return None


class MainWindow(QMainWindow):
    """Assembles the window: one state, one worker client, the panels, actions and menus."""

    def __init__(
        self,
        settings: QSettings | None = None,
        client: WorkerClient | None = None,
        prompts: Prompts | None = None,
    ) -> None:
        """``client`` and ``prompts`` default to the real worker process and real dialogs."""
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main_window")
        self.settings = settings or QSettings()
        self.state = WindowState(self)
        self.font_scale = FontScale(self.settings, self)
        self._text_scale = self.font_scale.value()
        self.colours = Colours(self.settings, self)
        self.client = client or WorkerClient(self)
        state, client = self.state, self.client

        self.picker = ArchitecturePicker()
        self.form = ParameterForm()
        self.table = LayerTableView()
        self.totals = TotalsPanel()
        self.compare = ComparePanel(state)
        self.charts = ChartsPanel()
        self.designer = DesignerPanel()
        self.sweep = SweepPanel(state, client)
        self.graph = GraphPanel(self.state, self.settings)
        self.canvas = DesignCanvas(self.designer)  # the Graph view's edit mode
        self.graph.add_editor(self.canvas)
        self.memory = MemoryPanel(self.state, self.settings)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_layout()
        self.focus_ring = FocusRing(self)
        self.status = StatusLine(self.statusBar(), self.state, self.client)
        prompts = prompts or Prompts()
        self.recent = RecentFiles(self.settings, self)
        self.designs = DesignActions(
            state, self.designer, self.designer_dock, self.recent, prompts, self
        )
        self.files = FileActions(state, client, self.recent, self.designs, prompts, self)
        self.lessons = LessonActions(
            state, client, self.font_scale, self.views, self.graph, self.show_reference, self
        )
        self._build_menus()
        self.graph.edit_action.toggled.connect(self._on_edit_design_toggled)
        follow(self, self._show_heading)
        self.setAcceptDrops(True)

        # Edits build once typing pauses: each edit restarts the timer (stop() cancels).
        self.debouncer = QTimer(self, singleShot=True, interval=EDIT_DEBOUNCE_MS)
        self.debouncer.timeout.connect(self.request_build)
        self.form.values_edited.connect(self.debouncer.start)
        self.picker.architecture_selected.connect(self._on_architecture_selected)
        self.totals.batch_size.valueChanged.connect(self._save_batch_size)
        state.training_changed.connect(
            lambda: self.totals.batch_size.setValue(state.training.batch)
        )
        client.ready.connect(self._on_worker_ready)
        client.start_up_failed.connect(self._on_start_up_failed)
        client.build_started.connect(self._on_build_started)
        client.build_finished.connect(self._on_build_finished)
        client.build_failed.connect(self._on_build_failed)
        client.crashed.connect(self._on_worker_crashed)
        state.model_shown.connect(self._on_model_shown)
        state.open_requested.connect(self.show_reference)
        # The table, the charts and the state agree on the selected layer.
        self.table.layer_chosen.connect(state.select_layer)
        self.charts.layer_clicked.connect(state.select_layer)
        state.layer_selected.connect(self.table.select_row)
        state.layer_selected.connect(self.charts.highlight)

        self.font_scale.changed.connect(self._on_text_scale_changed)
        self.form.editors_changed.connect(self._chain_focus)
        self._chain_focus()
        self._restore()
        if not client.is_running():
            client.start()

    # --- layout -----------------------------------------------------------------------------

    def _dock(
        self, title: Words, name: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        dock = QDockWidget(self)
        follow(dock, lambda: dock.setWindowTitle(title()))
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_layout(self) -> None:
        """The views take the whole central area, one at a time (Ctrl+1 ... Ctrl+6); the
        totals are a strip under them; the picker and the parameters a side panel."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.heading)
        self.views = QTabWidget()
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        for index, (widget, title, tip) in enumerate(self.view_list()):
            self.views.addTab(widget, "")
            follow(self.views, partial(self._name_view, index, title, tip))
        layout.addWidget(self.views, 1)
        layout.addWidget(self.totals)
        self.setCentralWidget(central)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.picker_dock = self._dock(
            lambda: translate("Window", "Architectures"), "architectures_dock", self.picker, left
        )
        self.form_dock = self._dock(
            lambda: translate("Window", "Parameters"), "parameters_dock", form_scroll, left
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # The designer is part of the side panel, on a tab beside the parameters (a design has
        # none): the views keep their width, and every table column stays in view.
        designer_scroll = QScrollArea()  # short screens scroll the designer, never squash it
        designer_scroll.setWidgetResizable(True)
        designer_scroll.setWidget(self.designer)
        self.designer_dock = self._dock(
            lambda: translate("Window", "Designer"), "designer_dock", designer_scroll, left
        )
        self.tabifyDockWidget(self.form_dock, self.designer_dock)
        self.designer_dock.hide()  # until a design is started, opened or copied
        self._fit_to_screen(1440, 860)
        self._size_docks()

    def _chain_focus(self) -> None:
        """Tab goes from the picker to the parameters to the views, in that order."""
        chain = [
            self.picker.search_edit,
            self.picker.tree,
            *self.form.focus_chain(),
            self.views.tabBar(),
            self.table.filter_edit,
            self.table.table,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def view_list(self) -> list[tuple[QWidget, Words, Words]]:
        """The central views in order, with their titles and what they show."""
        return [
            (
                self.table,
                lambda: translate("Window", "Layers"),
                lambda: translate("Window", "Every layer's shape, parameters and cost"),
            ),
            (
                self.graph,
                lambda: translate("Window", "Graph"),
                lambda: translate("Window", "The model drawn, folded by stage or block"),
            ),
            (
                self.charts,
                lambda: translate("Window", "Charts"),
                lambda: translate("Window", "Parameters and cost layer by layer"),
            ),
            (
                self.compare,
                lambda: translate("Window", "Compare"),
                lambda: translate("Window", "Pinned models side by side"),
            ),
            (
                self.sweep,
                lambda: translate("Window", "Sweep"),
                lambda: translate("Window", "Totals as one parameter changes"),
            ),
            (
                self.memory,
                lambda: translate("Window", "Memory"),
                lambda: translate(
                    "Window", "Training memory by batch size, optimizer and precision"
                ),
            ),
        ]

    def _name_view(self, index: int, title: Words, tip: Words) -> None:
        self.views.setTabText(index, title())
        self.views.setTabToolTip(index, tip())

    def show_view(self, widget: QWidget) -> None:
        self.views.setCurrentWidget(widget)

    def _size_docks(self) -> None:
        """A narrow side panel and wide views: the layout a first start (or a reset) gets."""
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        scroll = self.form_dock.widget()
        assert isinstance(scroll, QScrollArea)
        form_width = (  # the form without sideways scrolling, beside its vertical scroll bar
            self.form.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
            + 8
        )
        side = max(290 if self.width() >= 1300 else 230, form_width)
        self.resizeDocks([self.picker_dock], [side], horizontal)
        self.resizeDocks([self.picker_dock, self.form_dock], [480, 260], vertical)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The preferred size, shrunk to fit small lab screens; a screen narrower than that
        (1024 or 1366 pixels wide) gets a maximised window, every pixel of it for the table.
        A saved geometry wins later."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() > 0:
            if width > screen.width():  # all of it, even where no window manager maximises
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
                width, height = screen.width(), min(height, screen.height())
            else:
                width = min(width, int(screen.width() * 0.95))
                height = min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    def _build_menus(self) -> None:
        self.pin_action = make_action(
            self,
            lambda: translate("Window", "&Pin for Comparison"),
            self.pin_current,
            "Ctrl+D",
            lambda: translate(
                "Window", "Keep this model in the Compare panel while you look at others"
            ),
        )
        self.pin_action.setEnabled(False)
        self.export_csv_action = self.files.export_csv_action
        self.export_markdown_action = self.files.export_markdown_action
        docks = (self.picker_dock, self.form_dock, self.designer_dock)
        views = self.view_list()
        self.totals_action = make_action(
            self,
            lambda: translate("Window", "&Totals"),
            lambda: None,
            None,
            lambda: translate("Window", "The strip of totals under the views"),
        )
        self.totals_action.setCheckable(True)
        self.totals_action.setChecked(True)
        self.totals_action.toggled.connect(self.totals.setVisible)
        parts = MenuParts(
            self.state,
            self.files,
            self.designs,
            self.pin_action,
            self.table,
            self.picker,
            self.picker_dock,
            self.form,
            docks,
            self.reset_layout,
            self.find_layer,
            self.show_graph,
            [(title, lambda w=widget: self.show_view(w), tip) for widget, title, tip in views],
            self.totals_action,
            self.text_actions(),
            self.language_actions(),
            self.colour_actions(),
            (self.lessons.open_action, self.lessons.save_action),
        )
        build_menus(self, parts)
        self._default_state = self.saveState()

    # --- building ---------------------------------------------------------------------------

    @Slot(str)
    def _on_architecture_selected(self, architecture_id: str) -> None:
        architecture = get(architecture_id)
        if self.form.architecture() is not architecture:  # its parameters as last used
            saved = _reference_or_none(str(self.settings.value(f"params/{architecture_id}", "")))
            if saved is not None and saved.architecture.id == architecture_id:
                self.form.set_architecture(architecture, saved.values)
            else:
                self.form.set_architecture(architecture)
        self.debouncer.stop()  # a new architecture supersedes edits still waiting
        self.request_build()

    @Slot()
    def request_build(self) -> None:
        """Validate the form now (no TensorFlow); build in the worker only what passes."""
        architecture = self.form.architecture()
        if architecture is None:
            return
        try:
            reference = architecture.resolve(self.form.values())
        except ParameterError as error:
            self.form.show_error(error.param, translated(error.message))
            self.state.tell(
                translate("Window", "Check {param}: the table shows the last valid model").format(
                    param=error.param
                )
            )
            return
        self.form.clear_errors()
        self.build(reference)

    def build(self, reference: Reference) -> None:
        """Show ``reference`` from the summary cache (at once, even before TensorFlow has
        loaded), or build it in the worker, or as soon as TensorFlow is ready."""
        summary = summary_cache.load(reference)
        if summary is not None:
            self.client.supersede()  # replies to earlier builds are out of date now
            self.state.waiting = None
            self.state.requested = reference
            self.state.show(reference, summary)
            self.status.show_cached()
            return
        if not self.client.is_ready:
            self.state.waiting = reference
            return
        self._send(reference)

    def _send(self, reference: Reference) -> None:
        self.state.requested = reference
        self.client.request(reference)

    @Slot(DeviceReport)
    def _on_worker_ready(self, report: DeviceReport) -> None:
        self.state.set_device(report)
        if self.state.waiting is not None:
            reference, self.state.waiting = self.state.waiting, None
            self._send(reference)

    @Slot(str)
    def _on_start_up_failed(self, message: str) -> None:
        QMessageBox.critical(self, APP_TITLE, message)

    @Slot(int)
    def _on_build_started(self, generation: int) -> None:
        if self.state.summary is None and self.state.requested is not None:
            self.heading.setText(
                translate("Window", "Building {model}…").format(model=self.state.requested.text())
            )

    @Slot(int, ModelSummary, float)
    def _on_build_finished(self, generation: int, summary: ModelSummary, seconds: float) -> None:
        assert self.state.requested is not None
        self.state.show(self.state.requested, summary)

    @Slot()
    def _on_model_shown(self) -> None:
        reference, summary = self.state.reference, self.state.summary
        assert reference is not None and summary is not None
        architecture = reference.architecture
        if architecture.family in OUTSIDE_CATALOG:
            self.picker.show_other(architecture.title, architecture.description)
        self.table.set_summary(summary)
        self.totals.set_totals(summary.totals)
        self.charts.set_summary(summary)
        self._show_heading()
        self.pin_action.setEnabled(True)
        if architecture.source is None:  # an unsaved design cannot come back
            self.settings.setValue("model/reference", reference.text())
        if architecture.family not in OUTSIDE_CATALOG:
            self.settings.setValue(f"params/{architecture.id}", reference.text())

    def find_layer(self) -> None:
        """Ctrl+F: the graph's search while the graph is shown, else the table's filter."""
        if self.views.currentWidget() is self.graph:
            self.graph.search.setFocus()
            self.graph.search.selectAll()
        else:
            self.table.focus_filter()

    @Slot(bool)
    def _on_edit_design_toggled(self, on: bool) -> None:
        """Edit design on: the designer (palette, properties, layers) beside the canvas."""
        if on:
            self.designer_dock.show()
            self.designer_dock.raise_()

    def show_graph(self) -> None:
        """Ctrl+G: the graph, or back to the table."""
        showing = self.views.currentWidget() is self.graph
        self.views.setCurrentWidget(self.table if showing else self.graph)

    def pin_current(self) -> None:
        """Pin the model on screen; from the second pinned model on, Compare is shown."""
        if not self.state.pin_current():
            return
        if len(self.state.pinned()) >= 2:
            self.show_view(self.compare)
        else:
            self.state.tell(
                translate("Window", "Pinned: pick another model and pin it too to compare (Ctrl+4)")
            )

    @Slot(int, str)
    def _on_build_failed(self, generation: int, message: str) -> None:
        self.form.show_error(None, translated(message))

    @Slot(str)
    def _on_worker_crashed(self, message: str) -> None:
        """A crash (say, the system ran out of memory) costs one build, never the window."""
        if self.state.requested is not None:
            message = translate("Window", "{message} It was building {model}.").format(
                message=message, model=self.state.requested.text()
            )
        self.form.show_error(None, message)

    # --- actions ----------------------------------------------------------------------------

    def text_actions(self) -> list[QAction]:
        """Larger and smaller text for the whole window; in the graph, zoom and fit instead."""
        larger = make_action(
            self,
            lambda: translate("Window", "&Larger Text"),
            lambda: self.zoom(1),
            "Ctrl+=",
            lambda: translate(
                "Window",
                "Make every text in the window larger (zooms the graph while it has focus)",
            ),
        )
        larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        smaller = make_action(
            self,
            lambda: translate("Window", "&Smaller Text"),
            lambda: self.zoom(-1),
            "Ctrl+-",
            lambda: translate(
                "Window", "Make every text smaller (zooms the graph out while it has focus)"
            ),
        )
        normal = make_action(
            self,
            lambda: translate("Window", "&Normal Text Size"),
            lambda: self.zoom(0),
            "Ctrl+0",
            lambda: translate(
                "Window", "Text at the system's size (fits the graph while it has focus)"
            ),
        )
        self.presentation_action = make_action(
            self,
            lambda: translate("Window", "&Presentation Mode"),
            self.toggle_presentation,
            "F11",
            lambda: translate(
                "Window", "Full screen with large type, for a projector (F11 again to leave)"
            ),
        )
        self.presentation_action.setCheckable(True)
        return [larger, smaller, normal, self.presentation_action]

    def language_actions(self) -> list[QAction]:
        """View → Language: System, English, 简体中文 (each in its own language)."""
        names: dict[str, Words] = {
            code: (lambda n=name: n) for code, name in i18n.LANGUAGES if code != i18n.SYSTEM
        }
        chosen = str(self.settings.value(i18n.SETTINGS_KEY, i18n.SYSTEM))
        self.language_actions_group = self._choices(
            {i18n.SYSTEM: lambda: translate("Window", "&System"), **names},
            chosen,
            self.set_language,
        )
        return self.language_actions_group.actions()

    def colour_actions(self) -> list[QAction]:
        """View → Colours: the system's, light or dark."""
        names: dict[str, Words] = {
            palettes.SYSTEM: lambda: translate("Window", "&System Colours"),
            palettes.LIGHT: lambda: translate("Window", "&Light"),
            palettes.DARK: lambda: translate("Window", "&Dark"),
        }
        self.colour_actions_group = self._choices(
            names, self.colours.scheme(), self.colours.set_scheme
        )
        return self.colour_actions_group.actions()

    def _choices(
        self, names: dict[str, Words], chosen: str, choose: Callable[[str], object]
    ) -> QActionGroup:
        """One checkable action a choice (its code as the action's data), ``chosen`` checked."""
        group = QActionGroup(self)
        for code, name in names.items():
            action = make_action(self, name, partial(choose, code))
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
        return group

    def set_language(self, code: str) -> None:
        """Every text of the window in ``code`` from now on, remembered; no restart."""
        self.settings.setValue(i18n.SETTINGS_KEY, code)
        for action in self.language_actions_group.actions():
            action.setChecked(action.data() == code)
        i18n.set_language(code)

    def _show_heading(self) -> None:
        reference, summary = self.state.reference, self.state.summary
        if reference is None or summary is None:
            self.heading.setText(
                translate("Window", "Loading TensorFlow… the first table appears in a few seconds.")
            )
            return
        weights_from = self.state.weights_from
        weights = (
            translate("Window", " &nbsp;·&nbsp; weights from <code>{file}</code>").format(
                file=Path(weights_from).name
            )
            if weights_from
            else ""
        )
        self.heading.setText(
            f"<b>{reference.architecture.title}</b> &nbsp;·&nbsp; <code>{reference.text()}</code>"
            + translate("Window", " &nbsp;·&nbsp; {count} layers").format(
                count=sum(not row.part_of for row in summary.layers)
            )
            + weights
        )

    def zoom(self, steps: int) -> None:
        """Ctrl+= / Ctrl+- / Ctrl+0: the drawing while it has the focus, else the text."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.graph or self.graph.isAncestorOf(focus)):
            if steps:
                self.graph.zoom(steps)
            else:
                self.graph.fit()
        elif steps > 0:
            self.font_scale.larger()
        elif steps < 0:
            self.font_scale.smaller()
        else:
            self.font_scale.reset()

    @Slot(float)
    def _on_text_scale_changed(self, scale: float) -> None:
        self.graph.set_text_scale(self._text_scale, scale)
        self._text_scale = scale
        self.state.tell(
            translate("Window", "Text at {percent} %").format(percent=round(scale * 100))
        )

    def toggle_presentation(self) -> None:
        """F11: full screen, at least 150 % text, high-contrast colours; again: as it was."""
        if self.presentation_action.isChecked():
            self._before_presentation = (self.font_scale.value(), self.isMaximized())
            self.font_scale.set(max(PRESENTATION_SCALE, self.font_scale.value()))
            self.colours.set_high_contrast(True)
            self.showFullScreen()
        else:
            scale, maximized = getattr(self, "_before_presentation", (1.0, False))
            self.font_scale.set(scale)
            self.colours.set_high_contrast(False)
            if maximized:
                self.showMaximized()
            else:
                self.showNormal()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in (self.picker_dock, self.form_dock):
            dock.show()
        self.totals_action.setChecked(True)
        self._size_docks()

    # --- settings ---------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._first_show = state is None
        self.totals_action.setChecked(self.settings.value("window/totals", "true") != "false")
        view = self.settings.value("window/view")
        if view is not None and 0 <= int(view) < self.views.count():
            self.views.setCurrentIndex(int(view))
        batch = self.settings.value("totals/batch_size")
        if batch is not None:
            self.totals.batch_size.setValue(int(batch))
        text = str(self.settings.value("model/reference", DEFAULT_REFERENCE))
        try:
            reference = parse_reference(text)
        except ExplorerError:  # a parameter that changed, a model file since deleted
            log.warning("ignoring saved reference %r", text)
            reference = parse_reference(DEFAULT_REFERENCE)
        pinned, lost = [], []
        for label in self._saved_list(PINNED_KEY):
            try:
                pinned.append(parse_reference(label))
            except ExplorerError as error:
                log.warning("not restoring the pinned model %r: %s", label, error)
                lost.append(label)
        if lost:  # an unsaved design, a file since moved: said, not silently dropped
            message = translate(
                "Window",
                "Not pinned again from last time: {names} (unsaved designs, or files moved or "
                "deleted)",
            ).format(names=", ".join(one_line(label)[:60] for label in lost))
            # Once the restored model is on screen (which clears the status bar).
            self.state.model_shown.connect(
                lambda: self.state.tell(message, LONG_STATUS_MS),
                Qt.ConnectionType.SingleShotConnection,
            )
        if pinned:  # from the cache, or built one by one, then the model itself
            self.lessons.show(reference, pinned)
        else:
            self.show_reference(reference)

    def _saved_list(self, key: str) -> list[str]:
        value = self.settings.value(key)
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    @Slot(Reference)
    def show_reference(self, reference: Reference) -> None:
        """Put ``reference`` in the picker and the form, and build it."""
        architecture = reference.architecture
        self.form.set_architecture(architecture, reference.values)
        if architecture.family in OUTSIDE_CATALOG:
            self.debouncer.stop()  # what is shown now supersedes edits still waiting
            self.request_build()
        else:
            self.picker.select(architecture.id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and self.files.accepts(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        if self.files.open_dropped(event.mimeData().urls()):
            event.acceptProposedAction()

    @Slot(int)
    def _save_batch_size(self, value: int) -> None:
        """One batch size for the window: the totals' and the Memory view's."""
        self.settings.setValue("totals/batch_size", value)
        self.state.set_training(replace(self.state.training, batch=value))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._first_show:
            # Dock sizes given before the window has its real size are not kept.
            self._first_show = False
            self._size_docks()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue(
            "window/totals", "true" if self.totals_action.isChecked() else "false"
        )
        self.settings.setValue("window/view", self.views.currentIndex())
        # Every pinned model, unsaved designs too: the next start names what it cannot pin.
        self.settings.setValue(PINNED_KEY, [p.label for p in self.state.pinned()])
        self.settings.sync()
        self.client.stop()
        super().closeEvent(event)
