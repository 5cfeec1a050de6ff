"""Summaries, comparisons and reports as text, CSV, Markdown and JSON; code; graph drawings."""
