"""The HTTP transport under load against a floor HTTP worker, and start-up times.

Same method as ``bench_discord``: our worker (``python -m bot serve``) and a
floor worker (verify the signature, parse, answer a constant) run at once,
each in its own process, and are measured in interleaved slices — a closed
loop (32 requests in flight) for throughput, then an open loop at the target
rate for latency, each worker in turn, the order swapped every repetition —
so noise on a shared machine hits both.  The ratio is taken per repetition;
its median and spread are reported (without a target: this floor pays no
discord.py at all, so the ratio says what answering itself costs).  Requests
are signed before each slice (the load generator's signing is not timed) and
carry the gateway benchmark's mix: 40% autocomplete, then /tie, /club, /headtohead,
/season.

Start-up: process start → ready (``/health`` answers for ``serve``; READY
sent by the fake Discord for ``run``) with all shipped data, with the
database already built and with a cold build (no database).

Usage: ``python -m benchmarks.bench_http [--scale 1|100] [--repetitions 10]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks import variant
from benchmarks.common import machine, percentile, verdict
from benchmarks.discord_load import forget
from benchmarks.http_serve import (
    Served,
    environment,
    serve_floor,
    served,
    start_up_gateway,
    start_up_serve,
)
from bot.domain.catalog import Catalog
from bot.http.signature import sign
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN
from bot.testing.interactions import SIGNING_KEY, command

RATE, P99_MS = 500.0, 15.0  # real-scale targets; 100x may be 2x worse
CONCURRENCY = 32
REPETITIONS, THROUGHPUT_SLICE, LATENCY_SLICE = 10, 1000, 300
DEADLINE = 3.0  # Discord gives up on an interaction not answered within 3 s: "lost"
TIMEOUT = aiohttp.ClientTimeout(total=DEADLINE)
START_RUNS = 3
START_BUILT, START_COLD = 1.5, 3.0  # seconds, the targets


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def mix(catalog: Catalog, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """The gateway benchmark's mix of interactions, as HTTP payloads."""
    out = []
    for _ in range(n):
        e = rng.choice(catalog.entries)
        name, roll = e.club1.name, rng.random()
        if roll < 0.4:
            out.append(command("tie", {"club": name[: rng.randint(1, min(len(name), 8))]},
                               focused="club"))  # fmt: skip
        elif roll < 0.55:
            out.append(command("tie", {"club": name, "season": e.season.label}))
        elif roll < 0.7:
            out.append(command("club", {"name": name}))
        elif roll < 0.85:
            other = (e.club2 or e.club1).name
            out.append(command("headtohead", {"club_a": name, "club_b": other}))
        else:
            out.append(command("season", {"season": e.season.label, "round": e.round.name}))
    return out


def signed(items: list[dict[str, Any]]) -> list[tuple[bytes, dict[str, str]]]:
    now = int(time.time())
    out = []
    for payload in items:
        body = json.dumps(payload).encode()
        out.append((body, {**sign(SIGNING_KEY, body, now), "Content-Type": "application/json"}))
    return out


@dataclass
class Slice:
    """One slice: answered count, lost count, elapsed time, latencies, server CPU."""

    sent: int = 0
    lost: int = 0
    elapsed: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    cpu_ms: float = 0.0

    @property
    def throughput(self) -> float:
        return (self.sent - self.lost) / self.elapsed if self.elapsed else 0.0


async def _one(session: aiohttp.ClientSession, url: str, body: bytes, headers: dict[str, str],
               out: Slice) -> None:  # fmt: skip
    started = time.perf_counter()
    out.sent += 1
    try:
        async with session.post(url, data=body, headers=headers, timeout=TIMEOUT) as response:
            await response.read()
            if response.status != 200:
                out.lost += 1
                return
    except (aiohttp.ClientError, TimeoutError):
        out.lost += 1
        return
    out.latencies_ms.append((time.perf_counter() - started) * 1000)


async def closed_loop(session: aiohttp.ClientSession, server: Served,
                      items: list[tuple[bytes, dict[str, str]]]) -> Slice:  # fmt: skip
    out, todo, url = Slice(), iter(items), f"{server.url}/interactions"
    cpu = server.cpu()

    async def sender() -> None:
        for body, headers in todo:
            await _one(session, url, body, headers, out)

    started = time.perf_counter()
    await asyncio.gather(*(sender() for _ in range(CONCURRENCY)))
    out.elapsed = time.perf_counter() - started
    out.cpu_ms = (server.cpu() - cpu) * 1000 / max(1, out.sent)
    return out


async def open_loop(session: aiohttp.ClientSession, server: Served,
                    items: list[tuple[bytes, dict[str, str]]], rate: float) -> Slice:  # fmt: skip
    out, url, tasks = Slice(), f"{server.url}/interactions", []
    loop = asyncio.get_running_loop()
    started = loop.time()
    for i, (body, headers) in enumerate(items):
        delay = started + i / rate - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_one(session, url, body, headers, out)))
    await asyncio.gather(*tasks)
    out.elapsed = loop.time() - started
    return out


def spread(values: list[float]) -> str:
    q1, _, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values * 3)
    return (f"median {statistics.median(values):.2f}, quartiles {q1:.2f}–{q3:.2f},"
            f" range {min(values):.2f}–{max(values):.2f} (n={len(values)})")  # fmt: skip


async def load_run(scale: int, repetitions: int, sizes: tuple[int, int], rate: float,
                   without: tuple[str, ...] = ()) -> bool:  # fmt: skip
    from benchmarks.common import build_catalog, data_dir, synth_db_catalog

    catalog = build_catalog(data_dir(1)) if scale == 1 else await synth_db_catalog()
    print(f"\n== HTTP at scale {scale}x: {len(catalog.entries)} ties; {repetitions} interleaved"
          f" repetitions of {sizes[0]} (closed loop, c={CONCURRENCY}) + {sizes[1]} (open loop,"
          f" {rate:.0f}/s) requests per worker; each worker in its own process; speed-ups"
          f" hidden from both: {', '.join(without) or 'none'}")  # fmt: skip
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="tiebot-bench-http-") as tmp:
        # Answers with pictures (/club's journey) are sent as a follow-up over Discord's REST
        # API: here the fake Discord's, on this machine, which answers as Discord does.
        rest = await FakeDiscord(TOKEN).start()
        env = environment(data_dir(scale), Path(tmp) / "db.sqlite3", Path(tmp) / "state",
                          DISCORD_API_BASE=rest.api_base)  # fmt: skip
        connector = aiohttp.TCPConnector(limit=CONCURRENCY * 4)
        async with served("floor", free_port(), env, without) as floor, \
                served("ours", free_port(), env, without) as ours, \
                aiohttp.ClientSession(connector=connector) as session:  # fmt: skip
            for side in (floor, ours):  # warm-up
                await closed_loop(session, side, signed(mix(catalog, rng, 200)))
            tput: dict[str, list[Slice]] = {"floor": [], "ours": []}
            lat: dict[str, list[Slice]] = {"floor": [], "ours": []}
            ratios = []
            for rep in range(repetitions):
                order = (floor, ours) if rep % 2 == 0 else (ours, floor)
                for side in order:
                    tput[side.label].append(await closed_loop(
                        session, side, signed(mix(catalog, rng, sizes[0]))))  # fmt: skip
                for side in order:
                    lat[side.label].append(await open_loop(
                        session, side, signed(mix(catalog, rng, sizes[1])), rate))  # fmt: skip
                forget(rest)
                f, o = tput["floor"][-1], tput["ours"][-1]
                ratios.append(o.throughput / f.throughput if f.throughput else 0.0)
                print(f"  repetition {rep + 1:>2}: floor {f.throughput:6.0f}/s, ours"
                      f" {o.throughput:6.0f}/s, ratio {ratios[-1]:.2f}; CPU per request floor"
                      f" {f.cpu_ms:.2f} ms, ours {o.cpu_ms:.2f} ms")  # fmt: skip
        await rest.close()
    return report(tput, lat, ratios, scale, rate)


def report(tput: dict[str, list[Slice]], lat: dict[str, list[Slice]], ratios: list[float],
           scale: int, rate: float) -> bool:  # fmt: skip
    slack = 1.0 if scale == 1 else 2.0
    for label in ("floor", "ours"):
        values = [s.throughput for s in tput[label]]
        latencies = [ms for s in lat[label] for ms in s.latencies_ms]
        sent = sum(s.sent for s in tput[label])
        cpu = sum(s.cpu_ms * s.sent for s in tput[label]) / max(1, sent)
        print(f"  {label:<5} throughput median {statistics.median(values):.0f}/s (range"
              f" {min(values):.0f}–{max(values):.0f}); latency @{rate:.0f}/s p50"
              f" {percentile(latencies, 50):.2f} ms, p99 {percentile(latencies, 99):.2f} ms"
              f" (n={len(latencies)}); CPU per request {cpu:.2f} ms")  # fmt: skip
    print(f"  our/floor throughput ratio: {spread(ratios)}")
    ours_lat = [ms for s in lat["ours"] for ms in s.latencies_ms] or [1e9]
    lost = sum(s.lost for s in tput["ours"] + lat["ours"])
    ok = verdict(f"HTTP p99 latency @{rate:.0f}/s at {scale}x", percentile(ours_lat, 99),
                 P99_MS * slack, "ms")  # fmt: skip
    # No target for this ratio: the HTTP floor does far less than the gateway's (no discord.py
    # on either side), so it is a measure of what answering costs, not a pass mark.
    ok &= verdict(f"HTTP requests lost at {scale}x", lost, 0, "")
    return ok


async def start_up(runs: int) -> bool:
    """Process start → ready, built database and cold build, for serve and run."""
    from benchmarks.common import data_dir

    print(f"\n== start-up with all shipped data ({runs} runs each, median)")
    ok = True
    with tempfile.TemporaryDirectory(prefix="tiebot-bench-start-") as tmp:
        db = Path(tmp) / "db.sqlite3"
        env = environment(data_dir(1), db, Path(tmp) / "state", LOG_LEVEL="ERROR")
        for label, measure in (("serve", lambda: start_up_serve(env, free_port())),
                               ("run", lambda: start_up_gateway(env))):  # fmt: skip
            times: dict[str, list[tuple[float, float]]] = {"cold build": [], "built database": []}
            for _ in range(runs):
                db.unlink(missing_ok=True)
                times["cold build"].append(await measure())
                times["built database"].append(await measure())
            for kind, pairs in times.items():
                values = [wall for wall, _ in pairs]
                median = statistics.median(values)
                print(f"  {label:<5} {kind:<15} median {median:.2f} s"
                      f" (runs: {', '.join(f'{v:.2f}' for v in values)}); CPU until ready"
                      f" median {statistics.median(c for _, c in pairs):.2f} s")  # fmt: skip
                limit = START_COLD if kind == "cold build" else START_BUILT
                ok &= verdict(f"{label} start-up, {kind}", median, limit, "s")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="HTTP transport load test and start-up times.")
    parser.add_argument("--scale", type=int, choices=(1, 100), action="append")
    parser.add_argument("--repetitions", type=int, default=REPETITIONS)
    parser.add_argument("--slice", type=int, default=THROUGHPUT_SLICE)
    parser.add_argument("--latency-slice", type=int, default=LATENCY_SLICE)
    parser.add_argument("--rate", type=float, help="open-loop rate (default: the target)")
    parser.add_argument("--no-start-up", action="store_true", help="skip the start-up timing")
    parser.add_argument("--no-load", action="store_true", help="only the start-up timing")
    parser.add_argument("--without", type=variant.parse, default=(),
                        help="speed-ups to hide from both workers, e.g. orjson,uvloop")  # fmt: skip
    parser.add_argument("--serve-floor", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_floor:
        serve_floor(args.serve_floor)
        return 0
    if args.repetitions < 1 or args.slice < 1 or args.latency_slice < 1:
        parser.error("--repetitions, --slice and --latency-slice must be at least 1")
    print(machine())
    started = time.perf_counter()
    results = []
    for scale in [] if args.no_load else args.scale or [1, 100]:
        rate = args.rate or (RATE if scale == 1 else RATE / 2)
        sizes = (args.slice, args.latency_slice)
        results.append(asyncio.run(load_run(scale, args.repetitions, sizes, rate, args.without)))
    if not args.no_start_up:
        results.append(asyncio.run(start_up(START_RUNS)))
    print(f"\n(bench_http took {time.perf_counter() - started:.0f} s)")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
