"""The export shape of a tie: one dict per tie, shared by ``export`` and ``ask --json``."""

from __future__ import annotations

from typing import Any

from bot.core.catalog import Entry
from bot.core.models import Leg


def _leg_to_dict(leg: Leg) -> dict[str, Any]:
    return {
        "home": leg.home,
        "away": leg.away,
        "home_goals": leg.home_goals,
        "away_goals": leg.away_goals,
        "status": leg.status.value,
        "date": leg.date.isoformat() if leg.date else None,
        "goals": [
            {"team": g.team, "player": g.player, "minute": g.minute, "penalty": g.penalty}
            for g in leg.goals
        ],
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """A tie as the documented JSON object (README, "export")."""
    tie = entry.tie
    return {
        "competition": entry.season.competition,
        "season": entry.season.label,
        "round": entry.round.name,
        "team1": tie.team1,
        "team2": tie.team2,
        "club1": entry.club1.name,
        "club2": entry.club2.name if entry.club2 else None,
        "country1": tie.code1 or entry.club1.country,
        "country2": tie.code2 or (entry.club2.country if entry.club2 else None),
        "aggregate": list(tie.aggregate) if tie.aggregate else None,
        "legs": [_leg_to_dict(leg) for leg in tie.legs],
        "winner": tie.winner_name,
        "decided_by": tie.decided_by.value,
        "penalties": list(tie.penalties) if tie.penalties else None,
        "notes": [*tie.notes, *([tie.reason] if tie.reason else [])],
        "source": {"file": tie.source.file, "line": tie.source.line},
    }
