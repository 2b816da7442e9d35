"""What the HTTP adapter needs from the engine: the same shape the gateway adapter uses.

``bot.wording.speaker.Speaker`` is the real one, or the hot-reloading façade
over it that ``bot.cli.reload`` swaps between interactions.
"""

from __future__ import annotations

from typing import Protocol

from bot.wording.answer import Answer


class EngineLike(Protocol):
    """One entry point for every command of the table, and the autocomplete sources."""

    def answer(self, command: str, *args: str | None, **options: str | None) -> Answer: ...

    def complete_club(self, text: str, limit: int = 25) -> list[str]: ...

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]: ...

    def round_names(self) -> list[str]: ...

    def competitions(self) -> list[str]: ...
