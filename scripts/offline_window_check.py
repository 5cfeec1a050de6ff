"""Open the installed program's window offscreen and wait for its first table (``make
wheelhouse-check``).

Run it with the Python of the venv under test, from a folder outside the repository, so that
``import explorer`` finds the installed package, not the source tree. Settings, the summary
cache and Keras's config go to a temporary folder: the user's are left alone.

Prints ``window opened: <title>, N layer rows`` and exits 0 once the table shows a model; exits 1
with one line on stderr if the worker fails or nothing is shown within the timeout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

SOURCE_TREE = Path(__file__).resolve().parents[1]
TEMPORARY: list[str] = []  # main()'s folder for settings, the cache and Keras's config
STOP_WORKER: list[Callable[[], None]] = []  # once the window has started it


def fail(message: str) -> NoReturn:
    print(f"offline window check failed: {message}", file=sys.stderr, flush=True)
    for stop in STOP_WORKER:  # before the folder goes: the worker writes Keras's config there
        stop()
    for folder in TEMPORARY:
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(1)  # works from inside Qt's event loop too


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds (default 60)")
    args = parser.parse_args()

    # Not at import: the worker process, started with "spawn", imports this module again.
    folder = tempfile.mkdtemp(prefix="explorer-offline-check-")
    TEMPORARY.append(folder)
    # Before anything imports Qt or starts the worker process, which inherits them.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["EXPLORER_CACHE_DIR"] = os.path.join(folder, "cache")
    os.environ["KERAS_HOME"] = os.path.join(folder, "keras")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")

    import explorer

    location = Path(explorer.__file__).resolve()
    print(f"explorer {explorer.__version__} from {location}", flush=True)
    if location.is_relative_to(SOURCE_TREE / "explorer"):
        fail(f"imported the source tree ({location}), not the installed package")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.qt.app import APPLICATION, ORGANIZATION
    from explorer.qt.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.path.join(folder, "settings")
    )
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    sys.excepthook = lambda kind, error, trace: fail(f"{kind.__name__}: {error}")

    started = time.monotonic()
    settings = QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    STOP_WORKER.append(window.client.stop)
    window.client.start_up_failed.connect(lambda *a: fail(f"the worker did not start: {a}"))
    window.client.build_failed.connect(lambda *a: fail(f"the build failed: {a}"))
    window.show()

    loop = QEventLoop()
    window.state.model_shown.connect(loop.quit)
    QTimer.singleShot(int(args.timeout * 1000), loop.quit)
    if window.table.model.rowCount() == 0:
        loop.exec()
    rows = window.table.model.rowCount()
    if rows == 0:
        fail(f"no table within {args.timeout:g} s (heading: {window.heading.text()!r})")
    print(
        f"window opened: {window.windowTitle()}, {rows} layer rows "
        f"({time.monotonic() - started:.1f} s)",
        flush=True,
    )
    window.close()  # stops the worker process
    app.processEvents()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


# The guard matters: the worker process is started with "spawn", which imports this module again.
if __name__ == "__main__":
    raise SystemExit(main())
