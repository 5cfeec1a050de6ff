"""Typed parameter specs (``specs``) and their values: NAME=VALUE parsing, validation, text
(``values``)."""
