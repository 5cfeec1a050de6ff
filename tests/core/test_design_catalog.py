"""Edit a copy: catalog models as designs that build exactly the same table."""

from __future__ import annotations

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs.examples import examples_folder
from explorer.core.sources.designs.files import reference_for
from explorer.core.sources.designs.model import DesignError
from explorer.core.sources.designs.shapes import check
from explorer.core.sources.lookup import parse_reference

EXAMPLES = examples_folder()

COPIES = [
    "simple-cnn",
    "simple-cnn:api=functional,input_shape=40x30x1,kernel_size=5,strides=1,classes=7",
    "simple-cnn:api=subclassing",
    "resnet18:input_shape=32x32x3,classes=10",
    "resnet50:input_shape=32x32x3,classes=10",
    "resnet18:variant=tutorial,classes=10",
    "resnet50:variant=tutorial,classes=10",
]


@pytest.mark.parametrize("text", COPIES)
def test_a_copy_builds_the_same_layers_as_the_catalog_model(summary_of, text: str) -> None:
    design = design_from_reference(parse_reference(text))
    copy = summarize(reference_for(design))
    catalog = summary_of(text)
    assert copy.layers == catalog.layers  # names, types, shapes, params, inbound, MACs
    assert copy.totals == catalog.totals
    # The shape check, which needs no TensorFlow, says the same shapes as Keras.
    rows = {row.name: row.output_shape for row in copy.layers}
    for result in check(design)[1:]:
        last = f"{result.name}_add" if f"{result.name}_add" in rows else result.name
        last = f"{result.name}_out" if f"{result.name}_out" in rows else last
        assert result.output_shape == rows[last], result.name


def test_copies_of_designs_and_models_that_are_not_designs() -> None:
    reference = parse_reference(str(EXAMPLES / "small-vgg.design.json"))
    assert design_from_reference(reference) is reference.architecture.build.design
    with pytest.raises(DesignError) as caught:
        design_from_reference(parse_reference("vgg16"))
    assert str(caught.value) == (
        "vgg16 cannot be copied into a design: only simple-cnn, the ResNets and designs can"
    )
