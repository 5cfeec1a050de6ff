"""Before `make run` opens a window: can Qt's xcb plugin load here? If not, say what to install.

On a fresh Debian or Ubuntu machine Qt stops with "Could not load the Qt platform plugin xcb"
because a few X11 libraries are missing; ``ldd`` on the plugin names them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Shared library -> Debian package that ships it.
DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-randr.so": "libxcb-randr0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
}


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries ``ldd`` cannot find for ``plugin`` (empty when ldd is unavailable)."""
    try:
        out = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, check=False, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    # ldd lists a library once per dependent: keep the first of each.
    return list(dict.fromkeys(line.split()[0] for line in out.splitlines() if "not found" in line))


def install_hint(missing: list[str]) -> str:
    packages = sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in missing})
    return "sudo apt-get install " + " ".join(packages)


def main() -> int:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return 0
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return 0
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print(
            "explorer: no display found (DISPLAY is not set). Run it on a desktop session, "
            "or try the command line: explorer summary resnet50",
            file=sys.stderr,
        )
        return 1
    missing = missing_libraries(plugin)
    if missing:
        print(
            "explorer: Qt cannot open a window: these X11 libraries are missing: "
            + ", ".join(missing),
            file=sys.stderr,
        )
        print(f"Install them with:\n    {install_hint(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
