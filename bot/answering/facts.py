"""Answers as data: what each command found, before any word is written.

The wording layer turns these into sentences (in a language); tests and
``--json`` read them directly.  Every field is something the source states
or something computed from it, never a phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.answering.query import NO_QUERY, Query
from bot.domain.catalog import Catalog, Entry
from bot.domain.models import Club, DecidedBy, Round, Season


@dataclass(frozen=True, slots=True)
class Gap:
    """A round the club reached where no tie of the source names it.

    ``seen_next`` is the later round the club is seen in, or None: its run ended there.
    """

    season: Season
    reached: str
    seen_next: str | None


@dataclass(frozen=True, slots=True)
class TieFacts:
    query: Query
    club: Club
    label: str | None
    round_name: str | None
    entries: tuple[Entry, ...]  # newest season first
    gaps: tuple[Gap, ...]
    also: tuple[Club, ...] = ()  # longer-named clubs an exact name won over


@dataclass(frozen=True, slots=True)
class ClubFacts:
    query: Query
    club: Club
    label: str | None
    by_season: tuple[tuple[Season, tuple[Entry, ...]], ...]  # newest season first
    entries: tuple[Entry, ...]  # newest season first
    also: tuple[Club, ...] = ()


@dataclass(frozen=True, slots=True)
class CommonOpponent:
    """A club both met: each one's ties against it."""

    opponent: Club
    ties_a: tuple[Entry, ...]
    ties_b: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class HeadToHeadFacts:
    query: Query
    a: Club
    b: Club
    met: tuple[Entry, ...]  # newest first; empty when the source names no meeting
    open_rounds: tuple[tuple[Season, str], ...] = ()  # where a meeting cannot be ruled out
    common: tuple[CommonOpponent, ...] = ()
    related: tuple[Entry, ...] = ()  # the ties with common opponents, newest first
    loaded: tuple[str, ...] = ()  # season labels searched


@dataclass(frozen=True, slots=True)
class SeasonFacts:
    query: Query
    label: str
    seasons: tuple[Season, ...]
    round_name: str | None
    entries: tuple[Entry, ...]  # the seasons' ties, or the round's
    by_season: tuple[tuple[Season, tuple[Entry, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class DecidedFacts:
    query: Query
    method: DecidedBy
    label: str | None
    entries: tuple[Entry, ...]  # newest first


class BracketKind(StrEnum):
    BRACKET = "bracket"  # the knockout stage down to the final: winners joined round to round
    COLUMNS = "columns"  # qualifying rounds only: each round a column of its ties


@dataclass(frozen=True, slots=True)
class SeasonBracket:
    """One season's picture: which rounds it draws, how, and their ties (document order)."""

    season: Season
    kind: BracketKind
    rounds: tuple[Round, ...]
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class BracketFacts:
    query: Query
    label: str
    brackets: tuple[SeasonBracket, ...]  # one per loaded season with that label (oldest first)


@dataclass(frozen=True, slots=True)
class AboutFacts:
    query: Query
    catalog: Catalog


@dataclass(frozen=True, slots=True)
class HelpFacts:
    query: Query = NO_QUERY


# ---- refusals: why a question could not be answered, as data --------------------------------


@dataclass(frozen=True, slots=True)
class NoClubGiven:
    pass


@dataclass(frozen=True, slots=True)
class AmbiguousClub:
    text: str
    candidates: tuple[str, ...]
    option: str


@dataclass(frozen=True, slots=True)
class UnknownClub:
    text: str
    suggestions: tuple[str, ...]


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


@dataclass(frozen=True, slots=True)
class UnknownMethod:
    text: str  # empty when no method was given


@dataclass(frozen=True, slots=True)
class UnknownCommand:
    word: str


@dataclass(frozen=True, slots=True)
class BadLine:
    """The console line cannot be read; ``problem`` names which rule it broke."""

    problem: str  # one of grammar.PROBLEMS
    command: str = ""
    count: int = 0


Problem = (
    NoClubGiven
    | AmbiguousClub
    | UnknownClub
    | SameClub
    | UnknownCompetition
    | NoSeasonGiven
    | UnknownSeason
    | UnknownRound
    | NoTies
    | UnknownMethod
    | UnknownCommand
    | BadLine
)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A polite "no": the command asked, what went wrong, and what was understood so far."""

    command: str
    problem: Problem
    query: Query = field(default=NO_QUERY)


Facts = (
    TieFacts
    | ClubFacts
    | HeadToHeadFacts
    | SeasonFacts
    | DecidedFacts
    | BracketFacts
    | AboutFacts
    | HelpFacts
    | Refusal
)


class Refused(Exception):
    """Raised by an input resolver to end a command early with its Refusal."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(type(refusal.problem).__name__)
        self.refusal = refusal
