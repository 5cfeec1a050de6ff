"""Property-based fuzzing of the CLI with hypothesis (issue 13): references, ``--set`` values and
design files, generated valid and hostile, run in-process through ``explorer code`` (no
TensorFlow: ``code`` writes Python for simple-cnn, the ResNets and designs).

Every case must end as the contract says (exit 0, 1 or 2; on exit 1 exactly one printable line
``error: ...`` in our words, cut to a readable length, never "unexpected" or a traceback) within
the deadline; and a valid input must give what its plain form gives (the same code, the same
shape check). The profile in tests/conftest.py makes the runs reproducible (derandomized, no
example database).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import currently_in_test_context, event, example, given, settings
from hypothesis import strategies as st

from explorer.cli import main
from explorer.core.base.errors import ExplorerError, one_line, user_message
from explorer.core.params.specs import BoolParam, ChoiceParam, IntParam, Param, ShapeParam
from explorer.core.params.values import format_value
from explorer.core.sources.catalog import architectures
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.designs.examples import example_designs
from explorer.core.sources.designs.model import layer_kinds
from explorer.core.sources.designs.shapes import check

ARCHITECTURES = {arch.id: arch for arch in architectures()}
CODED = {"simple-cnn", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152"}
LINE_LIMIT = 700  # the longest one-line message: a list of every known id or kind (31 design kinds,
# 382 characters), a cut echo and the path


def cli(args: list[str]) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``explorer ARGS`` run in this process, checked against
    the contract every command keeps whatever it is given."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(args)
        except SystemExit as done:  # argparse: a usage error (or --help)
            status = done.code if isinstance(done.code, int) else 2
    stdout, stderr = out.getvalue(), err.getvalue()
    if currently_in_test_context():  # --hypothesis-show-statistics: how often each outcome came
        event(f"exit {status}")
    assert status in (0, 1, 2), (args, status, stderr)
    assert "Traceback" not in stdout + stderr, args
    if status == 1:
        line = stderr.removesuffix("\n")
        assert stdout == "", args
        assert stderr.endswith("\n") and "\n" not in line, (args, stderr)
        assert line.startswith("error: ") and line.isprintable(), (args, line)
        assert "unexpected" not in line, (args, line)
        assert len(line) < LINE_LIMIT, (args, len(line), line[:200])
    elif status == 2:
        assert stdout == "" and stderr.splitlines()[-1].startswith("explorer"), (args, stderr)
    return status, stdout, stderr


# --- References and --set values ------------------------------------------------------------

HOSTILE_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=":,=x× \t\n\r\x00\x1b\x7f\u202e\ud800()[]+-_.0123456789", max_size=30),
    st.sampled_from(["", " ", "nan", "inf", "-0", "1e999", "0x10", "٣", "²", "🙂", "名", "\ud800"]),
    st.integers().map(str),
    st.builds(lambda d, n: str(d) + "0" * n, st.integers(1, 9), st.integers(20, 6000)),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.builds("x".join, st.lists(st.integers(-5, 10**6).map(str), min_size=0, max_size=5)),
    st.builds(lambda n, c: c * n, st.integers(100, 20_000), st.sampled_from("9a \n,:=x")),
)
PARAM_NAMES = sorted({spec.name for arch in ARCHITECTURES.values() for spec in arch.params})
NAMES = st.one_of(st.sampled_from(PARAM_NAMES), st.sampled_from(["trust", "Filters"]), HOSTILE_TEXT)
IDS = st.one_of(
    st.sampled_from(sorted(ARCHITECTURES)),
    st.sampled_from(sorted(ARCHITECTURES)).map(lambda i: f"  {i.upper()} "),
    st.sampled_from(["examples:mini-resnet", "examples:nope", "examples:"]),
    HOSTILE_TEXT,
)


@st.composite
def hostile_references(draw) -> str:
    """``ID:NAME=VALUE,...`` from known and unknown ids, names and values, with the separators
    doubled, dropped or out of place."""
    items = draw(
        st.lists(
            st.one_of(
                st.builds(lambda n, v: f"{n}={v}", NAMES, HOSTILE_TEXT),
                HOSTILE_TEXT,
            ),
            max_size=4,
        )
    )
    joiner = draw(st.sampled_from([",", ",", ":", ",,", "=", " , "]))
    colon = draw(st.sampled_from([":", ":", "::", "", "="]))
    return draw(IDS) + colon + joiner.join(items)


def _typed_value(draw, spec: Param) -> Any:
    """A value inside ``spec``'s own range (the architecture's cross checks may still refuse
    it: the typed path says what they say)."""
    if isinstance(spec, IntParam):
        return draw(st.integers(spec.minimum, spec.maximum))
    if isinstance(spec, ChoiceParam):
        return draw(st.sampled_from(spec.choices))
    if isinstance(spec, BoolParam):
        return draw(st.booleans())
    assert isinstance(spec, ShapeParam)
    sides = [draw(st.integers(spec.min_size, min(spec.max_size, 4096))) for _ in spec.default[:-1]]
    return (*sides, draw(st.integers(1, spec.max_channels)))


def _written(draw, spec: Param, value: Any, in_reference: bool) -> str:
    """``value`` written another way the parser takes: spaces, signs, leading zeros, digit
    groups, capitals, other shape separators (not a comma inside a reference)."""
    if isinstance(spec, IntParam):
        text = draw(st.sampled_from(["", "+", "0", "00"])) + str(value)
        if draw(st.booleans()) and len(text) > 1:
            text = text[0] + "_" + text[1:] if text[1] != "_" else text
    elif isinstance(spec, ShapeParam):
        separators = ["x", "×", " x ", "X"] + ([] if in_reference else [","])
        text = draw(st.sampled_from(separators)).join(map(str, value))
        text = draw(st.sampled_from(["{}", "({})", "[{}]"])).format(text)
    elif isinstance(spec, BoolParam):
        text = draw(st.sampled_from(["true", "yes", "on", "1"] if value else ["false", "no", "0"]))
    else:
        text = draw(st.sampled_from([value, value.upper(), value.capitalize()]))
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", " ", "\t"]))


@st.composite
def valid_references(draw) -> tuple[str, list[str], str, dict[str, Any]]:
    """An id and typed values inside each spec's range, written as a reference and as --set
    items: (architecture id, --set items, reference text, typed values)."""
    # Mostly those ``code`` writes; the others stop after their values are checked.
    arch = ARCHITECTURES[
        draw(st.sampled_from(sorted(CODED)) | st.sampled_from(sorted(ARCHITECTURES)))
    ]
    chosen = draw(st.lists(st.sampled_from(arch.params), unique_by=lambda s: s.name, max_size=4))
    typed = {spec.name: _typed_value(draw, spec) for spec in chosen}
    inline = [f"{n}={_written(draw, arch.param(n), v, True)}" for n, v in typed.items()]
    sets = [f"{n}={_written(draw, arch.param(n), v, False)}" for n, v in typed.items()]
    reference = arch.id + (":" + ",".join(inline) if inline else "")
    return arch.id, sets, reference, typed


@settings(max_examples=700, deadline=2000)
@given(hostile_references(), st.lists(st.builds("=".join, st.lists(HOSTILE_TEXT, max_size=3))))
@example("simple-cnn:classes=" + "9" * 5000, [])
@example("resnet50", ["input_shape=" + "1" * 5000 + "x1x1"])
def test_hostile_references_and_sets_end_as_one_line(reference: str, sets: list[str]) -> None:
    cli(["code", reference, *[f"--set={item}" for item in sets]])  # "=": a value may start "-"


@settings(max_examples=500, deadline=2000)
@given(valid_references(), st.booleans())
def test_valid_references_give_what_their_plain_form_gives(case, as_sets: bool) -> None:
    """The text path (reference or --set) agrees with the typed path: the same error line, or
    the same code as the reference written back plainly."""
    arch_id, sets, reference, typed = case
    args = ["code", arch_id, *[f"--set={item}" for item in sets]]
    status, out, err = cli(args if as_sets else ["code", reference])
    try:
        plain = ARCHITECTURES[arch_id].resolve(typed)
    except ExplorerError as error:
        assert (status, err) == (1, f"error: {one_line(user_message(error))}\n")
        return
    if arch_id not in CODED:
        assert (status, err) == (
            1,
            f"error: {arch_id} cannot be copied into a design: only "
            "simple-cnn, the ResNets and designs can\n",
        )
        return
    assert status == 0, err
    assert (out, err) == cli(["code", plain.text()])[1:]
    # Written back, each value reads as itself.
    assert all(format_value(plain.values[n]) == format_value(v) for n, v in typed.items())


# --- Design files --------------------------------------------------------------------------

EXAMPLES = {item.name: item.read_text(encoding="utf-8") for item in example_designs()}
KINDS = layer_kinds()
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=10**20, max_value=10**400),
        st.floats(),
        HOSTILE_TEXT,
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
LAYER_NAMES = st.one_of(
    st.sampled_from(["", "input_layer", "conv2d", "class", "None", "_", "a" * 5000, "名字", "1x"]),
    st.text(max_size=20),
    st.builds(lambda n: "n" * n, st.integers(60, 20_000)),
)


NEST = "\x00nest\x00"  # where a value nested deep goes
MUTATIONS = (
    *("type", "name", "duplicate", "arg", "drop arg", "add arg", "args", "reorder"),
    *("drop input", "nest", "key", "top", "layer"),
)


def _mutate(draw, data: dict[str, Any]) -> None:
    """One hostile change to a design's JSON data, in place."""
    layers = data["layers"]
    index = draw(st.integers(0, len(layers) - 1))
    layer = layers[index]
    what = draw(st.sampled_from(MUTATIONS))
    if what == "type":
        layer["type"] = draw(st.one_of(st.sampled_from(KINDS), LAYER_NAMES, JSON_VALUES))
    elif what == "name":
        layer["name"] = draw(st.one_of(LAYER_NAMES, JSON_VALUES))
    elif what == "duplicate":
        layer["name"] = layers[draw(st.integers(0, len(layers) - 1))]["name"]
    elif what == "arg" and layer["args"]:
        layer["args"][draw(st.sampled_from(sorted(layer["args"])))] = draw(JSON_VALUES)
    elif what == "drop arg" and layer["args"]:
        del layer["args"][draw(st.sampled_from(sorted(layer["args"])))]
    elif what == "add arg":
        layer["args"][draw(st.one_of(st.sampled_from(["shape", "units", "x"]), st.text()))] = draw(
            JSON_VALUES
        )
    elif what == "args":
        layer["args"] = draw(JSON_VALUES)
    elif what == "reorder":
        data["layers"] = draw(st.permutations(layers))
    elif what == "drop input":
        del layers[0]
    elif what == "nest":
        # Nested in the text only: Python's own json would need a deep stack to build it.
        depth = draw(st.integers(1, 100_000))
        layer[draw(st.sampled_from(["args", "name", "type"]))] = NEST
        data["nest"] = depth
    elif what == "key":
        layer[draw(st.text(max_size=10))] = draw(JSON_VALUES)
    elif what == "top":
        data[draw(st.sampled_from(["format", "version", "name", "layers", "extra"]))] = draw(
            st.one_of(JSON_VALUES, LAYER_NAMES)
        )
    else:
        layers[index] = draw(JSON_VALUES)


@st.composite
def hostile_designs(draw) -> str:
    """An example design's text after one to three hostile changes, perhaps cut short."""
    data = json.loads(EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))])
    for _ in range(draw(st.integers(1, 3))):
        if data.get("layers") and isinstance(data["layers"], list):
            with contextlib.suppress(TypeError, KeyError, AttributeError):
                _mutate(draw, data)  # a change that no longer applies is skipped
    depth = data.pop("nest", 0)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    text = text.replace(json.dumps(NEST), "[" * depth + "0" + "]" * depth)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


@pytest.fixture(scope="module")
def design_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fuzzed.design.json"


def _design_outcome(text: str, path: Path) -> tuple[int, str, str]:
    """``code`` run on ``text`` as a file, checked against what the core makes of the text."""
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    status, out, err = cli(["code", str(path)])
    try:
        design = design_files.from_json(text, str(path))
    except ExplorerError:
        assert status == 1, (text[:300], out[:300])
        return status, out, err
    check(design)  # the window's shape check takes whatever loads
    assert status in (0, 1), (text[:300], err)  # some designs cannot be written as code
    return status, out, err


@settings(max_examples=600, deadline=2000)
@given(hostile_designs())
@example('{"format": "keras-architecture-explorer.design", "version": 1, "name": "x", "layers": [')
def test_hostile_designs_end_as_one_line(design_path: Path, text: str) -> None:
    _design_outcome(text, design_path)


@st.composite
def same_designs(draw) -> tuple[str, str]:
    """An example design and its text written another way that means the same design: keys
    reordered, other spacing, escaped or plain unicode, integers given as text, arguments that
    equal their defaults left out."""
    name = draw(st.sampled_from(sorted(EXAMPLES)))
    data = json.loads(EXAMPLES[name])
    defaults = json.loads(EXAMPLES[name])  # the examples give every argument
    for layer in data["layers"]:
        args = layer["args"]
        for key in list(args):
            choice = draw(st.sampled_from(["keep", "text", "drop"]))
            value = args[key]
            if choice == "text" and isinstance(value, int) and not isinstance(value, bool):
                args[key] = draw(st.sampled_from([str(value), f" {value} ", f"+{value}"]))
            elif choice == "drop" and layer["type"] != "Input":
                from explorer.core.sources.designs.kinds import kind_of

                spec = next(p for p in kind_of(layer["type"]).params if p.name == key)
                if spec.default == (tuple(value) if isinstance(value, list) else value):
                    del args[key]
        if draw(st.booleans()):
            layer_items = list(layer.items())
            layer.clear()
            layer.update(draw(st.permutations(layer_items)))
    top = list(data.items())
    data = dict(draw(st.permutations(top)))
    indent = draw(st.sampled_from([None, 0, 1, 4, "\t"]))
    text = json.dumps(data, indent=indent, ensure_ascii=draw(st.booleans()))
    assert defaults
    return name, text


@settings(max_examples=150, deadline=2000)
@given(same_designs())
def test_a_design_written_another_way_is_the_same_design(design_path: Path, case) -> None:
    name, text = case
    original = design_files.from_json(EXAMPLES[name], str(design_path))
    written = design_files.from_json(text, str(design_path))
    assert written == original and check(written) == check(original)
    assert _design_outcome(text, design_path) == _design_outcome(EXAMPLES[name], design_path)


# Found by the fuzzing above: a long layer type, layer key or design name was echoed whole
# (twice for a type: 6,255 characters for a 3,000-character type). Now cut, as ``shown`` cuts.
@pytest.mark.parametrize(
    ("key", "value", "cut"),
    [
        ("type", "T" * 3000, "'" + "T" * 39 + "…" + "T" * 20 + "' (3,000 characters)"),
        ("k" * 3000, 1, "unknown key '" + "k" * 39 + "…" + "k" * 20 + "' (3,000 characters)"),
        ("name", "1" + "n" * 3000, "'1" + "n" * 38 + "…" + "n" * 20 + "' (3,001 characters)"),
    ],
)
def test_a_long_layer_type_key_or_name_is_cut(design_path: Path, key, value, cut) -> None:
    data = json.loads(EXAMPLES["simple-cnn.design.json"])
    data["layers"][1][key] = value
    status, _, err = _design_outcome(json.dumps(data), design_path)
    assert status == 1 and cut in err and len(err) < LINE_LIMIT, err


def test_a_long_design_name_is_cut(design_path: Path) -> None:
    data = json.loads(EXAMPLES["simple-cnn.design.json"])
    data["name"] = "N" * 3000 + "/"
    assert cli(["code", json.dumps(data)]) == (
        1,
        "",
        "error: design: name: '" + "N" * 39 + "…" + "N" * 19 + "/' (3,001 characters) is not a "
        "usable design name: one line, no '/'\n",
    )
