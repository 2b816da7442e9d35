"""Domain models: what a season document states, as immutable values.

Every field holds what the source says and nothing more: an opponent the
source does not name is ``None``, a shoot-out score it does not give is
``None``.  Frozen dataclasses so a parsed season can be shared freely
between the engine, the storage layer and the Discord adapter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class Side(IntEnum):
    """Which club of a tie: ``team1`` (first-leg home team, or the single match's home team)
    or ``team2``.  An IntEnum so it stores as 1/2 and reads back unchanged."""

    ONE = 1
    TWO = 2

    @property
    def other(self) -> Side:
        return Side.TWO if self is Side.ONE else Side.ONE


class DecidedBy(StrEnum):
    """How a tie was decided, in the words the export uses."""

    AGGREGATE = "aggregate"
    AWAY_GOALS = "away_goals"
    PENALTIES = "penalties"
    WALKOVER = "walkover"
    WITHDRAWAL = "withdrawal"
    SINGLE_MATCH = "single_match"  # one match decided in play or extra time
    UNKNOWN = "unknown"  # the source does not decide who went through


class LegStatus(StrEnum):
    """``awarded``: the goals are the awarded score; ``cancelled``/``abandoned``: no score."""

    PLAYED = "played"
    CANCELLED = "cancelled"
    AWARDED = "awarded"
    ABANDONED = "abandoned"


class Stage(StrEnum):
    """What kind of round: two-legged ties and single matches, or a group stage."""

    KNOCKOUT = "knockout"
    GROUP = "group"


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
class Version:
    """One source's value of a disputed fact: data, not words ("1-0 aet", "awarded 3-0",
    "cancelled", an ISO date, a team spelling, "1-3", "2" legs); wording phrases it."""

    value: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Disagreement:
    """The sources of one season differ on one fact of a tie or a group match.

    ``fact``: "result", "date", "penalties" (a leg's shoot-out), "winner", "aggregate",
    "shootout" (the tie's) or "legs" (how many); ``leg``: the 1-based leg (or match of
    a group) it is about, None for the whole tie.  ``versions``: the answer's source first.
    """

    fact: str
    versions: tuple[Version, ...]
    leg: int | None = None


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
    extra_time: bool = False
    penalties: tuple[int, int] | None = None  # this match's own shoot-out, home-away
    source: SourceRef | None = None  # where the match line is, when it has one of its own

    @property
    def played(self) -> bool:
        return self.status is LegStatus.PLAYED


@dataclass(frozen=True, slots=True)
class Tie:
    """A knockout tie as stated by its source.

    ``team1`` is the first-leg home team when legs are given, otherwise the
    winner; ``team2`` is ``None`` when the source does not name the loser.
    ``winner`` is which of team1/team2 went through, ``None`` when the source
    does not decide it (``decided_by`` is then UNKNOWN and ``notes`` say why).  ``aggregate`` and
    ``penalties`` are in team1-team2 order.  ``winner_as_stated`` keeps the
    summary's own spelling when it differs from the legs (an alias).
    ``reason`` is why a walkover or withdrawal happened, as the source says it.
    """

    round_name: str
    index: int
    team1: str
    team2: str | None
    winner: Side | None
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
    sources: tuple[SourceRef, ...] = ()  # every file:line the tie comes from, beyond ``source``
    disagreements: tuple[Disagreement, ...] = ()  # where its sources differ (a merged season)

    def __post_init__(self) -> None:
        # Callers may pass 1/2 (storage rows, hand-built tests): keep the type exact.
        if self.winner is not None and not isinstance(self.winner, Side):
            object.__setattr__(self, "winner", Side(self.winner))

    @property
    def winner_name(self) -> str:
        if self.winner is None:
            return ""
        return self.team1 if self.winner is Side.ONE else (self.team2 or "")

    @property
    def loser_name(self) -> str | None:
        if self.winner is None:
            return None
        return self.team2 if self.winner is Side.ONE else self.team1

    def side_of(self, team: str) -> Side | None:
        if team == self.team1:
            return Side.ONE
        if team == self.team2:
            return Side.TWO
        return None

    def team(self, side: Side) -> str | None:
        return self.team1 if side is Side.ONE else self.team2


@dataclass(frozen=True, slots=True)
class StandingRow:
    """One line of a group table: as printed by a source, or computed from the matches."""

    team: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    points: int
    line: int = 0


@dataclass(frozen=True, slots=True)
class Group:
    """One group of a group stage.

    ``name`` is the source's own label ("Group A") or ``None`` when the source
    gives none (Football.TXT): the group is then named by its clubs, never by an
    invented letter.  ``table`` is the standings the source prints, if any.
    """

    teams: tuple[str, ...]
    matches: tuple[Leg, ...]
    name: str | None = None
    table: tuple[StandingRow, ...] = ()
    line: int = 0
    disagreements: tuple[Disagreement, ...] = ()  # ``leg`` is the 1-based match of ``matches``


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
    stage: Stage = Stage.KNOCKOUT
    groups: tuple[Group, ...] = ()


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
    merged_from: tuple[str, ...] = ()  # further documents this season was merged from

    @property
    def files(self) -> tuple[str, ...]:
        """Every document the season comes from, its leading source first."""
        return (self.source_file, *self.merged_from)

    @property
    def ties(self) -> tuple[Tie, ...]:
        return tuple(t for r in self.rounds for t in r.ties)

    @property
    def matches(self) -> tuple[Leg, ...]:
        """Every group-stage match, in document order."""
        return tuple(m for r in self.rounds for g in r.groups for m in g.matches)

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
    # Curated names in other languages, (language, name), grouped by language: the first of a
    # language is shown in answers in that language; every one is also a nickname.
    names: tuple[tuple[str, str], ...] = ()
