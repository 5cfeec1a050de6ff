"""The seed tutorial's first model, Conv2D -> Flatten -> Dense, in its three Keras API styles."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from explorer.core.base.errors import ParameterError
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import ChoiceParam, FixedShape, IntParam, ShapeParam, Value
from explorer.core.references.architecture import Architecture
from explorer.core.sources.designs.model import Design, DesignLayer, input_layer

if TYPE_CHECKING:
    import keras

PARAMS = (
    ChoiceParam(
        "api",
        "sequential",
        ("sequential", "functional", "subclassing"),
        QT_TRANSLATE_NOOP("Core", "Which of the seed's three Keras styles builds the model"),
    ),
    ShapeParam(
        "input_shape",
        (224, 224, 3),
        QT_TRANSLATE_NOOP("Core", "Input image: height x width x channels"),
        min_note=QT_TRANSLATE_NOOP("Core", "and at least kernel_size"),
    ),
    IntParam(
        "filters", 16, 1, 4096, QT_TRANSLATE_NOOP("Core", "Output channels of the convolution")
    ),
    IntParam(
        "kernel_size", 3, 1, 31, QT_TRANSLATE_NOOP("Core", "Side of the square convolution kernel")
    ),
    IntParam(
        "strides", 2, 1, 16, QT_TRANSLATE_NOOP("Core", "Step of the convolution in both directions")
    ),
    IntParam(
        "classes", 1000, 1, 100_000, QT_TRANSLATE_NOOP("Core", "Units of the final Dense layer")
    ),
)


def check(values: Mapping[str, Value]) -> None:
    height, width, _ = cast(FixedShape, values["input_shape"])  # the specs' types
    kernel = cast(int, values["kernel_size"])
    if kernel > min(height, width):
        raise ParameterError(
            "kernel_size",
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "a {kernel}x{kernel} kernel is larger than the {height}x{width} input "
                    "(expected at most {limit})",
                ),
                kernel=kernel,
                height=height,
                width=width,
                limit=min(height, width),
            ),
        )


def build(values: Mapping[str, Value]) -> keras.Model:
    import keras

    shape: Any = values["input_shape"]
    conv = dict(
        filters=values["filters"],
        kernel_size=(values["kernel_size"],) * 2,
        strides=(values["strides"],) * 2,
        padding="same",
        name="conv2d",
    )
    classes = values["classes"]
    api = values["api"]
    if api == "sequential":
        return keras.Sequential(
            [
                keras.Input(shape=shape),
                keras.layers.Conv2D(**conv),
                keras.layers.Flatten(name="flatten"),
                keras.layers.Dense(classes, name="dense"),
            ],
            name="sequential",
        )
    if api == "functional":
        inputs = keras.Input(shape=shape, name="input_layer")
        x = keras.layers.Conv2D(**conv)(inputs)
        x = keras.layers.Flatten(name="flatten")(x)
        x = keras.layers.Dense(classes, name="dense")(x)
        return keras.Model(inputs=inputs, outputs=x, name="functional")
    model = _subclass_model()(conv, classes)
    # The seed's ``model.build(input_shape)`` builds no sub-layers in Keras 3; a symbolic call does.
    model(keras.Input(shape=shape))
    return model


def design(values: Mapping[str, Value]) -> Design:
    """The same layers as a design (for "Edit a Copy"); the API style is not part of it."""
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
            input_layer(values["input_shape"]),
            DesignLayer("Conv2D", "conv2d", tuple(conv.items())),
            DesignLayer("Flatten", "flatten"),
            DesignLayer("Dense", "dense", tuple(head.items())),
        ),
    )


@cache
def _subclass_model() -> type[keras.Model]:
    import keras

    class MyModel(keras.Model):
        """The seed's Subclassing-API model (with its ReLU and softmax)."""

        def __init__(self, conv: dict[str, Any], num_classes: int) -> None:
            super().__init__(name="my_model")
            self.num_classes = num_classes
            self.conv1 = keras.layers.Conv2D(**conv, activation="relu")
            self.flatten = keras.layers.Flatten(name="flatten")
            self.classifier = keras.layers.Dense(num_classes, activation="softmax", name="dense")

        def call(self, inputs: Any, training: Any = None, mask: Any = None) -> Any:
            x = self.conv1(inputs)
            x = self.flatten(x)
            return self.classifier(x)

    return MyModel


ARCHITECTURES = (
    Architecture(
        id="simple-cnn",
        title=QT_TRANSLATE_NOOP("Core", "Simple CNN (seed tutorial)"),
        family=QT_TRANSLATE_NOOP("Core", "Seed tutorial"),
        description=QT_TRANSLATE_NOOP(
            "Core",
            "The tutorial's first classifier: one 3x3 convolution with stride 2, a Flatten and a "
            "Dense layer. Almost all of its 200 million parameters sit in the Dense layer, "
            "because flattening a 112x112x16 feature map gives 200,704 inputs per class. The "
            "same model can be written with the Sequential, Functional or Subclassing API.",
        ),
        params=PARAMS,
        build=build,
        check=check,
    ),
)
