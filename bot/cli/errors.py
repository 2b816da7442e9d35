"""The one error type the CLI reports as a plain line (no traceback)."""

from __future__ import annotations


class StartupError(Exception):
    """The bot cannot start or a command cannot run: the message says why, in one line."""
