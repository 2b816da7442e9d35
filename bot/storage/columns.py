"""The tables' columns as the writer fills them, and a row checked against them by name.

Every row is given by column name (``Rows.add(table, column=value, ...)``) and
checked against that table's column list, so adding a column can never shift
another value into the wrong place.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from bot.storage.errors import StorageError

SCHEMA_VERSION = 4
"""Bump when schema.sql changes: a reader refuses a database of another version."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "competitions": ("id", "name"),
    "seasons": ("id", "competition_id", "label", "source_file", "start_year", "end_year",
                "position"),
    "season_sources": ("season_id", "position", "file"),
    "season_countries": ("season_id", "position", "team", "code"),
    "season_aliases": ("season_id", "position", "stated", "team"),
    "clubs": ("key", "name", "country", "position"),
    "club_aliases": ("club_key", "kind", "position", "spelling", "folded"),
    "spellings": ("spelling", "country", "file", "line", "folded", "club_key"),
    "rounds": ("id", "season_id", "position", "name", "ord", "first_leg", "second_leg",
               "expected_ties", "description", "line", "stage"),
    "groups": ("id", "round_id", "position", "name", "line"),
    "group_teams": ("group_id", "position", "team"),
    "standings": ("group_id", "position", "team", "played", "won", "drawn", "lost",
                  "goals_for", "goals_against", "points", "line"),
    "ties": ("id", "round_id", "position", "round_name", "idx", "team1", "team2", "club1",
             "club2", "code1", "code2", "winner", "decided_by", "aggregate1", "aggregate2",
             "penalties1", "penalties2", "reason", "winner_as_stated", "advanced_to",
             "single_match", "source_file", "source_line"),
    "tie_sources": ("tie_id", "position", "file", "line"),
    "legs": ("id", "tie_id", "group_id", "position", "home", "away", "home_goals", "away_goals",
             "status", "date", "line", "extra_time", "penalties_home", "penalties_away",
             "source_file", "source_line"),
    "disagreements": ("id", "tie_id", "group_id", "position", "fact", "leg"),
    "versions": ("disagreement_id", "position", "value", "file", "line"),
    "goals": ("leg_id", "position", "team", "player", "minute", "added_time", "penalty",
              "own_goal"),
    "notes": ("tie_id", "position", "text"),
    "diagnostics": ("season_id", "origin", "file", "line", "severity", "message"),
    "meta": ("key", "value"),
}  # fmt: skip
"""Each table's columns as rows.py fills them, in insertion order (parents first)."""


def insert_sql(table: str) -> str:
    """``INSERT INTO table (c1, c2, ...) VALUES (?, ?, ...)`` for :data:`COLUMNS`."""
    columns = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_NAMES = {table: frozenset(columns) for table, columns in COLUMNS.items()}
_IN_ORDER = {table: itemgetter(*columns) for table, columns in COLUMNS.items()}


class Rows:
    """Row lists per table, filled in one pass so each table is one executemany."""

    def __init__(self) -> None:
        self.tables: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}

    def add(self, table: str, **values: Any) -> None:
        """One row, by column name; every column of the table must be given, no other."""
        if values.keys() != _NAMES[table]:
            wrong = sorted(values.keys() ^ _NAMES[table])
            raise StorageError(f"internal error: {table} row with wrong columns {wrong}")
        self.tables[table].append(_IN_ORDER[table](values))
