"""The export shape of a tie: one dict per tie, shared by ``tiebot export`` and ``ask --json``.

``to_json`` and ``to_csv`` render many ties for file exports; pure text, no I/O.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from bot.domain.catalog import Entry
from bot.domain.models import Goal, Leg


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


def to_json(entries: Iterable[Entry]) -> str:
    """Ties as a JSON array of :func:`entry_to_dict` objects (UTF-8 names kept readable)."""
    return json.dumps([entry_to_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n"


def _minute(goal: Goal) -> str:
    if goal.minute is None:
        return ""
    extra = f"+{goal.added_time}" if goal.added_time else ""
    return f" {goal.minute}{extra}'"


def goals_text(leg: Leg) -> str:
    """Scorers of one leg, grouped by team: ``A: X 9', Y 45+2' (pen); B: Z 12' (o.g.)``."""
    by_team: dict[str, list[str]] = {}
    for g in leg.goals:
        mark = " (pen)" if g.penalty else " (o.g.)" if g.own_goal else ""
        by_team.setdefault(g.team, []).append(f"{g.player}{_minute(g)}{mark}")
    return "; ".join(f"{team}: {', '.join(names)}" for team, names in by_team.items())


_LEG_FIELDS = ("home", "away", "home_goals", "away_goals", "status", "date", "goals")
_HEAD = ("competition", "season", "round", "team1", "team2", "club1", "club2")
_TAIL = ("aggregate1", "aggregate2", "winner", "decided_by", "penalties1", "penalties2")
_END = ("notes", "source_file", "source_line")


def _leg_cells(leg: Leg | None) -> list[object]:
    if leg is None:
        return [""] * len(_LEG_FIELDS)
    return [
        leg.home,
        leg.away,
        leg.home_goals,
        leg.away_goals,
        leg.status.value,
        leg.date.isoformat() if leg.date else "",
        goals_text(leg),
    ]


def to_csv(entries: Iterable[Entry]) -> str:
    """One row per tie, legs flattened (``leg1_home`` ... ``leg2_goals``); at least two legs.

    Missing values are empty cells; notes (and a walkover's reason) are joined with `` | ``.
    """
    rows = list(entries)
    n_legs = max([2, *(len(e.tie.legs) for e in rows)])
    header = [
        *_HEAD,
        "country1",
        "country2",
        *(f"leg{i}_{f}" for i in range(1, n_legs + 1) for f in _LEG_FIELDS),
        *_TAIL,
        *_END,
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for e in rows:
        d = entry_to_dict(e)
        tie = e.tie
        legs: list[object] = []
        for i in range(n_legs):
            legs.extend(_leg_cells(tie.legs[i] if i < len(tie.legs) else None))
        agg = tie.aggregate or ("", "")
        pens = tie.penalties or ("", "")
        writer.writerow(
            [
                *(d[k] if d[k] is not None else "" for k in _HEAD),
                d["country1"] or "",
                d["country2"] or "",
                *(("" if c is None else c) for c in legs),
                agg[0],
                agg[1],
                d["winner"],
                d["decided_by"],
                pens[0],
                pens[1],
                " | ".join(d["notes"]),
                tie.source.file,
                tie.source.line,
            ]
        )
    return out.getvalue()
