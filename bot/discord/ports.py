"""What the adapter needs from the engine and the settings, as Protocols.

The adapter depends on these shapes rather than on concrete classes so the
cogs can be unit-tested with small fakes, and so ``bot.discord`` never
reaches into storage or parsing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from bot.answering.facts import Facts
from bot.answering.table import Kind
from bot.wording.answer import Answer


class EngineLike(Protocol):
    """What the adapter calls: one entry point for every command of the table, and autocomplete.

    ``bot.wording.speaker.Speaker`` is the real one; commands are not listed here
    (the command table in ``bot.answering.table`` is their one declaration).
    """

    def answer(
        self, command: str, *args: str | None, lang: str | None = None, **options: str | None
    ) -> Answer: ...

    def facts(self, command: str, **options: str | None) -> Facts: ...

    def word(self, facts: Facts, lang: str | None = None) -> Answer: ...

    def suggest(
        self,
        kind: Kind,
        text: str,
        *,
        club: str | None = None,
        season: str | None = None,
        limit: int = 25,
    ) -> list[str]: ...


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
