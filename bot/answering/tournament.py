"""Whole tournaments: groups with their computed tables, finals, and how far a club's run went.

The seeds held qualifying rounds only, so "what came next" was always another
knockout round or the group stage beyond the document.  Complete seasons
have a group stage (a club plays six matches, not a tie) and a final (its
winner is the champion).  These findings are computed once per catalog,
from what the sources state: a table from the matches by CAF's rules
(``bot.domain.standings``), a champion only when the final names a winner,
and a run's end only where the source shows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.catalog import Catalog, Entry, MatchEntry
from bot.domain.models import Club, Group, Round, Season, Stage, StandingRow
from bot.domain.names import fold
from bot.domain.standings import standings

FINAL_NAMES = frozenset({"final", "finals", "the final"})


def is_final(rnd: Round) -> bool:
    """A knockout round its source calls the final."""
    return rnd.stage is Stage.KNOCKOUT and fold(rnd.name) in FINAL_NAMES


def is_group(rnd: Round) -> bool:
    return rnd.stage is Stage.GROUP


@dataclass(frozen=True, slots=True)
class GroupView:
    """A group as answers show it: its table computed from the matches, first place first.

    ``clubs`` follows ``table`` (None for a spelling without a club, which a
    build never produces).  ``printed`` is the table the source prints, when it
    prints one; ``printed_differs`` says whether it disagrees with ``table``.
    """

    season: Season
    round: Round
    group: Group
    number: int  # 1-based position of the group in its round
    table: tuple[StandingRow, ...]
    clubs: tuple[Club | None, ...]
    matches: tuple[MatchEntry, ...]
    printed_differs: bool

    @property
    def name(self) -> str | None:
        """The source's own label ("Group A"), or None: never an invented letter."""
        return self.group.name

    def position(self, club_key: str) -> int | None:
        """The club's 1-based place in the computed table."""
        for i, club in enumerate(self.clubs, start=1):
            if club is not None and club.key == club_key:
                return i
        return None

    def row(self, club_key: str) -> StandingRow | None:
        place = self.position(club_key)
        return None if place is None else self.table[place - 1]

    def has(self, club_key: str) -> bool:
        return self.position(club_key) is not None


_CITY = re.compile(r"\s*\([^()]*\)\s*$")


def _row_key(row: StandingRow) -> tuple[str, int, int, int, int, int, int, int]:
    """A row's figures, its team folded without a city in brackets ("ASEC Mimosas (Abidjan)")."""
    return (fold(_CITY.sub("", row.team)), row.played, row.won, row.drawn, row.lost, row.goals_for,
            row.goals_against, row.points)  # fmt: skip


def printed_differs(computed: Sequence[StandingRow], printed: Sequence[StandingRow]) -> bool:
    """Whether a printed table disagrees with the computed one (order or any figure)."""
    if not printed:
        return False
    return [_row_key(r) for r in computed] != [_row_key(r) for r in printed]


class ReachKind(StrEnum):
    """How far a club got in one season, as far as the source shows."""

    CHAMPIONS = "champions"  # won the final
    RUNNERS_UP = "runners_up"  # lost the final
    FINAL_UNDECIDED = "final_undecided"  # played the final; the source names no winner
    ELIMINATED = "eliminated"  # lost a knockout tie in ``round_name``
    UNDECIDED = "undecided"  # a tie in ``round_name`` the source does not decide
    REACHED = "reached"  # won through to ``round_name``, where no tie or group names it
    QUALIFIED = "qualified"  # won the document's last round: on to ``round_name`` beyond it
    GROUP = "group"  # played the group stage; no later round of the source names the club


@dataclass(frozen=True, slots=True)
class Reach:
    kind: ReachKind
    round_name: str = ""


@dataclass(frozen=True, slots=True)
class Tournaments:
    """Groups and finals of every loaded season, indexed for answers (built once)."""

    groups_by_season: dict[str, tuple[GroupView, ...]]
    groups_by_club: dict[str, tuple[GroupView, ...]]
    finals: dict[str, Entry]  # season key -> the final's tie

    @classmethod
    def of(cls, catalog: Catalog) -> Tournaments:
        by_group: dict[int, list[MatchEntry]] = {}
        for match in catalog.matches:
            by_group.setdefault(id(match.group), []).append(match)
        by_season: dict[str, list[GroupView]] = {}
        by_club: dict[str, list[GroupView]] = {}
        for season in catalog.seasons:
            for rnd in season.rounds:
                for number, group in enumerate(rnd.groups, start=1):
                    view = _view(catalog, season, rnd, group, number, by_group.get(id(group), []))
                    by_season.setdefault(season.key, []).append(view)
                    for club in dict.fromkeys(c.key for c in view.clubs if c is not None):
                        by_club.setdefault(club, []).append(view)
        finals: dict[str, Entry] = {}
        for entry in catalog.entries:
            if is_final(entry.round):
                finals[entry.season.key] = entry  # a final is one tie; the last one stated wins
        return cls(
            {k: tuple(v) for k, v in by_season.items()},
            {k: tuple(v) for k, v in by_club.items()},
            finals,
        )

    def groups_of(self, season: Season) -> tuple[GroupView, ...]:
        return self.groups_by_season.get(season.key, ())

    def club_groups(self, club_key: str, season: Season) -> tuple[GroupView, ...]:
        return tuple(g for g in self.groups_by_club.get(club_key, ()) if g.season is season)

    def final_of(self, season: Season) -> Entry | None:
        return self.finals.get(season.key)


def _view(
    catalog: Catalog,
    season: Season,
    rnd: Round,
    group: Group,
    number: int,
    matches: Sequence[MatchEntry],
) -> GroupView:
    table = standings(group.matches, group.teams)
    clubs = tuple(catalog.club_for(row.team) for row in table)
    differs = printed_differs(table, group.table)
    return GroupView(season, rnd, group, number, table, clubs, tuple(matches), differs)
