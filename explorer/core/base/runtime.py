"""The one place TensorFlow and Keras are imported: quietly, once, on first use."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from collections.abc import Iterator
from functools import cache
from types import ModuleType

log = logging.getLogger(__name__)

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


@cache
def import_keras() -> ModuleType:
    """``import keras`` on the TensorFlow backend with no log noise on the terminal."""
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Importing TensorFlow creates millions of objects; collecting during it costs ~20 %.
    # Freezing them afterwards keeps later collections (and GUI stalls) short.
    gc.disable()
    try:
        with quiet_stderr_fd():
            import keras
            import tensorflow as tf

            # The first device query logs CUDA probing ("failed call to cuInit") on fd 2.
            tf.config.list_physical_devices()
    finally:
        gc.freeze()
        gc.enable()
    tf.get_logger().setLevel(logging.ERROR)
    logging.getLogger("absl").setLevel(logging.ERROR)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    module: ModuleType = keras  # untyped (Any) to the type checker
    return module


def tf_errors() -> ModuleType:
    """``tensorflow.errors`` (imported with Keras), for the failures TensorFlow raises."""
    import_keras()
    import tensorflow as tf

    errors: ModuleType = tf.errors
    return errors
