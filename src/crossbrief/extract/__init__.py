"""Extraction: documents to claims, event mentions and dated statements, with spans."""
