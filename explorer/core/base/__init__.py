"""Foundations of the core: errors, units, atomic writes, shapes, the quiet Keras import."""
