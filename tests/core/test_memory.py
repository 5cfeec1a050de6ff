"""Training-memory estimates (issue 15, first step): the arithmetic of each part, Keras's own
optimizer slots, the largest batch that fits, and ``explorer memory``."""

from __future__ import annotations

import json

import pytest

from explorer.core.analysis.memory import (
    OPTIMIZER_SLOTS,
    check_choices,
    counts_runtime,
    estimate,
    max_batch,
)
from explorer.core.analysis.summary import ModelSummary, summarize_model
from explorer.core.base.errors import ParameterError
from tests.cli.test_cli import run_cli


@pytest.fixture(scope="module")
def mlp() -> ModelSummary:
    """784 -> Dense 128 (ReLU) -> Dense 10: every weight trainable."""
    import keras
    from keras import layers

    inputs = keras.Input((784,))
    hidden = layers.Dense(128, activation="relu", name="hidden")(inputs)
    return summarize_model(keras.Model(inputs, layers.Dense(10, name="out")(hidden)), "mlp")


def test_weights_gradients_and_adam_slots_are_four_times_the_weights(mlp) -> None:
    params = 784 * 128 + 128 + 128 * 10 + 10
    found = estimate(mlp, 32, "adam", "float32")
    assert found.weights_bytes == mlp.totals.weights_bytes == 4 * params == 407_080
    slots = found.optimizer_bytes - found.update_bytes
    assert found.weights_bytes + found.gradients_bytes + slots == 4 * 407_080
    # Adam's update makes two temporaries of the largest layer's weights (784 x 128 + 128).
    assert found.update_bytes == 2 * (784 * 128 + 128) * 4 == 803_840
    # Both outputs are kept: a Dense reads the first, the loss the second; ReLU's gradient
    # reads its output, so nothing is kept from before it.
    assert found.activations_bytes == 32 * (128 + 10) * 4
    assert found.inputs_bytes == 32 * (784 + 10) * 4  # images and one-hot labels, float32
    assert found.total_bytes == 4 * 407_080 + 803_840 + 32 * 138 * 4 + 32 * 794 * 4 == 2_551_456
    # Inference: the weights, the inputs and the largest layer with what it reads (128 + 10).
    assert found.inference_bytes == 407_080 + 32 * (784 * 4 + 138 * 4)


def test_batch_doubles_activations_and_precision_halves_them(mlp) -> None:
    at_32, at_64 = estimate(mlp, 32), estimate(mlp, 64)
    assert at_64.activations_bytes == 2 * at_32.activations_bytes
    assert at_64.inputs_bytes == 2 * at_32.inputs_bytes
    assert at_64.optimizer_bytes == at_32.optimizer_bytes  # per weight, not per sample
    mixed = estimate(mlp, 32, "adam", "mixed_float16")
    assert mixed.activations_bytes * 2 == at_32.activations_bytes
    assert (mixed.weights_bytes, mixed.gradients_bytes, mixed.optimizer_bytes) == (
        at_32.weights_bytes,
        at_32.gradients_bytes,
        at_32.optimizer_bytes,
    )  # float32 variables and slots under the mixed policies
    assert estimate(mlp, 32, "adam", "mixed_bfloat16").activations_bytes == mixed.activations_bytes


def test_the_layers_add_up_to_the_step(mlp) -> None:
    found = estimate(mlp, 16, "momentum")
    assert [layer.name for layer in found.per_layer] == ["hidden", "out"]
    layers = sum(layer.total_bytes for layer in found.per_layer)
    assert layers + found.update_bytes + found.inputs_bytes == found.total_bytes
    assert found.update_bytes == (784 * 128 + 128) * 4  # momentum: one temporary


@pytest.mark.parametrize("optimizer", list(OPTIMIZER_SLOTS))
def test_optimizer_slots_are_the_variables_keras_makes(mlp, optimizer: str) -> None:
    """Each optimizer built on the weights: its variables beyond the scalars (iteration,
    learning rate) are the slots counted."""
    import keras

    made = {
        "sgd": keras.optimizers.SGD(),
        "momentum": keras.optimizers.SGD(momentum=0.9),
        "rmsprop": keras.optimizers.RMSprop(),
        "adam": keras.optimizers.Adam(),
        "adamw": keras.optimizers.AdamW(),
    }[optimizer]
    weights = [keras.Variable(keras.ops.zeros((784, 128))), keras.Variable(keras.ops.zeros(128))]
    made.build(weights)
    slot_values = sum(int(v.numpy().size) for v in made.variables if len(v.shape))
    assert slot_values == OPTIMIZER_SLOTS[optimizer] * (784 * 128 + 128)


def test_token_ids_take_their_own_width() -> None:
    import keras
    from keras import layers

    tokens = keras.Input((100,), dtype="int32")
    pooled = layers.GlobalAveragePooling1D()(layers.Embedding(1000, 16)(tokens))
    summary = summarize_model(keras.Model(tokens, layers.Dense(2)(pooled)), "text")
    assert summary.inputs == (((None, 100), "int32"),)
    assert estimate(summary, 8).inputs_bytes == 8 * (100 * 4 + 2 * 4)


def test_the_largest_batch_that_fits_is_computed(mlp) -> None:
    fixed = 4 * 407_080 + 803_840  # weights, gradients, Adam's two slots and its update
    per_sample = 138 * 4 + 794 * 4
    room = fixed + 1000 * per_sample + per_sample - 1
    assert max_batch(mlp, room) == 1000
    assert estimate(mlp, 1000).total_bytes <= room < estimate(mlp, 1001).total_bytes
    assert max_batch(mlp, fixed) == 0  # not even one sample


def test_on_the_cpu_tensorflow_s_own_memory_is_a_part_of_its_own(mlp) -> None:
    """140 MiB and 2.25 MiB a layer (the mlp's 2), on the CPU under TensorFlow; a GPU's memory
    does not hold it; under JAX or PyTorch on the CPU it is not known, and said so (None)."""
    assert [row.name for row in mlp.layers if row.is_leaf] == ["hidden", "out"]
    runtime = 140 * 2**20 + 2 * 9 * 2**20 // 4
    assert (counts_runtime("CPU", "tensorflow"), counts_runtime("GPU", "tensorflow")) == (
        True,
        False,
    )
    assert counts_runtime("CPU", "jax") is None and counts_runtime("CPU", "torch") is None
    on_gpu, on_cpu = estimate(mlp, 8), estimate(mlp, 8, runtime=True)
    assert runtime == 151_519_232
    assert (on_gpu.runtime_bytes, on_cpu.runtime_bytes) == (0, runtime)
    assert on_cpu.total_bytes == on_gpu.total_bytes + runtime
    assert on_cpu.to_json_dict()["runtime_bytes"] == runtime
    unknown = estimate(mlp, 8, runtime=None)
    assert unknown.runtime_bytes is None and unknown.total_bytes == on_gpu.total_bytes
    assert unknown.to_json_dict()["runtime_bytes"] is None
    fixed = 4 * 407_080 + 803_840
    per_sample = 138 * 4 + 794 * 4
    room = fixed + runtime + 10 * per_sample
    assert max_batch(mlp, room, runtime=True) == 10
    assert max_batch(mlp, room) == 10 + runtime // per_sample
    from explorer.core.exports.memory_reports import MemoryDevice, memory_text

    device = MemoryDevice("Test CPU", "CPU", 2**30)
    text = memory_text(mlp, unknown, device, 1000, "jax")
    assert "  (the framework's own memory on the CPU is not estimated for jax)\n" in text
    assert "TensorFlow on the CPU:  144.50 MiB" in memory_text(mlp, on_cpu, device, 1000)
    assert text.endswith(
        "\nDevice: Test CPU (CPU). Fits in this CPU's free RAM (1.0 GiB) up to batch 1,000\n"
    )


def test_bad_settings_are_refused_by_name() -> None:
    with pytest.raises(ParameterError) as caught:
        check_choices("lion", "float32", 32)
    assert (
        str(caught.value) == "optimizer: 'lion' is not one of sgd, momentum, rmsprop, adam, adamw"
    )
    with pytest.raises(ParameterError) as caught:
        check_choices("adam", "float32", 0)
    assert str(caught.value) == "batch: 0 is not a batch size from 1 to 16,777,216"


def test_the_memory_command() -> None:
    status, out, err = run_cli(
        "memory", "simple-cnn", "--batch", "8", "--optimizer", "sgd", "--format", "json"
    )
    assert (status, err) == (0, "")
    data = json.loads(out)
    weights = 200_705_448 * 4
    assert (data["weights_bytes"], data["gradients_bytes"], data["optimizer_bytes"]) == (
        weights,
        weights,
        0,
    )
    # Flatten's output (200,704) and dense's (1,000) per sample; conv2d's is read by Flatten
    # only, whose gradient needs no input (and shares its buffer): not kept twice.
    assert data["activations_bytes"] == 8 * (200_704 + 1000) * 4
    assert data["inputs_bytes"] == 8 * (224 * 224 * 3 + 1000) * 4
    # On the CPU, TensorFlow's own memory: 140 MiB and 2.25 MiB for each of its 3 layers.
    on_cpu = data["device"]["kind"] == "CPU"
    assert data["runtime_bytes"] == (153_878_528 if on_cpu else 0)
    assert data["total_bytes"] == sum(
        data[k] for k in ("weights_bytes", "gradients_bytes", "optimizer_bytes",
                          "activations_bytes", "inputs_bytes", "runtime_bytes")
    )  # fmt: skip
    assert [layer["name"] for layer in data["per_layer"]] == ["conv2d", "flatten", "dense"]
    assert data["device"]["kind"] in ("CPU", "GPU") and isinstance(data["max_batch"], int)
    status, out, err = run_cli("memory", "simple-cnn", "--batch", "0")
    assert (status, out) == (1, "")
    assert err == "error: batch: 0 is not a batch size from 1 to 16,777,216\n"


def test_what_the_backward_pass_keeps() -> None:
    """A BatchNormalization output read only by a ReLU is not kept (the ReLU keeps its own);
    a convolution's is (BatchNormalization's gradient reads it); attention keeps its projected
    queries, keys and values, its scores and softmax and the heads' output; a GELU Dense its
    output before GELU."""
    import keras
    from keras import layers

    from explorer.core.analysis.memory import kept_outputs

    image = keras.Input((8, 8, 3))
    conv = layers.Conv2D(4, 3, padding="same", name="conv")(image)
    normal = layers.BatchNormalization(name="bn")(conv)
    relu = layers.ReLU(name="relu")(normal)
    joined = layers.Add(name="add")([relu, conv])
    summary = summarize_model(keras.Model(image, joined), "block")
    leaves = [row for row in summary.layers if row.is_leaf]
    assert kept_outputs(leaves) == {"conv", "relu", "add"}
    assert estimate(summary, 1).activations_bytes == 3 * 8 * 8 * 4 * 4

    tokens = keras.Input((6, 8))
    attended = layers.MultiHeadAttention(2, 4, name="mha")(tokens, tokens)
    hidden = layers.Dense(16, activation="gelu", name="mlp")(attended)
    summary = summarize_model(keras.Model(tokens, hidden), "attention")
    inside = {row.name: row.internal_elements for row in summary.layers}
    # Q, K, V: 6 x 2 x 4 each; scores and softmax: 2 x 6 x 6 each; heads' output 6 x 2 x 4.
    assert inside == {"mha": 3 * 48 + 2 * 72 + 48, "mlp": 6 * 16}

    # An Activation layer keeps its input for swish (EfficientNet's), not for ReLU.
    features = keras.Input((10,))
    swish = layers.Activation("swish", name="swish")(layers.Dense(5, name="d1")(features))
    relu = layers.Activation("relu", name="relu")(layers.Dense(5, name="d2")(swish))
    summary = summarize_model(keras.Model(features, relu), "activations")
    inside = {row.name: row.internal_elements for row in summary.layers}
    assert inside == {"d1": 0, "swish": 5, "d2": 0, "relu": 0}


# --- what the window's Memory view, Compare and Sweep use (recorded summaries: no TensorFlow) ---


def test_training_bytes_from_a_basis_equal_the_estimate_for_every_recorded_model() -> None:
    """A sweep point has its model's memory basis, no layers: the same total."""
    from explorer.core.analysis.memory import memory_basis, sample_bytes, training_bytes
    from tests.recorded import RECORDED, recorded

    for reference in RECORDED:
        summary = recorded(reference)
        for setup in (
            (32, "adam", "float32"),
            (7, "sgd", "mixed_float16"),
            (1, "rmsprop", "mixed_bfloat16"),
        ):
            expected = estimate(summary, *setup).total_bytes
            assert training_bytes(memory_basis(summary), *setup) == expected
    resnet50 = recorded("resnet50")
    assert sample_bytes(resnet50) == 224 * 224 * 3 * 4 + 1000 * 4  # the image, one-hot labels


def test_a_training_setup_names_itself_and_estimates() -> None:
    from explorer.core.analysis.memory import TrainingSetup
    from tests.recorded import recorded

    setup = TrainingSetup(1024, "momentum", "mixed_float16")
    assert setup.title() == "Training memory (batch 1,024, momentum, mixed_float16)"
    assert setup.estimate(recorded("resnet18")) == estimate(
        recorded("resnet18"), 1024, "momentum", "mixed_float16"
    )


def test_the_window_s_line_about_the_largest_batch() -> None:
    from explorer.core.exports.memory_reports import MemoryDevice, fits_line

    gpu = MemoryDevice("NVIDIA H200", "GPU", 143_771_000_832)
    assert fits_line(gpu, 1024) == "Fits on NVIDIA H200 (133.9 GiB) up to batch 1,024"
    assert fits_line(gpu, 0) == "Does not fit on NVIDIA H200 (133.9 GiB): not even batch 1"
    cpu = MemoryDevice("Test CPU", "CPU", 8 * 2**30)
    assert fits_line(cpu, 55) == "Fits in this CPU's free RAM (8.0 GiB) up to batch 55"
    assert fits_line(cpu, 0) == "Does not fit in this CPU's free RAM (8.0 GiB): not even batch 1"
    assert (
        fits_line(MemoryDevice("Test CPU", "CPU", None), None) == "Test CPU: its memory is unknown"
    )


def test_a_batch_size_sweep_and_its_training_memory_column() -> None:
    from explorer.core.analysis.memory import TrainingSetup
    from explorer.core.analysis.sweep import (
        BATCH,
        batch_points,
        point_training_bytes,
        sweep_rows,
        sweep_values,
    )
    from explorer.core.sources.lookup import parse_reference
    from tests.recorded import recorded

    summary = recorded("resnet50")
    assert sweep_values(parse_reference("resnet50"), BATCH, 32, 96, 32) == [32, 64, 96]
    with pytest.raises(ParameterError, match="outside the range"):
        sweep_values(parse_reference("resnet50"), BATCH, 0, 8, 1)
    points = batch_points(summary, [32, 64])
    setup = TrainingSetup(8, "adam", "float32")  # its batch is the axis' here
    found = [point_training_bytes(point, BATCH, setup) for point in points]
    assert found == [estimate(summary, 32).total_bytes, estimate(summary, 64).total_bytes]
    assert point_training_bytes(points[1], "classes", setup) == estimate(summary, 8).total_bytes
    rows = sweep_rows([("resnet50", points)], training=setup, param=BATCH)
    assert rows[1][-1] == f"{5_807_766_656 / 2**20:,.2f}"


def test_compare_values_gain_a_training_memory_row() -> None:
    from explorer.core.analysis.memory import TrainingSetup
    from explorer.core.exports.comparisons import compare_values
    from tests.recorded import recorded

    summaries = [recorded("resnet34"), recorded("resnet50")]
    assert all("Training" not in name for name, _ in compare_values(summaries))
    name, values = compare_values(summaries, TrainingSetup(64))[-1]
    assert name == "Training memory bytes (batch 64, adam, float32)"
    assert values == [2_580_772_992, 5_807_766_656]
