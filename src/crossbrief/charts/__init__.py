"""Charts of the comparison tables: matplotlib, one style, deterministic SVG."""
