"""Records over many ties: margins, goals, shoot-outs, titles and finals, runs, comebacks.

Findings, not phrases: each record cites its ties, and the book counts what
it could not rank (ties the source does not decide, ties without a score, first
legs without a score), so an answer can say so.  Books are computed when the
engine is built, for the whole catalog, each competition, each season label and
each label in each competition (``warm``), and kept per Context: a request
reads one, it never walks every tie.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.answering.context import Context
from bot.answering.streaks import Streak, club_streaks
from bot.domain.catalog import Entry
from bot.domain.models import Club, DecidedBy, LegStatus, Season, Side
from bot.domain.score import Pair, aggregate, for_winner, side_in

TOP = 5  # entries per record
LATE_BOOKS = 256  # books for other season sets (a lone year's two seasons), kept at most
NO_SCORE = frozenset({DecidedBy.WALKOVER, DecidedBy.WITHDRAWAL})
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Ranked(Generic[T]):
    """The best entries of one record (at most TOP), and how many more equal the last one."""

    items: tuple[T, ...]
    level: int = 0


@dataclass(frozen=True, slots=True)
class Scored:
    entry: Entry
    score: Pair  # the winner's goals first (team1's when undecided)


@dataclass(frozen=True, slots=True)
class Tally:
    """A club's count of one kind of tie in one competition, with those ties (newest first)."""

    club: Club
    competition: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Comeback:
    entry: Entry
    first_leg: Pair  # the winner's goals first
    score: Pair  # the aggregate, the winner's goals first


@dataclass(frozen=True, slots=True)
class RecordBook:
    """Every record over ``seasons``; the counts say what could not be ranked and why."""

    seasons: tuple[Season, ...]
    ties: int
    undecided: int  # ties the source does not decide: counted for no one
    unscored: int  # ties without a score (summaries without one, walkovers, awarded legs)
    no_first_leg: int  # decided two-legged ties whose first leg has no score
    wins: Ranked[Scored]  # widest winning margin
    goals: Ranked[Scored]  # most goals
    shootouts_won: Ranked[Tally]
    shootouts_lost: Ranked[Tally]
    titles: Ranked[Tally]  # finals won
    finals: Ranked[Tally]  # finals played
    finals_undecided: tuple[Entry, ...]
    streaks: Ranked[Streak]
    comebacks: Ranked[Comeback]


def _rank(items: Iterable[T], key: Callable[[T], tuple[int, ...]]) -> Ranked[T]:
    ordered = sorted(items, key=key)
    if len(ordered) <= TOP:
        return Ranked(tuple(ordered))
    last = key(ordered[TOP - 1])[:-1]  # the value, without the newest-first tie-break
    level = sum(1 for item in ordered[TOP:] if key(item)[:-1] == last)
    return Ranked(tuple(ordered[:TOP]), level)


def score_of(entry: Entry) -> Pair | None:
    """The tie's goals in team1–team2 order, when they are goals: not a walkover or withdrawal,
    no awarded, cancelled or abandoned leg."""
    tie = entry.tie
    if tie.decided_by in NO_SCORE or any(leg.status is not LegStatus.PLAYED for leg in tie.legs):
        return None
    return aggregate(tie)


def first_leg(entry: Entry) -> Pair | None:
    """The first leg's score in team1–team2 order, for a two-legged tie that gives it."""
    tie = entry.tie
    if tie.single_match or len(tie.legs) < 2:
        return None
    leg = tie.legs[0]
    if leg.status is not LegStatus.PLAYED or leg.home_goals is None or leg.away_goals is None:
        return None
    home = side_in(leg.home, tie.team1, tie.team2)
    if home is None:
        return None
    pair = (leg.home_goals, leg.away_goals)
    return pair if home is Side.ONE else (pair[1], pair[0])


def _tallies(pairs: Iterable[tuple[Club, Entry]], rank: dict[str, int]) -> Ranked[Tally]:
    by_club: dict[tuple[str, str], list[Entry]] = {}
    clubs: dict[str, Club] = {}
    for club, entry in pairs:
        by_club.setdefault((club.key, entry.season.competition), []).append(entry)
        clubs[club.key] = club
    tallies = [
        Tally(clubs[key], comp, tuple(sorted(found, key=lambda e: -rank[e.season.key])))
        for (key, comp), found in by_club.items()
    ]
    return _rank(tallies, lambda t: (-len(t.entries), -rank[t.entries[0].season.key]))


def every_streak(ctx: Context) -> tuple[Streak, ...]:
    """Every club's runs over all loaded seasons: a set of seasons reads its part of each."""
    clubs = (ctx.catalog.clubs[key] for key in ctx.catalog.by_club)
    return tuple(s for club in clubs for s in club_streaks(ctx, club, ctx.catalog.seasons))


def within(streaks: Iterable[Streak], seasons: Sequence[Season]) -> Iterable[Streak]:
    """The part of each run played in ``seasons`` (a run is in order, so its part is too)."""
    ids = {id(s) for s in seasons}
    for streak in streaks:
        part = tuple(e for e in streak.entries if id(e.season) in ids)
        if len(part) < 2:
            continue
        ended = streak.ended_by
        last = part[-1] is streak.entries[-1] and ended is not None and id(ended.season) in ids
        yield Streak(streak.club, streak.competition, part, ended if last else None)


def compute(
    ctx: Context, seasons: Sequence[Season], streaks: Sequence[Streak] | None = None
) -> RecordBook:
    """The records of ``seasons`` (catalog order); ``streaks``: every run, when known."""
    rank = ctx.rank
    entries = [e for s in seasons for e in ctx.by_season.get(s.key, ())]
    newest = {id(e): -rank[e.season.key] for e in entries}
    scored, comebacks, shootouts = [], [], []
    undecided = unscored = no_first = 0
    for e in entries:
        tie, score = e.tie, score_of(e)
        undecided += tie.winner is None
        unscored += score is None
        if score is not None:
            scored.append(Scored(e, for_winner(score, tie)))
        if tie.decided_by is DecidedBy.PENALTIES and tie.winner is not None:
            shootouts.append(e)
        if tie.winner is None or tie.single_match or tie.decided_by in NO_SCORE:
            continue
        leg = first_leg(e)
        if leg is None:
            no_first += 1
        elif score is not None:
            leg, total = for_winner(leg, tie), for_winner(score, tie)
            if leg[1] - leg[0] >= 2 and total[0] >= total[1]:  # (a winner behind on aggregate
                # is a source at odds with itself: no comeback is claimed from it)
                comebacks.append(Comeback(e, leg, total))
    decided = [s for s in scored if s.entry.tie.winner is not None and s.score[0] > s.score[1]]
    finals = [f for s in seasons if (f := ctx.tours.final_of(s)) is not None]
    played = [(c, f) for f in finals for c in (f.club1, f.club2) if c is not None]
    runs = list(within(every_streak(ctx) if streaks is None else streaks, seasons))
    return RecordBook(
        tuple(seasons),
        len(entries),
        undecided,
        unscored,
        no_first,
        _rank(decided, lambda s: (s.score[1] - s.score[0], -s.score[0], newest[id(s.entry)])),
        _rank(scored, lambda s: (-sum(s.score), s.score[1] - s.score[0], newest[id(s.entry)])),
        _tallies(((w, e) for e in shootouts if (w := e.winner_club)), rank),
        _tallies(((lo, e) for e in shootouts if (lo := e.loser_club)), rank),
        _tallies(((w, f) for f in finals if (w := f.winner_club)), rank),
        _tallies(played, rank),
        tuple(f for f in reversed(finals) if f.tie.winner is None),
        _rank(runs, lambda s: (-len(s.entries), -rank[s.entries[-1].season.key])),
        _rank(comebacks, lambda c: (c.first_leg[0] - c.first_leg[1], newest[id(c.entry)])),
    )


Books = dict[tuple[str, ...], RecordBook]
# Per Context (one per loaded catalog): the books computed at load time, and the others.
_BOOKS: weakref.WeakKeyDictionary[Context, tuple[Books, Books]] = weakref.WeakKeyDictionary()


def _key(seasons: Iterable[Season]) -> tuple[str, ...]:
    return tuple(sorted(s.key for s in seasons))


def warm(ctx: Context) -> None:
    """Compute the books of the whole catalog, each competition, each season label (all its
    competitions) and each season now, at load time, so no request has to."""
    pools: list[Sequence[Season]] = [ctx.catalog.seasons]
    comps = ctx.catalog.competitions
    pools += [[s for s in ctx.catalog.seasons if s.competition == c] for c in comps]
    pools += [list(found) for found in ctx.by_label.values()]
    pools += [[s] for s in ctx.catalog.seasons]
    books: Books = {}
    streaks = every_streak(ctx)
    for seasons in pools:
        key = _key(seasons)
        if key not in books:
            books[key] = compute(ctx, sorted(seasons, key=lambda s: ctx.rank[s.key]), streaks)
    _BOOKS[ctx] = (books, {})


def book_for(ctx: Context, seasons: Sequence[Season]) -> RecordBook:
    """The records of ``seasons``: read from the books computed at load time; another set of
    seasons (a lone year's two seasons) is computed once, over those seasons only."""
    if ctx not in _BOOKS:
        warm(ctx)
    books, late = _BOOKS[ctx]
    key = _key(seasons)
    found = books.get(key) or late.get(key)
    if found is None:
        if len(late) >= LATE_BOOKS:
            late.clear()
        found = late[key] = compute(ctx, sorted(seasons, key=lambda s: ctx.rank[s.key]))
    return found
