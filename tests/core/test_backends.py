"""Choosing Keras's backend (issue 15, item 4): what the TensorFlow-only suite can check.

The suite's environment has TensorFlow and (normally) neither JAX nor PyTorch: a backend that
is missing must be one line with the ``pip install`` to run, said before anything imports
TensorFlow. ``tests/core/test_other_backends.py`` compares the summaries themselves where JAX or
PyTorch is installed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from explorer.cli import build_parser
from explorer.core.analysis import cache
from explorer.core.base.runtime import (
    BackendError,
    backend_name,
    check_backend,
    is_out_of_memory,
    select_backend,
)
from explorer.core.sources.lookup import parse_reference

MISSING = [name for name in ("jax", "torch") if importlib.util.find_spec(name) is None]
needs_a_missing_backend = pytest.mark.skipif(
    not MISSING, reason="JAX and PyTorch are both installed here"
)


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


def test_tensorflow_is_the_default_and_the_environment_chooses(monkeypatch) -> None:
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    assert backend_name() == "tensorflow"
    monkeypatch.setenv("KERAS_BACKEND", "")  # set but empty: Keras's own default too
    assert backend_name() == "tensorflow"
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    assert backend_name() == "jax"


def test_a_backend_explorer_does_not_run_on_is_refused() -> None:
    with pytest.raises(BackendError) as caught:
        check_backend("numpy")
    assert str(caught.value) == (
        "Keras backend 'numpy' is not one explorer runs on: use tensorflow, jax, torch"
    )


@needs_a_missing_backend
def test_a_missing_backend_says_what_to_install() -> None:
    name = MISSING[0]
    with pytest.raises(BackendError) as caught:
        check_backend(name)
    assert str(caught.value) == f"{name} is not installed: pip install {name}"


def test_selecting_sets_the_environment_for_keras_and_child_processes(monkeypatch) -> None:
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    assert check_backend("tensorflow") == "tensorflow"
    select_backend("tensorflow")
    assert os.environ["KERAS_BACKEND"] == "tensorflow"


def test_keras_running_on_another_backend_cannot_switch(monkeypatch) -> None:
    """Keras reads KERAS_BACKEND once, when it is imported: a later choice would be ignored
    silently, so it is refused. The stand-in reports the JAX backend as keras.backend does."""
    running = SimpleNamespace(backend=SimpleNamespace(backend=lambda: "jax"))
    monkeypatch.setitem(sys.modules, "keras", running)
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    with pytest.raises(BackendError) as caught:
        select_backend("tensorflow")
    assert str(caught.value) == (
        "Keras already runs on jax in this process; it cannot switch to tensorflow"
    )
    assert os.environ["KERAS_BACKEND"] == "jax"


def test_the_option_goes_before_the_command_or_after_it() -> None:
    parser = build_parser()
    assert parser.parse_args(["summary", "resnet50"]).backend is None
    assert parser.parse_args(["--backend", "jax", "summary", "resnet50"]).backend == "jax"
    assert parser.parse_args(["memory", "resnet50", "--backend", "torch"]).backend == "torch"
    # The command's option, not given, leaves the global one as it was.
    assert parser.parse_args(["--backend", "torch", "memory", "vgg16"]).backend == "torch"
    assert parser.parse_args(["weights", "--backend", "jax", "save", "a", "b"]).backend == "jax"


def test_the_window_refuses_another_backend(capsys) -> None:
    from explorer.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--backend", "jax"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        "explorer: error: --backend is for the commands: the window always uses TensorFlow\n"
    )


@needs_a_missing_backend
@pytest.mark.parametrize(
    ("args", "env"),
    [
        ("'--backend', '{name}', 'summary', 'simple-cnn', '--format', 'json'", {}),
        ("'memory', 'simple-cnn', '--backend', '{name}'", {}),
        ("'summary', 'resnet50', '--no-cache'", {"KERAS_BACKEND": "{name}"}),
    ],
)
def test_a_missing_backend_stops_the_command_before_tensorflow_is_imported(args, env) -> None:
    name = MISSING[0]
    code = (
        "import sys\nfrom explorer.cli import main\n"
        f"status = main([{args.format(name=name)}])\n"
        "print(status, 'tensorflow' in sys.modules, 'keras' in sys.modules)\n"
    )
    done = _python(code, {k: v.format(name=name) for k, v in env.items()})
    assert done.stdout == "1 False False\n"
    assert done.stderr == f"error: {name} is not installed: pip install {name}\n"


def test_out_of_memory_is_told_from_other_failures() -> None:
    import tensorflow as tf

    exhausted = tf.errors.ResourceExhaustedError(
        None, None, "OOM when allocating tensor with shape[100352,4096] and type float"
    )
    assert is_out_of_memory(exhausted)
    assert not is_out_of_memory(ValueError("Input 0 is incompatible with the layer"))
    assert not is_out_of_memory(MemoryError())  # Python's own, reported as it is
    # PyTorch's CPU allocator, as torch 2.14 words it, counts only once torch is imported.
    refused = RuntimeError(
        "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate "
        "memory: you tried to allocate 40000000000000 bytes. Error code 12"
    )
    assert is_out_of_memory(refused) == ("torch" in sys.modules)


def test_each_backend_has_cache_entries_of_its_own(monkeypatch) -> None:
    reference = parse_reference("simple-cnn")
    monkeypatch.setenv("KERAS_BACKEND", "tensorflow")
    tensorflow = cache.versions()
    # As before backends could be chosen: TensorFlow's entries stay valid.
    assert set(tensorflow) == {"keras-architecture-explorer", "keras", "tensorflow"}
    tensorflow_key = cache.key(reference)
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    jax = cache.versions()
    assert set(jax) == {"keras-architecture-explorer", "keras", "jax"}
    assert jax["keras"] == tensorflow["keras"]
    assert cache.key(reference) != tensorflow_key
    jax_key = cache.key(reference)
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    assert cache.key(reference) not in (tensorflow_key, jax_key, None)
