"""A failed build never damages the previous database and leaves no temp file behind."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import bot.storage.columns as columns_mod
import bot.storage.rows as rows_mod
import bot.storage.write as write_mod
from bot.domain.models import Season
from bot.storage.errors import StorageError
from bot.storage.read import read_catalog, read_meta_sync
from bot.storage.write import write_database
from tests.storage.conftest import FakeRegistry


def _leftovers(db_path: Path) -> list[str]:
    """Files beside the database other than itself."""
    return sorted(p.name for p in db_path.parent.iterdir() if p.name != db_path.name)


async def _old_db(db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry) -> bytes:
    write_database(db_path, seasons[:1], registry, meta={"fingerprint": "old"})
    return db_path.read_bytes()


@pytest.mark.parametrize("stage", ["_fill", "_check"])
async def test_failure_mid_build_keeps_old_db(
    db_path: Path,
    seasons: tuple[Season, ...],
    registry: FakeRegistry,
    monkeypatch: pytest.MonkeyPatch,
    stage: str,
) -> None:
    old = await _old_db(db_path, seasons, registry)

    def boom(*args: object) -> None:
        raise RuntimeError(f"simulated crash in {stage}")

    monkeypatch.setattr(write_mod, stage, boom)
    with pytest.raises(RuntimeError, match="simulated crash"):
        write_database(db_path, seasons, registry, meta={"fingerprint": "new"})
    assert db_path.read_bytes() == old
    assert _leftovers(db_path) == []
    assert read_meta_sync(db_path)["fingerprint"] == "old"
    assert len((await read_catalog(db_path)).seasons) == 1


async def test_failure_inside_the_transaction(
    db_path: Path,
    seasons: tuple[Season, ...],
    registry: FakeRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An insert failing half-way (after other tables were filled) is a StorageError."""
    old = await _old_db(db_path, seasons, registry)
    real = write_mod.insert_sql

    def broken(table: str, *columns: list[str]) -> str:
        return real(table, *columns).replace("INSERT INTO legs", "INSERT INTO no_such_table")

    monkeypatch.setattr(write_mod, "insert_sql", broken)
    with pytest.raises(StorageError, match="no such table"):
        write_database(db_path, seasons, registry)
    assert db_path.read_bytes() == old
    assert _leftovers(db_path) == []


async def test_rename_failure(
    db_path: Path,
    seasons: tuple[Season, ...],
    registry: FakeRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = await _old_db(db_path, seasons, registry)

    def no_replace(src: object, dst: object) -> None:
        raise PermissionError("simulated: read-only directory")

    monkeypatch.setattr(os, "replace", no_replace)
    with pytest.raises(StorageError, match="simulated: read-only directory"):
        write_database(db_path, seasons, registry)
    assert db_path.read_bytes() == old
    assert _leftovers(db_path) == []


async def test_success_replaces_and_cleans(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    await _old_db(db_path, seasons, registry)
    write_database(db_path, seasons, registry, meta={"fingerprint": "new"})
    assert read_meta_sync(db_path)["fingerprint"] == "new"
    assert len((await read_catalog(db_path)).seasons) == 2
    assert _leftovers(db_path) == []
    assert db_path.stat().st_mode & 0o777 == 0o644


async def test_unwritable_directory_is_a_storage_error(
    tmp_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(
        StorageError, match=r"cannot create the database directory .*: a file has that name$"
    ):
        write_database(blocker / "tiebot.sqlite3", seasons, registry)


async def test_foreign_key_violation_is_caught_before_publishing(
    db_path: Path,
    seasons: tuple[Season, ...],
    registry: FakeRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = rows_mod.club_rows

    def drop_first_club(rows: rows_mod.Rows, reg: rows_mod.RegistryLike) -> dict[str, str]:
        folded = original(rows, reg)
        del rows.tables["clubs"][0]
        return folded

    monkeypatch.setattr(rows_mod, "club_rows", drop_first_club)
    with pytest.raises(StorageError, match="foreign key check failed"):
        write_database(db_path, seasons, registry)
    assert not db_path.exists()
    assert _leftovers(db_path) == []


def _with_negative_goals(season: Season) -> Season:
    first = season.rounds[0]
    tie = next(t for t in first.ties if t.legs)
    leg = dataclasses.replace(tie.legs[0], home_goals=-1)
    bad = dataclasses.replace(tie, legs=(leg, *tie.legs[1:]))
    ties = tuple(bad if t is tie else t for t in first.ties)
    return dataclasses.replace(season, rounds=(dataclasses.replace(first, ties=ties),))


async def test_a_row_breaking_a_check_constraint_is_never_published(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    """CHECK constraints are verified by quick_check after the inserts, not per insert:
    a row breaking one still stops the build, and the old database stays."""
    old = await _old_db(db_path, seasons, registry)
    broken = (_with_negative_goals(seasons[0]), *seasons[1:])
    with pytest.raises(StorageError, match="integrity check failed: CHECK constraint failed"):
        write_database(db_path, broken, registry)
    assert db_path.read_bytes() == old
    assert _leftovers(db_path) == []


def test_rows_reach_the_database_in_batches(
    db_path: Path,
    seasons: tuple[Season, ...],
    registry: FakeRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With tiny batches every row still arrives once, in order: the same database."""
    write_database(db_path, seasons, registry, meta={"built_at": "fixed"})
    whole = _dump(db_path)
    monkeypatch.setattr(columns_mod, "BATCH", 2)
    write_database(db_path, seasons, registry, meta={"built_at": "fixed"})
    assert _dump(db_path) == whole


def _dump(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            (table, *row)
            for table in sorted(tables)
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
            if not (table == "meta" and row[0] == "built_at")
        ]


KILLED_BUILD = """
import os, signal, sys, time
from pathlib import Path
import bot.storage.write as write_mod
from tests.storage.conftest import registry_for, sample_seasons

def stall(conn):
    print("inside", flush=True)
    time.sleep(600)

write_mod._check = stall
seasons = sample_seasons()
write_mod.write_database(Path(sys.argv[1]), seasons, registry_for(seasons))
"""


def test_temp_files_of_a_killed_build_are_removed_by_the_next_build(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    """A build killed mid-write (SIGKILL) leaves its temp file; the next one removes it at
    once, however young it is: nobody holds the lock, so no build is writing it."""
    write_mod.write_database(db_path, seasons[:1], registry, meta={"fingerprint": "old"})
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(db_path)],
        stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline() == b"inside\n"
        left = _leftovers(db_path)
        assert left and all(name.endswith((".tmp", ".tmp-journal")) for name in left)
    finally:
        child.kill()
        child.wait()
    assert _leftovers(db_path) == left  # SIGKILL: nothing could clean up
    assert read_meta_sync(db_path)["fingerprint"] == "old"
    write_mod.write_database(db_path, seasons, registry, meta={"fingerprint": "new"})
    assert _leftovers(db_path) == []
    assert read_meta_sync(db_path)["fingerprint"] == "new"


def test_a_running_build_keeps_its_temp_file_and_the_next_waits(
    db_path: Path,
    seasons: tuple[Season, ...],
    registry: FakeRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two builds at once: the second waits for the lock instead of sweeping the first's
    temp file, then writes in turn; the database is valid and the last one wins."""
    inside, release = threading.Event(), threading.Event()
    real_check = write_mod._check

    def slow_check(conn: sqlite3.Connection) -> None:
        if not inside.is_set():  # only the first build stalls
            inside.set()
            assert release.wait(30)
        real_check(conn)

    monkeypatch.setattr(write_mod, "_check", slow_check)
    first = threading.Thread(
        target=write_mod.write_database,
        args=(db_path, seasons[:1], registry),
        kwargs={"meta": {"fingerprint": "first"}},
    )
    first.start()
    assert inside.wait(30)
    temp = _leftovers(db_path)
    assert len(temp) == 1
    second = threading.Thread(
        target=write_mod.write_database,
        args=(db_path, seasons, registry),
        kwargs={"meta": {"fingerprint": "second"}},
    )
    second.start()
    time.sleep(0.5)
    assert second.is_alive() and _leftovers(db_path) == temp  # waiting, nothing swept
    release.set()
    first.join(30)
    second.join(30)
    assert _leftovers(db_path) == []
    assert read_meta_sync(db_path)["fingerprint"] == "second"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
