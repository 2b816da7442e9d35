"""What the adapter needs from the engine and the settings, as Protocols.

The adapter depends on these shapes rather than on concrete classes so the
cogs can be unit-tested with small fakes, and so ``bot.discord`` never
reaches into storage or parsing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from bot.core.answer import Answer


class EngineLike(Protocol):
    """The answer engine (``bot.core.engine.Engine``) as the cogs call it."""

    def tie(
        self,
        club: str,
        season: str | None = None,
        round: str | None = None,
        competition: str | None = None,
    ) -> Answer: ...

    def club(
        self, name: str, season: str | None = None, competition: str | None = None
    ) -> Answer: ...

    def headtohead(self, club_a: str, club_b: str, competition: str | None = None) -> Answer: ...

    def season(
        self, season: str, round: str | None = None, competition: str | None = None
    ) -> Answer: ...

    def decided(
        self, method: str, season: str | None = None, competition: str | None = None
    ) -> Answer: ...

    def about(self) -> Answer: ...

    def help(self) -> Answer: ...

    def complete_club(self, text: str, limit: int = 25) -> list[str]: ...

    def complete_season(self, text: str, club: str | None = None, limit: int = 25) -> list[str]: ...

    def round_names(self) -> list[str]: ...

    def competitions(self) -> list[str]: ...


class SettingsLike(Protocol):
    """The fields of ``bot.config.Settings`` the adapter reads."""

    @property
    def token(self) -> str | None: ...
    @property
    def dev_guild_id(self) -> int | None: ...
    @property
    def log_level(self) -> str: ...
    @property
    def state_dir(self) -> Path: ...
    @property
    def shard_count(self) -> int | None: ...
    @property
    def shard_ids(self) -> tuple[int, ...] | None: ...
    @property
    def api_base(self) -> str | None: ...
    @property
    def gateway_url(self) -> str | None: ...
