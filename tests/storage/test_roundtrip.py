"""Everything the models hold survives a write and a read."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from enum import StrEnum
from pathlib import Path

import pytest

from bot.domain.models import (
    Club,
    DecidedBy,
    Disagreement,
    Goal,
    Group,
    Leg,
    LegStatus,
    Round,
    Season,
    Severity,
    Stage,
    StandingRow,
    Tie,
    Version,
)
from bot.storage.errors import StorageError
from bot.storage.read import read_catalog, read_meta_sync
from bot.storage.rows import COLUMNS, Rows
from bot.storage.write import SCHEMA_VERSION, schema_sql, write_database
from tests.storage.conftest import FakeRegistry, registry_for


def _instances(seasons: tuple[Season, ...], clubs: tuple[Club, ...]) -> dict[type, list[object]]:
    rounds = [r for s in seasons for r in s.rounds]
    groups = [g for r in rounds for g in r.groups]
    ties = [t for r in rounds for t in r.ties]
    legs = [leg for t in ties for leg in t.legs] + [m for g in groups for m in g.matches]
    goals = [g for leg in legs for g in leg.goals]
    disputes = [d for t in ties for d in t.disagreements] + [
        d for g in groups for d in g.disagreements
    ]
    return {
        Disagreement: disputes,
        Version: [v for d in disputes for v in d.versions],
        Season: list(seasons),
        Round: list(rounds),
        Group: list(groups),
        StandingRow: [row for g in groups for row in g.table],
        Tie: list(ties),
        Leg: list(legs),
        Goal: list(goals),
        Club: list(clubs),
    }


def test_sample_uses_every_field(seasons: tuple[Season, ...], registry: FakeRegistry) -> None:
    """Guards the round trip: a field added to a model must get a non-default value here."""
    for cls, objs in _instances(seasons, registry.clubs).items():
        assert objs, cls.__name__
        for f in dataclasses.fields(cls):
            values = [getattr(o, f.name) for o in objs]
            if f.default is dataclasses.MISSING:
                assert len({repr(v) for v in values}) > 1, f"{cls.__name__}.{f.name} never varies"
            else:
                assert any(v != f.default for v in values), f"{cls.__name__}.{f.name} unused"


async def test_round_trip_equal(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    write_database(db_path, seasons, registry)
    catalog = await read_catalog(db_path)
    got = tuple(sorted(catalog.seasons, key=lambda s: s.source_file))
    assert got == tuple(sorted(seasons, key=lambda s: s.source_file))
    for a, b in zip(got, sorted(seasons, key=lambda s: s.source_file), strict=True):
        assert a.diagnostics == b.diagnostics  # not part of equality, but kept
        assert a.rounds == b.rounds
        for ra, rb in zip(a.rounds, b.rounds, strict=True):
            assert [dataclasses.astuple(t) for t in ra.ties] == [
                dataclasses.astuple(t) for t in rb.ties
            ]
    assert catalog.clubs == {c.key: c for c in registry.clubs}
    assert all(
        catalog.club_for(text) == catalog.clubs[key] for text, key in registry.club_of.items()
    )
    assert len(catalog.entries) == sum(len(s.ties) for s in seasons)


async def test_meta_and_diagnostics(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    write_database(db_path, seasons, registry, meta={"fingerprint": "abc", "ties": "0"})
    meta = read_meta_sync(db_path)
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["fingerprint"] == "abc"
    assert meta["ties"] == "8" and meta["seasons"] == "2"  # the store's own counts win
    assert meta["built_at"].endswith("+00:00")
    with sqlite3.connect(db_path) as conn:
        diags = conn.execute(
            "SELECT origin, file, line, severity, message FROM diagnostics ORDER BY id"
        ).fetchall()
    assert [d[0] for d in diags] == ["parser", "parser", "registry"]
    assert diags[-1] == ("registry", "clubs.toml", 3, "warning", "unused curated club")


def test_rows_name_every_column_of_the_schema(tmp_path: Path) -> None:
    """rows.py fills each table by column name; the names must be exactly the schema's."""
    with sqlite3.connect(tmp_path / "schema.sqlite3") as conn:
        conn.executescript(schema_sql())
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == set(COLUMNS)
        for table, columns in COLUMNS.items():
            declared = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            auto_id = ["id"] if table == "diagnostics" else []  # its id is assigned by SQLite
            assert sorted(declared) == sorted([*auto_id, *columns]), table


@pytest.mark.parametrize(
    ("column", "enum"),
    [("decided_by", DecidedBy), ("status", LegStatus), ("stage", Stage), ("severity", Severity)],
)
def test_schema_checks_every_enum_value(column: str, enum: type[StrEnum]) -> None:
    """A CHECK list that misses a model value would make every build with it fail."""
    match = re.search(rf"\b{column}\b[^,]*?CHECK \({column} IN \(([^)]*)\)\)", schema_sql())
    assert match, column
    allowed = set(re.findall(r"'([a-z_]+)'", match[1]))
    assert allowed == {e.value for e in enum}


async def test_schema_constraints_hold(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    write_database(db_path, seasons, registry)
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE ties SET decided_by = 'coin toss' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE legs SET status = 'postponed' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE ties SET club1 = 'nobody' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE ties SET aggregate2 = NULL WHERE id = 1")
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ties_by_club1", "ties_by_club2", "spellings_by_folded"} <= indexes


async def test_spelling_without_club_is_refused(db_path: Path, seasons: tuple[Season, ...]) -> None:
    partial = registry_for(seasons[:1])
    expected = r"cup-2023-24\.txt:9: no club in the registry for team 'Al-Ahly'"
    with pytest.raises(StorageError, match=expected):
        write_database(db_path, seasons, partial)
    assert not db_path.exists()


async def test_duplicate_season_is_refused(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    with pytest.raises(StorageError, match="given twice"):
        write_database(db_path, (*seasons, seasons[0]), registry)
    assert not db_path.exists()


def test_a_row_with_a_missing_or_an_extra_column_is_refused() -> None:
    rows = Rows()
    with pytest.raises(StorageError, match=r"wrong columns \['name'\]"):
        rows.add("competitions", id=1)
    with pytest.raises(StorageError, match=r"wrong columns \['extra'\]"):
        rows.add("competitions", id=1, name="CAF Cup", extra=2)
    rows.add("competitions", id=1, name="CAF Cup")
    assert rows.tables["competitions"] == [(1, "CAF Cup")]
