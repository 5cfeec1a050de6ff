"""``explorer graph``: JSON, SVG and PNG drawings of a model, and its usage errors."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET

from tests.cli.test_cli import run_cli


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_json_lays_out_every_layer_and_group(tmp_path) -> None:
    code, out, err = run_cli("graph", "resnet18:classes=10", "--format", "json")
    assert (code, err) == (0, "")
    graph = json.loads(out)
    assert set(graph) == {"architecture", "params", "width", "height", "nodes", "edges", "groups"}
    assert graph["architecture"] == "resnet18"
    assert graph["params"] == {"input_shape": [224, 224, 3], "classes": 10, "variant": "paper"}
    assert len(graph["nodes"]) == 70
    first = graph["nodes"][0]
    assert first == {
        "id": "conv1_pad",
        "name": "conv1_pad",
        "type": "ZeroPadding2D",
        "output_shape": [None, 230, 230, 3],
        "params": 0,
        "macs": 0,
        "group": "stage:stem",
        "x": 0.0,
        "y": 0.0,
        "width": 230,
        "height": 48,
    }
    assert graph["nodes"][-1]["params"] == 512 * 10 + 10
    by_id = {node["id"]: node for node in graph["nodes"]}
    assert all(by_id[e["to"]]["y"] > by_id[e["from"]]["y"] for e in graph["edges"])
    stages = [g for g in graph["groups"] if g["kind"] == "stage"]
    names = ["stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head"]
    assert [g["name"] for g in stages] == names
    assert not any(g["folded"] for g in graph["groups"])
    assert sum(g["params"] for g in stages) == 11_689_512 - 1000 * 513 + 10 * 513 + 9_600


def test_folded_json_draws_groups_in_place_of_their_layers() -> None:
    code, out, _ = run_cli("graph", "resnet18", "--fold", "stages", "--format", "json")
    graph = json.loads(out)
    assert code == 0
    assert all(node["x"] is None for node in graph["nodes"])  # inside folded stages
    folded = [g for g in graph["groups"] if g["folded"]]
    assert [g["id"] for g in folded] == [
        f"stage:{name}" for name in ("stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head")
    ]
    assert [e["from"] for e in graph["edges"]] == [g["id"] for g in folded[:-1]]
    assert [g["y"] for g in folded] == sorted(g["y"] for g in folded)


def test_svg_and_png_files_are_written(tmp_path) -> None:
    svg_path, png_path = tmp_path / "r34.svg", tmp_path / "r34.png"
    reference = "resnet34:variant=tutorial"
    assert run_cli("graph", reference, "--format", "svg", "-o", str(svg_path))[:2] == (
        0,
        f"wrote {svg_path}\n",
    )
    root = ET.fromstring(svg_path.read_text())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[:2] == [
        "ResNet34",
        f"{reference} · 23,199,464 parameters · 3.82 G MACs per sample · 93 layers",
    ]
    assert "conv3_block1_0_conv" in texts  # the seed's 3x3 projection shortcut ...
    assert "Conv2D 3×3 /2 · 73,856 params" in texts  # ... 3 x 3 x 64 x 128 + 128
    assert (
        run_cli("graph", reference, "--color", "type", "--format", "png", "-o", str(png_path))[0]
        == 0
    )
    width, height = png_size(png_path.read_bytes())
    assert (width, height) == (2 * int(root.get("width")), 2 * int(root.get("height")))


def test_bad_options_are_usage_errors_and_a_bad_reference_one_line(tmp_path) -> None:
    code, out, err = run_cli("graph", "resnet18", "--fold", "layers", "--format", "json")
    assert code == 2 and out == ""
    assert err.startswith("usage: explorer graph")
    assert "argument --fold: invalid choice: 'layers'" in err
    code, _, err = run_cli("graph", "resnet18", "--format", "gif")
    assert code == 2 and "argument --format: invalid choice: 'gif'" in err
    code, out, err = run_cli("graph", "resnet99", "--format", "json")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("error: architecture: unknown architecture")
    code, _, err = run_cli("graph", "resnet18", "--format", "png")
    assert (code, err) == (
        1,
        "error: graph --format png needs -o FILE (a PNG is not written to a terminal)\n",
    )
    assert not list(tmp_path.iterdir())


def test_control_characters_in_a_name_leave_a_readable_svg_and_a_full_png(tmp_path) -> None:
    """XML 1.0 has no control characters: one in a design's path (the SVG's subtitle) made
    the SVG unreadable and the PNG empty, with "wrote" and exit 0."""
    import shutil

    design = tmp_path / "a\x01b.design.json"
    shutil.copy("resources/designs/simple-cnn.design.json", design)
    code, out, err = run_cli("graph", str(design), "--format", "svg")
    assert (code, err) == (0, "")
    assert "a\\x01b.design.json" in out and "\x01" not in out
    ET.fromstring(out)  # well-formed
    code, out, err = run_cli("graph", str(design), "--format", "png", "-o", str(tmp_path / "g.png"))
    assert (code, err) == (0, "")
    assert png_size((tmp_path / "g.png").read_bytes())[0] > 500
