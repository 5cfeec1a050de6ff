"""Reference -> model -> summary, as a preview (no weight memory) or a full build (real weights).

A preview builds under ``keras.StatelessScope(initialize_variables=False)``: every shape and
count is exact but no variable holds a value. Keras keeps such variables in a per-thread
"pending" list and would initialise all of them at the next ordinary build in the thread, so a
preview removes its own from that list as soon as it is built.
"""

from __future__ import annotations

import logging
import re
import resource
import sys
from dataclasses import dataclass
from typing import Any

from explorer.core.analysis.summary import ModelSummary, summarize_model, weights_bytes
from explorer.core.base.errors import ExplorerError
from explorer.core.base.runtime import import_keras, is_out_of_memory
from explorer.core.base.units import binary_and_decimal
from explorer.core.references.architecture import Reference

log = logging.getLogger(__name__)


class BuildError(ExplorerError):
    """Keras refused to build a model the parameter checks let through."""


@dataclass(frozen=True)
class BuildResult:
    reference: Reference
    preview: bool
    model: Any


def _pending_variables() -> list[Any]:
    from keras.src.backend.common import global_state

    pending: list[Any] = global_state.get_global_attribute(
        "uninitialized_variables", [], set_to_default=True
    )
    return pending  # Keras's own list: it grows as previews make variables


def _reset_names() -> None:
    """Fresh automatic layer names (``conv2d``, not ``conv2d_37``) for every build."""
    from keras.src.utils.naming import reset_uids

    reset_uids()


def available_memory_bytes() -> int | None:
    """What a build may still take: the memory free, or less where the process's address
    space is limited (``ulimit -v``); None when neither is known."""
    try:
        import psutil
    except ImportError:
        return None
    room = [int(psutil.virtual_memory().available)]
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit != resource.RLIM_INFINITY:
        room.append(max(0, limit - int(psutil.Process().memory_info().vms)))
    return min(room)


def check_memory_for_weights(reference: Reference, needed: int, available: int | None) -> None:
    """Refuse a full build whose weights (and their initialisation) would not fit in memory."""
    if available is not None and 2 * needed > available:
        raise BuildError(
            f"{reference.text()} needs {binary_and_decimal(needed)} for its weights and as much "
            f"again to initialise them, but only {binary_and_decimal(available)} of memory is "
            "free: use a preview, or smaller parameters"
        )


def _out_of_memory(reference: Reference, error: Exception) -> BuildError:
    """The backend's OOM (TensorFlow's ``{{function_node …}} OOM when allocating tensor with
    shape[…]``, XLA's RESOURCE_EXHAUSTED, PyTorch's OutOfMemoryError) as one line of ours: the
    free-memory check passed, but an allocation failed all the same (a process limit, or memory
    taken meanwhile)."""
    shape = re.search(r"shape\[([\d,]*)\]", str(error))
    tensor = f" (a tensor of shape ({shape.group(1).replace(',', ', ')}))" if shape else ""
    return BuildError(
        f"could not build {reference.text()}: out of memory while making its weights{tensor}; "
        "use a preview, or smaller parameters"
    )


def build_model(reference: Reference, *, preview: bool = True) -> BuildResult:
    keras = import_keras()
    if not preview:
        # A preview costs milliseconds and tells whether the real weights can fit.
        sizes = build_model(reference, preview=True).model.weights
        check_memory_for_weights(reference, weights_bytes(sizes), available_memory_bytes())
    _reset_names()
    pending = _pending_variables()
    already_pending = len(pending)
    try:
        if preview:
            with keras.StatelessScope(initialize_variables=False):
                model = reference.build()
        else:
            model = reference.build()
    except ExplorerError:
        raise
    except RecursionError:
        raise BuildError(
            f"could not build {reference.text()}: its layers are chained deeper than Keras can "
            f"follow (Python's limit of {sys.getrecursionlimit():,} calls)"
        ) from None
    except (ValueError, TypeError, MemoryError) as error:
        first_line = (
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        )
        raise BuildError(f"could not build {reference.text()}: {first_line}") from error
    except Exception as error:
        if is_out_of_memory(error):  # the backend's own (TensorFlow, XLA, PyTorch)
            raise _out_of_memory(reference, error) from None
        raise
    finally:
        del pending[already_pending:]
    return BuildResult(reference, preview, model)


def summarize(reference: Reference, *, preview: bool = True) -> ModelSummary:
    result = build_model(reference, preview=preview)
    return summarize_model(result.model, reference.architecture.id, reference.items)
