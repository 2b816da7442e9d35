"""Write seasons and the club registry to a fresh SQLite file, atomically.

The database is rebuilt whole (it is derived data): a new file is filled in
one transaction next to the target, checked, synced, then renamed over the
old one.  Readers either see the complete old database or the complete new
one, and any failure leaves the previous file as it was.  Writers take turns
on a lock (``flock`` on the database's directory), which also tells a temp file
left by a killed build (no one holds the lock) from one still being written.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any

from bot.domain.bulk import collector_paused
from bot.domain.models import Diagnostic, Season
from bot.storage.columns import COLUMNS, SCHEMA_VERSION, insert_sql
from bot.storage.errors import StorageError
from bot.storage.rows import RegistryLike, Rows, Sink, to_rows

__all__ = [
    "SCHEMA_VERSION",
    "RegistryLike",
    "build_lock",
    "check_writable",
    "schema_sql",
    "write_database",
]


def schema_sql() -> str:
    """The schema text shipped with the package."""
    return resources.files("bot.storage").joinpath("schema.sql").read_text(encoding="utf-8")


_INDEX = re.compile(r"^CREATE INDEX [^;]*;\n?", re.M)


Produce = Callable[[Sink], object]
"""Makes every row and hands them to the sink a batch at a time (``to_rows`` with a sink)."""


def _fill(conn: sqlite3.Connection, produce: Produce) -> None:
    """Create the tables, insert every row as it is made, then build the secondary indexes,
    in one transaction (an index built once over sorted data beats one updated per row).

    CHECK constraints are verified once, by ``quick_check`` in ``_check`` before the file
    is published, rather than on every insert as well: a third of the insert time at 45 MB.
    """
    schema = schema_sql()
    conn.executescript(_INDEX.sub("", schema))

    def insert(table: str, rows: list[tuple[Any, ...]]) -> None:
        _insert(conn, table, rows)

    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        with conn:  # one transaction: commit on success, rollback on error
            produce(insert)
            for index in _INDEX.findall(schema):
                conn.execute(index)
    finally:
        conn.execute("PRAGMA ignore_check_constraints = OFF")  # quick_check skips them if ON


def _insert(conn: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
    """One batch of one table's rows.  A column NULL in every row of the batch is left out
    of the INSERT (so it is NULL): sqlite3 binds None several times slower than a number or
    a text (an adapter lookup per value), and a leg of a tie has five such columns."""
    columns = COLUMNS[table]
    size = len(rows)
    empty = {
        i for i, value in enumerate(rows[0])
        if value is None and list(map(itemgetter(i), rows)).count(None) == size
    }  # fmt: skip
    if not empty:
        conn.executemany(insert_sql(table), rows)
        return
    kept = [i for i in range(len(columns)) if i not in empty]
    values = map(itemgetter(*kept), rows) if len(kept) > 1 else ((row[kept[0]],) for row in rows)
    conn.executemany(insert_sql(table, [columns[i] for i in kept]), values)


def _check(conn: sqlite3.Connection) -> None:
    """Refuse to publish a file SQLite itself does not vouch for.

    ``quick_check`` verifies every page and record of the file just written (what a
    crash or a full disk would break) in a third of ``integrity_check``'s time at 45 MB.
    """
    result = [r[0] for r in conn.execute("PRAGMA quick_check")]
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


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_writable(db_path: Path) -> None:
    """Create the database's directory if needed and prove a build can write there.

    Raises a one-line StorageError naming the path and the reason (permission
    denied, a parent that is a file, ...), so a build fails before parsing.
    """
    directory = Path(db_path).parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StorageError(
            f"cannot create the database directory {directory}: a file has that name"
        ) from None
    except OSError as exc:
        raise StorageError(
            f"cannot create the database directory {directory}: {_os_reason(exc)}"
        ) from None
    if Path(db_path).is_dir():
        raise StorageError(f"cannot write the database {db_path}: it is a directory")
    try:  # a probe in the temp files' own pattern: a killed probe is swept like them
        fd, name = tempfile.mkstemp(prefix=_temp_prefix(db_path), suffix=".tmp", dir=directory)
    except OSError as exc:
        raise StorageError(
            f"cannot write the database {db_path}: {_os_reason(exc)} in {directory}"
        ) from None
    os.close(fd)
    _remove([Path(name)])


def _temp_prefix(db_path: Path) -> str:
    return f".{db_path.name}."


@contextlib.contextmanager
def build_lock(db_path: Path) -> Iterator[None]:
    """Hold the lock of the database's directory (``flock`` on it) for one build's write.

    The lock dies with its process, so a killed build never leaves it held: any
    temp file found while holding it belongs to no running build and can go.
    Locking the directory, not a file in it, adds no file beside the database.
    """
    directory = Path(db_path).parent
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise StorageError(
            f"cannot write the database {db_path}: {_os_reason(exc)} in {directory}"
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a second build waits here, then writes in turn
        yield
    finally:
        os.close(fd)  # releases the lock


def _sweep_leftovers(db_path: Path) -> None:
    """Remove temp files of killed builds; call only while holding :func:`build_lock`."""
    for p in db_path.parent.glob(f"{glob.escape(_temp_prefix(db_path))}*.tmp*"):
        with contextlib.suppress(OSError):
            p.unlink()


def write_database(
    db_path: Path,
    seasons: Sequence[Season],
    registry: RegistryLike,
    *,
    meta: Mapping[str, str] | None = None,
    extra_diagnostics: Sequence[Diagnostic] = (),
    merge_diagnostics: Sequence[Diagnostic] = (),
) -> None:
    """Replace ``db_path`` with a database holding ``seasons`` and ``registry``, atomically.

    ``extra_diagnostics`` are loader findings (skipped files) kept with the data, and
    ``merge_diagnostics`` what merging the sources found;
    ``meta`` entries (e.g. the inputs' fingerprint) are stored in the meta table.
    """
    db_path = Path(db_path)
    check_writable(db_path)

    def produce(sink: Sink) -> Rows:
        return to_rows(seasons, registry, meta or {}, extra_diagnostics, merge_diagnostics, sink)

    with build_lock(db_path), collector_paused():
        _sweep_leftovers(db_path)
        _publish(db_path, produce)


def _publish(db_path: Path, produce: Produce) -> None:
    """Fill a temp file beside ``db_path`` with the rows ``produce`` makes, check it, then
    rename it over ``db_path``."""
    try:
        fd, name = tempfile.mkstemp(prefix=_temp_prefix(db_path), suffix=".tmp", dir=db_path.parent)
        os.close(fd)
    except OSError as exc:
        raise StorageError(f"cannot write the database {db_path}: {_os_reason(exc)}") from None
    tmp = Path(name)
    sidecars = [tmp, tmp.with_name(tmp.name + "-journal")]
    try:
        conn = sqlite3.connect(tmp)
        try:
            # foreign keys are verified once, after the inserts (_check), not per row
            conn.execute("PRAGMA journal_mode = MEMORY")  # the temp file is discarded on failure
            conn.execute("PRAGMA synchronous = OFF")  # durability comes from the fsync below
            _fill(conn, produce)
            _check(conn)
        finally:
            conn.close()
        _fsync(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, db_path)
        _fsync(db_path.parent)
    except sqlite3.Error as exc:
        _remove(sidecars)
        raise StorageError(f"cannot write the database {db_path}: {exc}") from exc
    except OSError as exc:
        _remove(sidecars)
        raise StorageError(f"cannot write the database {db_path}: {_os_reason(exc)}") from exc
    except BaseException:
        _remove(sidecars)
        raise
