"""Domain models: what a season document states, as immutable values.

Every field holds what the source says and nothing more: an opponent the
source does not name is ``None``, a shoot-out score it does not give is
``None``.  Frozen dataclasses so a parsed season can be shared freely
between the engine, the storage layer and the Discord adapter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DecidedBy(StrEnum):
    """How a tie was decided, in the words the export uses."""

    AGGREGATE = "aggregate"
    AWAY_GOALS = "away_goals"
    PENALTIES = "penalties"
    WALKOVER = "walkover"
    WITHDRAWAL = "withdrawal"


class LegStatus(StrEnum):
    PLAYED = "played"
    CANCELLED = "cancelled"


class Severity(StrEnum):
    """``warning``: data kept but inconsistent; ``unrecognized``: a line not understood;
    ``error``: the file could not be parsed at all."""

    WARNING = "warning"
    UNRECOGNIZED = "unrecognized"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a fact came from: the document's file name and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A parser finding, reported as ``file:line: message``."""

    source: SourceRef
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        return f"{self.source}: {self.severity.value}: {self.message}"


@dataclass(frozen=True, slots=True)
class Goal:
    """One scorer entry under a leg. ``team`` is spelled as in the leg line."""

    team: str
    player: str
    minute: int | None = None
    added_time: int | None = None
    penalty: bool = False
    own_goal: bool = False


@dataclass(frozen=True, slots=True)
class Leg:
    """One match of a tie; goals are ``None`` when the leg was cancelled."""

    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    status: LegStatus = LegStatus.PLAYED
    date: dt.date | None = None
    goals: tuple[Goal, ...] = ()
    line: int = 0

    @property
    def played(self) -> bool:
        return self.status is LegStatus.PLAYED


@dataclass(frozen=True, slots=True)
class Tie:
    """A knockout tie as stated by its source.

    ``team1`` is the first-leg home team when legs are given, otherwise the
    winner; ``team2`` is ``None`` when the source does not name the loser.
    ``winner`` is 1 or 2 (which of team1/team2 won).  ``aggregate`` and
    ``penalties`` are in team1-team2 order.  ``winner_as_stated`` keeps the
    summary's own spelling when it differs from the legs (an alias).
    ``reason`` is why a walkover or withdrawal happened, as the source says it.
    """

    round_name: str
    index: int
    team1: str
    team2: str | None
    winner: int
    decided_by: DecidedBy
    source: SourceRef
    code1: str | None = None
    code2: str | None = None
    legs: tuple[Leg, ...] = ()
    aggregate: tuple[int, int] | None = None
    penalties: tuple[int, int] | None = None
    notes: tuple[str, ...] = ()
    reason: str | None = None
    winner_as_stated: str | None = None
    advanced_to: str | None = None
    single_match: bool = False

    @property
    def winner_name(self) -> str:
        return self.team1 if self.winner == 1 else (self.team2 or "")

    @property
    def loser_name(self) -> str | None:
        return self.team2 if self.winner == 1 else self.team1

    def side_of(self, team: str) -> int | None:
        if team == self.team1:
            return 1
        if team == self.team2:
            return 2
        return None


@dataclass(frozen=True, slots=True)
class Round:
    """A round in document order; ``expected_ties`` comes from the prose when it says."""

    name: str
    order: int
    ties: tuple[Tie, ...] = ()
    first_leg: str | None = None
    second_leg: str | None = None
    expected_ties: int | None = None
    description: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Season:
    """One parsed document: a competition's season and its rounds."""

    competition: str
    label: str
    rounds: tuple[Round, ...]
    source_file: str
    start_year: int
    end_year: int
    countries: tuple[tuple[str, str], ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def ties(self) -> tuple[Tie, ...]:
        return tuple(t for r in self.rounds for t in r.ties)

    @property
    def key(self) -> str:
        return f"{self.competition} {self.label}"


@dataclass(frozen=True, slots=True)
class Club:
    """A club identity: canonical name, country (FIFA code) and every spelling seen."""

    key: str
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
