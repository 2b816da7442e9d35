"""Answering: what a user typed → domain objects → facts, for every command of the table.

Nothing here writes a sentence (that is ``bot.wording``) or touches storage,
Discord or the console: the same facts serve every front end.
"""
