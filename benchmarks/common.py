"""Shared benchmark plumbing: data sets, timing, percentiles, PASS/FAIL lines.

Benchmarks print figures; they are not unit tests.  Every figure is a
percentile over many timed calls so one slow call (GC, scheduling) shows
in p99 without hiding the typical cost in p50.
"""

from __future__ import annotations

import gc
import hashlib
import json
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.domain.catalog import Catalog

ROOT = Path(__file__).resolve().parents[1]
REAL_DATA = ROOT / "data" / "seasons"
CLUBS_FILE = ROOT / "data" / "clubs.toml"
OUT = ROOT / "benchmarks" / "out"  # git-ignored cache of generated data
SYNTH_SEASONS = 400
SYNTH_SEED = 1


def synth_dir(seasons: int = SYNTH_SEASONS, seed: int = SYNTH_SEED) -> Path:
    """The generated 100x data set, written once and reused (keyed by size, seed, generator)."""
    from benchmarks.synth import write

    source = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("synth*.py")))
    version = hashlib.sha256(source).hexdigest()[:8]  # a changed generator means new data
    out = OUT / f"synth-{seasons}-seed{seed}-{version}"
    stamp = out / ".complete"
    if not stamp.is_file():
        summary = write(out, seasons, seed, replace=True)
        stamp.write_text(json.dumps({"seasons": summary.seasons, "ties": summary.ties}))
    return out


def data_dir(scale: int) -> Path:
    """Scale 1 is the real documents; 100 is the synthetic set."""
    if scale == 1:
        return REAL_DATA
    if scale == 100:
        return synth_dir()
    raise ValueError(f"scale must be 1 or 100, not {scale}")


def build_catalog(directory: Path) -> Catalog:
    """Parse + registry + Catalog in memory, as the engine benchmark asks (no SQLite).

    Documents are gathered exactly as a build gathers them (sub-folders, duplicate
    seasons skipped), so the benchmark serves the data the bot serves.
    """
    import time

    from bot.pipeline.build import gather
    from bot.pipeline.documents import DEFAULT_MAX_BYTES, list_documents

    docs = list_documents(directory)
    found = gather(docs, directory, CLUBS_FILE, DEFAULT_MAX_BYTES, time.perf_counter())
    return Catalog(
        found.seasons, found.registry.clubs, found.registry.club_of, found.registry.spellings
    )


@dataclass(frozen=True, slots=True)
class Stats:
    """Latency percentiles in microseconds over ``n`` timed calls."""

    name: str
    n: int
    p50: float
    p99: float
    max: float

    def line(self) -> str:
        return (
            f"{self.name:<34} n={self.n:<6} p50={self.p50:9.1f} µs"
            f"  p99={self.p99:9.1f} µs  max={self.max:10.1f} µs"
        )


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def stats(name: str, samples_us: list[float]) -> Stats:
    if not samples_us:
        raise ValueError(f"no samples for {name}")
    return Stats(
        name,
        len(samples_us),
        statistics.median(samples_us),
        percentile(samples_us, 99),
        max(samples_us),
    )


def time_calls(
    name: str,
    calls: Iterable[Callable[[], object]],
    repeat: int = 1,
    warmup: int = 1,
    clock: Callable[[], int] = time.perf_counter_ns,
) -> Stats:
    """Time each call (``repeat`` passes after ``warmup`` untimed passes); ``clock``
    ``time.thread_time_ns`` counts this thread's CPU only (a machine other jobs share)."""
    todo = list(calls)
    for _ in range(warmup):
        for call in todo:
            call()
    samples: list[float] = []
    for _ in range(repeat):
        for call in todo:
            start = clock()
            call()
            samples.append((clock() - start) / 1000)
    return stats(name, samples)


def verdict(
    label: str, value: float, limit: float, unit: str, higher_is_better: bool = False
) -> bool:
    """Print one target line and return whether it passed."""
    ok = value >= limit if higher_is_better else value <= limit
    sign = "≥" if higher_is_better else "≤"
    mark = "PASS" if ok else "FAIL"
    print(f"  [{mark}] {label}: {value:.3f} {unit} (target {sign} {limit:g} {unit})")
    return ok


@dataclass
class GcPauses:
    """Garbage-collector pauses seen while timing (a large heap makes gen-2 passes slow)."""

    count: int = 0
    total_ms: float = 0.0
    longest_ms: float = 0.0

    def line(self) -> str:
        return (
            f"GC during timing: {self.count} full (gen-2) collections, "
            f"{self.total_ms:.1f} ms in total, longest {self.longest_ms:.1f} ms"
        )


@contextmanager
def gc_pauses() -> Iterator[GcPauses]:
    """Measure full collections inside the block via ``gc.callbacks``."""
    seen = GcPauses()
    started: list[int] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            started.append(time.perf_counter_ns())
        elif started:
            ms = (time.perf_counter_ns() - started.pop()) / 1e6
            seen.count += 1
            seen.total_ms += ms
            seen.longest_ms = max(seen.longest_ms, ms)

    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)


async def synth_db_catalog() -> Catalog:
    """The 100x catalog read from a cached SQLite build (parsing 400 files takes seconds)."""
    from bot.pipeline.build import build_database
    from bot.pipeline.documents import DEFAULT_MAX_BYTES
    from bot.pipeline.fingerprint import database_is_stale
    from bot.storage.read import read_catalog

    data = synth_dir()
    db = OUT / f"{data.name}.sqlite3"
    if not db.is_file() or database_is_stale(db, data, CLUBS_FILE, DEFAULT_MAX_BYTES):
        build_database(data, db, CLUBS_FILE)
    return await read_catalog(db)


def machine() -> str:
    """Where the figures were taken: they only compare on the same machine and load."""
    import os
    import platform

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{time.strftime('%Y-%m-%d %H:%M')}  Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
