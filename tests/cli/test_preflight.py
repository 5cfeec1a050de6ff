"""`make run` names the Debian packages to install when Qt's xcb plugin cannot load."""

from __future__ import annotations

from pathlib import Path

from explorer import preflight


def test_missing_libraries_become_one_apt_get_line(monkeypatch) -> None:
    class Done:
        stdout = (
            "\tlibxcb-cursor.so.0 => not found\n"
            "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x0001)\n"
            "\tlibxkbcommon-x11.so.0 => not found\n"
            "\tlibxcb-cursor.so.0 => not found\n"
        )

    monkeypatch.setattr(preflight.subprocess, "run", lambda *a, **k: Done())
    missing = preflight.missing_libraries(Path("libqxcb.so"))
    assert missing == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    assert preflight.install_hint(missing) == (
        "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0"
    )


def test_no_display_is_explained(monkeypatch, capsys) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert preflight.main() == 1
    assert capsys.readouterr().err.startswith("explorer: no display found (DISPLAY is not set).")


def test_offscreen_needs_no_check(monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert preflight.main() == 0
