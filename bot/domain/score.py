"""Two-legged arithmetic, written once: aggregates, away goals, a score from one club's side.

Every reader checks a source's stated result against these, and every answer
states a result with them, so the rules (sum the legs; count goals scored
away; turn a team1–team2 pair round for team2) cannot drift apart.  Scores
the source does not give stay ``None``: nothing here fills a gap with zero.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.models import Leg, LegStatus, Side, Tie
from bot.domain.names import fold

Pair = tuple[int, int]


def flip(pair: Pair) -> Pair:
    return pair[1], pair[0]


def from_side(pair: Pair, side: Side) -> Pair:
    """A team1–team2 pair as seen by ``side`` (its own goals first)."""
    return pair if side is Side.ONE else flip(pair)


def maybe_from_side(pair: Pair | None, side: Side | None) -> Pair | None:
    """``from_side`` for optional values: None stays None (no side means team1's view)."""
    if pair is None:
        return None
    return pair if side is None else from_side(pair, side)


def side_in(team: str, team1: str, team2: str | None) -> Side | None:
    """Which side a spelling names, comparing folded names (legs may vary case or accents)."""
    key = fold(team)
    if key == fold(team1):
        return Side.ONE
    if team2 is not None and key == fold(team2):
        return Side.TWO
    return None


def _scored(legs: Sequence[Leg]) -> bool:
    return bool(legs) and all(
        leg.played and leg.home_goals is not None and leg.away_goals is not None for leg in legs
    )


def _summed(legs: Sequence[Leg], team1: str, team2: str | None) -> Pair | None:
    """Each side's goals over ``legs`` (already known to carry scores); None when a leg
    names a team that is neither side."""
    goals = [0, 0]
    for leg in legs:
        for team, scored in ((leg.home, leg.home_goals), (leg.away, leg.away_goals)):
            side = side_in(team, team1, team2)
            if side is None or scored is None:
                return None
            goals[side - 1] += scored
    return goals[0], goals[1]


def leg_totals(legs: Sequence[Leg], team1: str, team2: str | None) -> Pair | None:
    """Goals over all legs in team1–team2 order; None unless every leg was played with a score."""
    return _summed(legs, team1, team2) if _scored(legs) else None


def awarded_totals(legs: Sequence[Leg], team1: str, team2: str | None) -> Pair | None:
    """Goals over legs that were played or awarded, the awarded score counting as goals;
    None when any leg has no score (cancelled, abandoned, a shoot-out given alone)."""
    if not legs or any(
        leg.status not in (LegStatus.PLAYED, LegStatus.AWARDED)
        or leg.home_goals is None
        or leg.away_goals is None
        for leg in legs
    ):
        return None
    return _summed(legs, team1, team2)


def away_totals(legs: Sequence[Leg], team1: str, team2: str | None) -> Pair | None:
    """Goals each side scored away from home; None unless two or more legs were all scored."""
    if len(legs) < 2 or not _scored(legs):
        return None
    away = [0, 0]
    for leg in legs:
        side = side_in(leg.away, team1, team2)
        if side is None or leg.away_goals is None:
            return None
        away[side - 1] += leg.away_goals
    return away[0], away[1]


def aggregate(tie: Tie) -> Pair | None:
    """The aggregate in team1–team2 order: as stated, else summed from fully scored legs."""
    if tie.aggregate is not None:
        return tie.aggregate
    return leg_totals(tie.legs, tie.team1, tie.team2)


def away_goals(tie: Tie) -> Pair | None:
    """Goals each side scored away (team1, team2), for a two-legged tie with every leg scored."""
    if tie.single_match:
        return None
    return away_totals(tie.legs, tie.team1, tie.team2)


def for_winner(pair: Pair, tie: Tie) -> Pair:
    """A team1–team2 pair with the winner's number first (team1's view when undecided)."""
    return pair if tie.winner is None else from_side(pair, tie.winner)
