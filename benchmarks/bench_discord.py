"""Load test of the real bot through the fake Discord, against a constant-reply floor.

Why: the engine benchmark times answers alone; fans wait for the whole path
(gateway frame in, discord.py dispatch, cog, engine, embed, REST callback
out).  This drives the REAL client with many concurrent interactions and
compares it with a minimal discord.py bot through the same fake server, and
checks that gateway drops lose nothing.

Phases per bot: warm-up; throughput (closed loop, fixed concurrency);
latency (open loop at the target rate, so queueing shows honestly).
Latency runs from INTERACTION_CREATE sent to the callback received by the
fake server.  Usage: ``python -m benchmarks.bench_discord [--scale 1|100]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import pstats
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import machine, percentile, verdict
from benchmarks.discord_serve import Served, serve_floor, serve_ours, served
from bot.domain.catalog import Catalog
from bot.testing.fakediscord import FakeDiscord

RATE, P99_MS, RATIO = 500.0, 20.0, 0.5  # real-scale targets; 100x may be 2x worse
CONCURRENCY = 32
DEADLINE = 3.0  # Discord invalidates an interaction not acknowledged within 3 s: "lost"
DROPS = 10


@dataclass
class Load:
    """One phase: how many were sent/answered, how long it took, and per-interaction latency."""

    name: str
    sent: int
    lost: int
    elapsed: float
    latencies_ms: list[float]
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    cpu_ms: float = 0.0  # the bot's CPU per interaction, when measured

    @property
    def throughput(self) -> float:
        return (self.sent - self.lost) / self.elapsed if self.elapsed else 0.0

    def line(self) -> str:
        lat = self.latencies_ms or [0.0]
        return (
            f"{self.name:<30} sent={self.sent:<5} lost={self.lost:<3} {self.throughput:7.0f}/s"
            f"  p50={percentile(lat, 50):6.2f} ms  p99={percentile(lat, 99):7.2f} ms"
        )

    def kind_lines(self) -> list[str]:
        """p50/p99 per interaction kind (autocomplete, /tie, ...): where the tail comes from."""
        return [
            f"    {kind:<14} n={len(v):<5} p50={percentile(v, 50):6.2f} ms"
            f"  p99={percentile(v, 99):7.2f} ms"
            for kind, v in sorted(self.by_kind.items())
        ]


def payloads(
    fake: FakeDiscord, catalog: Catalog, rng: random.Random, n: int
) -> list[dict[str, Any]]:
    """The mix: 40% autocomplete keystrokes, then /tie, /club, /headtohead, /season."""
    out = []
    for _ in range(n):
        e = rng.choice(catalog.entries)
        name, roll = e.club1.name, rng.random()
        if roll < 0.4:
            typed = name[: rng.randint(1, min(len(name), 8))]
            out.append(fake.command("tie", {"club": typed}, focused="club"))
        elif roll < 0.55:
            out.append(fake.command("tie", {"club": name, "season": e.season.label}))
        elif roll < 0.7:
            out.append(fake.command("club", {"name": name}))
        elif roll < 0.85:
            other = (e.club2 or e.club1).name
            out.append(fake.command("headtohead", {"club_a": name, "club_b": other}))
        else:
            out.append(fake.command("season", {"season": e.season.label, "round": e.round.name}))
    return out


def _callback_times(fake: FakeDiscord) -> dict[int, float]:
    """First successful callback time per interaction id (fake server's loop clock)."""
    seen: dict[int, float] = {}
    for rec in fake.requests:
        if rec.path.endswith("/callback") and rec.status < 400:
            iid = int(rec.path.split("/")[-3])
            seen.setdefault(iid, rec.at)
    return seen


async def _send(
    fake: FakeDiscord, payload: dict[str, Any], sent_at: dict[int, float], timeout: float
) -> bool:
    sent_at[int(payload["id"])] = asyncio.get_running_loop().time()
    try:
        await fake.interact(payload, timeout)
        return True
    except TimeoutError:
        return False


def _kind(payload: dict[str, Any]) -> str:
    return "autocomplete" if payload["type"] == 4 else "/" + payload["data"]["name"]


def _result(
    name: str,
    fake: FakeDiscord,
    items: list[dict[str, Any]],
    sent_at: dict[int, float],
    ok: list[bool],
    elapsed: float,
) -> Load:
    answered = _callback_times(fake)
    kinds = {int(p["id"]): _kind(p) for p in items}
    load = Load(name, len(sent_at), ok.count(False), elapsed, [])
    for iid, t in sent_at.items():
        if iid in answered:
            ms = (answered[iid] - t) * 1000
            load.latencies_ms.append(ms)
            load.by_kind.setdefault(kinds[iid], []).append(ms)
    return load


async def closed_loop(
    name: str,
    fake: FakeDiscord,
    items: list[dict[str, Any]],
    concurrency: int,
    timeout: float = DEADLINE,
) -> Load:
    """``concurrency`` senders, each sending its next interaction when the last was answered."""
    loop = asyncio.get_running_loop()
    sent_at: dict[int, float] = {}
    ok: list[bool] = []
    todo = iter(items)

    async def sender() -> None:
        for payload in todo:
            ok.append(await _send(fake, payload, sent_at, timeout))

    start = loop.time()
    await asyncio.gather(*(sender() for _ in range(concurrency)))
    return _result(name, fake, items, sent_at, ok, loop.time() - start)


async def open_loop(
    name: str,
    fake: FakeDiscord,
    items: list[dict[str, Any]],
    rate: float,
    timeout: float = DEADLINE,
) -> Load:
    """Send at a fixed rate whatever the answers do (arrivals do not wait for the bot)."""
    loop = asyncio.get_running_loop()
    sent_at: dict[int, float] = {}
    tasks = []
    start = loop.time()
    for i, payload in enumerate(items):
        delay = start + i / rate - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_send(fake, payload, sent_at, timeout)))
    ok = list(await asyncio.gather(*tasks))
    return _result(name, fake, items, sent_at, ok, loop.time() - start)


async def phases(
    label: str, bot: Served, catalog: Catalog, rate: float, n: int
) -> tuple[Load, Load]:
    """Warm-up, throughput (with the bot's CPU per interaction), latency by kind."""
    rng = random.Random(7)
    fake = bot.fake
    await closed_loop("warm-up", fake, payloads(fake, catalog, rng, 200), 8)
    cpu, own = bot.cpu(), time.process_time()
    tput = await closed_loop(
        f"{label} throughput c={CONCURRENCY}", fake, payloads(fake, catalog, rng, n), CONCURRENCY
    )
    tput.cpu_ms = (bot.cpu() - cpu) * 1000 / max(1, tput.sent)
    harness_ms = (time.process_time() - own) * 1000 / max(1, tput.sent)
    cpu = bot.cpu()
    lat = await open_loop(
        f"{label} latency @{rate:.0f}/s", fake, payloads(fake, catalog, rng, n), rate
    )
    lat.cpu_ms = (bot.cpu() - cpu) * 1000 / max(1, lat.sent)
    whose = "bot process" if bot.own_process else "whole process (in-process mode)"
    print("  " + tput.line())
    print(
        f"    CPU of the {whose}: {tput.cpu_ms:.2f} ms per interaction"
        f" -> about {1000 / tput.cpu_ms if tput.cpu_ms else 0:.0f}/s on one free core"
        + (f"; fake Discord + load generator {harness_ms:.2f} ms" if bot.own_process else "")
    )
    print("  " + lat.line())
    print(f"    CPU of the {whose}: {lat.cpu_ms:.2f} ms per interaction")
    print("\n".join(lat.kind_lines()))
    return tput, lat


async def fault_run(fake: FakeDiscord, catalog: Catalog) -> bool:
    """Load keeps flowing while the gateway drops DROPS times; nothing may be lost."""
    rng = random.Random(11)
    stop = asyncio.Event()
    background: list[Load] = []

    async def load() -> None:
        while not stop.is_set():
            background.append(await closed_loop("bg", fake, payloads(fake, catalog, rng, 50), 4))

    probes_ok, reconnect_ms = 0, []
    loader = asyncio.create_task(load())
    loop = asyncio.get_running_loop()
    try:
        for _ in range(DROPS):
            await asyncio.sleep(0.15)
            dropped = loop.time()
            await fake.drop()
            await asyncio.wait_for(fake.resumed.wait(), 20)
            reconnect_ms.append((loop.time() - dropped) * 1000)
            probe = payloads(fake, catalog, rng, 1)[0]
            probes_ok += await _send(fake, probe, {}, DEADLINE)
    finally:
        stop.set()
        await asyncio.wait_for(loader, 60)
    sent = sum(b.sent for b in background)
    lost = sum(b.lost for b in background)
    print(
        f"  fault run: {DROPS} gateway drops, reconnect p50={percentile(reconnect_ms, 50):.0f} ms"
        f" max={max(reconnect_ms):.0f} ms; background sent={sent} lost={lost};"
        f" first interaction after each reconnection answered {probes_ok}/{DROPS}"
    )
    return verdict("interactions lost across gateway drops", lost + DROPS - probes_ok, 0, "")


async def run(
    scale: int,
    n: int,
    fault: bool,
    in_process: bool,
    profile_out: Path | None = None,
    rate: float | None = None,
) -> bool:
    from benchmarks.common import build_catalog, data_dir, synth_db_catalog

    catalog = build_catalog(data_dir(1)) if scale == 1 else await synth_db_catalog()
    slack = 1.0 if scale == 1 else 2.0
    rate = rate or RATE / slack
    where = "one process (running_bot harness)" if in_process else "bot in its own process"
    size = f"{len(catalog.entries)} ties, {len(catalog.clubs)} clubs"
    print(f"\n== scale {scale}x: {size}; {n} interactions per phase; {where}")
    ok = True
    with tempfile.TemporaryDirectory(prefix="tiebot-bench-") as tmp:
        async with served("floor", scale, Path(tmp), in_process) as bot:
            floor_t, _ = await phases("floor", bot, catalog, rate, n)
        async with served("ours", scale, Path(tmp), in_process, profile_out) as bot:
            ours_t, ours_l = await phases("tiebot", bot, catalog, rate, n)
            if fault:
                ok = await fault_run(bot.fake, catalog)
    if profile_out is not None and profile_out.is_file():
        print(f"  our bot's process profile (figures above are slowed by it): {profile_out}")
        top = pstats.Stats(str(profile_out))
        top.sort_stats("cumulative").print_stats(r"bot/(core|discord)", 12)
    ratio = ours_t.throughput / floor_t.throughput if floor_t.throughput else 0.0
    if ours_t.cpu_ms:
        print(
            f"  our/floor CPU-cost ratio: {floor_t.cpu_ms / ours_t.cpu_ms:.2f} (load-independent)"
        )
    print(f"  our/floor throughput ratio: {ratio:.2f}")
    lost = ours_t.lost  # the open loop above capacity may be late by design; closed loop not
    p99 = percentile(ours_l.latencies_ms or [1e9], 99)
    ok &= verdict(
        f"throughput at {scale}x", ours_t.throughput, RATE / slack, "/s", higher_is_better=True
    )
    ok &= verdict(f"p99 latency @{rate:.0f}/s at {scale}x", p99, P99_MS * slack, "ms")
    ok &= verdict(f"our/floor ratio at {scale}x", ratio, RATIO / slack, "", higher_is_better=True)
    ok &= verdict(f"interactions lost under load at {scale}x", lost, 0, "")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load test through the fake Discord server.")
    parser.add_argument("--scale", type=int, choices=(1, 100), action="append")
    parser.add_argument("--interactions", type=int, default=2000, help="per phase")
    parser.add_argument("--no-fault", action="store_true", help="skip the gateway-drop run")
    parser.add_argument("--rate", type=float, help="open-loop rate (default: the target)")
    parser.add_argument("--in-process", action="store_true", help="bots share the fake's loop")
    parser.add_argument("--serve", choices=("ours", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--api-base", help=argparse.SUPPRESS)
    parser.add_argument("--gateway", help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help="cProfile our bot's process into FILE")
    args = parser.parse_args(argv)
    logging.getLogger("discord").setLevel(logging.WARNING)
    if args.serve == "floor":
        asyncio.run(serve_floor(args.api_base, args.gateway))
        return 0
    if args.serve == "ours":
        scale = (args.scale or [1])[0]
        return asyncio.run(
            serve_ours(scale, args.api_base, args.gateway, args.state, args.profile_out)
        )
    results = []
    print(machine())
    for scale in args.scale or [1, 100]:
        fault = not args.no_fault and scale == 1
        profile = args.profile_out.with_suffix(f".{scale}x.prof") if args.profile_out else None
        job = run(scale, args.interactions, fault, args.in_process, profile, args.rate)
        results.append(asyncio.run(job))
    with contextlib.suppress(Exception):
        logging.shutdown()
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
