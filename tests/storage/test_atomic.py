"""A failed build never damages the previous database and leaves no temp file behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import bot.storage.rows as rows_mod
import bot.storage.write as write_mod
from bot.domain.models import Season
from bot.storage import StorageError, read_catalog, read_meta_sync, write_database
from tests.storage.conftest import FakeRegistry


def _leftovers(db_path: Path) -> list[str]:
    return sorted(p.name for p in db_path.parent.iterdir() if p.name != db_path.name)


async def _old_db(db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry) -> bytes:
    await write_database(db_path, seasons[:1], registry, meta={"fingerprint": "old"})
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
        await write_database(db_path, seasons, registry, meta={"fingerprint": "new"})
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

    def broken(table: str) -> str:
        return real(table).replace("INSERT INTO legs", "INSERT INTO no_such_table")

    monkeypatch.setattr(write_mod, "insert_sql", broken)
    with pytest.raises(StorageError, match="no such table"):
        await write_database(db_path, seasons, registry)
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
        await write_database(db_path, seasons, registry)
    assert db_path.read_bytes() == old
    assert _leftovers(db_path) == []


async def test_success_replaces_and_cleans(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    await _old_db(db_path, seasons, registry)
    await write_database(db_path, seasons, registry, meta={"fingerprint": "new"})
    assert read_meta_sync(db_path)["fingerprint"] == "new"
    assert len((await read_catalog(db_path)).seasons) == 2
    assert _leftovers(db_path) == []
    assert db_path.stat().st_mode & 0o777 == 0o644


async def test_unwritable_directory_is_a_storage_error(
    tmp_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="cannot create a database"):
        await write_database(blocker / "tiebot.sqlite3", seasons, registry)


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
        await write_database(db_path, seasons, registry)
    assert not db_path.exists()
    assert _leftovers(db_path) == []


async def test_leftovers_of_a_killed_build_are_swept(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    db_path.parent.mkdir(parents=True)
    old = db_path.parent / f".{db_path.name}.abc123.tmp"
    old_journal = db_path.parent / f".{db_path.name}.abc123.tmp-journal"
    live = db_path.parent / f".{db_path.name}.def456.tmp"  # another build, still running
    unrelated = db_path.parent / "notes.tmp"
    for p in (old, old_journal, live, unrelated):
        p.write_bytes(b"x")
    long_ago = time.time() - write_mod.STALE_TEMP_SECONDS - 60
    for p in (old, old_journal, unrelated):
        os.utime(p, (long_ago, long_ago))
    await write_database(db_path, seasons, registry)
    assert _leftovers(db_path) == sorted([live.name, unrelated.name])
