"""Designs: layer stacks put together in the designer, their shape check, Keras build and files."""
