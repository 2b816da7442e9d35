"""The one failure every reader raises: the file is not a document of its format at all."""

from __future__ import annotations

from bot.domain.models import SourceRef


class ParseError(Exception):
    """The file is not a season document at all (reported with file:line)."""

    def __init__(self, source: SourceRef, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
