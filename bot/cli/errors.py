"""The errors the CLI turns into a plain line and an exit code (no traceback)."""

from __future__ import annotations


class StartupError(Exception):
    """The bot cannot start or a command cannot run: the message says why, in one line."""


class Stopped(BaseException):
    """SIGTERM arrived during start-up (``bot.cli.startup``): unwind, cleaning up, and exit 0.

    A BaseException so no ``except Exception`` on the way mistakes it for a failure.
    """
