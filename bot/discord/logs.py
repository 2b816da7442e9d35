"""Logging through discord.py's ``setup_logging``, with the bot token redacted.

The token must never reach a log line or a traceback, whatever logger wrote
it (ours, discord.py's, aiohttp's).  A filter on every root handler rewrites
each record's final message and formatted traceback before any handler
formats it.
"""

from __future__ import annotations

import logging

import discord

REDACTED = "[REDACTED]"
_formatter = logging.Formatter()


class TokenFilter(logging.Filter):
    """Replaces the token (when set) in the message, arguments and traceback of a record."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self.token = token

    def redact(self, text: str) -> str:
        return text.replace(self.token, REDACTED) if self.token else text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw message
            message = str(record.msg)
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class ByDesignFilter(logging.Filter):
    """Drops discord.py's start-up warnings about choices this bot makes on purpose.

    It asks for no gateway intents (slash commands need none) and has no voice,
    so "Guilds intent seems to be disabled" and "PyNaCl/davey is not installed"
    would only alarm a host at every start; "logging in using static token" would
    repeat at every retry while Discord is down (the bot logs "ready as …" or why
    not); anything else passes.
    """

    EXPECTED = (
        "Guilds intent seems to be disabled",
        "PyNaCl is not installed",
        "davey is not installed",
        "logging in using static token",
    )

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.EXPECTED)


_BY_DESIGN = ByDesignFilter()


def parse_level(name: str) -> int:
    """``"info"`` → ``logging.INFO``; unknown names fall back to INFO."""
    level = logging.getLevelName(name.strip().upper())
    return level if isinstance(level, int) else logging.INFO


def configure_logging(level: str, token: str | None) -> TokenFilter:
    """Install discord.py's handler on the root logger once, and the token filter on
    every root handler; returns the filter so the caller can remove it on exit."""
    root = logging.getLogger()
    if not any(getattr(h, "tiebot", False) for h in root.handlers):
        ours = logging.StreamHandler()
        ours.tiebot = True  # type: ignore[attr-defined]
        discord.utils.setup_logging(handler=ours, level=parse_level(level), root=True)
    else:
        root.setLevel(parse_level(level))
    for name in ("discord.client", "discord.state"):
        if _BY_DESIGN not in logging.getLogger(name).filters:
            logging.getLogger(name).addFilter(_BY_DESIGN)
    token_filter = TokenFilter(token)
    for handler in root.handlers:
        handler.addFilter(token_filter)
    return token_filter


def remove_filter(token_filter: TokenFilter) -> None:
    for handler in logging.getLogger().handlers:
        handler.removeFilter(token_filter)
