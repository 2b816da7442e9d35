"""A club's run through one season: its ties, its group, the rounds not described, how far it went.

``/club`` shows each season as a path and names how far the club went
("champions", "quarter-finals"); ``/tie`` lists the same steps in full.
Both read one ``SeasonRun`` so they cannot disagree, and the reach is only
what the source shows: a final decides "champions" or "runners-up" only
when it names a winner, and a run ends in the group stage only because no
later round of the source names the club.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.analysis import Gap, NextKind, gaps, next_stage
from bot.answering.tournament import GroupView, Reach, ReachKind, is_final
from bot.domain.catalog import Entry
from bot.domain.models import Season


@dataclass(frozen=True, slots=True)
class SeasonRun:
    """One season of one club: ties and groups in stage order, gaps, and how far it went."""

    season: Season
    entries: tuple[Entry, ...]
    groups: tuple[GroupView, ...]
    gaps: tuple[Gap, ...]
    reach: Reach


def season_run(
    season: Season, entries: Sequence[Entry], groups: Sequence[GroupView], club_key: str
) -> SeasonRun:
    """The club's run in ``season`` from its ties and the groups that list it."""
    ordered = tuple(sorted(entries, key=lambda e: (e.round.order, e.tie.index)))
    grouped = tuple(sorted(groups, key=lambda g: (g.round.order, g.number)))
    found = tuple(gaps(season, ordered, club_key, {g.round.name for g in grouped}))
    return SeasonRun(
        season, ordered, grouped, found, reach(season, ordered, grouped, found, club_key)
    )


def reach(
    season: Season,
    entries: Sequence[Entry],
    groups: Sequence[GroupView],
    found: Sequence[Gap],
    club_key: str,
) -> Reach:
    """How far the club went: the last step the source shows, read from the club's side."""
    orders = {r.name: r.order for r in season.rounds}
    last_tie = entries[-1] if entries else None
    tie_at = last_tie.round.order if last_tie else -1
    group_at = max((g.round.order for g in groups), default=-1)
    gap_at = max((orders.get(g.reached, -1) for g in found), default=-1)
    if gap_at > max(tie_at, group_at):
        return Reach(ReachKind.REACHED, max(found, key=lambda g: orders.get(g.reached, -1)).reached)
    if group_at > tie_at or last_tie is None:
        return Reach(ReachKind.GROUP, groups[-1].round.name if groups else "")
    return tie_reach(last_tie, club_key)


def tie_reach(entry: Entry, club_key: str) -> Reach:
    """Where a run ends when this tie is its last step."""
    tie, name = entry.tie, entry.round.name
    side = entry.side(club_key)
    if is_final(entry.round):
        if tie.winner is None:
            return Reach(ReachKind.FINAL_UNDECIDED, name)
        return Reach(ReachKind.CHAMPIONS if side == tie.winner else ReachKind.RUNNERS_UP, name)
    if tie.winner is None:
        return Reach(ReachKind.UNDECIDED, name)
    if side != tie.winner:
        return Reach(ReachKind.ELIMINATED, name)
    nxt = next_stage(entry.season, entry.round.order, tie)
    if nxt.kind is NextKind.ROUND:
        return Reach(ReachKind.REACHED, nxt.name)
    return Reach(ReachKind.QUALIFIED, nxt.name)  # "" = the group stage beyond the document
