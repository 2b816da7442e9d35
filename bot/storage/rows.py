"""Models -> table rows: the one place that knows how a Season maps onto the schema.

Ids are assigned here while walking the seasons, so each table is filled by
one ``executemany`` with no ``lastrowid`` round trip per tie.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from bot.domain.models import Club, Diagnostic, Season
from bot.domain.names import fold
from bot.storage.errors import StorageError

SCHEMA_VERSION = 1
"""Bump when schema.sql changes: a reader refuses a database of another version."""


class RegistryLike(Protocol):
    """What storage needs of ``bot.clubs.registry.Registry`` (kept structural to stay decoupled)."""

    @property
    def clubs(self) -> tuple[Club, ...]: ...

    @property
    def club_of(self) -> Mapping[str, str]: ...

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]: ...


Row = tuple[Any, ...]


class Rows:
    """Row lists per table, filled in one pass so each table is one executemany."""

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {}

    def add(self, table: str, row: Row) -> None:
        self.tables.setdefault(table, []).append(row)


INSERTS: dict[str, str] = {
    "competitions": "INSERT INTO competitions (id, name) VALUES (?, ?)",
    "seasons": "INSERT INTO seasons (id, competition_id, label, source_file, start_year,"
    " end_year, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "season_countries": "INSERT INTO season_countries VALUES (?, ?, ?, ?)",
    "season_aliases": "INSERT INTO season_aliases VALUES (?, ?, ?, ?)",
    "clubs": "INSERT INTO clubs (key, name, country, position) VALUES (?, ?, ?, ?)",
    "club_aliases": "INSERT INTO club_aliases VALUES (?, ?, ?, ?, ?)",
    "spellings": "INSERT INTO spellings VALUES (?, ?, ?)",
    "rounds": "INSERT INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "ties": "INSERT INTO ties VALUES (" + ", ".join("?" * 23) + ")",
    "legs": "INSERT INTO legs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "goals": "INSERT INTO goals VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "notes": "INSERT INTO notes VALUES (?, ?, ?)",
    "diagnostics": "INSERT INTO diagnostics (season_id, origin, file, line, severity, message)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    "meta": "INSERT INTO meta VALUES (?, ?)",
}


def _pair(value: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (None, None) if value is None else value


def club_rows(rows: Rows, registry: RegistryLike) -> dict[str, str]:
    """Clubs, their aliases and the spelling map; returns a folded-spelling lookup."""
    keys: set[str] = set()
    for pos, club in enumerate(registry.clubs):
        if club.key in keys:
            raise StorageError(f"registry lists club key {club.key!r} twice")
        keys.add(club.key)
        rows.add("clubs", (club.key, club.name, club.country, pos))
        for kind, names in (("alias", club.aliases), ("nickname", club.nicknames)):
            for i, name in enumerate(names):
                rows.add("club_aliases", (club.key, kind, i, name, fold(name)))
    folded: dict[str, str] = {}
    for spelling, key in registry.club_of.items():
        if key not in keys:
            raise StorageError(f"registry maps {spelling!r} to unknown club key {key!r}")
        rows.add("spellings", (spelling, fold(spelling), key))
        folded.setdefault(fold(spelling), key)
    return folded


def season_rows(
    rows: Rows, seasons: Sequence[Season], club_of: Mapping[str, str], folded: dict[str, str]
) -> None:
    """Seasons down to goals, with ids assigned here so no lastrowid round trips are needed."""

    def club_key(team: str, where: object) -> str:
        key = club_of.get(team) or folded.get(fold(team))
        if key is None:
            raise StorageError(f"{where}: no club in the registry for team {team!r}")
        return key

    competitions: dict[str, int] = {}
    seen: dict[tuple[str, str], str] = {}
    round_id = tie_id = leg_id = 0
    for s_pos, season in enumerate(seasons):
        season_id = s_pos + 1
        if (season.competition, season.label) in seen:
            first = seen[(season.competition, season.label)]
            raise StorageError(f"season {season.key!r} given twice ({first}, {season.source_file})")
        seen[(season.competition, season.label)] = season.source_file
        if season.competition not in competitions:
            competitions[season.competition] = len(competitions) + 1
            rows.add("competitions", (competitions[season.competition], season.competition))
        rows.add(
            "seasons",
            (
                season_id,
                competitions[season.competition],
                season.label,
                season.source_file,
                season.start_year,
                season.end_year,
                s_pos,
            ),
        )
        for i, (team, code) in enumerate(season.countries):
            rows.add("season_countries", (season_id, i, team, code))
        for i, (stated, team) in enumerate(season.aliases):
            rows.add("season_aliases", (season_id, i, stated, team))
        for d in season.diagnostics:
            rows.add(
                "diagnostics",
                (season_id, "parser", d.source.file, d.source.line, d.severity.value, d.message),
            )
        for r_pos, rnd in enumerate(season.rounds):
            round_id += 1
            rows.add(
                "rounds",
                (
                    round_id,
                    season_id,
                    r_pos,
                    rnd.name,
                    rnd.order,
                    rnd.first_leg,
                    rnd.second_leg,
                    rnd.expected_ties,
                    rnd.description,
                    rnd.line,
                ),
            )
            for t_pos, tie in enumerate(rnd.ties):
                tie_id += 1
                club1 = club_key(tie.team1, tie.source)
                club2 = club_key(tie.team2, tie.source) if tie.team2 is not None else None
                rows.add(
                    "ties",
                    (
                        tie_id,
                        round_id,
                        t_pos,
                        tie.round_name,
                        tie.index,
                        tie.team1,
                        tie.team2,
                        club1,
                        club2,
                        tie.code1,
                        tie.code2,
                        tie.winner,
                        tie.decided_by.value,
                        *_pair(tie.aggregate),
                        *_pair(tie.penalties),
                        tie.reason,
                        tie.winner_as_stated,
                        tie.advanced_to,
                        int(tie.single_match),
                        tie.source.file,
                        tie.source.line,
                    ),
                )
                for n_pos, note in enumerate(tie.notes):
                    rows.add("notes", (tie_id, n_pos, note))
                for l_pos, leg in enumerate(tie.legs):
                    leg_id += 1
                    rows.add(
                        "legs",
                        (
                            leg_id,
                            tie_id,
                            l_pos,
                            leg.home,
                            leg.away,
                            leg.home_goals,
                            leg.away_goals,
                            leg.status.value,
                            leg.date.isoformat() if leg.date else None,
                            leg.line,
                        ),
                    )
                    for g_pos, g in enumerate(leg.goals):
                        rows.add(
                            "goals",
                            (
                                leg_id,
                                g_pos,
                                g.team,
                                g.player,
                                g.minute,
                                g.added_time,
                                int(g.penalty),
                                int(g.own_goal),
                            ),
                        )


def to_rows(
    seasons: Sequence[Season],
    registry: RegistryLike,
    fingerprint: str,
    extra_diagnostics: Sequence[Diagnostic],
) -> Rows:
    """Every row of a database holding ``seasons`` and ``registry``, meta included."""
    rows = Rows()
    folded = club_rows(rows, registry)
    season_rows(rows, seasons, registry.club_of, folded)
    for origin, diags in (("registry", registry.diagnostics), ("loader", extra_diagnostics)):
        for d in diags:
            rows.add(
                "diagnostics",
                (None, origin, d.source.file, d.source.line, d.severity.value, d.message),
            )
    built_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for key, value in (
        ("schema_version", str(SCHEMA_VERSION)),
        ("fingerprint", fingerprint),
        ("built_at", built_at),
        ("seasons", str(len(seasons))),
        ("ties", str(len(rows.tables.get("ties", ())))),
        ("clubs", str(len(registry.clubs))),
    ):
        rows.add("meta", (key, value))
    return rows
