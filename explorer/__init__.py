"""Keras Architecture Explorer: look inside neural-network architectures before training them."""

__version__ = "0.1.0"
