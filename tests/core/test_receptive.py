"""Receptive fields, checked against values worked out by hand from the layers' kernels and
strides (VGG16's 212 is the figure the literature gives)."""

from __future__ import annotations

from explorer.core.analysis.receptive import ReceptiveField, receptive_fields


def sizes(summary, names) -> list[tuple[int | None, int | None]]:
    fields = receptive_fields(summary)
    found = []
    for name in names:
        field = fields[name]
        assert field is not None, name
        found.append((field.size[0] if field.size else None, field.jump[0] if field.jump else None))
    return found


def test_simple_cnn(summary_of) -> None:
    fields = receptive_fields(summary_of("simple-cnn"))
    conv, flatten, dense = (fields[row.path] for row in summary_of("simple-cnn").layers)
    assert conv == ReceptiveField((3, 3), (2, 2)) and conv.text() == "3, stride 2"
    assert flatten == dense == ReceptiveField(None, ())
    assert dense.text() == "whole input"


def test_vgg16_by_hand(summary_of) -> None:
    names = [
        "block1_conv1",
        "block1_conv2",
        "block1_pool",
        "block2_conv1",
        "block2_conv2",
        "block2_pool",
        "block3_conv3",
        "block3_pool",
        "block4_conv3",
        "block4_pool",
        "block5_conv1",
        "block5_conv3",
        "block5_pool",
    ]
    assert sizes(summary_of("vgg16"), names) == [
        (3, 1),
        (5, 1),
        (6, 2),
        (10, 2),
        (14, 2),
        (16, 4),
        (40, 4),
        (44, 8),
        (92, 8),
        (100, 16),
        (132, 16),
        (196, 16),
        (212, 32),
    ]
    assert receptive_fields(summary_of("vgg16"))["predictions"].text() == "whole input"


def test_resnet50_takes_the_largest_field_where_paths_meet(summary_of) -> None:
    summary = summary_of("resnet50")
    assert sizes(summary, ["conv1_conv", "pool1_pool"]) == [(7, 2), (11, 4)]
    # Block 1 of conv2_x: 1x1, 3x3, 1x1 on the main path (11 + 2*4 = 19); the shortcut's
    # 1x1 projection sees 11; the Add takes 19.
    assert sizes(summary, ["conv2_block1_2_conv", "conv2_block1_0_conv", "conv2_block1_add"]) == [
        (19, 4),
        (11, 4),
        (19, 4),
    ]
    fields = receptive_fields(summary)
    assert fields["conv2_block3_out"].size == (35, 35)  # three 3x3s after pool1: 11 + 3*8
    assert fields["avg_pool"].text() == fields["predictions"].text() == "whole input"
