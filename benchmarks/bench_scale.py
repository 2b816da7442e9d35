"""Load time, database size, catalog start-up, latency and peak memory per scale.

Why: the bot rebuilds its database at start when the data changed and then
keeps everything in memory; this proves both stay affordable at 100x the
real data.  Each measurement runs in a fresh subprocess so peak RSS
(``resource.getrusage``) belongs to that step alone, and the build is
profiled (cProfile) to name its slowest step.

Usage: ``python -m benchmarks.bench_scale [--seasons 400] [--seed 1] [--no-profile]
[--no-faults]``; the last part (``benchmarks.bench_load``) loads beside a 200 MB junk
file and builds one 45 MB document.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.common import (
    CLUBS_FILE,
    REAL_DATA,
    ROOT,
    gc_pauses,
    machine,
    time_calls,
    verdict,
)

BUILD_S = 15.0  # 100x build target
ANSWER_MS, COMPLETE_MS = 5.0, 2.0
RSS_MB = {1: 100.0, 100: 200.0}
# Steps of build_database, by the function that does each (module path fragment, name).
STEPS = (
    ("fingerprint", "pipeline/fingerprint.py", "scan_inputs"),
    ("read", "pipeline/documents.py", "read_document"),
    ("parse", "parsing/documents.py", "parse_text"),
    ("registry", "clubs/registry.py", "build_registry"),
    ("write", "write.py", "write_database"),
)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker_build(data: Path, db: Path) -> dict[str, Any]:
    from bot.pipeline.build import build_database

    started = time.perf_counter()
    report = build_database(data, db, CLUBS_FILE)
    elapsed = time.perf_counter() - started
    return {
        "build_s": elapsed,
        "seasons": len(report.seasons),
        "ties": report.ties,
        "failed": len(report.failed),
        "db_bytes": db.stat().st_size,
        "rss_mb": _rss_mb(),
    }


def worker_serve(db: Path, seed: int) -> dict[str, Any]:
    """What the bot does at start and then per request: read, index, answer, complete."""
    from benchmarks.bench_engine import answer_calls
    from bot.answering.engine import Engine
    from bot.storage.read import read_catalog
    from bot.wording.speaker import Speaker

    started = time.perf_counter()
    catalog = asyncio.run(read_catalog(db))
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    engine = Speaker(Engine(catalog))
    engine_s = time.perf_counter() - started
    rng = random.Random(seed)
    calls = [c for group in answer_calls(catalog, engine, rng, 120).values() for c in group]
    with gc_pauses() as pauses:
        answers = time_calls("answers (all commands)", calls)
    names = sorted(c.name for c in catalog.clubs.values())
    typed = [rng.choice(names) for _ in range(60)]
    keystrokes = [name[:i] for name in typed for i in range(0, min(len(name), 12) + 1)]
    complete: list[Callable[[], object]] = [partial(engine.complete_club, t) for t in keystrokes]
    complete += [partial(engine.complete_season, "", n) for n in typed]
    complete += [partial(engine.complete_season, "20", n) for n in typed]
    with gc_pauses() as more:
        autocomplete = time_calls("autocomplete (club, season)", complete)
    longest = max(pauses.longest_ms, more.longest_ms)
    return {
        "read_s": read_s,
        "engine_s": engine_s,
        "answers": [answers.n, answers.p50, answers.p99],
        "autocomplete": [autocomplete.n, autocomplete.p50, autocomplete.p99],
        "rss_mb": _rss_mb(),
        "gc": [pauses.count + more.count, longest],
    }


def worker_profile(data: Path, db: Path) -> dict[str, Any]:
    """Profile one build; cumulative seconds per step and the slowest functions overall."""
    from bot.pipeline.build import build_database

    profiler = cProfile.Profile()
    profiler.runcall(build_database, data, db, CLUBS_FILE)
    table: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    steps = {}
    for label, module, func in STEPS:
        cum = [
            v[3] for (file, _, name), v in table.items() if name == func and file.endswith(module)
        ]
        steps[label] = max(cum, default=0.0)
    own = sorted(
        ((v[2], f"{Path(k[0]).name}:{k[1]} {k[2]}") for k, v in table.items()), reverse=True
    )
    return {"steps": steps, "top_own": own[:6]}


def _spawn(*args: str) -> dict[str, Any]:
    """Run a worker in a fresh interpreter; its last stdout line is JSON."""
    cmd = [sys.executable, "-m", "benchmarks.bench_scale", "--worker", *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"worker {args[0]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(scale: int, data: Path, work: Path, seed: int, profile: bool) -> bool:
    db = work / f"tiebot-{scale}x.sqlite3"
    build = _spawn("build", str(data), str(db))
    serve = _spawn("serve", str(db), str(seed))
    print(
        f"\n== scale {scale}x: {build['seasons']} seasons, {build['ties']} ties, "
        f"{build['failed']} files skipped"
    )
    print(
        f"  build_database        {build['build_s']:8.2f} s   (peak RSS {build['rss_mb']:.0f} MB)"
    )
    print(f"  database size         {build['db_bytes'] / 1e6:8.2f} MB")
    print(f"  read_catalog          {serve['read_s']:8.3f} s")
    print(f"  Engine(catalog)       {serve['engine_s']:8.3f} s")
    for key in ("answers", "autocomplete"):
        n, p50, p99 = serve[key]
        print(f"  {key:<20} n={n:<5} p50={p50:8.1f} µs  p99={p99:8.1f} µs")
    print(f"  serving peak RSS      {serve['rss_mb']:8.1f} MB")
    count, longest = serve["gc"]
    print(f"  full GC while serving {count} collections, longest {longest:.1f} ms")
    ok = True
    if scale == 100:
        ok &= verdict("build time at 100x", build["build_s"], BUILD_S, "s")
    ok &= verdict(f"answer p99 at {scale}x", serve["answers"][2] / 1000, ANSWER_MS, "ms")
    ok &= verdict(
        f"autocomplete p99 at {scale}x", serve["autocomplete"][2] / 1000, COMPLETE_MS, "ms"
    )
    ok &= verdict(f"serving peak RSS at {scale}x", serve["rss_mb"], RSS_MB[scale], "MB")
    if profile:
        prof = _spawn("profile", str(data), str(work / f"profile-{scale}x.sqlite3"))
        steps = prof["steps"]
        print(
            "  build profile (cProfile, cumulative s): "
            + ", ".join(f"{k} {v:.2f}" for k, v in steps.items())
        )
        slowest = max(steps, key=steps.get)
        print(f"  slowest step: {slowest} ({steps[slowest]:.2f} s under the profiler)")
        for own, where in prof["top_own"]:
            print(f"    own {own:6.2f} s  {where}")
    return bool(ok)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load time, DB size, start-up and peak RSS.")
    parser.add_argument("--seasons", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--no-faults", action="store_true", help="skip benchmarks.bench_load")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, *rest = args.worker
        if kind == "build":
            result = worker_build(Path(rest[0]), Path(rest[1]))
        elif kind == "serve":
            result = worker_serve(Path(rest[0]), int(rest[1]))
        else:
            result = worker_profile(Path(rest[0]), Path(rest[1]))
        print(json.dumps(result))
        return 0
    from benchmarks.synth import write

    print(machine())

    with tempfile.TemporaryDirectory(prefix="tiebot-scale-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        summary = write(work / "seasons", args.seasons, args.seed)
        took = time.perf_counter() - started
        print(f"generated {summary.seasons} seasons, {summary.ties} ties in {took:.1f}s")
        ok = measure(1, REAL_DATA, work, args.seed, not args.no_profile)
        ok = measure(100, work / "seasons", work, args.seed, not args.no_profile) and ok
    if not args.no_faults:
        from benchmarks import bench_load

        print("\n== hostile data (benchmarks.bench_load)")
        ok = bench_load.main([]) == 0 and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
