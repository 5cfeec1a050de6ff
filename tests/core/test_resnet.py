"""ResNets: torchvision's parameter counts, the paper's MACs, and the seed's own code."""

from __future__ import annotations

import pytest

from tests.core import seed_resnet

# torchvision.models.resnetN().parameters(): BN scale and offset count, running statistics do not.
TORCHVISION_PARAMS = {
    18: 11_689_512,
    34: 21_797_672,
    50: 25_557_032,
    101: 44_549_160,
    152: 60_192_808,
}
# He et al. 2015, Table 1: multiply-adds ("FLOPs" there) x 10^9.
PAPER_GMACS = {18: 1.8, 34: 3.6, 50: 3.8, 101: 7.6, 152: 11.3}


@pytest.mark.parametrize("depth", sorted(TORCHVISION_PARAMS))
def test_paper_variant_matches_torchvision_and_table_1(summary_of, depth: int) -> None:
    summary = summary_of(f"resnet{depth}")
    assert summary.totals.trainable_params == TORCHVISION_PARAMS[depth]
    assert summary.totals.macs / 1e9 == pytest.approx(PAPER_GMACS[depth], rel=0.03)
    assert summary.layers[-1].output_shape == (None, 1000)


def test_paper_resnet50_layer_details(summary_of) -> None:
    rows = {r.name: r for r in summary_of("resnet50").layers}
    # Stride on the first 1x1 conv of the first block of conv3_x (v1), 1x1 projection shortcut.
    assert rows["conv3_block1_1_conv"].output_shape == (None, 28, 28, 128)
    assert rows["conv3_block1_0_conv"].params == 256 * 512
    assert rows["conv3_block1_add"].inbound == ("conv3_block1_3_bn", "conv3_block1_0_bn")
    assert rows["conv5_block3_out"].output_shape == (None, 7, 7, 2048)
    assert rows["pool1_pool"].output_shape == (None, 56, 56, 64)
    assert rows["conv1_conv"].macs == 112 * 112 * 64 * 7 * 7 * 3
    assert rows["conv1_bn"].macs == 0


def _rows(summary):
    return [(r.type, r.output_shape, r.params) for r in summary.layers]


@pytest.mark.parametrize(
    ("depth", "seed_builder"), [(34, seed_resnet.ResNet34), (50, seed_resnet.ResNet50)]
)
def test_tutorial_variant_is_the_seed_code(summary_of, depth: int, seed_builder) -> None:
    from explorer.core.analysis.summary import summarize_model

    seed = summarize_model(seed_builder((224, 224, 3), n_classes=101))
    ours = summary_of(f"resnet{depth}:variant=tutorial,classes=101")
    assert _rows(ours) == _rows(seed)
    assert ours.totals == seed.totals


def test_tutorial_variant_extends_to_18_with_the_same_blocks(summary_of) -> None:
    r18, r34 = summary_of("resnet18:variant=tutorial"), summary_of("resnet34:variant=tutorial")

    # ResNet34 has 3+4+6+3 basic blocks, ResNet18 2+2+2+2: the 8 missing blocks are identity
    # blocks of 2 Conv2D_BN each (conv 3x3 with bias + BN), in stages of 64/128/256/512 channels.
    def block(width: int) -> int:
        return 2 * (3 * 3 * width * width + width + 4 * width)

    missing = block(64) + 2 * block(128) + 4 * block(256) + block(512)
    assert r34.totals.params - r18.totals.params == missing


def test_paper_resnet50_has_the_layers_of_keras_applications(summary_of) -> None:
    """keras.applications' ResNet50 is v1 written independently: the same layer names and
    shapes; its convolutions have biases (ours do not, as in the paper and torchvision)."""
    import keras

    from explorer.core.analysis.summary import summarize_model

    theirs = summarize_model(keras.applications.ResNet50(weights=None))
    ours = summary_of("resnet50")
    relu = {"Activation": "ReLU"}  # Activation("relu") there, ReLU() here
    expected = {
        r.name: (
            relu.get(r.type, r.type),
            r.output_shape,
            r.params - r.output_shape[-1] * (r.type == "Conv2D"),
        )
        for r in theirs.layers
    }
    assert {r.name: (r.type, r.output_shape, r.params) for r in ours.layers} == expected
    assert ours.totals.macs == theirs.totals.macs
