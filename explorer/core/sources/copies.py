"""Edit a copy: the design behind a reference, for the designer and the code export.

A design reference gives back its design; simple-cnn and the ResNets (both variants, any depth,
input and classes) give the designs their catalog modules describe, with the same layer names,
shapes and parameters as the catalog's own models.
"""

from __future__ import annotations

from explorer.core.references.architecture import Reference
from explorer.core.sources.catalog import resnet, simple_cnn
from explorer.core.sources.designs.files import design_of
from explorer.core.sources.designs.model import Design, DesignError


def design_from_reference(reference: Reference) -> Design:
    """The design of a design reference, or a design copy of simple-cnn or a ResNet."""
    design = design_of(reference)
    if design is not None:
        return design
    architecture = reference.architecture
    if architecture.id == "simple-cnn":
        return simple_cnn.design(reference.values)
    depth = architecture.id.removeprefix("resnet")
    if depth.isdigit() and int(depth) in resnet.DEPTHS:
        return resnet.design(int(depth), reference.values)
    raise DesignError(
        f"{architecture.id} cannot be copied into a design: only simple-cnn, the ResNets and "
        "designs can"
    )
