"""Read the whole database into a Catalog, read-only, with one query per table.

One query per table (ordered by parent and position) and grouping in
Python (``assemble.py``) keeps start-up well under a second at 100x the
current data, where a query per tie would not.  Every failure becomes a
one-line StorageError.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, closing, contextmanager
from pathlib import Path

import aiosqlite

from bot.domain.catalog import Catalog
from bot.storage.assemble import QUERIES, clubs_from, seasons_from
from bot.storage.errors import StorageError
from bot.storage.rows import SCHEMA_VERSION


def _uri(db_path: Path) -> str:
    return Path(db_path).resolve().as_uri() + "?mode=ro"


def _fail(db_path: Path, reason: object) -> StorageError:
    text = " ".join(str(reason).split()) or "unknown error"
    return StorageError(f"cannot read database {db_path}: {text}")


def _check_exists(db_path: Path) -> None:
    if not Path(db_path).is_file():
        raise StorageError(f"database {db_path} does not exist: build it first")


def _check_meta(db_path: Path, meta: dict[str, str]) -> None:
    version = meta.get("schema_version")
    if version is None:
        raise _fail(db_path, "not a tiebot database (no schema version)")
    if version != str(SCHEMA_VERSION):
        raise _fail(
            db_path, f"schema version {version}, this bot needs {SCHEMA_VERSION}: rebuild it"
        )


async def _meta(conn: aiosqlite.Connection, db_path: Path) -> dict[str, str]:
    try:
        rows = await conn.execute_fetchall("SELECT key, value FROM meta")
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise _fail(db_path, "not a tiebot database (no meta table)") from exc
        raise
    return {str(k): str(v) for k, v in rows}


@asynccontextmanager
async def connect_readonly(db_path: Path) -> AsyncIterator[aiosqlite.Connection]:
    """A read-only connection to a checked tiebot database (writes through it fail)."""
    _check_exists(db_path)
    try:
        conn = await aiosqlite.connect(_uri(db_path), uri=True)
    except sqlite3.Error as exc:
        raise _fail(db_path, exc) from exc
    try:
        try:
            _check_meta(db_path, await _meta(conn, db_path))
        except sqlite3.Error as exc:
            raise _fail(db_path, exc) from exc
        yield conn
    finally:
        await conn.close()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while building ~10^5 acyclic objects: it halves load time,
    since each collection would otherwise re-walk everything built so far."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


async def read_catalog(db_path: Path) -> Catalog:
    """Load every season, club and spelling into memory; raise StorageError on any problem."""
    with _gc_paused():
        async with connect_readonly(db_path) as conn:
            conn.row_factory = sqlite3.Row  # columns are read by name (assemble.py)
            try:
                data = {name: list(await conn.execute_fetchall(q)) for name, q in QUERIES.items()}
            except sqlite3.Error as exc:
                raise _fail(db_path, exc) from exc
        try:
            seasons = seasons_from(data)
            clubs, spellings = clubs_from(data)
            return Catalog(seasons, clubs, {}, spellings)
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            raise _fail(db_path, f"inconsistent data ({type(exc).__name__}: {exc})") from exc


def read_meta_sync(db_path: Path) -> dict[str, str]:
    """Blocking meta read for cheap checks (staleness) outside an event loop."""
    _check_exists(db_path)
    try:
        with closing(sqlite3.connect(_uri(db_path), uri=True)) as conn:
            try:
                rows = conn.execute("SELECT key, value FROM meta").fetchall()
            except sqlite3.OperationalError as exc:
                if "no such table" in str(exc):
                    raise _fail(db_path, "not a tiebot database (no meta table)") from exc
                raise
    except sqlite3.Error as exc:
        raise _fail(db_path, exc) from exc
    meta = {str(k): str(v) for k, v in rows}
    _check_meta(db_path, meta)
    return meta
