"""Documents -> seasons -> club registry -> merged seasons -> database: the one path
``load``, ``check`` and start-up share, so what one accepts the others accept.

Parsing is the slow, fallible step, so it happens once per data change: every
problem with one file (unreadable, too large, not a document, a season given
twice in one format) is a ``file: reason`` line and that file is skipped; a
season given by two sources (formats) is merged into one (``merge``); the
good ones are written atomically; and a fingerprint of the inputs lets start-up
decide cheaply (no parse) whether to rebuild.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.clubs import registry as clubs
from bot.clubs.localized import LocalizedNames
from bot.clubs.sources import load_curated_data
from bot.domain.catalog import ClubIndex
from bot.domain.models import Diagnostic, Season, Severity, SourceRef
from bot.parsing import documents as parsing
from bot.parsing.footballtxt import document as footballtxt
from bot.parsing.rsssf import document as rsssf
from bot.parsing.wikipedia import document as wikipedia
from bot.pipeline.documents import (
    DEFAULT_MAX_BYTES,
    Document,
    Rejected,
    list_documents,
    read_document,
)
from bot.pipeline.fingerprint import scan_inputs
from bot.pipeline.merge import merge_seasons
from bot.pipeline.report import Dispute, FileFailure, LoadError, LoadReport, SeasonLoaded
from bot.storage.errors import StorageError
from bot.storage.read import read_meta_sync
from bot.storage.write import check_writable, write_database


def source_format(text: str) -> str:
    """Which reader a document's content calls for: a season twice in one format is a
    duplicate file, in two formats it is two sources to merge."""
    if footballtxt.looks_like(text):  # the order of ``bot.parsing.documents.parse_text``
        return "football-txt"
    if not wikipedia.looks_like(text) and rsssf.looks_like(text):
        return "rsssf"
    return "wikipedia"


def parse_documents(
    documents: Sequence[Document], max_bytes: int
) -> tuple[list[Season], list[FileFailure]]:
    """Read and parse each file in turn; one that fails (or repeats a season in a format
    already given it) is skipped; a season from another format is kept, to be merged.

    Only one document's text is alive at a time, so memory follows the largest
    document accepted, not the folder.
    """
    seasons: list[Season] = []
    failed: list[FileFailure] = []
    first_file: dict[tuple[str, str, str], str] = {}
    for doc in documents:
        try:
            text = read_document(doc, max_bytes)
            kind = source_format(text)
            parsed = parsing.parse_text(text, doc.name)
        except Rejected as exc:
            failed.append(FileFailure(doc.name, exc.line, exc.reason))
            continue
        except parsing.ParseError as exc:
            failed.append(FileFailure(doc.name, exc.source.line, exc.message))
            continue
        except Exception as exc:  # a parser bug must not take the other files down
            reason = f"internal parser error, please report: {type(exc).__name__}: {exc}"
            failed.append(FileFailure(doc.name, 0, " ".join(reason.split())))
            continue
        for season in parsed:
            key = (season.competition, season.label, kind)
            if key in first_file:
                reason = f"duplicate season {season.key!r}, already loaded from {first_file[key]}"
                failed.append(FileFailure(doc.name, 1, reason))
                continue
            first_file[key] = doc.name
            seasons.append(season)
    return seasons, failed


@dataclass(frozen=True, slots=True)
class Gathered:
    """Everything a build writes, and what a check reports."""

    documents: tuple[Document, ...]
    seasons: tuple[Season, ...]
    registry: clubs.Registry
    failed: tuple[FileFailure, ...]
    notes: tuple[Diagnostic, ...]  # the loader's own findings (no clubs file...)
    merge_notes: tuple[Diagnostic, ...] = ()  # what merging sources found

    @property
    def questions(self) -> tuple[Diagnostic, ...]:
        """The identity questions, as ``file:line`` findings."""
        return tuple(
            Diagnostic(q.sources[0] if q.sources else SourceRef("", 0), _question_text(q))
            for q in self.registry.questions
        )

    def report(self, db_path: Path | None, started: float) -> LoadReport:
        diagnostics = (
            *(d for s in self.seasons for d in s.diagnostics),
            *self.registry.diagnostics,
            *self.merge_notes,
            *self.notes,
        )
        return LoadReport(
            db_path,
            len(self.documents),
            tuple(SeasonLoaded.of(s) for s in self.seasons),
            self.failed,
            diagnostics,
            time.perf_counter() - started,
            self.questions,
            Dispute.found_in(self.seasons),
        )


def _question_text(question: clubs.Question) -> str:
    also = ", ".join(str(s) for s in question.sources[1:])
    return f"identity question: {question.message}" + (f" (also {also})" if also else "")


def _documents(data_dir: Path) -> list[Document]:
    if not data_dir.is_dir():
        raise LoadError(f"data directory {data_dir} does not exist")
    try:
        documents = list_documents(data_dir)
    except OSError as exc:
        raise LoadError(f"cannot list data directory {data_dir}: {exc.strerror or exc}") from None
    if not documents:
        raise LoadError(f"no season documents (*.txt) in {data_dir}")
    return documents


def gather(
    documents: Sequence[Document], data_dir: Path, clubs_file: Path, max_bytes: int, started: float
) -> Gathered:
    """Parse every document and identify clubs; LoadError (with a report) if nothing is usable."""
    seasons, failed = parse_documents(documents, max_bytes)
    if not seasons:
        partial = LoadReport(None, len(documents), (), tuple(failed), (), 0.0)
        details = "; ".join(str(f) for f in failed)
        raise LoadError(f"no season document could be loaded from {data_dir}", partial, details)
    notes: list[Diagnostic] = []
    curated: tuple[clubs.CuratedClub, ...] = ()
    names: tuple[LocalizedNames, ...] = ()
    if clubs_file.is_file():
        try:
            data = load_curated_data(clubs_file)
            curated, names = data.clubs, data.names
            notes.extend(data.diagnostics)
        except clubs.CuratedDataError as exc:
            partial = LoadReport(None, len(documents), (), tuple(failed), exc.diagnostics, 0.0)
            details = "; ".join(str(d) for d in exc.diagnostics)
            raise LoadError(f"cannot use clubs file {clubs_file}", partial, details) from exc
    else:
        notes.append(
            Diagnostic(
                SourceRef(clubs_file.name, 0),
                "clubs file not found: clubs are identified by their spellings only",
            )
        )
    registry = clubs.build_registry(seasons, curated, names)
    merged = merge_seasons(seasons, ClubIndex(registry.club_of, registry.spellings))
    return Gathered(
        tuple(documents), merged.seasons, registry, tuple(failed), tuple(notes), merged.diagnostics
    )


def check_documents(
    data_dir: Path, clubs_file: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadReport:
    """What a load would accept and report, without writing anything."""
    started = time.perf_counter()
    data_dir, clubs_file = Path(data_dir), Path(clubs_file)
    documents = _documents(data_dir)
    return gather(documents, data_dir, clubs_file, max_bytes, started).report(None, started)


def build_database(
    data_dir: Path, db_path: Path, clubs_file: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadReport:
    """Parse every ``*.txt`` in ``data_dir`` and atomically replace ``db_path``.

    Raises LoadError (database untouched) when no document parses or the curated
    clubs file cannot be used, StorageError when the database cannot be written;
    other files' failures are in the report.
    """
    started = time.perf_counter()
    data_dir, db_path, clubs_file = Path(data_dir), Path(db_path), Path(clubs_file)
    documents = _documents(data_dir)
    check_writable(db_path)  # before the slow part: an unwritable path fails at once
    try:
        previous: dict[str, str] | None = read_meta_sync(db_path)
    except StorageError:
        previous = None
    inputs = scan_inputs(documents, clubs_file, max_bytes, previous)  # before parsing
    gathered = gather(documents, data_dir, clubs_file, max_bytes, started)
    skipped = [
        Diagnostic(SourceRef(f.file, f.line), f.reason, Severity.ERROR) for f in gathered.failed
    ]
    write_database(
        db_path,
        gathered.seasons,
        gathered.registry,
        meta=inputs.meta(),
        extra_diagnostics=(*skipped, *gathered.notes),
        merge_diagnostics=(*gathered.questions, *gathered.merge_notes),
    )
    return gathered.report(db_path, started)
