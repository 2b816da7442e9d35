"""Write seasons and the club registry to a fresh SQLite file, atomically.

The database is rebuilt whole (it is derived data): a new file is filled in
one transaction next to the target, checked, synced, then renamed over the
old one.  Readers either see the complete old database or the complete new
one, and any failure leaves the previous file as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

from bot.domain.models import Diagnostic, Season
from bot.storage.errors import StorageError
from bot.storage.rows import COLUMNS, SCHEMA_VERSION, RegistryLike, Rows, insert_sql, to_rows

__all__ = ["SCHEMA_VERSION", "RegistryLike", "schema_sql", "write_database", "write_database_sync"]


def schema_sql() -> str:
    """The schema text shipped with the package."""
    return resources.files("bot.storage").joinpath("schema.sql").read_text(encoding="utf-8")


def _fill(conn: sqlite3.Connection, rows: Rows) -> None:
    """Create the schema and insert every row in one transaction."""
    conn.executescript(schema_sql())
    with conn:  # one transaction: commit on success, rollback on error
        for table in COLUMNS:
            conn.executemany(insert_sql(table), rows.tables[table])


def _check(conn: sqlite3.Connection) -> None:
    """Refuse to publish a file SQLite itself does not vouch for."""
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise StorageError(f"integrity check failed: {'; '.join(map(str, result[:3]))}")
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StorageError(f"foreign key check failed: {broken[0]!r}")


def _fsync(path: Path) -> None:
    """Flush a file (or directory) so the rename never publishes a half-written file."""
    flags = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # some platforms cannot open directories; durability is best effort there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(paths: Iterable[Path]) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


STALE_TEMP_SECONDS = 3600
"""A temp file this old is a leftover of a killed build (a live build takes seconds)."""


def _sweep_leftovers(db_path: Path) -> None:
    """Remove temp files a killed build (SIGKILL, power loss) could not clean up itself."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for p in db_path.parent.glob(f".{glob.escape(db_path.name)}.*.tmp*"):
        with contextlib.suppress(OSError):
            if p.stat().st_mtime < cutoff:
                p.unlink()


def write_database_sync(
    db_path: Path,
    seasons: Sequence[Season],
    registry: RegistryLike,
    *,
    meta: Mapping[str, str] | None = None,
    extra_diagnostics: Sequence[Diagnostic] = (),
) -> None:
    """Blocking core of :func:`write_database` (for scripts and ``asyncio.to_thread``).

    ``extra_diagnostics`` are loader findings (skipped files) kept with the data;
    ``meta`` entries (e.g. the inputs' fingerprint) are stored in the meta table.
    """
    db_path = Path(db_path)
    rows = to_rows(seasons, registry, meta or {}, extra_diagnostics)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _sweep_leftovers(db_path)
        fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
        os.close(fd)
    except OSError as exc:
        raise StorageError(f"cannot create a database in {db_path.parent}: {exc}") from exc
    tmp = Path(name)
    sidecars = [tmp, tmp.with_name(tmp.name + "-journal")]
    try:
        conn = sqlite3.connect(tmp)
        try:
            # foreign keys are verified once, after the inserts (_check), not per row
            conn.execute("PRAGMA journal_mode = MEMORY")  # the temp file is discarded on failure
            conn.execute("PRAGMA synchronous = OFF")  # durability comes from the fsync below
            _fill(conn, rows)
            _check(conn)
        finally:
            conn.close()
        _fsync(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, db_path)
        _fsync(db_path.parent)
    except sqlite3.Error as exc:
        _remove(sidecars)
        raise StorageError(f"cannot write database {db_path}: {exc}") from exc
    except OSError as exc:
        _remove(sidecars)
        raise StorageError(f"cannot write database {db_path}: {exc}") from exc
    except BaseException:
        _remove(sidecars)
        raise


async def write_database(
    db_path: Path,
    seasons: Sequence[Season],
    registry: RegistryLike,
    *,
    meta: Mapping[str, str] | None = None,
    extra_diagnostics: Sequence[Diagnostic] = (),
) -> None:
    """Replace ``db_path`` with a database holding ``seasons`` and ``registry`` (atomic)."""
    await asyncio.to_thread(
        write_database_sync,
        db_path,
        seasons,
        registry,
        meta=meta,
        extra_diagnostics=extra_diagnostics,
    )
