"""Build the database from the season documents, and tell when it is out of date.

Parsing is the slow, fallible step, so it happens once per data change: a
file that is not a season document is reported (file:line: reason) and
skipped, the good ones are written atomically, and a fingerprint of the
inputs lets start-up decide cheaply (no parse) whether to rebuild.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from bot.core.render import plural
from bot.domain.models import Diagnostic, Season, Severity, SourceRef
from bot.storage.errors import LoadError, StorageError
from bot.storage.read import read_meta_sync
from bot.storage.write import SCHEMA_VERSION, schema_sql, write_database_sync

BUILD_VERSION = 1
"""Bump when the parser or the registry change what they produce from the same files."""


@dataclass(frozen=True, slots=True)
class SeasonLoaded:
    """One season written to the database, with its size."""

    competition: str
    label: str
    file: str
    rounds: int
    ties: int

    def __str__(self) -> str:
        counts = f"{plural(self.rounds, 'round')}, {plural(self.ties, 'tie')}"
        return f"{self.competition} {self.label} ({self.file}): {counts}"


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file that was skipped, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What a build did: seasons loaded, files skipped, every finding, time taken."""

    db_path: Path
    seasons: tuple[SeasonLoaded, ...]
    failed: tuple[FileFailure, ...]
    diagnostics: tuple[Diagnostic, ...]
    elapsed: float

    @property
    def ties(self) -> int:
        return sum(s.ties for s in self.seasons)

    def lines(self) -> list[str]:
        """A human summary for the console, one fact per line."""
        out = [str(s) for s in self.seasons]
        out += [f"skipped {f}" for f in self.failed]
        out += [str(d) for d in self.diagnostics]
        out.append(
            f"{len(self.seasons)} seasons, {self.ties} ties, {len(self.failed)} files skipped,"
            f" {len(self.diagnostics)} diagnostics in {self.elapsed:.2f}s -> {self.db_path}"
        )
        return out


def season_files(data_dir: Path) -> list[Path]:
    """The season documents of a data directory, in a stable (sorted) order."""
    return sorted(p for p in Path(data_dir).glob("*.txt") if p.is_file())


def _parser_version() -> str:
    from bot.parsing.wikipedia import (
        document as parser,  # imported lazily: start-up checks need no parser
    )

    return str(getattr(parser, "PARSER_VERSION", ""))


def data_fingerprint(data_dir: Path, clubs_file: Path) -> str:
    """sha256 over the names and bytes of every input plus the schema and build versions."""
    h = hashlib.sha256()
    h.update(f"tiebot schema={SCHEMA_VERSION} build={BUILD_VERSION}\0".encode())
    h.update(f"parser={_parser_version()}\0".encode())
    h.update(schema_sql().encode("utf-8"))
    for path in season_files(data_dir):
        data = path.read_bytes()
        h.update(f"\0file\0{path.name}\0{len(data)}\0".encode())
        h.update(data)
    clubs = Path(clubs_file)
    if clubs.is_file():
        data = clubs.read_bytes()
        h.update(f"\0clubs\0{len(data)}\0".encode())
        h.update(data)
    else:
        h.update(b"\0no clubs file\0")
    return h.hexdigest()


def database_is_stale(db_path: Path, data_dir: Path, clubs_file: Path) -> bool:
    """True when the database is missing, unreadable, or built from other inputs."""
    try:
        meta = read_meta_sync(db_path)
        current = data_fingerprint(data_dir, clubs_file)
    except (StorageError, OSError):
        return True
    return meta.get("fingerprint") != current


def _parse_all(files: list[Path]) -> tuple[list[Season], list[FileFailure]]:
    """Parse each file; a file that fails (or repeats a season) is skipped and reported."""
    from bot.parsing import ParseError, parse_file

    seasons: list[Season] = []
    failed: list[FileFailure] = []
    first_file: dict[tuple[str, str], str] = {}
    for path in files:
        try:
            parsed = parse_file(path)
        except ParseError as exc:
            failed.append(FileFailure(path.name, exc.source.line, exc.message))
            continue
        except (OSError, UnicodeError) as exc:
            failed.append(FileFailure(path.name, 0, f"cannot read file: {exc}"))
            continue
        except Exception as exc:  # a parser bug must not take the other files down
            reason = f"internal parser error, please report: {type(exc).__name__}: {exc}"
            failed.append(FileFailure(path.name, 0, " ".join(reason.split())))
            continue
        for season in parsed:
            key = (season.competition, season.label)
            if key in first_file:
                reason = f"duplicate season {season.key!r}, already loaded from {first_file[key]}"
                failed.append(FileFailure(path.name, 1, reason))
                continue
            first_file[key] = path.name
            seasons.append(season)
    return seasons, failed


def build_database(data_dir: Path, db_path: Path, clubs_file: Path) -> LoadReport:
    """Parse every ``*.txt`` in ``data_dir`` and atomically replace ``db_path``.

    Raises LoadError (database untouched) when no document parses or the
    curated clubs file cannot be read; other files' failures are reported.
    """
    from bot.clubs.registry import CuratedDataError, build_registry, load_curated

    started = time.perf_counter()
    data_dir, db_path, clubs_file = Path(data_dir), Path(db_path), Path(clubs_file)
    if not data_dir.is_dir():
        raise LoadError(f"data directory {data_dir} does not exist")
    fingerprint = data_fingerprint(data_dir, clubs_file)  # before parsing: a later edit is stale
    files = season_files(data_dir)
    if not files:
        raise LoadError(f"no season documents (*.txt) in {data_dir}")
    seasons, failed = _parse_all(files)
    loader_diags = [Diagnostic(SourceRef(f.file, f.line), f.reason, Severity.ERROR) for f in failed]
    if not seasons:
        elapsed = time.perf_counter() - started
        report = LoadReport(db_path, (), tuple(failed), tuple(loader_diags), elapsed)
        details = "; ".join(str(f) for f in failed)
        raise LoadError(f"no season document could be loaded from {data_dir}: {details}", report)
    if clubs_file.is_file():
        try:
            curated = load_curated(clubs_file)
        except CuratedDataError as exc:
            diags = (*loader_diags, *exc.diagnostics)
            report = LoadReport(db_path, (), tuple(failed), diags, time.perf_counter() - started)
            details = "; ".join(str(d) for d in exc.diagnostics)
            raise LoadError(f"cannot use clubs file {clubs_file}: {details}", report) from exc
    else:
        curated = ()
        loader_diags.append(
            Diagnostic(
                SourceRef(clubs_file.name, 0),
                "clubs file not found: clubs are identified by their spellings only",
            )
        )
    registry = build_registry(seasons, curated)
    write_database_sync(
        db_path,
        seasons,
        registry,
        meta={"fingerprint": fingerprint},
        extra_diagnostics=loader_diags,
    )
    diagnostics = (
        *(d for s in seasons for d in s.diagnostics),
        *registry.diagnostics,
        *loader_diags,
    )
    loaded = tuple(
        SeasonLoaded(s.competition, s.label, s.source_file, len(s.rounds), len(s.ties))
        for s in seasons
    )
    elapsed = time.perf_counter() - started
    return LoadReport(db_path, loaded, tuple(failed), diagnostics, elapsed)
