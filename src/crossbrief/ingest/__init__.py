"""Ingest: bytes on disk to normalised, classified, dated Documents."""
