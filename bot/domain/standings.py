"""Group standings computed from the matches, by CAF's tie-breaking rules.

Some sources print a table (RSSSF), others only the matches (Football.TXT).
Computing the table from the matches lets a reader check a printed table and
lets the bot rank a group that no source ranked.  CAF ranks teams level on
points by the matches between them (points, goal difference, goals scored,
away goals), reapplies those criteria to any teams still level, and then uses
overall goal difference and goals scored.  Teams still level after that keep
the order they were given in (CAF would draw lots; no source says the result).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.domain.models import Leg, LegStatus, StandingRow

WIN_POINTS = 3
DRAW_POINTS = 1


@dataclass(slots=True)
class _Tally:
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    scored: int = 0
    conceded: int = 0
    away_scored: int = 0

    @property
    def points(self) -> int:
        return WIN_POINTS * self.won + DRAW_POINTS * self.drawn

    @property
    def difference(self) -> int:
        return self.scored - self.conceded

    def add(self, scored: int, conceded: int, away: bool) -> None:
        self.played += 1
        self.scored += scored
        self.conceded += conceded
        self.away_scored += scored if away else 0
        if scored > conceded:
            self.won += 1
        elif scored == conceded:
            self.drawn += 1
        else:
            self.lost += 1

    def row(self, team: str) -> StandingRow:
        return StandingRow(
            team, self.played, self.won, self.drawn, self.lost, self.scored, self.conceded,
            self.points,
        )  # fmt: skip


def counts(match: Leg) -> bool:
    """Whether a match counts in a table: played or awarded, with both scores known."""
    known = match.home_goals is not None and match.away_goals is not None
    return known and match.status in (LegStatus.PLAYED, LegStatus.AWARDED)


def _tally(matches: Iterable[Leg], teams: Sequence[str]) -> dict[str, _Tally]:
    tallies = {team: _Tally() for team in teams}
    for match in matches:
        if not counts(match) or match.home not in tallies or match.away not in tallies:
            continue
        home, away = match.home_goals or 0, match.away_goals or 0
        tallies[match.home].add(home, away, away=False)
        tallies[match.away].add(away, home, away=True)
    return tallies


def _between(matches: Sequence[Leg], teams: Sequence[str]) -> list[Leg]:
    chosen = set(teams)
    return [m for m in matches if m.home in chosen and m.away in chosen]


def head_to_head(matches: Sequence[Leg], teams: Sequence[str]) -> tuple[StandingRow, ...]:
    """Each of ``teams``' record in the matches among themselves only, in the given order."""
    tallies = _tally(_between(matches, teams), teams)
    return tuple(tallies[team].row(team) for team in teams)


def _split(teams: Sequence[str], key: Mapping[str, tuple[int, ...]]) -> list[list[str]]:
    """Teams ordered by ``key`` (highest first, stable), in runs of equal keys."""
    runs: list[list[str]] = []
    for team in sorted(teams, key=lambda t: key[t], reverse=True):
        if runs and key[runs[-1][0]] == key[team]:
            runs[-1].append(team)
        else:
            runs.append([team])
    return runs


def _rank_level(teams: list[str], matches: Sequence[Leg], overall: dict[str, _Tally]) -> list[str]:
    """Order teams level on points: head-to-head criteria (reapplied), then overall ones."""
    if len(teams) < 2:
        return teams
    mini = _tally(_between(matches, teams), teams)
    key = {
        t: (mini[t].points, mini[t].difference, mini[t].scored, mini[t].away_scored) for t in teams
    }
    runs = _split(teams, key)
    if len(runs) > 1:
        return [team for run in runs for team in _rank_level(run, matches, overall)]
    fallback = {t: (overall[t].difference, overall[t].scored) for t in teams}
    return [team for run in _split(teams, fallback) for team in run]


def standings(matches: Sequence[Leg], teams: Sequence[str] = ()) -> tuple[StandingRow, ...]:
    """The group table computed from its matches, first place first.

    ``teams`` fixes the order of teams the rules cannot separate (and adds teams
    without a counted match); the matches' own teams follow in order of appearance.
    Cancelled and abandoned matches, and matches without both scores, do not count.
    """
    order = list(dict.fromkeys([*teams, *(t for m in matches for t in (m.home, m.away))]))
    counted = [m for m in matches if counts(m)]
    overall = _tally(counted, order)
    by_points = _split(order, {t: (overall[t].points,) for t in order})
    ranked = [team for run in by_points for team in _rank_level(run, counted, overall)]
    return tuple(overall[team].row(team) for team in ranked)
