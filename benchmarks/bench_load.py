"""Loading under hostile data: peak memory beside a 200 MB junk file, and a 45 MB document.

Why: a host's data folder decides how much memory every start costs.  The
promise is that memory follows the largest *accepted* document, never the
largest file lying in the folder, and that a very large accepted document
still builds in bounded time and memory.  Each run is a fresh process so its
peak RSS (``ru_maxrss``) is its own; the 45 MB build is then repeated step by
step to say which step dominates.

Usage: ``python -m benchmarks.bench_load [--doc-mb 45] [--junk-mb 200]`` (also run at the
end of ``python -m benchmarks.bench_scale``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import CLUBS_FILE, REAL_DATA, ROOT, machine, verdict

JUNK_RSS_MB = 150.0  # load / ask with a 200 MB junk file beside the seeds
BIG_S, BIG_RSS_MB = 15.0, 400.0  # a 45 MB accepted document


def _rss_mb() -> float:
    """This process's own peak RSS: VmHWM belongs to the address space, so (unlike
    ``ru_maxrss``, kept across fork and exec) it does not start at the parent's size."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)[1]) / 1024  # type: ignore[index]


def big_document(path: Path, megabytes: int, seed: int = 1) -> int:
    """One season document of ``megabytes`` MB: the synthetic seasons' rounds, renamed so
    every round is new, under one title; returns its size in bytes."""
    from benchmarks.synth import write

    with tempfile.TemporaryDirectory(prefix="tiebot-big-") as tmp:
        write(Path(tmp), 400, seed)
        bodies = [p.read_text("utf-8").split("\n", 1)[1] for p in sorted(Path(tmp).glob("*.txt"))]
    parts, size, k = ["= 2099 CAF Confederation Cup qualifying rounds =\n\n"], 0, 0
    while size < megabytes * 1_000_000:
        body = re.sub(r"^==([^=].*?)==$", rf"==\1 {k}==", bodies[k % len(bodies)], flags=re.M)
        parts.append(body)
        size += len(body.encode("utf-8"))
        k += 1
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


def worker_build(data: Path, db: Path) -> dict[str, Any]:
    """``build_database`` end to end, as ``tiebot load`` runs it: wall and CPU seconds (CPU
    time is the steadier figure on a shared machine)."""
    from bot.pipeline.build import build_database

    started, cpu = time.perf_counter(), time.process_time()
    report = build_database(data, db, CLUBS_FILE)
    return {
        "s": time.perf_counter() - started,
        "cpu_s": time.process_time() - cpu,
        "rss_mb": _rss_mb(),
        "ties": report.ties,
        "failed": len(report.failed),
    }


def worker_steps(data: Path, db: Path) -> dict[str, Any]:
    """The same build one step at a time (the same inputs to each step as ``build_database``
    gives it: clubs.toml and the club lists, the merge, the questions written as findings):
    wall and CPU seconds, peak RSS after each step."""
    from bot.clubs.registry import build_registry
    from bot.clubs.sources import load_curated_data
    from bot.domain.catalog import ClubIndex
    from bot.parsing import documents as parsing
    from bot.pipeline.build import Gathered
    from bot.pipeline.documents import DEFAULT_MAX_BYTES, list_documents, read_document
    from bot.pipeline.fingerprint import scan_inputs
    from bot.pipeline.merge import merge_seasons
    from bot.storage import write

    steps: list[tuple[str, float, float, float]] = []
    t, cpu = time.perf_counter(), time.process_time()

    def done(name: str) -> None:
        nonlocal t, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        steps.append((name, now - t, now_cpu - cpu, _rss_mb()))
        t, cpu = now, now_cpu

    (doc,) = list_documents(data)
    inputs = scan_inputs([doc], CLUBS_FILE, DEFAULT_MAX_BYTES)
    done("fingerprint (streamed sha256)")
    text = read_document(doc, DEFAULT_MAX_BYTES)
    done("read + check UTF-8")
    seasons = parsing.parse_text(text, doc.name)
    del text
    done("parse")
    curated = load_curated_data(CLUBS_FILE)
    registry = build_registry(seasons, curated.clubs)
    done("club registry")
    merged = merge_seasons(seasons, ClubIndex(registry.club_of, registry.spellings))
    found = Gathered((doc,), merged.seasons, registry, (), curated.diagnostics, merged.diagnostics)
    done("merge sources")
    write.write_database(
        db, found.seasons, registry, meta=inputs.meta(), extra_diagnostics=found.notes,
        merge_diagnostics=(*found.questions, *found.merge_notes),
    )  # fmt: skip
    done("rows + SQLite insert + check")  # rows go in as they are made
    return {"steps": steps}


def _spawn(*args: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.bench_load", "--worker", *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"worker {args[0]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024)
"""
"""Starts the measured command from a small process: Linux carries peak RSS across fork
and exec, so a direct child of a large process would report at least that size."""


def _peak_cli(args: Sequence[str], env: dict[str, str]) -> tuple[int, float]:
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "bot", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    code, megabytes = done.stdout.split()
    return int(code), float(megabytes)


def junk_beside_seeds(work: Path, junk_mb: int) -> bool:
    """``load`` then ``ask`` with a junk file (random bytes, not sparse) beside the seeds."""
    data = work / "junk-seasons"
    shutil.copytree(REAL_DATA, data)
    with (data / "junk.txt").open("wb") as f:
        for _ in range(junk_mb):
            f.write(os.urandom(1_000_000))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TIEBOT_"))}
    env |= {"TIEBOT_DATA": str(data), "TIEBOT_DB": str(work / "junk.sqlite3"),
            "TIEBOT_CLUBS": str(CLUBS_FILE), "TIEBOT_STATE": str(work / "state")}  # fmt: skip
    print(f"\n== {junk_mb} MB junk file beside the four seeds")
    ok = True
    for args in (["load"], ["ask", "/tie Simba 2012"], ["ask", "/tie Simba 2012"]):
        code, mb = _peak_cli(args, env)
        print(f"  {' '.join(args):<22} exit {code}  peak RSS {mb:6.1f} MB")
        ok &= code == 0 and verdict(f"{args[0]} peak RSS", mb, JUNK_RSS_MB, "MB")
    return ok


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def big_build(work: Path, doc_mb: int) -> bool:
    data = work / "big"
    data.mkdir()
    size = _spawn("document", str(data / "big.txt"), str(doc_mb))["bytes"]  # keeps us small
    print(f"\n== one accepted document of {size / 1e6:.1f} MB")
    end = _spawn("build", str(data), str(work / "big.sqlite3"))
    print(f"  build_database   {end['s']:7.1f} s ({end['cpu_s']:.1f} s CPU)   peak RSS "
          f"{end['rss_mb']:6.0f} MB   {end['ties']} ties, {end['failed']} files skipped; "
          f"load average {_load()}")  # fmt: skip
    ok = verdict("45 MB build time", end["s"], BIG_S, "s")
    ok &= verdict("45 MB build peak RSS", end["rss_mb"], BIG_RSS_MB, "MB")
    steps = _spawn("steps", str(data), str(work / "big-steps.sqlite3"))["steps"]
    print("  step by step (fresh process):")
    for name, seconds, cpu, rss in steps:
        print(f"    {name:<30} {seconds:6.1f} s ({cpu:5.1f} s CPU)   peak RSS so far {rss:6.0f} MB")
    print(f"  load average {_load()}")
    slowest = max(steps, key=lambda s: s[1])
    print(f"  dominant step: {slowest[0]} ({slowest[1]:.1f} s of {sum(s[1] for s in steps):.1f})")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Peak memory and build time on hostile data.")
    parser.add_argument("--doc-mb", type=int, default=45)
    parser.add_argument("--junk-mb", type=int, default=200)
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, first, second = args.worker
        if kind == "document":
            print(json.dumps({"bytes": big_document(Path(first), int(second))}))
            return 0
        worker = worker_build if kind == "build" else worker_steps
        print(json.dumps(worker(Path(first), Path(second))))
        return 0
    print(machine())
    with tempfile.TemporaryDirectory(prefix="tiebot-load-") as tmp:
        ok = junk_beside_seeds(Path(tmp), args.junk_mb)
        ok = big_build(Path(tmp), args.doc_mb) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
