"""Refusals as data: why a question could not be answered, before any word is written.

Each input resolver raises ``Refused`` with one of these problems; the
wording layer alone says "sorry", politely, and names what *is* loaded so
the next try can succeed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answering.preferences import UnknownChoice
from bot.answering.query import NO_QUERY, Query
from bot.domain.models import Club


@dataclass(frozen=True, slots=True)
class NoClubGiven:
    pass


@dataclass(frozen=True, slots=True)
class AmbiguousClub:
    text: str
    candidates: tuple[str, ...]
    option: str
    within: str = ""  # the season asked, when it narrowed the candidates to these
    opponent: str = ""  # the other club, when only clubs that met it are candidates


@dataclass(frozen=True, slots=True)
class UnknownClub:
    text: str
    suggestions: tuple[str, ...]
    season: str | None = None  # a season typed with it: the answer points to /season


@dataclass(frozen=True, slots=True)
class SeasonNotClub:
    """A season typed where a club was expected ("/tie 2012"): /season answers that."""

    text: str


@dataclass(frozen=True, slots=True)
class TwoSeasons:
    """Two different seasons in one question ("/tie Simba 2012 2014"): which one is meant?"""

    first: str
    second: str


@dataclass(frozen=True, slots=True)
class SameClub:
    text_a: str
    text_b: str
    club: Club


@dataclass(frozen=True, slots=True)
class UnknownCompetition:
    text: str
    loaded: tuple[str, ...]
    several: bool  # the text fits several competitions


@dataclass(frozen=True, slots=True)
class NoSeasonGiven:
    loaded: tuple[str, ...]
    club: Club | None = None  # the club named instead ("/group Simba"): ``loaded`` are its own


@dataclass(frozen=True, slots=True)
class UnknownSeason:
    text: str
    loaded: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnknownRound:
    text: str
    label: str | None
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NoTies:
    club: Club
    label: str | None
    round_name: str | None
    seasons: tuple[str, ...]  # labels of the seasons the club has ties in
    competition: str | None = None  # the competition asked, when one was


@dataclass(frozen=True, slots=True)
class BeyondSource:
    """The round asked is beyond the club's source: it qualified from a qualifying-only
    document, whose next stage is not described ("Club Africain 2017 group stage")."""

    club: Club
    season: str  # the season the club qualified from, named with its competition
    round_name: str


@dataclass(frozen=True, slots=True)
class UnknownMethod:
    text: str  # empty when no method was given


@dataclass(frozen=True, slots=True)
class UnknownCommand:
    word: str
    suggestion: str | None = None  # the command meant, when the word is a slip of one


@dataclass(frozen=True, slots=True)
class BadLine:
    """The console line cannot be read; ``problem`` names which rule it broke."""

    problem: str  # one of grammar.PROBLEMS
    command: str = ""
    count: int = 0


@dataclass(frozen=True, slots=True)
class NoGroupStage:
    """The seasons asked have no group stage in the source (qualifying rounds only, a cup)."""

    label: str | None
    seasons: tuple[str, ...]  # the seasons asked, named with their competition
    with_groups: tuple[str, ...]  # seasons that do have one, newest first


@dataclass(frozen=True, slots=True)
class UnknownGroup:
    """No group of the season matches the text, as a club in it or as the source's name."""

    text: str
    label: str
    names: tuple[str, ...]  # the groups' own names, where the source gives them


@dataclass(frozen=True, slots=True)
class NotInGroup:
    """The club named is in no group of the seasons asked."""

    club: Club
    label: str
    seasons: tuple[str, ...]  # seasons where the club did play a group stage


@dataclass(frozen=True, slots=True)
class NoFinal:
    """No final of the competition(s) asked is in the loaded sources."""

    competition: str | None


Problem = (
    NoClubGiven
    | AmbiguousClub
    | UnknownClub
    | SeasonNotClub
    | TwoSeasons
    | SameClub
    | UnknownCompetition
    | NoSeasonGiven
    | UnknownSeason
    | UnknownRound
    | NoTies
    | BeyondSource
    | UnknownMethod
    | UnknownCommand
    | BadLine
    | NoGroupStage
    | UnknownGroup
    | NotInGroup
    | NoFinal
    | UnknownChoice
)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A polite "no": the command asked, what went wrong, and what was understood so far."""

    command: str
    problem: Problem
    query: Query = field(default=NO_QUERY)


class Refused(Exception):
    """Raised by an input resolver to end a command early with its Refusal."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(type(refusal.problem).__name__)
        self.refusal = refusal
