"""Regenerate the README's screenshots: ``make screenshots`` (offscreen, real widgets)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EXPLORER_CACHE_DIR"] = "off"  # every model built, as on a first start

OUT = Path(__file__).resolve().parents[1] / "resources" / "screenshots"


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``signal`` (or the time is up)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def settle(ms: int = 300) -> None:
    """Let the layouts and docks settle into their sizes."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    from PySide6.QtCore import QEventLoop, QSettings, QSignalBlocker, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.core.sources.lookup import parse_reference
    from explorer.qt.dialogs.prompts import Prompts
    from explorer.qt.dialogs.weights_report import CompatibilityDialog
    from explorer.qt.main_window import MainWindow

    class GrabReport(Prompts):
        """Photographs the weights report instead of waiting for an answer."""

        def confirm_load(self, report, reference, parent) -> bool:
            dialog = CompatibilityDialog(report, reference, parent)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(OUT / "weights-compatibility-report.png"))
            dialog.close()
            return False

    app = QApplication.instance() or QApplication(sys.argv)
    folder = tempfile.mkdtemp()
    settings = QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, prompts=GrabReport())
    window.show()
    app.processEvents()
    # Offscreen, the screen is 800 pixels wide, so the window opens maximised, as on a lab
    # screen narrower than it would like; the pictures are taken at the sizes they name.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1440, 860)

    wait_for(window.client.build_finished)
    window.table.table.selectRow(4)
    app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "main-window-resnet50.png"))

    variant = window.form.editor("variant")
    with QSignalBlocker(window.form):
        variant.setCurrentIndex(variant.findText("tutorial"))
        window.form.editor("input_shape").set_value((100, 100, 3))
    window.form.values_edited.emit()
    pause = QEventLoop()
    QTimer.singleShot(600, pause.quit)  # past the edit debounce
    pause.exec()
    window.grab().save(str(OUT / "main-window-inline-error.png"))

    def show_reference(text: str) -> None:
        reference = parse_reference(text)
        window.show_reference(reference)
        wait_for(window.client.build_finished)

    # ResNet34 against ResNet50, pinned side by side, and the charts.
    show_reference("resnet34")
    window.pin_current()
    show_reference("resnet50")
    window.pin_current()
    app.processEvents()
    window.grab().save(str(OUT / "compare-resnet34-resnet50.png"))
    window.compare.show_charts()
    app.processEvents()
    window.grab().save(str(OUT / "compare-charts-resnet34-resnet50.png"))
    window.compare.tabs.setCurrentIndex(0)
    # The lab screen sizes: the comparison at a projector's 1366x768, the table at 1024x768.
    for (width, height), view, name in (
        ((1366, 768), window.compare, "window-1366x768-compare.png"),
        ((1024, 768), window.table, "window-1024x768-layers.png"),
    ):
        window.resize(width, height)
        window.show_view(view)
        for _ in range(2):  # the docks are sized once the window has its new size
            settle = QEventLoop()
            QTimer.singleShot(300, settle.quit)
            settle.exec()
            window.reset_layout()
        window.grab().save(str(OUT / name))
    window.resize(1440, 860)
    window.reset_layout()
    window.show_view(window.charts)
    window.state.select_layer(150)
    app.processEvents()
    window.grab().save(str(OUT / "charts-resnet50.png"))
    # Input sizes of the current ResNet50 and the pinned ResNet34 side by side.
    window.show_view(window.sweep)
    window.sweep.with_pinned.setChecked(True)
    window.sweep.set_range(64, 352, 32)
    window.sweep.run()
    while window.sweep.is_running():
        wait_for(window.client.sweep_done)
    pause = QEventLoop()
    QTimer.singleShot(300, pause.quit)  # let the docks settle into their new sizes
    pause.exec()
    window.grab().save(str(OUT / "sweep-input-size.png"))
    window.show_view(window.table)
    window.state.unpin_all()

    # The compatibility report for ResNet34 weights checked against ResNet18.

    show_reference("resnet34:input_shape=64x64x3,classes=10")
    path = os.path.join(folder, "resnet34.weights.h5")
    window.files.save_weights(path)
    wait_for(window.client.weights_saved)
    show_reference("resnet18:input_shape=64x64x3,classes=10")

    window.files.load_weights(path)
    wait_for(window.client.weights_checked)

    # The graph at a projector's 1366x768: the seed's ResNet34 with its 3x3 projection
    # shortcut, then ResNet50 folded by stage.
    window.resize(1366, 768)
    window.reset_layout()
    show_reference("resnet34:variant=tutorial")
    window.show_graph()
    if window.graph.pending():
        wait_for(window.graph.drawn)
    window.graph.search.setText("conv3_block1_0_conv")
    window.graph.find()
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)
    settle.exec()
    window.grab().save(str(OUT / "graph-resnet34-tutorial.png"))
    show_reference("resnet50")
    window.graph.fold.setCurrentIndex(window.graph.fold.findData("stages"))
    window.graph.fold.activated.emit(window.graph.fold.currentIndex())
    wait_for(window.graph.drawn)
    app.processEvents()
    window.grab().save(str(OUT / "graph-resnet50-stages.png"))
    window.show_graph()  # back to the table
    window.resize(1440, 860)

    # The designer: a small VGG with a 7x7 convolution after its last pooling (4x4 left).
    window.designs.open_design(
        str(OUT.parents[1] / "resources" / "designs" / "small-vgg.design.json")
    )
    wait_for(window.client.build_finished)
    window.designer.layers.setCurrentRow(9)
    window.designer.add_layer("Conv2D", kernel_size=7)
    wait_for(window.client.build_finished)
    window.resizeDocks([window.designer_dock], [560], Qt.Orientation.Horizontal)
    window.resizeDocks(
        [window.picker_dock, window.designer_dock], [120, 700], Qt.Orientation.Vertical
    )
    app.processEvents()
    window.designer_dock.widget().ensureWidgetVisible(window.designer.problem)
    pause = QEventLoop()
    QTimer.singleShot(300, pause.quit)  # let the docks settle into their new sizes
    pause.exec()
    app.processEvents()
    window.grab().save(str(OUT / "designer-invalid-layer.png"))
    dialog = window.designs.show_code()
    dialog.resize(900, 640)
    app.processEvents()
    dialog.grab().save(str(OUT / "code-view.png"))
    dialog.close()
    # Beyond CNNs: BERT-Tiny swept over its sequence length (attention grows with the square of
    # the tokens), then the example text classifier, its LSTM's cell shown once under it.
    window.designer_dock.hide()
    window.reset_layout()
    show_reference("bert_tiny")
    window.show_view(window.sweep)
    window.sweep.with_pinned.setChecked(False)
    labels = [window.sweep.param.itemText(i) for i in range(window.sweep.param.count())]
    window.sweep.param.setCurrentIndex(labels.index("sequence length"))
    window.sweep.set_range(32, 512, 32)
    window.sweep.run()
    while window.sweep.is_running():
        wait_for(window.client.sweep_done)
    app.processEvents()
    window.grab().save(str(OUT / "sweep-bert-sequence-length.png"))
    show_reference("examples:text-classifier")
    window.show_view(window.table)
    window.table.table.selectRow(3)
    app.processEvents()
    window.grab().save(str(OUT / "layers-text-classifier.png"))
    # Will it train here? ResNet50's training memory at batch 64 with Adam in mixed float16,
    # and the largest batch on this machine's device (its free RAM, on a machine with no GPU).
    show_reference("resnet50")
    window.show_view(window.memory)
    window.memory.batch_size.setValue(64)
    window.memory.precision.setCurrentIndex(window.memory.precision.findData("mixed_float16"))
    app.processEvents()
    window.grab().save(str(OUT / "memory-resnet50.png"))
    window.memory.batch_size.setValue(32)
    window.memory.precision.setCurrentIndex(window.memory.precision.findData("float32"))
    # The classroom: Simplified Chinese at a projector's 1366x768, then the dark colours.
    from explorer.qt import i18n

    window.designer_dock.hide()
    show_reference("resnet50")
    window.resize(1366, 768)
    window.reset_layout()
    window.set_language(i18n.CHINESE)
    window.show_view(window.table)
    window.table.table.selectRow(1)
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)
    settle.exec()
    window.grab().save(str(OUT / "window-1366x768-chinese.png"))
    window.set_language(i18n.ENGLISH)
    window.colours.set_scheme("dark")
    window.show_view(window.graph)
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)
    settle.exec()
    window.grab().save(str(OUT / "window-1366x768-dark.png"))
    window.colours.set_scheme("system")
    window.close()
    canvas_screenshots()
    print(f"wrote {OUT}")
    return 0


def _inception(wired: bool) -> object:
    """An Inception-style block over a 28×28×192 input: four branches concatenated (the last
    branch not wired into the merge unless ``wired``)."""
    from explorer.core.sources.designs.model import Design, DesignLayer
    from explorer.qt.widgets.design_layout import auto_layout

    def conv(name: str, source: str, filters: int, size: int) -> DesignLayer:
        args = (("filters", filters), ("kernel_size", size), ("padding", "same"))
        return DesignLayer("Conv2D", name, args, inputs=(source,))

    branches = ("conv1x1", "conv3x3", "conv5x5", "pool_proj")
    layers = (
        DesignLayer("Input", "image", (("shape", (28, 28, 192)),), inputs=()),
        conv("conv1x1", "image", 64, 1),
        conv("reduce3x3", "image", 96, 1),
        conv("reduce5x5", "image", 16, 1),
        DesignLayer(
            "MaxPooling2D",
            "pool",
            (("pool_size", 3), ("strides", 1), ("padding", "same")),
            inputs=("image",),
        ),
        conv("conv3x3", "reduce3x3", 128, 3),
        conv("conv5x5", "reduce5x5", 32, 5),
        conv("pool_proj", "pool", 32, 1),
        DesignLayer("Concatenate", "inception", inputs=branches if wired else branches[:3]),
    )
    design = Design("inception-block", layers, outputs=("inception",))
    return design.placed(auto_layout(design))


def _wrong_add() -> object:
    """A residual connection across a strided convolution without a projection."""
    from explorer.core.sources.designs.model import Design, DesignLayer
    from explorer.qt.widgets.design_layout import auto_layout

    layers = (
        DesignLayer("Input", "features", (("shape", (56, 56, 64)),), inputs=()),
        DesignLayer(
            "Conv2D",
            "conv_down",
            (("filters", 128), ("kernel_size", 3), ("strides", 2), ("padding", "same")),
            inputs=("features",),
        ),
        DesignLayer("BatchNormalization", "bn", inputs=("conv_down",)),
        DesignLayer("Add", "add_1", inputs=("features", "bn")),
        DesignLayer("ReLU", "relu", inputs=("add_1",)),
        DesignLayer("GlobalAveragePooling2D", "pooled", inputs=("bn",)),
    )
    design = Design("residual-without-projection", layers, outputs=("relu", "pooled"))
    return design.placed(auto_layout(design))


def canvas_screenshots(out: Path = OUT) -> list[Path]:
    """The design canvas at 1366x768: the Inception block being wired (its last branch on its
    way to the merge), and an Add whose inputs differ, its reason on the box and its
    connection red. Only these two pictures: ``python -c "from tests.screenshots import
    canvas_screenshots; canvas_screenshots()"``."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from explorer.core.sources.designs import files as design_files
    from explorer.qt.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.show()
    app.processEvents()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)

    wait_for(window.client.build_finished)
    window.reset_layout()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for design, name in (
        (_inception(wired=False), "design-canvas-wiring.png"),
        (_wrong_add(), "design-canvas-shape-error.png"),
    ):
        path = folder / f"{design.name}{design_files.SUFFIX}"
        design_files.save(design, path)
        window.designs.open_design(str(path))
        for _ in range(5):  # built (an earlier build may finish first)
            reference = window.state.reference
            if reference is not None and reference.architecture.title == design.name:
                break
            wait_for(window.client.build_finished, 10_000)
        window.show_view(window.graph)
        if not window.graph.edit_action.isChecked():
            window.graph.edit_action.trigger()
        window.resizeDocks([window.designer_dock], [300], Qt.Orientation.Horizontal)
        window.resizeDocks(
            [window.picker_dock, window.designer_dock], [120, 640], Qt.Orientation.Vertical
        )
        settle()
        canvas = window.canvas
        canvas.fit()
        view = canvas.view
        if name == "design-canvas-wiring.png":  # pool_proj's output dragged to the merge
            canvas.designer.select("inception")
            start = view.mapFromScene(canvas.nodes["pool_proj"].output.centre())
            end = view.mapFromScene(canvas.nodes["inception"].inputs[3].centre())
            QTest.mousePress(view.viewport(), left, none, start)
            QTest.mouseMove(view.viewport(), end + (start - end) / 4)
            QTest.mouseMove(view.viewport(), end)
        else:
            canvas.designer.select("add_1")
            window.designer_dock.widget().ensureWidgetVisible(window.designer.problem)
        settle()
        window.grab().save(str(out / name))
        written.append(out / name)
        if view.wiring is not None:
            QTest.keyClick(view, Qt.Key.Key_Escape)
            QTest.mouseRelease(view.viewport(), left, none, end)
    window.close()
    return written


if __name__ == "__main__":
    raise SystemExit(main())
