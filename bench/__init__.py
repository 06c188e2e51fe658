"""Benchmarks: run as scripts (`python bench/<name>.py`), never imported by the app."""
