"""Summaries kept on disk, so that a model seen before needs no TensorFlow at all.

An entry is keyed by what decides the summary: the reference as the worker gets it, preview or
not, the versions of explorer, Keras and the backend Keras runs on (TensorFlow, JAX or PyTorch:
each has entries of its own), and for a model or design file its bytes.
Entries are written atomically; an entry that cannot be read is ignored (and written again
after the next build). ``EXPLORER_CACHE_DIR`` moves the cache (tests use it); set to ``off``,
nothing is read or written (benchmarks of building use that).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from explorer.core.analysis.summary import LayerRow, ModelSummary, Totals
from explorer.core.base.files import write_text_atomic
from explorer.core.base.runtime import backend_name
from explorer.core.base.units import MIB
from explorer.core.references.architecture import Reference

log = logging.getLogger(__name__)

FORMAT = 7  # of an entry; another number is a miss. 2: recurrent and attention layers counted;
# 3: a layer whose MACs are not counted is None (not 0), and totals name such layers; 4: an
# RNN's cell shown under it, a layer fed one tensor twice (self-attention) names it once; 5:
# the model's inputs (shapes and dtypes, for memory estimates); 6: values a layer keeps inside
# (attention's scores) for training; 7: an Activation layer's input kept for swish and GELU
ENV = "EXPLORER_CACHE_DIR"
_PACKAGES = ("keras-architecture-explorer", "keras")


OFF = "off"


def enabled() -> bool:
    return os.environ.get(ENV) != OFF


def folder() -> Path:
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("keras-architecture-explorer")) / "summaries"


def versions() -> dict[str, str]:
    """The versions that decide a summary, read from the installed metadata (no imports):
    explorer's, Keras's and the backend's, named by its package (``{"tensorflow": "2.21.0"}``,
    as before backends could be chosen, or ``{"jax": "0.10.2"}``)."""
    return _versions(backend_name())


@cache
def _versions(backend: str) -> dict[str, str]:
    found = {}
    for package in (*_PACKAGES, backend):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "none"
    return found


def key(reference: Reference, preview: bool = True) -> str | None:
    """The entry's name, or None when the reference's file cannot be read."""
    parts: dict[str, Any] = {
        "reference": reference.request_text(),
        "values": reference.text(),
        "preview": preview,
        "versions": versions(),
    }
    file = Path(reference.architecture.id)
    try:
        if file.is_file():
            parts["file"] = _fingerprint(file)
    except OSError:
        return None
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


HASHED_LIMIT = 16 * MIB  # larger files (a model file with its weights) go by size and time


def _fingerprint(file: Path) -> str:
    """What tells this file's versions apart: its contents' hash, or, for a file of more than
    ``HASHED_LIMIT`` (a .keras with gigabytes of weights: reading it would take seconds and,
    at once, its size in memory), its size and modification time, which any rewrite changes."""
    status = file.stat()
    if status.st_size > HASHED_LIMIT:
        return f"{status.st_size}:{status.st_mtime_ns}"
    digest = hashlib.sha256()
    with open(file, "rb") as stream:
        while chunk := stream.read(MIB):
            digest.update(chunk)
    return digest.hexdigest()


def to_record(summary: ModelSummary) -> dict[str, Any]:
    """Every field of a summary as JSON data (``from_record`` reads it back exactly)."""
    return asdict(summary)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def from_record(data: dict[str, Any]) -> ModelSummary:
    layers = tuple(
        LayerRow(**{name: _tuples(value) for name, value in row.items()}) for row in data["layers"]
    )
    return ModelSummary(
        architecture=data["architecture"],
        params=tuple((name, _tuples(value)) for name, value in data["params"]),
        model_name=data["model_name"],
        layers=layers,
        totals=Totals(**{name: _tuples(value) for name, value in data["totals"].items()}),
        inputs=_tuples(data.get("inputs", [])),
    )


def load(reference: Reference, preview: bool = True) -> ModelSummary | None:
    """The stored summary of ``reference``, or None (never stored, unreadable, out of date)."""
    name = key(reference, preview) if enabled() else None
    if name is None:
        return None
    path = folder() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return from_record(data["summary"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("ignoring the damaged cache entry %s: %s", path, error)
        return None


def store(reference: Reference, summary: ModelSummary, preview: bool = True) -> None:
    """Keep ``summary`` for next time; a cache that cannot be written is only logged."""
    name = key(reference, preview) if enabled() else None
    if name is None:
        return
    entry = {"format": FORMAT, "reference": reference.text(), "summary": to_record(summary)}
    try:
        folder().mkdir(parents=True, exist_ok=True)
        write_text_atomic(folder() / f"{name}.json", json.dumps(entry, separators=(",", ":")))
    except OSError as error:
        log.warning("could not write the summary cache in %s: %s", folder(), error)


def summarize_cached(
    reference: Reference, *, preview: bool = True, use_cache: bool = True
) -> ModelSummary:
    """The stored summary when there is one (no TensorFlow), else a build that is stored."""
    if use_cache:
        summary = load(reference, preview)
        if summary is not None:
            return summary
    from explorer.core.analysis.build import summarize

    summary = summarize(reference, preview=preview)
    if use_cache:
        store(reference, summary, preview)
    return summary
