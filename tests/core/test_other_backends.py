"""Summaries and memory estimates on Keras's JAX and PyTorch backends equal TensorFlow's.

Runs only where JAX or PyTorch is installed (the app's own environment has TensorFlow only): in
a scratch environment with ``pip install -e . --no-deps``, Keras, h5py, psutil, nvidia-ml-py,
platformdirs, pytest and hypothesis, and jax and/or torch, but no TensorFlow::

    KERAS_BACKEND=jax python -m pytest tests/core/test_other_backends.py -p no:cacheprovider

Each backend builds its summaries in a process of its own (Keras picks its backend once) and
they are compared with the summaries recorded from TensorFlow builds (``tests/recorded.py``):
every layer's name, type, shapes, parameters, MACs and activations, the totals and the inputs.
Models with no recording are compared between JAX and PyTorch, and with TensorFlow where that
is installed too.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from functools import cache
from typing import Any

import pytest

from explorer.core.analysis.cache import from_record
from explorer.core.analysis.memory import estimate
from tests.recorded import recorded

OTHERS = ("jax", "torch")
INSTALLED = [name for name in OTHERS if importlib.util.find_spec(name) is not None]
if not INSTALLED:
    pytest.skip("neither JAX nor PyTorch is installed", allow_module_level=True)

RECORDED_HERE = ("resnet50", "resnet18:input_shape=112x112x3", "vgg16", "simple-cnn", "vit_b16")
DESIGN = os.path.join(
    os.path.dirname(__file__), "..", "..", "resources", "designs", "mini-resnet.design.json"
)
UNRECORDED = ("mobilenet_v2", "efficientnet_b0", "vit_s16", DESIGN)

_BUILD = """
import json, sys
from explorer.core.base.runtime import select_backend
select_backend(sys.argv[1])
from explorer.core.analysis.build import summarize
from explorer.core.analysis.cache import to_record
from explorer.core.sources.lookup import parse_reference
found = {ref: to_record(summarize(parse_reference(ref))) for ref in sys.argv[2:]}
import keras
print(json.dumps({
    "summaries": found,
    "keras backend": keras.backend.backend(),
    "tensorflow imported": any(m.split(".")[0] == "tensorflow" for m in sys.modules),
}))
"""


@cache
def built(backend: str) -> dict[str, Any]:
    """Every model's summary as ``backend`` builds it, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, backend, *RECORDED_HERE, *UNRECORDED],
        capture_output=True,
        text=True,
        env={**os.environ, "EXPLORER_CACHE_DIR": "off"},
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def _cli(backend: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--backend", backend, *args, "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "EXPLORER_CACHE_DIR": "off"},
        timeout=300,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.fixture(params=INSTALLED)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


def test_the_backend_runs_without_tensorflow(backend) -> None:
    data = built(backend)
    assert data["keras backend"] == backend
    assert data["tensorflow imported"] is False


@pytest.mark.parametrize("reference", RECORDED_HERE)
def test_summaries_equal_tensorflows(backend, reference) -> None:
    assert from_record(built(backend)["summaries"][reference]) == recorded(reference)


@pytest.mark.parametrize("reference", RECORDED_HERE)
def test_memory_estimates_equal_tensorflows(backend, reference) -> None:
    summary = from_record(built(backend)["summaries"][reference])
    for batch, precision in ((32, "float32"), (128, "mixed_float16")):
        found = estimate(summary, batch, "adam", precision)
        assert found == estimate(recorded(reference), batch, "adam", precision)


def test_the_memory_command_on_the_backend(backend) -> None:
    data = _cli(backend, "memory", "vgg16", "--batch", "64", "--precision", "mixed_float16")
    expected = estimate(recorded("vgg16"), 64, "adam", "mixed_float16").to_json_dict()
    assert {k: v for k, v in data.items() if k not in ("device", "max_batch")} == expected
    assert data["total_bytes"] == 4_186_869_376


def test_the_summary_command_on_the_backend(backend) -> None:
    data = _cli(backend, "summary", "simple-cnn")
    assert data["totals"]["params"] == 200_705_448
    assert data["totals"]["macs"] == 206_123_008


def _counts(record: dict[str, Any]) -> dict[str, Any]:
    """A summary less its weights' bytes: a Normalization layer's ``count`` is int64 on
    TensorFlow and int32 on JAX and PyTorch (EfficientNet's: 4 bytes in 21 MB)."""
    totals = {k: v for k, v in record["totals"].items() if k != "weights_bytes"}
    return {**record, "totals": totals}


@pytest.mark.parametrize("reference", UNRECORDED)
def test_unrecorded_models_equal_across_backends(reference) -> None:
    others = [_counts(built(name)["summaries"][reference]) for name in INSTALLED]
    if importlib.util.find_spec("tensorflow") is not None:
        others.append(_counts(built("tensorflow")["summaries"][reference]))
    if len(others) < 2:
        pytest.skip("one backend installed: nothing to compare with")
    assert all(other == others[0] for other in others[1:])


def test_the_backends_out_of_memory_is_recognised(backend) -> None:
    """An allocation of 40 TB fails at once on any machine, without taking memory."""
    from explorer.core.base.runtime import is_out_of_memory

    with pytest.raises(Exception) as caught:  # each backend raises its own kind
        if backend == "jax":
            import jax.numpy as jnp

            jnp.zeros((10**7, 10**6), dtype=jnp.float32).block_until_ready()
        else:
            import torch

            torch.empty((10**7, 10**6), dtype=torch.float32)
    assert is_out_of_memory(caught.value)
    assert not is_out_of_memory(ValueError("RESOURCE_EXHAUSTED in a message of another kind"))
