"""The catalog's ids and parameters (fixed by DESIGN.md), references, and validation messages."""

from __future__ import annotations

import sys

import pytest

from explorer.core.base.errors import ParameterError
from explorer.core.sources.catalog import architectures, families, get
from explorer.core.sources.lookup import parse_reference

RESNETS = ["resnet18", "resnet34", "resnet50", "resnet101", "resnet152"]
REQUIRED_APPLICATIONS = ["vgg16", "mobilenet_v2", "efficientnet_b0", "densenet121"]


def test_ids_and_parameter_names_follow_the_design() -> None:
    by_id = {a.id: a for a in architectures()}
    assert [p.name for p in by_id["simple-cnn"].params] == [
        "api",
        "input_shape",
        "filters",
        "kernel_size",
        "strides",
        "classes",
    ]
    for resnet in RESNETS:
        assert [p.name for p in by_id[resnet].params] == ["input_shape", "classes", "variant"]
    applications = [a for a in architectures() if a.family == "Keras applications"]
    assert len(applications) >= 8
    assert set(REQUIRED_APPLICATIONS) <= {a.id for a in applications}
    for app in applications:
        assert [p.name for p in app.params] == ["input_shape", "classes"]
        assert app.id == app.id.lower() and "-" not in app.id
    assert families() == ("Seed tutorial", "ResNet", "Keras applications", "Transformer")


def test_every_entry_has_a_readable_description() -> None:
    for arch in architectures():
        assert 80 <= len(arch.description) <= 500, arch.id
        assert arch.title


def test_defaults() -> None:
    assert parse_reference("simple-cnn").values == {
        "api": "sequential",
        "input_shape": (224, 224, 3),
        "filters": 16,
        "kernel_size": 3,
        "strides": 2,
        "classes": 1000,
    }
    assert parse_reference("resnet50").values == {
        "input_shape": (224, 224, 3),
        "classes": 1000,
        "variant": "paper",
    }


def test_reference_text_and_overrides() -> None:
    ref = parse_reference("resnet50:classes=10,input_shape=256x256x3", {"variant": "tutorial"})
    assert ref.values == {"input_shape": (256, 256, 3), "classes": 10, "variant": "tutorial"}
    # The text names only what differs from the defaults, in parameter order.
    assert ref.text() == "resnet50:input_shape=256x256x3,classes=10,variant=tutorial"
    assert parse_reference("RESNET50").text() == "resnet50"
    # --set wins over the inline value.
    assert parse_reference("vgg16:classes=5", {"classes": "7"}).values["classes"] == 7


INVALID = [
    (
        "simple-cnn:classes=0",
        "classes",
        "classes: 0 is out of range: expected an integer from 1 to 100,000",
    ),
    (
        "resnet50:input_shape=8x8x3",
        "input_shape",
        "input_shape: 8x8x3 is too small: the network halves the input five times, so height "
        "and width must be at least 32",
    ),
    (
        "resnet34:variant=tutorial,input_shape=160x160x3",
        "input_shape",
        "input_shape: 160x160x3 is too small for resnet34 (variant=tutorial): its final 7x7 "
        "average pooling needs a 7x7 feature map after five halvings, so height and width must "
        "be at least 193",
    ),
    (
        "simple-cnn:input_shape=3x3x1,kernel_size=7",
        "kernel_size",
        "kernel_size: a 7x7 kernel is larger than the 3x3 input (expected at most 3)",
    ),
    (
        "simple-cnn:input_shape=224x224",
        "input_shape",
        "input_shape: '224x224' is not a valid shape: expected 3 integers written like 224x224x3",
    ),
    ("resnet99", "architecture", "architecture: unknown architecture 'resnet99' (known: "),
    (
        "resnet50:colour=red",
        "colour",
        "colour: unknown parameter for resnet50 (known: input_shape, classes, variant)",
    ),
    ("resnet50:classes=ten", "classes", "classes: 'ten' is not an integer from 1 to 100,000"),
    ("resnet50:classes=2.5", "classes", "classes: '2.5' is not an integer from 1 to 100,000"),
    ("resnet50:variant=v2", "variant", "variant: 'v2' is not one of paper, tutorial"),
    (
        "simple-cnn:api=keras2",
        "api",
        "api: 'keras2' is not one of sequential, functional, subclassing",
    ),
    (
        "vgg16:input_shape=16x16x3",
        "input_shape",
        "input_shape: 16x16x3 is out of range: expected 3 positive integers written like "
        "224x224x3, each side from 32 to 8,192, channels from 1 to 4,096",
    ),
    ("resnet50:classes", "resnet50:classes", "resnet50:classes: 'classes' is not NAME=VALUE"),
]


@pytest.mark.parametrize(("text", "param", "message"), INVALID)
def test_invalid_values_name_the_parameter(text: str, param: str, message: str) -> None:
    with pytest.raises(ParameterError) as caught:
        parse_reference(text)
    assert caught.value.param == param
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_validation_needs_no_tensorflow() -> None:
    # Parameter checks run before any TensorFlow work (in a fresh interpreter to be sure).
    import subprocess

    code = (
        "import sys\n"
        "from explorer.core.sources.lookup import parse_reference\n"
        "from explorer.core.base.errors import ParameterError\n"
        "try:\n"
        "    parse_reference('resnet50:input_shape=8x8x3')\n"
        "except ParameterError:\n"
        "    pass\n"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_get_is_case_insensitive_and_exact() -> None:
    assert get(" ResNet50 ").id == "resnet50"
    with pytest.raises(ParameterError):
        get("resnet")


def test_the_listed_input_limit_is_the_one_enforced() -> None:
    """For every architecture, ``explorer list``'s "each side from N" holds: N passes and
    N - 1 is refused, with the reason or the listed range in the message."""
    import re

    for arch in architectures():
        spec = next((p for p in arch.params if p.name == "input_shape"), None)
        if spec is None:  # BERT reads token ids: a sequence_length, not an input shape
            continue
        listed = int(
            re.search(r"each side from ([\d,]+)", spec.allowed()).group(1).replace(",", "")
        )
        channels = spec.default[-1]
        side = (listed,) * (spec.rank - 1)
        # A 1x1 kernel fits; 1x1 patches cut every side.
        smallest = {"simple-cnn": {"kernel_size": 1}}.get(arch.id, {})
        smallest = {"patch_size": 1} if arch.id.startswith("vit_") else smallest
        arch.resolve({"input_shape": (*side, channels), **smallest})
        if listed > 1:
            with pytest.raises(ParameterError) as refused:
                arch.resolve({"input_shape": (*(listed - 1,) * (spec.rank - 1), channels)})
            message = refused.value.message
            assert f"from {listed}" in message or f"at least {listed}" in message, arch.id
    tutorial = get("resnet50")
    with pytest.raises(ParameterError, match="must be at least 193"):
        tutorial.resolve({"input_shape": (192, 192, 3), "variant": "tutorial"})
    assert "193 with variant=tutorial" in tutorial.params[0].allowed()
    tutorial.resolve({"input_shape": (193, 193, 3), "variant": "tutorial"})


def test_inception_and_xception_default_to_keras_s_299() -> None:
    for arch_id in ("inception_v3", "xception"):
        assert parse_reference(arch_id).values["input_shape"] == (299, 299, 3)
