"""Read the whole database into a Catalog, read-only, with a handful of set-based queries.

One query per table (ordered by parent and position) and grouping in
Python keeps start-up well under a second at 100x the current data, where
a query per tie would not.  Every failure becomes a one-line StorageError.
"""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, closing, contextmanager
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.domain.catalog import Catalog
from bot.domain.models import (
    Club,
    DecidedBy,
    Diagnostic,
    Goal,
    Leg,
    LegStatus,
    Round,
    Season,
    Severity,
    Side,
    SourceRef,
    Tie,
)
from bot.storage.errors import StorageError
from bot.storage.rows import SCHEMA_VERSION

T = TypeVar("T")
Row = Any  # a sqlite row tuple; columns are unpacked positionally below

_Q = {
    "seasons": "SELECT s.id, c.name, s.label, s.source_file, s.start_year, s.end_year"
    " FROM seasons s JOIN competitions c ON c.id = s.competition_id ORDER BY s.position",
    "countries": "SELECT season_id, team, code FROM season_countries ORDER BY season_id, position",
    "aliases": "SELECT season_id, stated, team FROM season_aliases ORDER BY season_id, position",
    "rounds": "SELECT id, season_id, name, ord, first_leg, second_leg, expected_ties,"
    " description, line FROM rounds ORDER BY season_id, position",
    "ties": "SELECT id, round_id, round_name, idx, team1, team2, code1, code2, winner, decided_by,"
    " aggregate1, aggregate2, penalties1, penalties2, reason, winner_as_stated, advanced_to,"
    " single_match, source_file, source_line FROM ties ORDER BY round_id, position",
    "legs": "SELECT id, tie_id, home, away, home_goals, away_goals, status, date, line"
    " FROM legs ORDER BY tie_id, position",
    "goals": "SELECT leg_id, team, player, minute, added_time, penalty, own_goal"
    " FROM goals ORDER BY leg_id, position",
    "notes": "SELECT tie_id, text FROM notes ORDER BY tie_id, position",
    "diagnostics": "SELECT season_id, file, line, severity, message FROM diagnostics"
    " WHERE season_id IS NOT NULL ORDER BY id",
    "clubs": "SELECT key, name, country FROM clubs ORDER BY position",
    "club_aliases": "SELECT club_key, kind, spelling FROM club_aliases"
    " ORDER BY club_key, kind, position",
    "spellings": "SELECT spelling, club_key FROM spellings",
}

_DECIDED = {d.value: d for d in DecidedBy}
_STATUS = {s.value: s for s in LegStatus}
_SEVERITY = {s.value: s for s in Severity}


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


def _grouped(rows: Iterable[Row], build: Any) -> dict[int, list[Any]]:
    """Rows keyed by their first column (the parent id), each turned into a model."""
    out: dict[int, list[Any]] = {}
    for row in rows:
        out.setdefault(row[0], []).append(build(row))
    return out


def _pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    return None if a is None or b is None else (a, b)


def _models(data: dict[str, list[Row]]) -> tuple[list[Season], list[Club], dict[str, str]]:
    """Build models bottom-up: goals -> legs -> ties -> rounds -> seasons."""
    goals: dict[int, tuple[Goal, ...]] = {
        lid: tuple(Goal(r[1], r[2], r[3], r[4], r[5] == 1, r[6] == 1) for r in rows)
        for lid, rows in groupby(data["goals"], key=itemgetter(0))
    }
    legs: dict[int, list[Leg]] = {}
    for lid, tid, home, away, hg, ag, status, date, line in data["legs"]:
        legs.setdefault(tid, []).append(
            Leg(
                home,
                away,
                hg,
                ag,
                _STATUS[status],
                dt.date.fromisoformat(date) if date else None,
                goals.get(lid, ()),
                line,
            )
        )
    notes = _grouped(data["notes"], lambda r: r[1])
    ties: dict[int, list[Tie]] = {}
    for (
        tid, rid, rname, idx, team1, team2, code1, code2, winner, decided,
        agg1, agg2, pen1, pen2, reason, as_stated, advanced, single, file, line,
    ) in data["ties"]:  # fmt: skip
        ties.setdefault(rid, []).append(
            Tie(
                round_name=rname,
                index=idx,
                team1=team1,
                team2=team2,
                winner=None if winner is None else Side(winner),
                decided_by=_DECIDED[decided],
                source=SourceRef(file, line),
                code1=code1,
                code2=code2,
                legs=tuple(legs.get(tid, ())),
                aggregate=_pair(agg1, agg2),
                penalties=_pair(pen1, pen2),
                notes=tuple(notes.get(tid, ())),
                reason=reason,
                winner_as_stated=as_stated,
                advanced_to=advanced,
                single_match=bool(single),
            )
        )
    rounds: dict[int, list[Round]] = {}
    for rid, sid, name, order, first, second, expected, desc, line in data["rounds"]:
        rties = tuple(ties.get(rid, ()))
        rounds.setdefault(sid, []).append(
            Round(name, order, rties, first, second, expected, desc, line)
        )
    countries = _grouped(data["countries"], lambda r: (r[1], r[2]))
    aliases = _grouped(data["aliases"], lambda r: (r[1], r[2]))
    diags = _grouped(
        data["diagnostics"], lambda r: Diagnostic(SourceRef(r[1], r[2]), r[4], _SEVERITY[r[3]])
    )
    seasons = [
        Season(
            competition=comp,
            label=label,
            rounds=tuple(rounds.get(sid, ())),
            source_file=file,
            start_year=start,
            end_year=end,
            countries=tuple(countries.get(sid, ())),
            aliases=tuple(aliases.get(sid, ())),
            diagnostics=tuple(diags.get(sid, ())),
        )
        for sid, comp, label, file, start, end in data["seasons"]
    ]
    names: dict[tuple[str, str], list[str]] = {}
    for key, kind, spelling in data["club_aliases"]:
        names.setdefault((key, kind), []).append(spelling)
    clubs = [
        Club(
            key,
            name,
            country,
            tuple(names.get((key, "alias"), ())),
            tuple(names.get((key, "nickname"), ())),
        )
        for key, name, country in data["clubs"]
    ]
    club_of = {str(s): str(k) for s, k in data["spellings"]}
    return seasons, clubs, club_of


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
            try:
                data = {name: list(await conn.execute_fetchall(sql)) for name, sql in _Q.items()}
            except sqlite3.Error as exc:
                raise _fail(db_path, exc) from exc
        try:
            seasons, clubs, club_of = _models(data)
            return Catalog(seasons, clubs, club_of)
        except (KeyError, ValueError, TypeError) as exc:
            raise _fail(db_path, f"inconsistent data ({type(exc).__name__}: {exc})") from exc


async def read_meta(db_path: Path) -> dict[str, str]:
    """The meta table (schema_version, fingerprint, built_at, counts)."""
    async with connect_readonly(db_path) as conn:
        return await _meta(conn, db_path)


async def read_diagnostics(db_path: Path) -> tuple[tuple[str, Diagnostic], ...]:
    """Every stored finding as (origin, diagnostic): parser, registry and skipped files."""
    sql = "SELECT origin, file, line, severity, message FROM diagnostics ORDER BY id"
    async with connect_readonly(db_path) as conn:
        try:
            rows = await conn.execute_fetchall(sql)
        except sqlite3.Error as exc:
            raise _fail(db_path, exc) from exc
    return tuple((str(o), Diagnostic(SourceRef(f, ln), m, _SEVERITY[s])) for o, f, ln, s, m in rows)


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
