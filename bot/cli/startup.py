"""Start-up: make sure a usable database exists, then read it into an engine and its Speaker.

The database is derived data, so start-up may always rebuild it: when it is
missing, built from other documents (a host dropped a new season in), or
corrupt.  A failed rebuild keeps the previous database so the bot still
answers; only with no database at all is start-up impossible, and then it
says so once (no traceback, no retry loop).  A host stopping the container
during a long rebuild (SIGTERM) gets a clean stop: the build's temp file is
removed, the previous database is untouched, and the exit code is 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

from bot.cli.errors import StartupError, Stopped
from bot.cli.reports import log_report
from bot.config import Settings
from bot.domain.catalog import Catalog
from bot.pipeline.build import build_database
from bot.pipeline.fingerprint import database_is_stale
from bot.pipeline.report import LoadError, LoadReport
from bot.storage.errors import StorageError
from bot.storage.read import read_catalog

if TYPE_CHECKING:
    from bot.wording.speaker import Speaker

log = logging.getLogger("tiebot")


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into :class:`Stopped` for the duration (main thread only)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Stopped

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def use_fast_event_loop() -> str:
    """Run every later event loop on uvloop where it is installed (Linux, macOS); the name.

    Set once at start by ``run`` and ``serve``: uvloop's loop and transports are written in
    C, which cuts the per-interaction cost of the event loop (benchmarks/RESULTS.md).  Without
    uvloop (not installed, or Windows), asyncio's own loop serves, and nothing else changes.
    """
    if sys.platform == "win32":
        return "asyncio"
    try:
        import uvloop

        policy = uvloop.EventLoopPolicy()  # (uvloop drops its policy on Python 3.16)
    except (ImportError, AttributeError):
        log.info("uvloop is not available: using asyncio's event loop")
        return "asyncio"
    asyncio.set_event_loop_policy(policy)
    return "uvloop"


def _build(settings: Settings) -> LoadReport:
    report = build_database(
        settings.data_dir, settings.db_path, settings.clubs_file, settings.max_document_bytes
    )
    log_report(report, log)
    return report


def _failure(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(exc, (LoadError, StorageError, OSError)):
        text = f"{type(exc).__name__}: {text}"
    return text


def prepare_database(settings: Settings, *, force: bool = False) -> bool:
    """Rebuild the database when missing, stale or ``force``; True when it was rebuilt.

    Raises StartupError only when there is no database to fall back on.
    """
    db = settings.db_path
    exists = db.is_file()
    if exists and not force:
        try:
            if not database_is_stale(
                db, settings.data_dir, settings.clubs_file, settings.max_document_bytes
            ):
                return False
        except (StorageError, OSError) as exc:  # unreadable inputs: try a rebuild anyway
            log.warning("cannot tell whether %s is up to date (%s)", db, exc)
        log.info(
            "%s is out of date (documents changed since it was built) or unreadable: rebuilding",
            db.name,
        )
    elif not exists:
        log.info("no database at %s yet: building it from %s", db, settings.data_dir)
    try:
        _build(settings)
    except Exception as exc:  # a parser bug must not take down a bot that has a database
        log.debug("the build failed", exc_info=True)
        if exists and not force:
            log.error(
                "could not rebuild the database (%s); keeping the previous one", _failure(exc)
            )
            return False
        raise StartupError(f"cannot build the database: {_failure(exc)}") from exc
    return True


def load_catalog(settings: Settings, *, build: bool = True) -> Catalog:
    """The catalog from the database, rebuilding it first if needed (and once more if corrupt).

    Raises Stopped when SIGTERM arrives meanwhile.
    """
    with stop_on_sigterm():
        return _load_catalog(settings, build=build)


def _load_catalog(settings: Settings, *, build: bool) -> Catalog:
    rebuilt = prepare_database(settings) if build else False
    try:
        return _read(settings)
    except StorageError as exc:
        if not build or rebuilt:
            raise StartupError(str(exc)) from exc
        log.warning("database %s cannot be read (%s): rebuilding it", settings.db_path, exc)
    prepare_database(settings, force=True)
    try:
        return _read(settings)
    except StorageError as exc:
        raise StartupError(f"cannot read the rebuilt database {settings.db_path}: {exc}") from exc


def _read(settings: Settings) -> Catalog:
    return asyncio.run(read_catalog(settings.db_path))


def load_engine(settings: Settings, *, build: bool = True, pictures: bool = False) -> Speaker:
    """Database ready, catalog read once, engine built: everything a front end needs."""
    catalog = load_catalog(settings, build=build)
    log.info(
        "catalog: %d seasons, %d clubs, %d ties",
        len(catalog.seasons),
        len(catalog.clubs),
        len(catalog.entries),
    )
    return engine_for(catalog, pictures=pictures)


def engine_for(catalog: Catalog, *, pictures: bool = False) -> Speaker:
    """The engine over a catalog that will live as long as the process.

    The catalog and the engine's indexes never become garbage: moving them out
    of the collector's view spares every later full collection a walk over them
    (124-151 ms pauses at 100x data, measured by benchmarks/bench_engine).
    """
    from bot.answering.engine import Engine
    from bot.pictures.speaker import PictureSpeaker
    from bot.wording.speaker import Speaker

    engine = Engine(catalog)
    # Discord and HTTP show pictures; the console only draws them when asked (ask --out).
    speaker = PictureSpeaker(engine) if pictures else Speaker(engine)
    gc.collect()
    gc.freeze()
    return speaker
