"""The tables' columns as the writer fills them, and a row checked against them by name.

Every row is given by column name (``Rows.add(table, column=value, ...)``) and
checked against that table's column list, so adding a column can never shift
another value into the wrong place.  Given a sink, rows go to it a batch at a
time while they are made, so a large season's rows (a million at 45 MB) never
all exist at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def insert_sql(table: str, columns: Sequence[str] | None = None) -> str:
    """``INSERT INTO table (c1, c2, ...) VALUES (?, ?, ...)`` for :data:`COLUMNS` (or for
    ``columns`` only: the others are left NULL)."""
    columns = COLUMNS[table] if columns is None else columns
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_NAMES = {table: frozenset(columns) for table, columns in COLUMNS.items()}
_IN_ORDER = {table: itemgetter(*columns) for table, columns in COLUMNS.items()}

Sink = Callable[[str, list[tuple[Any, ...]]], None]
"""Takes a batch of one table's rows (in column order), e.g. to insert them."""

BATCH = 20_000
"""Rows of one table kept before they go to the sink."""


class Rows:
    """Row lists per table, filled in one pass; with a ``sink``, each table's rows go to it
    every ``BATCH`` rows and at ``flush``, in the order they were added."""

    def __init__(self, sink: Sink | None = None) -> None:
        self.tables: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        self.handed = dict.fromkeys(COLUMNS, 0)
        self.sink = sink

    def add(self, table: str, **values: Any) -> None:
        """One row, by column name; every column of the table must be given, no other."""
        try:  # a missing column fails here, an extra one below (cheaper than comparing keys)
            row = _IN_ORDER[table](values)
        except KeyError:
            row = ()
        if len(row) != len(values) or not row:
            wrong = sorted(values.keys() ^ _NAMES[table])
            raise StorageError(f"internal error: {table} row with wrong columns {wrong}")
        rows = self.tables[table]
        rows.append(row)
        if self.sink is not None and len(rows) >= BATCH:
            self._hand_over(table, self.sink)

    def count(self, table: str) -> int:
        """Rows added to ``table`` so far, handed over or not."""
        return self.handed[table] + len(self.tables[table])

    def _hand_over(self, table: str, sink: Sink) -> None:
        rows = self.tables[table]
        sink(table, rows)
        self.handed[table] += len(rows)
        self.tables[table] = []

    def flush(self) -> None:
        """Hand every row not yet given to the sink, parents' tables first."""
        if self.sink is None:
            return
        for table, rows in list(self.tables.items()):
            if rows:
                self._hand_over(table, self.sink)
