"""The export shapes: one dict per tie (and per group match), shared by ``export`` and
``ask --json``.

``to_json`` and ``to_csv`` render many ties (``matches_to_json``/``matches_to_csv`` many
group matches) for file exports; pure text, no I/O.  Every value is what the source
states: a tie the source does not decide has ``winner: null`` and ``decided_by:
"unknown"``, an awarded leg carries the awarded score as its goals.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from bot.domain.catalog import Entry, MatchEntry
from bot.domain.models import Goal, Leg, SourceRef, Stage


def _ref(ref: SourceRef) -> dict[str, Any]:
    return {"file": ref.file, "line": ref.line}


def _leg_to_dict(leg: Leg) -> dict[str, Any]:
    return {
        "home": leg.home,
        "away": leg.away,
        "home_goals": leg.home_goals,
        "away_goals": leg.away_goals,
        "status": leg.status.value,
        "date": leg.date.isoformat() if leg.date else None,
        "extra_time": leg.extra_time,
        "penalties": list(leg.penalties) if leg.penalties else None,
        "goals": [
            {"team": g.team, "player": g.player, "minute": g.minute, "penalty": g.penalty}
            for g in leg.goals
        ],
    }


def tie_sources(entry: Entry) -> list[SourceRef]:
    """Every file:line the tie comes from: its own line, its legs' lines, and the others cited."""
    tie = entry.tie
    refs = [tie.source, *(leg.source for leg in tie.legs if leg.source), *tie.sources]
    return list(dict.fromkeys(refs))


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """A tie as the documented JSON object (README, "export")."""
    tie = entry.tie
    return {
        "competition": entry.season.competition,
        "season": entry.season.label,
        "round": entry.round.name,
        "stage": entry.round.stage.value,
        "team1": tie.team1,
        "team2": tie.team2,
        "club1": entry.club1.name,
        "club2": entry.club2.name if entry.club2 else None,
        "country1": tie.code1 or entry.club1.country,
        "country2": tie.code2 or (entry.club2.country if entry.club2 else None),
        "aggregate": list(tie.aggregate) if tie.aggregate else None,
        "legs": [_leg_to_dict(leg) for leg in tie.legs],
        "winner": tie.winner_name if tie.winner is not None else None,
        "decided_by": tie.decided_by.value,
        "penalties": list(tie.penalties) if tie.penalties else None,
        "notes": [*tie.notes, *([tie.reason] if tie.reason else [])],
        "source": _ref(tie.source),
        "sources": [_ref(r) for r in tie_sources(entry)],
    }


def match_to_dict(m: MatchEntry) -> dict[str, Any]:
    """A group match: where it was played (season, round, group) and the match itself.

    ``group`` is the source's own name of the group, or null (Football.TXT gives none);
    ``group_teams`` lists the group's teams, which name it either way.
    """
    leg = m.match
    source = leg.source or SourceRef(m.season.source_file, leg.line)
    return {
        "competition": m.season.competition,
        "season": m.season.label,
        "round": m.round.name,
        "stage": Stage.GROUP.value,
        "group": m.group.name,
        "group_teams": list(m.group.teams),
        "home": leg.home,
        "away": leg.away,
        "club_home": m.home.name,
        "club_away": m.away.name,
        "home_goals": leg.home_goals,
        "away_goals": leg.away_goals,
        "status": leg.status.value,
        "date": leg.date.isoformat() if leg.date else None,
        "extra_time": leg.extra_time,
        "penalties": list(leg.penalties) if leg.penalties else None,
        "source": _ref(source),
    }


def to_json(entries: Iterable[Entry]) -> str:
    """Ties as a JSON array of :func:`entry_to_dict` objects (UTF-8 names kept readable)."""
    return json.dumps([entry_to_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n"


def matches_to_json(matches: Iterable[MatchEntry]) -> str:
    """Group matches as a JSON array of :func:`match_to_dict` objects."""
    return json.dumps([match_to_dict(m) for m in matches], ensure_ascii=False, indent=2) + "\n"


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


_LEG_FIELDS = ("home", "away", "home_goals", "away_goals", "status", "date", "goals",
               "extra_time", "penalties1", "penalties2")  # fmt: skip
_HEAD = ("competition", "season", "round", "stage", "team1", "team2", "club1", "club2")
_TAIL = ("aggregate1", "aggregate2", "winner", "decided_by", "penalties1", "penalties2")
_END = ("notes", "source_file", "source_line", "sources")


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _leg_cells(leg: Leg | None) -> list[object]:
    if leg is None:
        return [""] * len(_LEG_FIELDS)
    pens = leg.penalties or ("", "")
    return [
        leg.home,
        leg.away,
        leg.home_goals,
        leg.away_goals,
        leg.status.value,
        leg.date.isoformat() if leg.date else "",
        goals_text(leg),
        _flag(leg.extra_time),
        pens[0],
        pens[1],
    ]


def _cell(value: object) -> object:
    return "" if value is None else value


def to_csv(entries: Iterable[Entry]) -> str:
    """One row per tie, legs flattened (``leg1_home`` ... ``leg2_penalties2``); at least two
    legs.  Missing values are empty cells; notes (and a walkover's reason) are joined with
    `` | ``, every source line as ``file:line`` joined with `` | ``."""
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
                *(_cell(d[k]) for k in _HEAD),
                _cell(d["country1"]),
                _cell(d["country2"]),
                *(_cell(c) for c in legs),
                agg[0],
                agg[1],
                _cell(d["winner"]),
                d["decided_by"],
                pens[0],
                pens[1],
                " | ".join(d["notes"]),
                tie.source.file,
                tie.source.line,
                " | ".join(str(r) for r in tie_sources(e)),
            ]
        )
    return out.getvalue()


_MATCH_FIELDS = (
    *("competition", "season", "round", "stage", "group", "group_teams", "home", "away"),
    *("club_home", "club_away", "home_goals", "away_goals", "status", "date", "extra_time"),
    *("penalties1", "penalties2", "source_file", "source_line"),
)


def matches_to_csv(matches: Iterable[MatchEntry]) -> str:
    """One row per group match; ``group_teams`` joined with `` | ``; missing values empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_MATCH_FIELDS)
    for m in matches:
        d = match_to_dict(m)
        pens = d["penalties"] or ("", "")
        d.update(
            group_teams=" | ".join(d["group_teams"]),
            extra_time=_flag(d["extra_time"]),
            penalties1=pens[0],
            penalties2=pens[1],
            source_file=d["source"]["file"],
            source_line=d["source"]["line"],
        )
        writer.writerow([_cell(d[k]) for k in _MATCH_FIELDS])
    return out.getvalue()
