"""Pure domain code: models, parser, club identity and matching, the answer engine.

Nothing here imports discord or aiosqlite (a test enforces it), so the same
answers serve the Discord adapter, the console and the benchmarks.
"""
