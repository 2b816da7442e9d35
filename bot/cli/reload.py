"""Hot reload: new season documents are served without a restart, on either transport.

When a ``*.txt`` document under the data folder or the clubs file is added,
changed or removed (watched with ``watchfiles``), or on SIGHUP, the database
is rebuilt atomically in a worker thread (``build_database``: a new file
renamed over the old one) and read into a new catalog and Speaker, also in
the thread.  Only then, between two interactions, ``LiveSpeaker`` starts
answering from the new one: an interaction is answered wholly from the old
catalog or wholly from the new one, never from a half-loaded one.  A failed
rebuild logs why and keeps serving what was loaded.

Several processes (HTTP workers, gateway shards) may share one database:
each rebuilds only when the documents are newer than the database (builds take
turns on a lock), and re-reads the database whenever the file on disk is
not the one it loaded, so they all end up on the same data.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from bot.answering.facts import Facts
from bot.answering.table import Kind
from bot.cli.reports import log_report
from bot.cli.startup import engine_for, load_engine, prepare_database, stop_on_sigterm
from bot.config import Settings
from bot.pipeline.build import build_database
from bot.pipeline.fingerprint import database_is_stale
from bot.storage.read import read_catalog
from bot.wording.answer import Answer
from bot.wording.speaker import Speaker

log = logging.getLogger("tiebot")
T = TypeVar("T")
STEP_MS = 200  # a change is acted on once the folder has been quiet this long
DEBOUNCE_MS = 2000  # ... or after this long, when changes keep coming


def db_identity(path: Path) -> tuple[int, int, int] | None:
    """What tells one database file from its replacement: inode, size, modification time."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class LiveSpeaker:
    """The Speaker the adapters call; ``swap`` puts a new one in place between interactions.

    Each call reads ``current`` once, so one answer comes from one catalog.
    """

    def __init__(self, speaker: Speaker, loaded: tuple[int, int, int] | None = None) -> None:
        self.current = speaker
        self.loaded = loaded
        self.generation = 1
        self.reloaded_at: float | None = None

    def swap(self, speaker: Speaker, loaded: tuple[int, int, int] | None) -> None:
        self.current, self.loaded = speaker, loaded
        self.generation += 1
        self.reloaded_at = time.time()

    def answer(
        self, command: str, *args: str | None, lang: str | None = None, **options: str | None
    ) -> Answer:
        return self.current.answer(command, *args, lang=lang, **options)

    def facts(self, command: str, **options: str | None) -> Facts:
        return self.current.facts(command, **options)

    def word(self, facts: Facts, lang: str | None = None) -> Answer:
        return self.current.word(facts, lang)

    def ask(self, line: str, lang: str | None = None) -> Answer:
        return self.current.ask(line, lang)

    def suggest(
        self,
        kind: Kind,
        text: str,
        *,
        club: str | None = None,
        season: str | None = None,
        limit: int = 25,
    ) -> list[str]:
        return self.current.suggest(kind, text, club=club, season=season, limit=limit)

    def describe(self) -> dict[str, Any]:
        """What is being served, for ``/health`` and the logs."""
        catalog = self.current.catalog
        return {"generation": self.generation, "seasons": len(catalog.seasons),
                "ties": len(catalog.entries), "reloaded_at": self.reloaded_at}  # fmt: skip


def load_live(settings: Settings) -> LiveSpeaker:
    """Start-up for a long-running transport: the database ready, read, and known by identity
    (when it was replaced while being read, the first reload reads it again)."""
    with stop_on_sigterm():
        prepare_database(settings)
    before = db_identity(settings.db_path)
    speaker = load_engine(settings, pictures=True)  # staleness checked again: reads no document
    after = db_identity(settings.db_path)
    return LiveSpeaker(speaker, before if before == after else None)


@dataclass
class Outcome:
    """What one reload did: swapped (True), nothing to do (False), failed (the reason)."""

    swapped: bool
    failure: str | None = None


class Reloader:
    """Rebuilds and swaps on demand; ``run`` watches the data folder and SIGHUP."""

    def __init__(self, settings: Settings, live: LiveSpeaker) -> None:
        self.settings = settings
        self.live = live
        self.wanted = asyncio.Event()
        self.reloads = 0
        self.failures = 0

    def request(self) -> None:
        """Ask for a reload (from a signal handler, a watcher, a test)."""
        self.wanted.set()

    def _build(self) -> tuple[Speaker, tuple[int, int, int] | None] | None:
        """In a worker thread: rebuild when stale, read when the file is not the loaded one."""
        s = self.settings
        if database_is_stale(s.db_path, s.data_dir, s.clubs_file, s.max_document_bytes):
            log.info("reload: the documents changed; rebuilding %s", s.db_path.name)
            log_report(build_database(s.data_dir, s.db_path, s.clubs_file, s.max_document_bytes),
                       log)  # fmt: skip
        identity = db_identity(s.db_path)
        if identity is not None and identity == self.live.loaded:
            return None
        catalog = asyncio.run(read_catalog(s.db_path))
        return engine_for(catalog, pictures=True), identity

    async def reload(self) -> Outcome:
        """One reload: build and read off the event loop, then swap."""
        started = time.perf_counter()
        try:
            built = await asyncio.to_thread(self._build)
        except Exception as exc:
            self.failures += 1
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.error("reload failed (%s); still serving the previous data (%d seasons)",
                      reason, len(self.live.current.catalog.seasons))  # fmt: skip
            log.debug("the reload failed with", exc_info=True)
            return Outcome(False, reason)
        if built is None:
            log.debug("reload: nothing changed")
            return Outcome(False)
        speaker, identity = built
        self.live.swap(speaker, identity)
        self.reloads += 1
        _refreeze()
        catalog = speaker.catalog
        log.info("reloaded in %.2f s: %d seasons, %d clubs, %d ties (generation %d)",
                 time.perf_counter() - started, len(catalog.seasons), len(catalog.clubs),
                 len(catalog.entries), self.live.generation)  # fmt: skip
        return Outcome(True)

    async def run(self, stop: asyncio.Event) -> None:
        """Reload whenever asked, until ``stop``; watch the files unless TIEBOT_RELOAD says not."""
        remove = _on_sighup(self.request)
        if self.live.loaded is None:
            self.request()
        watcher = None
        if self.settings.reload == "watch":
            watcher = asyncio.create_task(self._watch(stop), name="reload-watch")
        try:
            while not stop.is_set():
                await _first(self.wanted.wait(), stop.wait())
                if stop.is_set():
                    break
                self.wanted.clear()
                await self.reload()
        finally:
            remove()
            if watcher is not None:
                watcher.cancel()
                await asyncio.gather(watcher, return_exceptions=True)

    async def _watch(self, stop: asyncio.Event) -> None:
        from watchfiles import awatch

        logging.getLogger("watchfiles").setLevel(logging.WARNING)  # ours say what was done

        s = self.settings
        data, clubs = s.data_dir.resolve(), s.clubs_file.resolve()

        def relevant(change: Any, path: str) -> bool:
            p = Path(path)
            return p == clubs or (p.suffix == ".txt" and data in p.parents)

        folders = [p for p in {data, clubs.parent} if p.is_dir()]
        roots = [str(p) for p in folders if not any(o in p.parents for o in folders)]
        log.info("watching %s for new or changed documents", ", ".join(roots))
        try:
            async for _ in awatch(*roots, watch_filter=relevant, stop_event=stop,
                                  step=STEP_MS, debounce=DEBOUNCE_MS):  # fmt: skip
                self.request()
        except Exception as exc:  # e.g. the folder vanished, or no inotify: SIGHUP still works
            log.warning("stopped watching the data folder (%s); send SIGHUP to reload", exc)


def _refreeze() -> None:
    """Start-up froze the first catalog out of the collector's view; let the old one go and
    freeze the new one (one full collection, timed in the README)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _on_sighup(callback: Callable[[], None]) -> Callable[[], None]:
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGHUP, callback)
    except (NotImplementedError, RuntimeError, ValueError, AttributeError):  # not main thread
        return lambda: None

    def remove() -> None:
        loop.remove_signal_handler(signal.SIGHUP)

    return remove


async def _first(*waits: Awaitable[Any]) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()


async def reloading(settings: Settings, live: LiveSpeaker, main: Callable[[], Awaitable[T]]) -> T:
    """Run ``main`` (a transport) with a Reloader beside it (unless TIEBOT_RELOAD=off)."""
    if settings.reload == "off":
        return await main()
    stop = asyncio.Event()
    reloader = Reloader(settings, live)
    task = asyncio.create_task(reloader.run(stop), name="reloader")
    try:
        return await main()
    finally:
        stop.set()
        await asyncio.gather(task, return_exceptions=True)
        log.debug("reloader stopped after %d reloads (pid %d)", reloader.reloads, os.getpid())
