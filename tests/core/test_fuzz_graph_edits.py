"""Property-based fuzzing of the canvas's edits: any sequence of them leaves a design that is
valid, checks without an exception and comes back from its file exactly; a refused edit is a
ParameterError and changes nothing."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from explorer.core.base.errors import ParameterError
from explorer.core.sources.designs.files import from_json, to_json
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.designs.shapes import check

KINDS = ("Conv2D", "Add", "Concatenate", "Subtract", "MaxPooling2D", "Dense", "UpSampling2D")
START = Design(
    "fuzz",
    (
        DesignLayer("Input", "image", (("shape", (8, 8, 4)),)),
        DesignLayer("Conv2D", "c0", (("filters", 4), ("padding", "same"))),
        DesignLayer("Input", "other", (("shape", (4, 4, 4)),)),
    ),
)
NAMES = st.sampled_from(["image", "c0", "other", "n0", "n1", "n2", "n3", "zz"])
EDITS = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(KINDS), st.sampled_from(["n0", "n1", "n2", "n3"])),
    st.tuples(st.just("connect"), NAMES, NAMES, st.one_of(st.none(), st.integers(0, 3))),
    st.tuples(st.just("disconnect"), NAMES, NAMES),
    st.tuples(st.just("remove"), NAMES),
    st.tuples(st.just("output"), NAMES, st.booleans()),
    st.tuples(st.just("place"), NAMES, st.floats(-1e6, 1e6)),
    st.tuples(st.just("group"), st.lists(NAMES, max_size=3), st.sampled_from(["g1", "g2"])),
    st.tuples(st.just("ungroup"), st.sampled_from(["g1", "g2"])),
    st.tuples(
        st.just("explicit"),
    ),
)


def _apply(design: Design, edit: tuple) -> Design:
    action, *args = edit
    if action == "add":
        return design.add_layer(DesignLayer(args[0], args[1], inputs=()))
    if action == "connect":
        return design.connect(*args)
    if action == "disconnect":
        return design.disconnect(*args)
    if action == "remove":
        return design.remove_layer(args[0])
    if action == "output":
        return design.set_output(*args)
    if action == "place":
        return design.placed({args[0]: (args[1], -args[1])})
    if action == "group":
        return design.group_as_block(*args)
    if action == "ungroup":
        return design.ungroup(args[0])
    return design.explicit()


@settings(max_examples=150, deadline=None)
@given(st.lists(EDITS, max_size=12))
@example([("remove", "image"), ("remove", "other")])  # no Input left: still saved and opened
@example([("add", "Add", "n0"), ("connect", "c0", "n0", None), ("connect", "other", "n0", 1)])
def test_any_edits_leave_a_valid_design_that_round_trips(edits: list[tuple]) -> None:
    design = START
    for edit in edits:
        try:
            design = _apply(design, edit)
        except ParameterError:
            continue
    results = check(design)
    assert [result.name for result in results] == [layer.name for layer in design.layers]
    assert sorted(design.order()) == sorted(layer.name for layer in design.layers)
    assert from_json(to_json(design)) == design or design.is_chain()
    assert to_json(from_json(to_json(design))) == to_json(design)
