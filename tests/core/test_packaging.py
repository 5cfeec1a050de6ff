"""The wheel's contents: pyproject.toml lists its packages by hand (see the comment there)."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from 3.11")

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_and_the_example_designs_go_into_the_wheel() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    on_disk = [
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "explorer").rglob("__init__.py")
    ]
    assert sorted(setuptools["packages"]) == sorted([*on_disk, "explorer.resources.designs"])
    assert setuptools["package-dir"] == {"explorer.resources.designs": "resources/designs"}
    assert setuptools["package-data"] == {
        "explorer.resources.designs": ["*.design.json"],
        "explorer.qt": ["translations/*.qm"],
    }
    translations = ROOT / "explorer" / "qt" / "translations"
    sources = sorted(p.stem for p in translations.glob("*.ts"))
    assert sources == ["explorer_zh_CN"]
    assert sorted(p.stem for p in translations.glob("*.qm")) == sources  # each one shipped
    assert sorted(path.name for path in (ROOT / "resources" / "designs").iterdir()) == [
        "image-and-metadata.design.json",
        "inception-block.design.json",
        "mini-resnet.design.json",
        "simple-cnn.design.json",
        "small-unet.design.json",
        "small-vgg.design.json",
        "text-classifier.design.json",
    ]
