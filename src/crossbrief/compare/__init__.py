"""Comparison: claims from many sources to tables, flags and key findings."""
