"""What a model is: an Architecture and a Reference (one with resolved values), as plain data."""
