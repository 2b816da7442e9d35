"""Is the database built from the files now in the data folder?  Decided without parsing.

Start-up asks this every time, so it must be cheap in time *and* memory
whatever lies in the folder.  The fingerprint covers the code that turns
documents into rows (its source files and the schema), the size cap, each
``*.txt`` file's name, size and content digest, and the clubs file with the club
lists and the localized names beside it.  Digests
are streamed in chunks (constant memory); a file over the cap is never read
(it will be rejected whatever it holds); and the digests of the last build are
kept in the database with each file's size and modification time, so a start
with unchanged files reads no document at all.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.clubs.localized import names_file
from bot.clubs.sources import list_files
from bot.pipeline.documents import CHUNK, Document, list_documents, open_regular
from bot.storage.errors import StorageError
from bot.storage.read import read_meta_sync
from bot.storage.write import SCHEMA_VERSION, schema_sql

TOO_LARGE = "too-large"
UNREADABLE = "unreadable"
RACY_NS = 2_000_000_000
"""A file modified this close to a scan may change again within the same timestamp tick:
its cached digest is not trusted (the "racy" rule git uses for its index)."""

_PRODUCERS = ("bot.domain", "bot.parsing", "bot.clubs", "bot.pipeline")
"""Packages whose code decides what a build writes: editing one makes the database stale."""


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One season file as last seen: the digest is reused while size and mtime stay."""

    name: str
    size: int
    mtime_ns: int
    digest: str


@dataclass(frozen=True, slots=True)
class Inputs:
    """Every input's record and the fingerprint over them, as stored in the meta table."""

    fingerprint: str
    records: tuple[InputRecord, ...]
    scanned_ns: int

    def meta(self) -> dict[str, str]:
        rows = [[r.name, r.size, r.mtime_ns, r.digest] for r in self.records]
        return {
            "fingerprint": self.fingerprint,
            "inputs": json.dumps({"scanned_ns": self.scanned_ns, "files": rows}),
        }


@functools.cache
def code_version() -> str:
    """sha256 over the source of every package that shapes the stored data."""
    h = hashlib.sha256(schema_sql().encode("utf-8"))
    for package in _PRODUCERS:
        spec = importlib.util.find_spec(package)
        for root in (spec.submodule_search_locations or []) if spec else []:
            for path in sorted(Path(root).rglob("*.py")):
                h.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def file_digest(path: Path, max_bytes: int) -> str:
    """``sha256:…`` of the file's bytes, streamed; TOO_LARGE past ``max_bytes``."""
    h = hashlib.sha256()
    total = 0
    try:
        with open_regular(path) as f:
            while chunk := f.read(CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    return TOO_LARGE
                h.update(chunk)
    except OSError:
        return UNREADABLE
    return "sha256:" + h.hexdigest()


def _cached(meta: Mapping[str, str] | None) -> dict[str, InputRecord]:
    """Records of the last build whose digest can be trusted for an unchanged file."""
    try:
        data = json.loads((meta or {}).get("inputs", "{}"))
        trusted = int(data.get("scanned_ns", 0)) - RACY_NS
        records = [InputRecord(str(n), int(s), int(m), str(d)) for n, s, m, d in data["files"]]
    except (ValueError, TypeError, KeyError):
        return {}
    return {r.name: r for r in records if r.digest.startswith("sha256:") and r.mtime_ns < trusted}


def _record(doc: Document, max_bytes: int, cached: Mapping[str, InputRecord]) -> InputRecord:
    if doc.problem is not None:
        digest = f"{UNREADABLE}: {doc.problem}"
    elif doc.size > max_bytes:
        digest = TOO_LARGE
    else:
        old = cached.get(doc.name)
        if old is not None and (old.size, old.mtime_ns) == (doc.size, doc.mtime_ns):
            digest = old.digest
        else:
            digest = file_digest(doc.path, max_bytes)
    return InputRecord(doc.name, doc.size, doc.mtime_ns, digest)


def _fingerprint(records: Iterable[InputRecord], clubs: str, max_bytes: int) -> str:
    h = hashlib.sha256()
    h.update(f"tiebot schema={SCHEMA_VERSION} code={code_version()} cap={max_bytes}\0".encode())
    for r in records:
        h.update(f"\0file\0{r.name}\0{r.size}\0{r.digest}\0".encode())
    h.update(f"\0clubs\0{clubs}\0".encode())
    return h.hexdigest()


def scan_inputs(
    documents: Sequence[Document],
    clubs_file: Path,
    max_bytes: int,
    previous: Mapping[str, str] | None = None,
) -> Inputs:
    """Records and fingerprint of the inputs; ``previous`` is the last build's meta."""
    scanned_ns = time.time_ns()
    cached = _cached(previous)
    records = tuple(_record(doc, max_bytes, cached) for doc in documents)
    clubs = file_digest(clubs_file, max_bytes) if Path(clubs_file).exists() else "none"
    base = Path(clubs_file).parent
    for path in [*list_files(clubs_file), names_file(clubs_file)]:  # beside it (a few kB each)
        if not path.is_file():
            continue
        clubs += f"\0{path.relative_to(base).as_posix()}={file_digest(path, max_bytes)}"
    return Inputs(_fingerprint(records, clubs, max_bytes), records, scanned_ns)


def database_is_stale(db_path: Path, data_dir: Path, clubs_file: Path, max_bytes: int) -> bool:
    """True when the database is missing, unreadable, or built from other inputs."""
    try:
        meta = read_meta_sync(db_path)
        inputs = scan_inputs(list_documents(data_dir), clubs_file, max_bytes, meta)
    except (StorageError, OSError):
        return True
    return meta.get("fingerprint") != inputs.fingerprint
