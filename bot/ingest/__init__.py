"""Ingest stage: the inbox scanner, decoding and parsing article files."""
