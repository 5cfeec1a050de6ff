"""Edit a copy: catalog models written as designs that build the same layers.

simple-cnn and the ResNets (both variants, any depth, input and classes) come out with the same
layer names, shapes and parameters as the catalog's own models; a design reference gives back
its design.
"""

from __future__ import annotations

from collections.abc import Mapping

from explorer.core.params.specs import Value
from explorer.core.references.architecture import Reference
from explorer.core.sources.catalog import resnet
from explorer.core.sources.designs.files import DesignBuilder
from explorer.core.sources.designs.model import Design, DesignError, DesignLayer


def _input(values: Mapping[str, Value]) -> DesignLayer:
    return DesignLayer("Input", "input_layer", (("shape", values["input_shape"]),))


def simple_cnn(values: Mapping[str, Value]) -> Design:
    # The seed's Subclassing model has a ReLU on its convolution and a softmax on its output.
    subclassing = values["api"] == "subclassing"
    conv = {
        "filters": values["filters"],
        "kernel_size": values["kernel_size"],
        "strides": values["strides"],
        "padding": "same",
        "activation": "relu" if subclassing else "linear",
    }
    head = {"units": values["classes"], "activation": "softmax" if subclassing else "linear"}
    return Design(
        "simple-cnn",
        (
            _input(values),
            DesignLayer("Conv2D", "conv2d", tuple(conv.items())),
            DesignLayer("Flatten", "flatten"),
            DesignLayer("Dense", "dense", tuple(head.items())),
        ),
    )


def resnet_design(depth: int, values: Mapping[str, Value]) -> Design:
    """resnet.py's stem, blocks and head, layer for layer."""
    blocks, bottleneck = resnet.DEPTHS[depth]
    style = str(values["variant"])
    tutorial = style == "tutorial"
    conv1: dict[str, object] = {"filters": 64, "kernel_size": 7, "strides": 2}
    conv1.update({"activation": "relu"} if tutorial else {"use_bias": False})
    epsilon = 0.001 if tutorial else 1e-5
    pool = {"pool_size": 3, "strides": 2, "padding": "same" if tutorial else "valid"}
    stem = [
        _input(values),
        DesignLayer("ZeroPadding2D", "conv1_pad", (("padding", 3),)),
        DesignLayer("Conv2D", "conv1_conv", tuple(conv1.items())),
        DesignLayer("BatchNormalization", "conv1_bn", (("epsilon", epsilon),)),
        *([] if tutorial else [DesignLayer("ReLU", "conv1_relu")]),
        *([] if tutorial else [DesignLayer("ZeroPadding2D", "pool1_pad", (("padding", 1),))]),
        DesignLayer("MaxPooling2D", "pool1_pool", tuple(pool.items())),
    ]
    stages = enumerate(zip(blocks, resnet.STAGE_WIDTHS, strict=True), start=2)
    body = [
        DesignLayer(
            "ResidualBlock",
            f"conv{stage}_block{index}",
            (
                ("block", "bottleneck" if bottleneck else "basic"),
                ("filters", width),
                ("strides", 2 if index == 1 and stage > 2 else 1),
                ("style", style),
            ),
        )
        for stage, (count, width) in stages
        for index in range(1, count + 1)
    ]
    pooling = (
        [
            DesignLayer("AveragePooling2D", "avg_pool", (("pool_size", 7),)),
            DesignLayer("Flatten", "flatten"),
        ]
        if tutorial
        else [DesignLayer("GlobalAveragePooling2D", "avg_pool")]
    )
    head = (("units", values["classes"]), ("activation", "softmax"))
    layers = (*stem, *body, *pooling, DesignLayer("Dense", "predictions", head))
    return Design(f"resnet{depth}", layers)


def design_from_reference(reference: Reference) -> Design:
    """The design of a design reference, or a design copy of simple-cnn or a ResNet."""
    architecture = reference.architecture
    if isinstance(architecture.build, DesignBuilder):
        return architecture.build.design
    if architecture.id == "simple-cnn":
        return simple_cnn(reference.values)
    depth = architecture.id.removeprefix("resnet")
    if depth.isdigit() and int(depth) in resnet.DEPTHS:
        return resnet_design(int(depth), reference.values)
    raise DesignError(
        f"{architecture.id} cannot be copied into a design: only simple-cnn, the ResNets and "
        "designs can"
    )
