"""The one place Keras and its backend are imported: quietly, once, on first use.

TensorFlow is the default backend and the window's. The headless commands also run on Keras's
JAX and PyTorch backends (``KERAS_BACKEND=jax|torch``, ``explorer --backend``), as on a machine
with only JAX's or PyTorch's CUDA: nothing on their paths imports TensorFlow.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import logging
import os
import sys
from collections.abc import Iterator
from functools import cache
from types import ModuleType

from explorer.core.base.errors import ExplorerError

log = logging.getLogger(__name__)

ENV = "KERAS_BACKEND"
BACKENDS = ("tensorflow", "jax", "torch")  # Keras's names, which are also the packages'
DEFAULT_BACKEND = "tensorflow"
_PIP_NAMES = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}

# Keras walks a functional model's graph recursively, a frame or two per layer in a chain:
# Python's default limit (1,000) stops at a chain of about 900 layers, and a design may have
# 5,000. Python 3.11 runs Python-to-Python calls without growing the C stack.
RECURSION_LIMIT = 20_000


@contextlib.contextmanager
def quiet_stderr_fd() -> Iterator[None]:
    """Point fd 2 at /dev/null: TF's C++ logging ignores TF_CPP_MIN_LOG_LEVEL.

    Process-wide while active, so keep the block short; if fd 2 cannot be redirected
    (closed, no console), the block runs unchanged.
    """
    saved: int | None = None
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        saved = os.dup(2)
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
    except (OSError, ValueError) as exc:
        log.debug("cannot silence stderr: %s", exc)
    try:
        yield
    finally:
        if saved is not None:
            with contextlib.suppress(OSError, ValueError):
                if sys.stderr is not None:
                    sys.stderr.flush()
                os.dup2(saved, 2)
            os.close(saved)


class BackendError(ExplorerError):
    """A backend that is not one of BACKENDS, not installed, or not the one Keras runs on."""


def backend_name() -> str:
    """The backend Keras runs on or will run on: ``KERAS_BACKEND``, else TensorFlow."""
    return os.environ.get(ENV) or DEFAULT_BACKEND


def check_backend(name: str) -> str:
    """``name`` when it is one of BACKENDS and its package can be imported; raised otherwise,
    with what to install. Finds the package without importing it (TensorFlow takes seconds)."""
    if name not in BACKENDS:
        raise BackendError(
            f"Keras backend {name!r} is not one explorer runs on: use {', '.join(BACKENDS)}"
        )
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a broken half-installed package
        found = False
    if not found:
        raise BackendError(f"{name} is not installed: pip install {_PIP_NAMES[name]}")
    return name


def select_backend(name: str) -> None:
    """Run Keras on ``name`` (before it is imported): sets ``KERAS_BACKEND`` for this process
    and the processes it starts. Refused once Keras runs on another backend."""
    check_backend(name)
    keras = sys.modules.get("keras")
    running = getattr(keras, "backend", None)
    if running is not None and running.backend() != name:
        raise BackendError(
            f"Keras already runs on {running.backend()} in this process; it cannot switch to {name}"
        )
    os.environ[ENV] = name


@cache
def import_keras() -> ModuleType:
    """``import keras`` on the chosen backend (TensorFlow unless ``KERAS_BACKEND`` says
    otherwise) with no log noise on the terminal; BackendError, with the ``pip install`` to
    run, when that backend is missing."""
    name = check_backend(backend_name())
    os.environ[ENV] = name
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Importing TensorFlow creates millions of objects; collecting during it costs ~20 %.
    # Freezing them afterwards keeps later collections (and GUI stalls) short.
    gc.disable()
    try:
        with quiet_stderr_fd():
            import keras

            if name == "tensorflow":
                import tensorflow as tf

                # The first device query logs CUDA probing ("failed call to cuInit") on fd 2.
                tf.config.list_physical_devices()
    finally:
        gc.freeze()
        gc.enable()
    if name == "tensorflow":
        tf.get_logger().setLevel(logging.ERROR)
    logging.getLogger("absl").setLevel(logging.ERROR)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    module: ModuleType = keras  # untyped (Any) to the type checker
    return module


def is_out_of_memory(error: BaseException) -> bool:
    """Whether ``error`` is the backend running out of memory for a tensor: TensorFlow's
    ResourceExhaustedError, XLA's RESOURCE_EXHAUSTED (JAX), PyTorch's OutOfMemoryError (CUDA)
    or its CPU allocator's failure. Asks only modules already imported: an error from a backend
    never loaded cannot be its."""
    if isinstance(error, MemoryError):
        return False  # Python's own: reported as it is
    tf = sys.modules.get("tensorflow")
    if tf is not None and isinstance(error, tf.errors.ResourceExhaustedError):
        return True
    torch = sys.modules.get("torch")
    torch_oom = getattr(torch, "OutOfMemoryError", None)  # CUDA's
    if isinstance(torch_oom, type) and isinstance(error, torch_oom):
        return True
    if (
        torch is not None
        and isinstance(error, RuntimeError)
        and "DefaultCPUAllocator: can't allocate memory" in str(error)  # the CPU's
    ):
        return True
    jax = sys.modules.get("jax")
    runtime_error = getattr(getattr(jax, "errors", None), "JaxRuntimeError", None)
    return (
        isinstance(runtime_error, type)
        and isinstance(error, runtime_error)
        and "RESOURCE_EXHAUSTED" in str(error)
    )
