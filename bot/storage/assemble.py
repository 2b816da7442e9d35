"""Table rows -> models, bottom-up (goals -> legs -> ties and groups -> rounds -> seasons).

The mirror of ``rows.py``: every column is read by name (``sqlite3.Row``), so
the two files can be checked against each other and against ``schema.sql``
without counting positions.  Grouping happens in Python over one query per
table, which keeps start-up fast at 100x the real data.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from typing import TypeVar

from bot.domain.catalog import Spelling
from bot.domain.models import (
    Club,
    DecidedBy,
    Diagnostic,
    Disagreement,
    Goal,
    Group,
    Leg,
    LegStatus,
    Round,
    Season,
    Severity,
    Side,
    SourceRef,
    Stage,
    StandingRow,
    Tie,
    Version,
)

T = TypeVar("T")
Row = sqlite3.Row

QUERIES: dict[str, str] = {
    "seasons": "SELECT s.id, c.name AS competition, s.label, s.source_file, s.start_year,"
    " s.end_year FROM seasons s JOIN competitions c ON c.id = s.competition_id"
    " ORDER BY s.position",
    "season_sources": "SELECT * FROM season_sources ORDER BY season_id, position",
    "countries": "SELECT * FROM season_countries ORDER BY season_id, position",
    "aliases": "SELECT * FROM season_aliases ORDER BY season_id, position",
    "rounds": "SELECT * FROM rounds ORDER BY season_id, position",
    "groups": "SELECT * FROM groups ORDER BY round_id, position",
    "group_teams": "SELECT * FROM group_teams ORDER BY group_id, position",
    "standings": "SELECT * FROM standings ORDER BY group_id, position",
    "ties": "SELECT * FROM ties ORDER BY round_id, position",
    "tie_sources": "SELECT * FROM tie_sources ORDER BY tie_id, position",
    "tie_legs": "SELECT * FROM legs WHERE tie_id IS NOT NULL ORDER BY tie_id, position",
    "group_legs": "SELECT * FROM legs WHERE group_id IS NOT NULL ORDER BY group_id, position",
    "goals": "SELECT * FROM goals ORDER BY leg_id, position",
    "notes": "SELECT * FROM notes ORDER BY tie_id, position",
    "disagreements": "SELECT * FROM disagreements ORDER BY id",
    "versions": "SELECT * FROM versions ORDER BY disagreement_id, position",
    "diagnostics": "SELECT * FROM diagnostics WHERE season_id IS NOT NULL ORDER BY id",
    "clubs": "SELECT * FROM clubs ORDER BY position",
    "club_aliases": "SELECT * FROM club_aliases ORDER BY club_key, kind, position",
    "spellings": "SELECT spelling, country, file, line, club_key FROM spellings",
}
"""One query per table; children are ordered by parent id, then position."""

Tables = dict[str, list[Row]]


def _by(rows: Iterable[Row], parent: str, build: Callable[[Row], T]) -> dict[object, list[T]]:
    """Rows keyed by their ``parent`` column, each turned into a model (order kept)."""
    out: dict[object, list[T]] = {}
    for row in rows:
        out.setdefault(row[parent], []).append(build(row))
    return out


def _pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    return None if a is None or b is None else (a, b)


def _legs(data: Tables) -> tuple[dict[object, list[Leg]], dict[object, list[Leg]]]:
    """Legs of ties and matches of groups, each with its goals."""
    goals = _by(
        data["goals"],
        "leg_id",
        lambda r: Goal(
            r["team"], r["player"], r["minute"], r["added_time"],
            r["penalty"] == 1, r["own_goal"] == 1,
        ),
    )  # fmt: skip

    def leg(r: Row) -> Leg:
        date = r["date"]
        file = r["source_file"]
        return Leg(
            home=r["home"],
            away=r["away"],
            home_goals=r["home_goals"],
            away_goals=r["away_goals"],
            status=LegStatus(r["status"]),
            date=dt.date.fromisoformat(date) if date else None,
            goals=tuple(goals.get(r["id"], ())),
            line=r["line"],
            extra_time=r["extra_time"] == 1,
            penalties=_pair(r["penalties_home"], r["penalties_away"]),
            source=None if file is None else SourceRef(file, r["source_line"]),
        )

    return _by(data["tie_legs"], "tie_id", leg), _by(data["group_legs"], "group_id", leg)


def _disagreements(data: Tables) -> tuple[dict[object, list[Disagreement]], ...]:
    """Disagreements of ties and of groups, each with its sources' versions."""
    versions = _by(
        data["versions"],
        "disagreement_id",
        lambda r: Version(r["value"], SourceRef(r["file"], r["line"])),
    )

    def build(r: Row) -> Disagreement:
        return Disagreement(r["fact"], tuple(versions.get(r["id"], ())), r["leg"])

    rows = data["disagreements"]
    return (
        _by((r for r in rows if r["tie_id"] is not None), "tie_id", build),
        _by((r for r in rows if r["group_id"] is not None), "group_id", build),
    )


def _ties(
    data: Tables, legs: dict[object, list[Leg]], disputes: dict[object, list[Disagreement]]
) -> dict[object, list[Tie]]:
    notes = _by(data["notes"], "tie_id", lambda r: str(r["text"]))
    sources = _by(data["tie_sources"], "tie_id", lambda r: SourceRef(r["file"], r["line"]))

    def tie(r: Row) -> Tie:
        tid, winner = r["id"], r["winner"]
        return Tie(
            round_name=r["round_name"],
            index=r["idx"],
            team1=r["team1"],
            team2=r["team2"],
            winner=None if winner is None else Side(winner),
            decided_by=DecidedBy(r["decided_by"]),
            source=SourceRef(r["source_file"], r["source_line"]),
            code1=r["code1"],
            code2=r["code2"],
            legs=tuple(legs.get(tid, ())),
            aggregate=_pair(r["aggregate1"], r["aggregate2"]),
            penalties=_pair(r["penalties1"], r["penalties2"]),
            notes=tuple(notes.get(tid, ())),
            reason=r["reason"],
            winner_as_stated=r["winner_as_stated"],
            advanced_to=r["advanced_to"],
            single_match=r["single_match"] == 1,
            sources=tuple(sources.get(tid, ())),
            disagreements=tuple(disputes.get(tid, ())),
        )

    return _by(data["ties"], "round_id", tie)


def _groups(
    data: Tables, matches: dict[object, list[Leg]], disputes: dict[object, list[Disagreement]]
) -> dict[object, list[Group]]:
    teams = _by(data["group_teams"], "group_id", lambda r: str(r["team"]))
    tables = _by(
        data["standings"],
        "group_id",
        lambda r: StandingRow(
            r["team"], r["played"], r["won"], r["drawn"], r["lost"],
            r["goals_for"], r["goals_against"], r["points"], r["line"],
        ),
    )  # fmt: skip
    return _by(
        data["groups"],
        "round_id",
        lambda r: Group(
            teams=tuple(teams.get(r["id"], ())),
            matches=tuple(matches.get(r["id"], ())),
            name=r["name"],
            table=tuple(tables.get(r["id"], ())),
            line=r["line"],
            disagreements=tuple(disputes.get(r["id"], ())),
        ),
    )


def seasons_from(data: Tables) -> list[Season]:
    """Every season, in stored order, equal to the one that was written."""
    tie_legs, group_legs = _legs(data)
    tie_disputes, group_disputes = _disagreements(data)
    ties = _ties(data, tie_legs, tie_disputes)
    groups = _groups(data, group_legs, group_disputes)
    rounds = _by(
        data["rounds"],
        "season_id",
        lambda r: Round(
            name=r["name"],
            order=r["ord"],
            ties=tuple(ties.get(r["id"], ())),
            first_leg=r["first_leg"],
            second_leg=r["second_leg"],
            expected_ties=r["expected_ties"],
            description=r["description"],
            line=r["line"],
            stage=Stage(r["stage"]),
            groups=tuple(groups.get(r["id"], ())),
        ),
    )
    merged = _by(data["season_sources"], "season_id", lambda r: str(r["file"]))
    countries = _by(data["countries"], "season_id", lambda r: (str(r["team"]), str(r["code"])))
    aliases = _by(data["aliases"], "season_id", lambda r: (str(r["stated"]), str(r["team"])))
    diags = _by(
        data["diagnostics"],
        "season_id",
        lambda r: Diagnostic(
            SourceRef(r["file"], r["line"]), r["message"], Severity(r["severity"])
        ),
    )
    return [
        Season(
            competition=r["competition"],
            label=r["label"],
            rounds=tuple(rounds.get(r["id"], ())),
            source_file=r["source_file"],
            start_year=r["start_year"],
            end_year=r["end_year"],
            countries=tuple(countries.get(r["id"], ())),
            aliases=tuple(aliases.get(r["id"], ())),
            diagnostics=tuple(diags.get(r["id"], ())),
            merged_from=tuple(merged.get(r["id"], ())),
        )
        for r in data["seasons"]
    ]


def clubs_from(data: Tables) -> tuple[list[Club], dict[Spelling, str]]:
    """Every club with its aliases and nicknames, and the registry's spellings -> club keys."""
    names = _by(data["club_aliases"], "club_key", lambda r: (str(r["kind"]), str(r["spelling"])))

    def club(r: Row) -> Club:
        spellings = names.get(r["key"], [])
        return Club(
            r["key"],
            r["name"],
            r["country"],
            tuple(s for kind, s in spellings if kind == "alias"),
            tuple(s for kind, s in spellings if kind == "nickname"),
            tuple((kind[5:], s) for kind, s in spellings if kind.startswith("name:")),
        )

    clubs = [club(r) for r in data["clubs"]]
    spellings = {
        Spelling(str(r["spelling"]), r["country"] or None, r["file"] or None, r["line"]): str(
            r["club_key"]
        )
        for r in data["spellings"]
    }
    return clubs, spellings
