"""Reusable widgets: parameter forms, plots, text tables, text file saving."""
