"""The club behind each team of a tie, as rows are written: the registry's decision.

A tie's clubs are the registry's decision for its spellings *and* countries
(``ClubIndex``), the same lookup the catalog makes when it reads the database
back.  Writing a large season asks it about the same few thousand spellings for
every one of its ties, so the answers are remembered here.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.domain.catalog import ClubIndex, Spelling, season_codes
from bot.domain.models import Season, SourceRef, Tie
from bot.storage.errors import StorageError

__all__ = ["Remembering", "TieClubs"]


class Remembering(ClubIndex):
    """``ClubIndex`` remembering each answer by spelling and country: a tie's place
    changes the answer only where curated data makes an exception there (``at``)."""

    def __init__(self, spellings: Mapping[Spelling, str]) -> None:
        super().__init__({}, spellings)
        self._places = {(sp.file, sp.line) for sp in spellings if sp.file is not None}
        self._known: dict[tuple[str, str | None], str | None] = {}

    def key(
        self, text: str, country: str | None = None, where: SourceRef | None = None
    ) -> str | None:
        if where is not None and (where.file, where.line) in self._places:
            return super().key(text, country, where)
        known = self._known
        if (text, country) not in known:
            known[(text, country)] = super().key(text, country)
        return known[(text, country)]


class TieClubs:
    """The registry's clubs of a season's ties (a team without one is a storage error)."""

    def __init__(self, index: ClubIndex, season: Season) -> None:
        self.index, self.codes = index, season_codes(season)

    def of(self, tie: Tie) -> tuple[str, str | None]:
        keys = self.index.tie_keys(tie, self.codes)
        for team, key in zip((tie.team1, tie.team2), keys, strict=True):
            if team is not None and key is None:
                raise StorageError(f"{tie.source}: no club in the registry for team {team!r}")
        return keys[0] or "", keys[1]
