"""Runs of ties won in a row by one club in one competition, as far as the source can tell.

A run is a club's ties won one after another, in season and round order.  It
ends at a tie the club did not win (lost, or left undecided by the source), and
also wherever the source cannot say what came next: a round the club reached
that no tie describes, a season that ended otherwise than by winning the final
(a group stage, qualifying beyond the document), a season of the competition
that is not loaded.  So a run is never made longer by a gap in the sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answering.analysis import next_round_name, won
from bot.answering.context import Context
from bot.answering.progress import SeasonRun
from bot.answering.tournament import ReachKind
from bot.domain.catalog import Entry
from bot.domain.models import Club, Season

MIN_STREAK = 2


@dataclass(frozen=True, slots=True)
class Streak:
    """``entries`` won in a row (oldest first); ``ended_by`` the tie that ended the run (lost
    or undecided), None when the source follows the club no further."""

    club: Club
    competition: str
    entries: tuple[Entry, ...]
    ended_by: Entry | None


def _follows(previous: Season, season: Season, order: dict[str, int], loaded: list[Season]) -> bool:
    """Whether ``season`` is the next loaded season of its competition after ``previous``."""
    at = order[previous.key]
    return (
        at + 1 < len(loaded)
        and loaded[at + 1] is season
        and (season.start_year <= previous.end_year + 1)
    )


def club_streaks(
    ctx: Context, club: Club, seasons: Sequence[Season]
) -> Iterable[Streak]:  # fmt: skip
    """The club's runs of two or more ties won, within ``seasons``, per competition."""
    keys = {s.key for s in seasons}
    entries = [e for e in ctx.catalog.entries_for(club.key) if e.season.key in keys]
    groups = [g for g in ctx.tours.groups_by_club.get(club.key, ()) if g.season.key in keys]
    runs = sorted(ctx.runs(club.key, entries, groups), key=lambda r: ctx.rank[r.season.key])
    by_comp: dict[str, list[SeasonRun]] = {}
    for run in runs:
        by_comp.setdefault(run.season.competition, []).append(run)
    for comp, comp_runs in by_comp.items():
        loaded = [s for s in seasons if s.competition == comp]
        order = {s.key: i for i, s in enumerate(loaded)}
        yield from _streaks(club, comp, comp_runs, order, loaded)


def _streaks(
    club: Club,
    comp: str,
    runs: Sequence[SeasonRun],
    order: dict[str, int],
    loaded: list[Season],
) -> Iterable[Streak]:
    current: list[Entry] = []
    previous: SeasonRun | None = None

    def close(ended_by: Entry | None) -> Iterable[Streak]:
        if len(current) >= MIN_STREAK:
            yield Streak(club, comp, tuple(current), ended_by)
        current.clear()

    for run in runs:
        carried = (
            previous is not None
            and previous.reach.kind is ReachKind.CHAMPIONS
            and _follows(previous.season, run.season, order, loaded)
        )
        if not carried:
            yield from close(None)
        gaps = {g.reached for g in run.gaps}
        for entry in run.entries:
            if not won(entry, club.key):
                yield from close(entry)
                continue
            current.append(entry)
            if next_round_name(entry.season, entry.round.order, entry.tie) in gaps:
                yield from close(None)  # the next tie is not in the source
        if run.reach.kind is not ReachKind.CHAMPIONS:
            yield from close(None)
        previous = run
    yield from close(None)
