"""The choices commands and views offer, by their codes: light to import, so the command line's
parser does not load the modules that carry them out."""

from __future__ import annotations

FOLDS = ("none", "blocks", "stages")  # the drawing: every layer, blocks or stages as one box
STYLES = ("sequential", "functional", "subclassing")  # exported Keras code
COLORS = ("params", "macs", "activations", "type")  # what colours a drawing's boxes
FORMATS = ("text", "json", "csv", "markdown")  # a summary or comparison
