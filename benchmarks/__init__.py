"""Benchmarks and synthetic 100x data for tiebot (run as modules, see README)."""
