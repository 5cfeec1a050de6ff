"""Every layer call in a model, in execution order, with input and output shapes.

Functional and Sequential models are read from Keras's own node graph (free: the shapes were
computed when the model was built). Subclassed models, and layers that own sub-layers, hide their
graph inside ``call``; they are traced once on symbolic inputs with each sub-layer's ``call``
wrapped to record what it saw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from explorer.core.base.shapes import Shape


@dataclass
class LayerCall:
    layer: Any
    path: tuple[str, ...]  # names of the containers above the layer, outermost first
    inputs: list[Shape] = field(default_factory=list)
    outputs: list[Shape] = field(default_factory=list)
    inbound: list[str] = field(default_factory=list)


def _shape(tensor: Any) -> Shape:
    return tuple(None if d is None else int(d) for d in tensor.shape)


def _tensors(structure: Any) -> list[Any]:
    import keras

    return [t for t in keras.tree.flatten(structure) if hasattr(t, "shape")]


def _sublayers(op: Any) -> list[Any]:
    """Layers owned by ``op``; plain operations (``x + y`` in a Functional graph) own none."""
    flatten = getattr(op, "_flatten_layers", None)
    return list(flatten(include_self=False, recursive=False)) if flatten else []


def costed_whole(layer: Any) -> bool:
    """Layers whose cost ``cost.layer_macs`` counts from their own shapes, shown as one row:
    a recurrent layer (not its cell once per step), Bidirectional, TimeDistributed (not the
    inner layer once per step), and attention (its projections and both products)."""
    from keras import layers

    kinds = (
        layers.RNN,
        layers.Bidirectional,
        layers.TimeDistributed,
        layers.MultiHeadAttention,
        layers.GroupQueryAttention,
    )
    return isinstance(layer, kinds)


def _graph_of(model: Any) -> Any | None:
    """The Functional graph behind a Functional or built Sequential model, else None."""
    from keras.src.models.functional import Functional

    graph = getattr(model, "_functional", None) or model
    return graph if isinstance(graph, Functional) else None


def trace_model(model: Any) -> list[LayerCall]:
    graph = _graph_of(model)
    if graph is not None:
        return list(_walk_graph(graph, ()))
    config = model.get_build_config() or {}
    if "input_shape" not in config:
        raise ValueError(f"model {model.name!r} is not built: call it on an input first")
    import keras

    specs = keras.tree.map_shape_structure(keras.KerasTensor, config["input_shape"])
    return _trace_call(model, (specs,), {}, ())


def _walk_graph(graph: Any, path: tuple[str, ...]) -> Iterator[LayerCall]:
    from keras.src.layers.core.input_layer import InputLayer

    in_graph = {id(node) for nodes in graph._nodes_by_depth.values() for node in nodes}
    for op in graph._operations:
        if isinstance(op, InputLayer):
            continue
        for node in op._inbound_nodes:
            if id(node) not in in_graph:
                continue
            inputs = node.arguments.keras_tensors
            call = LayerCall(
                layer=op,
                path=path,
                inputs=[_shape(t) for t in inputs],
                outputs=[_shape(t) for t in node.outputs],
                inbound=[
                    t._keras_history.operation.name
                    for t in inputs
                    if not isinstance(t._keras_history.operation, InputLayer)
                ],
            )
            yield call
            if _sublayers(op) and not costed_whole(op):
                inner = _graph_of(op)
                if inner is not None:
                    yield from _walk_graph(inner, (*path, op.name))
                else:
                    yield from _trace_call(
                        op, node.arguments.args, node.arguments.kwargs, (*path, op.name)
                    )


@contextmanager
def _recording(root: Any, calls: list[LayerCall], path: tuple[str, ...]) -> Iterator[None]:
    """Wrap ``call`` of every layer below ``root`` to append a LayerCall per call."""
    producers: dict[int, str] = {}
    stack: list[str] = list(path)
    wrapped: list[Any] = []

    def wrap(layer: Any) -> None:
        original = layer.call

        def traced(*args: Any, **kwargs: Any) -> Any:
            inputs = _tensors((args, kwargs))
            call = LayerCall(
                layer=layer,
                path=tuple(stack),
                inputs=[_shape(t) for t in inputs],
                inbound=[producers[id(t)] for t in inputs if id(t) in producers],
            )
            calls.append(call)  # before its children, so containers precede their layers
            stack.append(layer.name)
            try:
                result = original(*args, **kwargs)
            finally:
                stack.pop()
            for tensor in _tensors(result):
                producers[id(tensor)] = layer.name
                call.outputs.append(_shape(tensor))
            return result

        object.__setattr__(layer, "call", traced)
        wrapped.append(layer)

    for layer in _traced_below(root):
        wrap(layer)
    try:
        yield
    finally:
        for layer in wrapped:
            object.__delattr__(layer, "call")


def _traced_below(root: Any) -> Iterator[Any]:
    """The layers below ``root`` whose calls are recorded: not those inside a layer that is
    costed whole (an LSTM's cell, an attention's projections)."""
    for layer in root._flatten_layers(include_self=False, recursive=False):
        yield layer
        if not costed_whole(layer):
            yield from _traced_below(layer)


def _trace_call(layer: Any, args: Any, kwargs: Any, path: tuple[str, ...]) -> list[LayerCall]:
    """Every call below ``layer`` when it is called on ``args``; ``path`` is where they sit."""
    import keras
    from keras.src import backend

    calls: list[LayerCall] = []
    # A nested stateless scope keeps compute_output_spec from initialising pending variables.
    with keras.StatelessScope(initialize_variables=False), _recording(layer, calls, path):
        backend.compute_output_spec(layer.call, *args, **kwargs)
    return calls
