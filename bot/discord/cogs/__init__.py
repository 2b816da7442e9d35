"""Thin cogs: each slash command turns its options into a Query and hands it to ``respond``."""
