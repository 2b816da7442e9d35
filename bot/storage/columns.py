"""The schema's tables as rows are written to them: columns in order, and the schema version.

Kept apart from ``rows`` (which fills them) so that the reader and the writer share one
list of columns without importing the model walk.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["COLUMNS", "SCHEMA_VERSION", "insert_sql"]

SCHEMA_VERSION = 2
"""Bump when schema.sql changes: a reader refuses a database of another version."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "competitions": ("id", "name"),
    "seasons": ("id", "competition_id", "label", "source_file", "start_year", "end_year",
                "position"),
    "season_countries": ("season_id", "position", "team", "code"),
    "season_aliases": ("season_id", "position", "stated", "team"),
    "clubs": ("key", "name", "country", "position"),
    "club_aliases": ("club_key", "kind", "position", "spelling", "folded"),
    "spellings": ("spelling", "folded", "club_key"),
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
    "goals": ("leg_id", "position", "team", "player", "minute", "added_time", "penalty",
              "own_goal"),
    "notes": ("tie_id", "position", "text"),
    "diagnostics": ("season_id", "origin", "file", "line", "severity", "message"),
    "meta": ("key", "value"),
}  # fmt: skip
"""Each table's columns as rows.py fills them, in insertion order (parents first)."""


def insert_sql(table: str, columns: Sequence[str] | None = None) -> str:
    """``INSERT INTO table (c1, c2, ...) VALUES (?, ?, ...)`` for :data:`COLUMNS` (or for
    ``columns`` only: the others are left NULL)."""
    columns = COLUMNS[table] if columns is None else columns
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
