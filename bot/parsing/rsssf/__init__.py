"""RSSSF plain-text pages: several competitions per page, tie lines, groups and tables."""

from bot.parsing.rsssf.document import looks_like, parse

__all__ = ["looks_like", "parse"]
