"""The Football.TXT reader (openfootball's plain-text match lists): format test and parser."""

from bot.parsing.footballtxt.document import looks_like, parse

__all__ = ["looks_like", "parse"]
