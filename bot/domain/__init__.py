"""The domain: what a season document states (models), name folding, score arithmetic, the catalog.

Everything else builds on these values; this package imports nothing of ours.
"""
