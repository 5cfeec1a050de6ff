"""Python names in exported code for whatever the design's names are.

A layer keeps its exact Keras name; what changes is the Python that holds it: the model's class
(from the design's name), each layer's attribute in the subclassing style and each tensor's
variable in a graph. Each is valid, distinct as Python reads it (NFKC: a black-letter H is
``H``), never a keyword and never a name the code itself needs (``summary`` on a model,
``keras`` or ``x`` among the variables).
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Collection

from explorer.core.exports.code_calls import HELPER_NAMES

# Every public attribute of a Keras 3 model (Sequential, Functional, subclassed; compiled and
# fitted): a layer attribute of that name in the subclassing style would shadow it (`summary`
# then calls the layer) or fail to be set (`weights`). tests/core/test_code_names.py checks this
# against the Keras installed.
_MODEL_ATTRIBUTES = """
activity_regularizer add add_loss add_metric add_variable add_weight autocast build
build_from_config built call call_signature_parameters compile compile_from_config compiled
compiled_loss compiled_metrics compute_dtype compute_loss compute_mask compute_metrics
compute_output_shape compute_output_spec count_params distribute_reduction_method
distribute_strategy dtype dtype_policy evaluate export fit from_config get_build_config
get_compile_config get_config get_layer get_metrics_result get_quantization_layer_structure
get_state_tree get_weights history input input_dtype input_shape input_spec inputs jit_compile
layers load_own_variables load_weights loss losses make_predict_function make_test_function
make_train_function metrics metrics_names metrics_variables name non_trainable_variables
non_trainable_weights operations optimizer output output_names output_shape outputs path pop
predict predict_function predict_on_batch predict_step quantization_mode quantize quantized_build
quantized_call rematerialized_call reset_metrics run_eagerly save save_own_variables save_weights
set_state_tree set_weights stateless_call stateless_compute_loss steps_per_execution stop_training
summary supports_jit supports_masking symbolic_call test_function test_on_batch test_step to_json
train_function train_on_batch train_step trainable trainable_variables trainable_weights
unrolled_steps_per_execution variable_dtype variables weights
"""
RESERVED = frozenset(_MODEL_ATTRIBUTES.split())
# What the generated functions read besides the design's tensors: a variable of one of these
# names would hide it.
CODE_NAMES = frozenset({"keras", "layers", "build_model", "model", "self", "inputs", "x"})
# The names TensorFlow accepts for a graph scope at the root: a subclassed model is built by
# tracing its call(), where each layer opens a scope under its own name.
GRAPH_NAME = re.compile(r"[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*")


def class_name(name: str) -> str:
    """``odd net`` -> ``OddNet``: ASCII words of the design's name, never a keyword (``None``)
    nor a block helper's class (``BasicBlock``)."""
    words = "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z]+", name))
    if keyword.iskeyword(words) or words in HELPER_NAMES:
        return words + "Model"
    return words if words[:1].isalpha() else "Model" + words


def _identifier(name: str) -> str:
    """The layer's name as Python reads an identifier (NFKC: a black-letter H is ``H``, a long s
    is ``s``), a character no identifier may hold as ``_``, and ``layer`` before a leading
    ``_`` (a private or dunder attribute of the model, or one Python mangles)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c if f"_{c}".isidentifier() else "_" for c in text)
    if not text.isidentifier() or unicodedata.normalize("NFKC", text) != text:
        text = "layer"  # not reached for a design's names; kept total for any text
    return f"layer{text}" if text.startswith("_") else text


def python_names(names: list[str], reserved: Collection[str] = RESERVED) -> dict[str, str]:
    """Each layer's Python name (an attribute or a variable), by layer name; distinct as Python
    reads them.

    A keyword or a ``reserved`` name gets ``_layer`` (``summary_layer``); one taken already
    (``H`` after a black-letter H, ``summary_layer`` after ``summary``) gets ``_2``, ``_3``...
    in the order of the layers, so the same design always gives the same code."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = _identifier(name)
        if keyword.iskeyword(base) or base in reserved:
            base += "_layer"
        python, count = base, 1
        while python in taken or python in reserved:
            count += 1
            python = f"{base}_{count}"
        taken.add(python)
        found[name] = python
    return found
