"""Answers as data: what each command found, before any word is written.

The wording layer turns these into sentences (in a language); tests and
``--json`` read them directly.  Every field is something the source states
or something computed from it, never a phrase.  Refusals (why a question
could not be answered) are in ``problems``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.answering.analysis import Gap
from bot.answering.preferences import SettingsFacts
from bot.answering.problems import Refusal
from bot.answering.progress import SeasonRun
from bot.answering.query import NO_QUERY, Query
from bot.answering.questions.understood import Understood
from bot.answering.records import RecordBook
from bot.answering.tournament import GroupView
from bot.domain.catalog import Catalog, Entry, MatchEntry
from bot.domain.models import Club, DecidedBy, Round, Season

__all__ = ["Gap", "Refusal", "SeasonRun"]  # read through this module by the wording layer


@dataclass(frozen=True, slots=True)
class TieFacts:
    query: Query
    club: Club
    label: str | None
    round_name: str | None
    entries: tuple[Entry, ...]  # newest season first
    gaps: tuple[Gap, ...]
    also: tuple[Club, ...] = ()  # longer-named clubs an exact name won over
    groups: tuple[GroupView, ...] = ()  # the club's groups, newest season first
    runs: tuple[SeasonRun, ...] = ()  # the club's whole run in each season asked


@dataclass(frozen=True, slots=True)
class ClubFacts:
    query: Query
    club: Club
    label: str | None
    runs: tuple[SeasonRun, ...]  # newest season first
    entries: tuple[Entry, ...]  # newest season first
    also: tuple[Club, ...] = ()
    matches: tuple[MatchEntry, ...] = ()  # the club's group matches in these seasons


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
    matches: tuple[MatchEntry, ...] = ()  # group matches between them, newest season first


@dataclass(frozen=True, slots=True)
class SeasonView:
    """One season of a /season answer: its ties, its groups and its final (when stated)."""

    season: Season
    entries: tuple[Entry, ...]
    groups: tuple[GroupView, ...] = ()
    final: Entry | None = None


@dataclass(frozen=True, slots=True)
class SeasonFacts:
    query: Query
    label: str
    seasons: tuple[Season, ...]
    round_name: str | None
    entries: tuple[Entry, ...]  # the seasons' ties, or the round's
    views: tuple[SeasonView, ...] = ()
    groups: tuple[GroupView, ...] = ()  # the round's groups, when the round is a group stage
    rounds: tuple[str, ...] = ()  # the round asked, as each season names it


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
class GroupFacts:
    """/group: the groups asked (all of the season's, or the one of a club or a name)."""

    query: Query
    label: str
    groups: tuple[GroupView, ...]  # season order, then the source's order
    club: Club | None = None  # the club the groups were asked by


@dataclass(frozen=True, slots=True)
class Roll:
    """A competition's roll of honour: each loaded season's final, and the titles per club."""

    competition: str
    finals: tuple[Entry, ...]  # newest first
    without_final: tuple[Season, ...]  # loaded seasons whose source stops before the final
    titles: tuple[tuple[Club, tuple[Season, ...]], ...]  # most titles first


@dataclass(frozen=True, slots=True)
class WinnersFacts:
    query: Query
    rolls: tuple[Roll, ...]


@dataclass(frozen=True, slots=True)
class RecordsFacts:
    """/records: the book of the seasons asked (all loaded when none was)."""

    query: Query
    label: str | None
    book: RecordBook


@dataclass(frozen=True, slots=True)
class AskFacts:
    """/ask: the question, how it was understood and the facts of the command it maps to;
    when no phrase reads it, the closest commands instead (``understood`` is None)."""

    question: str
    understood: Understood | None = None
    answer: Facts | None = None
    suggestions: tuple[Understood, ...] = ()

    @property
    def query(self) -> Query:
        return getattr(self.answer, "query", NO_QUERY)


@dataclass(frozen=True, slots=True)
class AboutFacts:
    query: Query
    catalog: Catalog


@dataclass(frozen=True, slots=True)
class HelpFacts:
    query: Query = NO_QUERY


Facts = (
    TieFacts
    | ClubFacts
    | HeadToHeadFacts
    | SeasonFacts
    | DecidedFacts
    | GroupFacts
    | WinnersFacts
    | BracketFacts
    | RecordsFacts
    | AskFacts
    | AboutFacts
    | HelpFacts
    | SettingsFacts
    | Refusal
)
