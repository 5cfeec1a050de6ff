"""keras.applications models, always built with ``weights=None``: nothing is ever downloaded."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import IntParam, ShapeParam, Value
from explorer.core.references.architecture import Architecture

if TYPE_CHECKING:
    import keras

# id, keras.applications constructor, title, smallest side keras accepts, description
_ENTRIES: tuple[tuple[str, str, str, int, str], ...] = (
    (
        "vgg16",
        "VGG16",
        "VGG16",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "Thirteen 3x3 convolutions in five blocks, each block ending in max pooling, then "
            "three large Dense layers that hold most of its 138 million parameters (Simonyan and "
            "Zisserman, 2014).",
        ),
    ),
    (
        "vgg19",
        "VGG19",
        "VGG19",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "VGG16 with three more 3x3 convolutions: deeper, slower, and almost the same "
            "size, because the Dense layers dominate.",
        ),
    ),
    (
        "resnet50_v2",
        "ResNet50V2",
        "ResNet50 V2",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "ResNet50 with pre-activation blocks (BN and ReLU before each convolution), which "
            "trains deeper networks more easily (He et al. 2016).",
        ),
    ),
    (
        "mobilenet",
        "MobileNet",
        "MobileNet",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "Depthwise separable convolutions: a 3x3 filter per channel followed by a 1x1 "
            "mix, about nine times cheaper than full 3x3 convolutions (Howard et al. 2017).",
        ),
    ),
    (
        "mobilenet_v2",
        "MobileNetV2",
        "MobileNet V2",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "Inverted residual blocks: expand with 1x1, filter depthwise, project back down "
            "to a thin bottleneck that carries the shortcut (Sandler et al. 2018).",
        ),
    ),
    (
        "mobilenet_v3_small",
        "MobileNetV3Small",
        "MobileNet V3 Small",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "A MobileNetV2-style network found by architecture search, with squeeze-and-excitation "
            "and hard-swish activations, tuned for phones.",
        ),
    ),
    (
        "mobilenet_v3_large",
        "MobileNetV3Large",
        "MobileNet V3 Large",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "The larger MobileNetV3: more blocks and channels for higher accuracy at a few hundred "
            "million multiply-accumulates.",
        ),
    ),
    (
        "efficientnet_b0",
        "EfficientNetB0",
        "EfficientNet B0",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "The base EfficientNet: mobile inverted bottlenecks with squeeze-and-excitation; B1-B7 "
            "scale its depth, width and resolution together (Tan and Le 2019).",
        ),
    ),
    (
        "efficientnet_v2_b0",
        "EfficientNetV2B0",
        "EfficientNetV2 B0",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "EfficientNetV2 uses fused convolutions in its early stages, which run faster on "
            "accelerators than depthwise ones (Tan and Le 2021).",
        ),
    ),
    (
        "densenet121",
        "DenseNet121",
        "DenseNet121",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "Every layer in a dense block receives the feature maps of all earlier layers, "
            "concatenated: few parameters, many activations (Huang et al. 2017).",
        ),
    ),
    (
        "inception_v3",
        "InceptionV3",
        "Inception V3",
        75,
        QT_TRANSLATE_NOOP(
            "Core",
            "Inception modules run 1x1, 3x3 and 5x5-like branches side by side and concatenate "
            "them; large kernels are factorised into cheaper ones (Szegedy et al. 2015).",
        ),
    ),
    (
        "xception",
        "Xception",
        "Xception",
        71,
        QT_TRANSLATE_NOOP(
            "Core",
            "Inception taken to the extreme: every module is a depthwise separable convolution, "
            "with residual connections (Chollet 2017).",
        ),
    ),
    (
        "convnext_tiny",
        "ConvNeXtTiny",
        "ConvNeXt Tiny",
        32,
        QT_TRANSLATE_NOOP(
            "Core",
            "A ResNet modernised with ideas from vision transformers: 7x7 depthwise convolutions, "
            "LayerNorm, GELU and fewer activations (Liu et al. 2022).",
        ),
    ),
)


def build(constructor: str, values: Mapping[str, Value]) -> keras.Model:
    import keras

    with warnings.catch_warnings():
        # Warnings about ImageNet weights do not apply: weights are never loaded.
        warnings.simplefilter("ignore")
        return getattr(keras.applications, constructor)(
            weights=None,
            input_shape=values["input_shape"],
            classes=values["classes"],
        )


# Keras's own default input where it is not 224 (the published MACs hold at it).
_DEFAULT_SIDES = {"inception_v3": 299, "xception": 299}


def _entry(arch_id: str, constructor: str, title: str, min_side: int, text: str) -> Architecture:
    side = _DEFAULT_SIDES.get(arch_id, 224)
    return Architecture(
        id=arch_id,
        title=title,
        family=QT_TRANSLATE_NOOP("Core", "Keras applications"),
        description=Text(
            QT_TRANSLATE_NOOP(
                "Core", "{text} Built by keras.applications.{constructor}(weights=None)."
            ),
            text=text,
            constructor=constructor,
        ),
        params=(
            ShapeParam(
                "input_shape",
                (side, side, 3),
                QT_TRANSLATE_NOOP("Core", "Input image: height x width x channels"),
                min_side,
            ),
            IntParam(
                "classes",
                1000,
                1,
                100_000,
                QT_TRANSLATE_NOOP("Core", "Units of the final classification layer"),
            ),
        ),
        build=partial(build, constructor),
    )


ARCHITECTURES = tuple(_entry(*entry) for entry in _ENTRIES)
