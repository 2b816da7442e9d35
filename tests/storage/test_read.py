"""The reader is read-only and turns every kind of bad file into one clear StorageError."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.domain.models import Season
from bot.storage.errors import StorageError
from bot.storage.read import connect_readonly, read_catalog, read_meta_sync
from bot.storage.write import SCHEMA_VERSION, write_database
from tests.storage.conftest import FakeRegistry


async def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist: build it first"):
        await read_catalog(tmp_path / "nope.sqlite3")


async def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        await read_catalog(tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"\x00\xff garbage " * 300, b"SQLite format 3\x00" + b"\x00" * 50, "été".encode("latin-1")],
    ids=["binary", "fake-header", "latin1"],
)
async def test_corrupt_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StorageError) as info:
        await read_catalog(path)
    message = str(info.value)
    assert message.startswith(f"cannot read database {path}:") and "\n" not in message


async def test_truncated_database(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    write_database(db_path, seasons, registry)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(StorageError, match="cannot read database"):
        await read_catalog(db_path)


async def test_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER)")
    with pytest.raises(StorageError, match="not a tiebot database"):
        await read_catalog(path)
    with pytest.raises(StorageError, match="not a tiebot database"):
        read_meta_sync(path)


async def test_other_schema_version(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    write_database(db_path, seasons, registry)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(
        StorageError, match=f"schema version 999, this bot needs {SCHEMA_VERSION}: rebuild it"
    ):
        await read_catalog(db_path)


async def test_inconsistent_rows(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    """Rows SQLite accepts but the models cannot (a tie whose spelling lost its club)."""
    write_database(db_path, seasons, registry)
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM spellings WHERE spelling = 'Simba'")
    with pytest.raises(StorageError, match="inconsistent data"):
        await read_catalog(db_path)


async def test_reader_cannot_write(
    db_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    write_database(db_path, seasons, registry)
    before = db_path.read_bytes()
    async with connect_readonly(db_path) as conn:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await conn.execute("DELETE FROM ties")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await conn.execute("CREATE TABLE x (y)")
    assert db_path.read_bytes() == before
    assert len((await read_catalog(db_path)).entries) == 8


async def test_path_with_odd_characters(
    tmp_path: Path, seasons: tuple[Season, ...], registry: FakeRegistry
) -> None:
    path = tmp_path / "dir with space#?%" / "ti ebot.sqlite3"
    write_database(path, seasons, registry)
    assert len((await read_catalog(path)).entries) == 8
