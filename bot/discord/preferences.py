"""What fans chose: per-user and per-server language, per-server public or private replies.

The data database is read-only and rebuilt from the documents at will; choices must survive
that, restarts and new images, so they live apart, in ``settings.sqlite3`` under the state
folder (TIEBOT_STATE).  The file is created at the first write.  Each write is one SQLite
transaction (``BEGIN IMMEDIATE``, WAL journal, full sync), so two interactions writing at once,
or two processes sharing the folder, are serialised by SQLite and both land; a crash leaves
the previous state.  Reads and writes use separate connections, so a write waiting for a lock
(in a worker thread) never holds up the reads the event loop makes for every answer.

A file that cannot be used (corrupt, read-only, a folder that cannot be created) never stops
an answer: reads find nothing chosen (answers follow the interaction's language), writes
report failure, and one error line is logged until the file works again.

``choose`` applies the precedence: the user's choice, then the server's, then the language
Discord sends with the interaction (``fr``, ``pt-BR``; Discord has no Arabic), then English.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bot.answering.preferences import LANGUAGES, SOURCE_LANGUAGE

log = logging.getLogger(__name__)

FILE_NAME = "settings.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS user_settings (
    user_id INTEGER PRIMARY KEY,
    language TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS server_settings (
    guild_id INTEGER PRIMARY KEY,
    language TEXT,
    private INTEGER NOT NULL DEFAULT 0
);
"""
_READ = """
SELECT (SELECT language FROM user_settings WHERE user_id = ?),
       (SELECT language FROM server_settings WHERE guild_id = ?),
       (SELECT private FROM server_settings WHERE guild_id = ?)
"""
# Discord's locales that have a catalog (English ones are the source).
DISCORD_LOCALES: dict[str, str] = {"fr": "fr", "pt-BR": "pt", "en-US": "en", "en-GB": "en"}


@dataclass(frozen=True, slots=True)
class Chosen:
    """The stored choices that apply to one interaction (None: nothing chosen)."""

    user_language: str | None = None
    server_language: str | None = None
    private: bool = False


@dataclass(frozen=True, slots=True)
class Choice:
    """The language and visibility of one answer, and where the language came from."""

    language: str
    source: str  # "user", "server", "locale" or "default"
    chosen: Chosen
    in_server: bool

    @property
    def private(self) -> bool:
        return self.in_server and self.chosen.private


class SettingsStore:
    """The settings file: small reads for every answer, rare writes from /settings."""

    def __init__(self, path: Path, timeout: float = 5.0) -> None:
        self.path = path
        self.timeout = timeout
        self._reader: sqlite3.Connection | None = None
        self._writer: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._failing = False
        self._frozen = False  # the reader reads the file as it was (it could not be opened)

    @classmethod
    def in_folder(cls, state_dir: Path) -> SettingsStore:
        return cls(state_dir / FILE_NAME)

    # ---- reads -----------------------------------------------------------------------------

    def chosen(self, user_id: int | None, guild_id: int | None) -> Chosen:
        """The choices stored for this user and server; nothing chosen when none can be read."""
        args = (user_id, guild_id, guild_id)
        with self._read_lock:
            try:
                if self._reader is None:
                    if not self.path.exists():
                        return Chosen()
                    self._reader = self._connect()
                row = self._reader.execute(_READ, args).fetchone()
            except sqlite3.Error as exc:
                self._reader = self._closed(self._reader)
                if "no such table" in str(exc):  # an empty file: nothing written yet
                    return Chosen()
                self._failed("read", exc)
                row = self._read_only(args, exc)
                if row is None:
                    return Chosen()
            else:
                if not self._frozen:  # (the file as it was proves nothing about the file)
                    self._recovered()
        return Chosen(_language(row[0]), _language(row[1]), bool(row[2]))

    def _read_only(self, args: tuple[Any, ...], exc: sqlite3.Error) -> Any:
        """A read-only file (or folder) cannot open its WAL index: read the file as it is,
        so the choices already made still apply (writes keep failing, and say so)."""
        if "readonly" not in str(exc) and "unable to open" not in str(exc):
            return None
        try:
            uri = f"file:{quote(str(self.path))}?immutable=1"
            self._reader = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._frozen = True
            return self._reader.execute(_READ, args).fetchone()
        except sqlite3.Error:
            self._reader, self._frozen = self._closed(self._reader), False
            return None

    # ---- writes (from a worker thread: they may wait for another writer) -------------------

    def set_user_language(self, user_id: int, language: str | None) -> bool:
        """Store (or, with None, forget) a user's language; False when it could not be saved."""
        if language is None:
            return self._write("DELETE FROM user_settings WHERE user_id = ?", (user_id,))
        return self._write(
            "INSERT INTO user_settings (user_id, language) VALUES (?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET language = excluded.language",
            (user_id, _checked(language)),
        )

    def set_server_language(self, guild_id: int, language: str | None) -> bool:
        """Store (or, with None, forget) a server's language."""
        return self._write(
            "INSERT INTO server_settings (guild_id, language) VALUES (?, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET language = excluded.language",
            (guild_id, None if language is None else _checked(language)),
        )

    def set_server_private(self, guild_id: int, private: bool) -> bool:
        """Store whether answers in a server are shown only to the asker."""
        return self._write(
            "INSERT INTO server_settings (guild_id, private) VALUES (?, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET private = excluded.private",
            (guild_id, int(private)),
        )

    def _write(self, sql: str, args: tuple[Any, ...]) -> bool:
        with self._write_lock:
            try:
                if self._writer is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    self._writer = self._prepared(self._connect())
                writer = self._writer
                writer.execute("BEGIN IMMEDIATE")
                try:
                    writer.execute(sql, args)
                    writer.execute("COMMIT")
                except BaseException:
                    writer.execute("ROLLBACK")
                    raise
            except (sqlite3.Error, OSError) as exc:
                self._writer = self._closed(self._writer)
                self._failed("save", exc)
                return False
        with self._read_lock:  # a reader that fell back to the file as it was: read afresh
            if self._frozen:
                self._reader, self._frozen = self._closed(self._reader), False
        self._recovered()
        return True

    # ---- connections and failures ------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
        )
        connection.execute("PRAGMA synchronous = FULL")
        return connection

    def _prepared(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        """WAL mode and the schema, retried while another process sets up the same file.

        Switching the journal mode can fail at once ("database is locked") rather than
        wait for the busy timeout when a second writer opens the new file at the same
        moment; a few short retries within the timeout settle it.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.executescript(SCHEMA)
                return connection
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    connection.close()
                    raise
                time.sleep(0.02)

    @staticmethod
    def _closed(connection: sqlite3.Connection | None) -> None:
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
        return None

    def _failed(self, action: str, exc: BaseException) -> None:
        if self._failing:
            log.debug("settings file %s: cannot %s (%s)", self.path, action, exc)
            return
        self._failing = True
        log.error(
            "settings file %s: cannot %s (%s). Answers use the choices still readable, else "
            "each user's Discord language; /settings cannot save until the file is repaired, "
            "made writable or removed", self.path, action, exc,
        )  # fmt: skip

    def _recovered(self) -> None:
        if self._failing:
            self._failing = False
            log.info("the settings file %s works again", self.path)

    def close(self) -> None:
        with self._read_lock:
            self._reader, self._frozen = self._closed(self._reader), False
        with self._write_lock:
            self._writer = self._closed(self._writer)


def _language(value: object) -> str | None:
    return value if isinstance(value, str) and value in LANGUAGES else None


def _checked(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"not a language of the catalogs: {language!r}")
    return language


def locale_language(locale: object) -> str | None:
    """The language of a Discord locale ("fr", "pt-BR"), or None when no catalog has it."""
    value = getattr(locale, "value", locale)
    return DISCORD_LOCALES.get(value) if isinstance(value, str) else None


def choose(interaction: Any, store: SettingsStore | None) -> Choice:
    """Language and visibility of an answer: user's choice, server's, Discord's, English."""
    user = getattr(getattr(interaction, "user", None), "id", None)
    user_id = user if isinstance(user, int) else None
    guild = getattr(interaction, "guild_id", None)
    guild_id = guild if isinstance(guild, int) else None
    chosen = store.chosen(user_id, guild_id) if store is not None else Chosen()
    in_server = guild_id is not None
    if chosen.user_language:
        return Choice(chosen.user_language, "user", chosen, in_server)
    if chosen.server_language and in_server:
        return Choice(chosen.server_language, "server", chosen, in_server)
    spoken = locale_language(getattr(interaction, "locale", None))
    if spoken is not None:
        return Choice(spoken, "locale", chosen, in_server)
    return Choice(SOURCE_LANGUAGE, "default", chosen, in_server)
