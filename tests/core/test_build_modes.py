"""Preview builds allocate no weights yet summarise exactly like full builds."""

from __future__ import annotations

import gc

import pytest

from explorer.core.sources.catalog import architectures

ALL_AT_DEFAULTS = [a.id for a in architectures()] + [
    "simple-cnn:api=functional",
    "simple-cnn:api=subclassing",
    "resnet50:variant=tutorial",
]


@pytest.mark.parametrize("reference", ALL_AT_DEFAULTS)
def test_preview_and_full_builds_give_identical_summaries(summary_of, reference: str) -> None:
    from explorer.core.analysis.build import summarize
    from explorer.core.sources.lookup import parse_reference

    preview = summary_of(reference)
    full = summarize(parse_reference(reference), preview=False)
    gc.collect()
    assert full == preview


def _rss_bytes() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def test_a_preview_allocates_no_weights_and_is_never_materialised_later() -> None:
    import keras

    from explorer.core.analysis.build import build_model
    from explorer.core.sources.lookup import parse_reference

    before = _rss_bytes()
    preview = build_model(parse_reference("simple-cnn"), preview=True).model
    grown = _rss_bytes() - before
    assert grown < 50 * 2**20  # its weights would take 766 MiB

    # An ordinary build afterwards in the same thread (a Lambda layer runs compute_output_spec
    # outside any stateless scope, which initialises every pending variable) ...
    inputs = keras.Input(shape=(4,))
    keras.Model(inputs, keras.layers.Lambda(lambda x: x * 2)(inputs))
    # ... leaves the discarded preview's 200 million parameters unallocated.
    assert _rss_bytes() - before < 50 * 2**20
    assert all(v._value is None for v in preview.weights)
    assert preview.count_params() == 200_705_448


def test_a_full_build_has_real_weights() -> None:
    from explorer.core.analysis.build import build_model
    from explorer.core.sources.lookup import parse_reference

    model = build_model(
        parse_reference("resnet18:input_shape=32x32x3,classes=10"), preview=False
    ).model
    kernel = model.get_layer("conv1_conv").kernel.numpy()
    assert kernel.shape == (7, 7, 3, 64)
    assert kernel.std() > 0


def test_a_full_build_that_cannot_fit_in_memory_is_refused_before_allocating() -> None:
    from explorer.core.analysis.build import BuildError, build_model, check_memory_for_weights
    from explorer.core.sources.lookup import parse_reference

    reference = parse_reference("simple-cnn:input_shape=8192x8192x3,filters=4096,strides=1")
    with pytest.raises(BuildError) as caught:
        build_model(reference, preview=False)
    assert str(caught.value).startswith(
        "simple-cnn:input_shape=8192x8192x3,filters=4096,strides=1 needs 1,000.00 TiB "
        "(1,099.51 TB) for its weights and as much again to initialise them, but only "
    )
    assert str(caught.value).endswith("of memory is free: use a preview, or smaller parameters")
    check_memory_for_weights(reference, needed=10, available=20)  # fits: no error
    check_memory_for_weights(reference, needed=10, available=None)  # unknown: try anyway


def test_an_allocation_that_fails_all_the_same_is_one_line(monkeypatch) -> None:
    """Past the free-memory check, TensorFlow may still run out (a process limit, memory taken
    meanwhile): measured with ``ulimit -v 6000000`` and vgg16:input_shape=448x448x3 --full,
    which printed "unexpected ResourceExhaustedError: {{function_node …}} OOM …"."""
    import resource

    import tensorflow as tf

    from explorer.core.analysis import build
    from explorer.core.sources.lookup import parse_reference

    reference = parse_reference("simple-cnn:input_shape=8x8x1,classes=2")
    failure = tf.errors.ResourceExhaustedError(
        None, None, "{{function_node __wrapped__Mul_device_/job:localhost}} OOM when allocating "
        "tensor with shape[100352,4096] and type float on /job:localhost by allocator mklcpu"
    )  # fmt: skip

    def run_out() -> None:
        raise failure

    monkeypatch.setattr(type(reference), "build", lambda self: run_out())
    with pytest.raises(build.BuildError) as caught:
        build.build_model(reference, preview=False)
    assert str(caught.value) == (
        "could not build simple-cnn:input_shape=8x8x1,classes=2: out of memory while making its "
        "weights (a tensor of shape (100352, 4096)); use a preview, or smaller parameters"
    )
    # The room a build has is the smaller of the memory free and what ulimit -v leaves.
    free = build.available_memory_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    import psutil

    used = psutil.Process().memory_info().vms
    monkeypatch.setattr(resource, "getrlimit", lambda kind: (used + 2**20, hard))
    assert free is not None and 0 < build.available_memory_bytes() <= 2**20 < free
    assert soft == resource.RLIM_INFINITY or soft > used
