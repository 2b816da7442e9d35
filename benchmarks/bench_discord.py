"""Load test of the real bot through the fake Discord, against a constant-reply floor.

Why: the engine benchmark times answers alone; fans wait for the whole path
(gateway frame in, discord.py dispatch, cog, engine, embed, REST callback
out).  This drives the REAL client with many concurrent interactions and
compares it with a minimal discord.py bot through the same kind of fake
server, and checks that gateway drops lose nothing.

Both bots run at once, each on its own fake Discord, and are measured in
**interleaved** short slices: every repetition runs a throughput slice (closed
loop) and a latency slice (open loop at the target rate) of each bot, in
alternating order.  Noise on a shared machine then hits both sides alike, and
the our/floor ratio is reported per repetition: its median and spread.  The
latency percentiles pool every latency slice (10 x 300 = 3,000 samples per bot
by default).  Usage:
``python -m benchmarks.bench_discord [--scale 1|100] [--repetitions 10]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import pstats
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import variant
from benchmarks.common import machine, percentile, verdict
from benchmarks.discord_load import Load, closed_loop, fault_run, open_loop, payloads
from benchmarks.discord_serve import Served, profiled, serve_floor, serve_ours, served
from bot.domain.catalog import Catalog

RATE, P99_MS = 500.0, 15.0  # real-scale targets; 100x may be 2x worse
RATIO = {1: 0.75, 100: 0.5}  # our/floor throughput (issue 15): all shipped data; 100x
CONCURRENCY = 32
REPETITIONS, THROUGHPUT_SLICE, LATENCY_SLICE = 10, 1000, 300
MIN_P99_SAMPLES = 3000


@dataclass
class Side:
    """One bot under test: its slices so far."""

    label: str
    bot: Served
    rng: random.Random
    throughput: list[Load] = field(default_factory=list)
    latency: Load | None = None

    async def throughput_slice(self, catalog: Catalog, n: int) -> Load:
        self.bot.activate()
        fake, cpu = self.bot.fake, self.bot.cpu()
        items = payloads(fake, catalog, self.rng, n)
        counter = self.bot.counter
        if counter is not None:
            counter.start()
        load = await closed_loop(f"{self.label} throughput", fake, items, CONCURRENCY)
        load.cpu_ms = (self.bot.cpu() - cpu) * 1000 / max(1, load.sent)
        if counter is not None:
            load.instructions = counter.stop() / max(1, load.sent)
        self.throughput.append(load)
        return load

    async def latency_slice(self, catalog: Catalog, n: int, rate: float) -> None:
        self.bot.activate()
        fake = self.bot.fake
        items = payloads(fake, catalog, self.rng, n)
        load = await open_loop(f"{self.label} latency @{rate:.0f}/s", fake, items, rate)
        if self.latency is None:
            self.latency = load
        else:
            self.latency.add(load)


def spread(values: list[float]) -> str:
    """Median, quartiles and range of per-repetition values."""
    q1, _, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values * 3)
    return (
        f"median {statistics.median(values):.2f}, quartiles {q1:.2f}–{q3:.2f},"
        f" range {min(values):.2f}–{max(values):.2f} (n={len(values)})"
    )


async def interleaved(
    floor: Side, ours: Side, catalog: Catalog, rate: float, repetitions: int, sizes: tuple[int, int]
) -> list[float]:
    """Alternate the two bots slice by slice; the our/floor throughput ratio per repetition."""
    for side in (floor, ours):
        side.bot.activate()
        await closed_loop("warm-up", side.bot.fake, payloads(side.bot.fake, catalog,
                          side.rng, 200), 8)  # fmt: skip
    ratios = []
    for rep in range(repetitions):
        order = (floor, ours) if rep % 2 == 0 else (ours, floor)
        for side in order:
            await side.throughput_slice(catalog, sizes[0])
        for side in order:
            await side.latency_slice(catalog, sizes[1], rate)
        f, o = floor.throughput[-1], ours.throughput[-1]
        ratios.append(o.throughput / f.throughput if f.throughput else 0.0)
        print(f"  repetition {rep + 1:>2}: {floor.label} {f.throughput:6.0f}/s, ours"
              f" {o.throughput:6.0f}/s, ratio {ratios[-1]:.2f}; CPU per interaction"
              f" {floor.label} {f.cpu_ms:.2f} ms, ours {o.cpu_ms:.2f} ms")  # fmt: skip
    return ratios


@dataclass
class Plan:
    """What to run: scale, repetitions and slice sizes, rate, and the optional extras."""

    scale: int
    repetitions: int = REPETITIONS
    sizes: tuple[int, int] = (THROUGHPUT_SLICE, LATENCY_SLICE)
    rate: float | None = None
    fault: bool = True
    in_process: bool = False
    profile_out: Path | None = None
    without: tuple[str, ...] = ()  # speed-ups hidden from both bots
    versus: tuple[str, ...] | None = None  # A/B: the other side is ours without these too
    callgrind: Path | None = None  # count instructions under callgrind, dumps in this folder


async def run(plan: Plan) -> bool:
    from benchmarks.common import build_catalog, data_dir, synth_db_catalog

    catalog = build_catalog(data_dir(1)) if plan.scale == 1 else await synth_db_catalog()
    slack = 1.0 if plan.scale == 1 else 2.0
    rate = plan.rate or RATE / slack
    where = (
        "one process (running_bot harness)" if plan.in_process else "each bot in its own process"
    )
    size = f"{len(catalog.entries)} ties, {len(catalog.clubs)} clubs"
    print(f"\n== scale {plan.scale}x: {size}; {plan.repetitions} interleaved repetitions of"
          f" {plan.sizes[0]} (closed loop, c={CONCURRENCY}) + {plan.sizes[1]} (open loop,"
          f" {rate:.0f}/s) interactions per bot; {where}")  # fmt: skip
    hidden = ", ".join(plan.without) or "none"
    print(f"  speed-ups hidden from both bots: {hidden}"
          + ("" if plan.versus is None else f"; the other side is ours without"
             f" {', '.join(plan.versus) or 'nothing more'}, not the floor"))  # fmt: skip
    other, label = ("floor", "floor") if plan.versus is None else ("ours", "versus")
    with tempfile.TemporaryDirectory(prefix="tiebot-bench-") as tmp:
        ours_args = (plan.scale, Path(tmp), plan.in_process, plan.profile_out, plan.without,
                     plan.callgrind)  # fmt: skip
        other_hidden = plan.without + (plan.versus or ())
        (Path(tmp) / "other").mkdir()  # (an A/B's second bot keeps its own state folder)
        other_profile = plan.profile_out.with_suffix(".other.prof") if plan.profile_out else None
        async with served(other, plan.scale, Path(tmp) / "other", plan.in_process, other_profile,
                          other_hidden, plan.callgrind) as floor_bot, \
                served("ours", *ours_args) as ours_bot:  # fmt: skip
            floor = Side(label, floor_bot, random.Random(7))
            ours = Side("tiebot", ours_bot, random.Random(7))
            ratios = await interleaved(floor, ours, catalog, rate, plan.repetitions, plan.sizes)
            ok = report(floor, ours, ratios, plan.scale, rate)
            if plan.fault:
                ours_bot.activate()
                ok &= await fault_run(ours_bot.fake, catalog)
    if plan.profile_out is not None and plan.profile_out.is_file():
        print(f"  our bot's process profile (figures above are slowed by it): {plan.profile_out};"
              f" the other side's: {other_profile}")  # fmt: skip
        pstats.Stats(str(plan.profile_out)).sort_stats("cumulative").print_stats(r"/bot/", 15)
    return ok


def per_interaction(side: Side, what: str = "cpu_ms") -> float:
    """The bot's CPU ms (or instructions) per interaction over all its throughput slices."""
    sent = sum(t.sent for t in side.throughput)
    return sum(getattr(t, what) * t.sent for t in side.throughput) / sent if sent else 0.0


cpu_per_interaction = per_interaction


def report(floor: Side, ours: Side, ratios: list[float], scale: int, rate: float) -> bool:
    """The pooled figures, the ratio's spread, and PASS/FAIL per target."""
    slack = 1.0 if scale == 1 else 2.0
    for side in (floor, ours):
        tputs = [t.throughput for t in side.throughput]
        print(f"  {side.label} throughput per repetition: median {statistics.median(tputs):.0f}/s,"
              f" range {min(tputs):.0f}–{max(tputs):.0f}/s")  # fmt: skip
        assert side.latency is not None
        print("  " + side.latency.line())
    print("\n".join(ours.latency.kind_lines() if ours.latency else []))
    cpu = [f.cpu_ms / o.cpu_ms for f, o in zip(floor.throughput, ours.throughput, strict=True)
           if o.cpu_ms]  # fmt: skip
    if cpu:  # per slice it is coarse (/proc counts 10 ms ticks); pooled it is not
        pooled = cpu_per_interaction(floor) / (cpu_per_interaction(ours) or 1.0)
        print(f"  CPU per interaction, pooled: {floor.label} {cpu_per_interaction(floor):.2f} ms,"
              f" ours {cpu_per_interaction(ours):.2f} ms; our/floor CPU-cost ratio {pooled:.2f},"
              f" per repetition {spread(cpu)}")  # fmt: skip
    print(f"  our/floor throughput ratio: {spread(ratios)}")
    if ours.throughput and ours.throughput[0].instructions:  # under callgrind
        each = [f.instructions / o.instructions for f, o in zip(floor.throughput, ours.throughput,
                                                                  strict=True)]  # fmt: skip
        theirs, mine = per_interaction(floor, "instructions"), per_interaction(ours, "instructions")
        print(f"  instructions per interaction (callgrind): {floor.label} {theirs:,.0f}, ours"
              f" {mine:,.0f}; {floor.label}/ours per repetition {spread(each)}")  # fmt: skip
    latencies = ours.latency.latencies_ms if ours.latency else []
    if len(latencies) < MIN_P99_SAMPLES:
        print(f"  note: p99 rests on {len(latencies)} samples (< {MIN_P99_SAMPLES})")
    lost = sum(t.lost for t in ours.throughput)  # the open loop above capacity may be late
    median_tput = statistics.median(t.throughput for t in ours.throughput)
    ok = verdict(f"throughput at {scale}x (median)", median_tput, RATE / slack, "/s",
                 higher_is_better=True)  # fmt: skip
    p99 = percentile(latencies or [1e9], 99)
    ok &= verdict(f"p99 latency @{rate:.0f}/s at {scale}x", p99, P99_MS * slack, "ms")
    ok &= verdict(f"our/floor ratio at {scale}x (median)", statistics.median(ratios),
                  RATIO[scale], "", higher_is_better=True)  # fmt: skip
    ok &= verdict(f"interactions lost under load at {scale}x", lost, 0, "")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load test through the fake Discord server.")
    parser.add_argument("--scale", type=int, choices=(1, 100), action="append")
    parser.add_argument("--repetitions", type=int, default=REPETITIONS,
                        help=f"interleaved repetitions (default {REPETITIONS})")  # fmt: skip
    parser.add_argument("--slice", type=int, default=THROUGHPUT_SLICE,
                        help="interactions per throughput slice, per bot")  # fmt: skip
    parser.add_argument("--latency-slice", type=int, default=LATENCY_SLICE,
                        help="interactions per latency slice, per bot")  # fmt: skip
    parser.add_argument("--no-fault", action="store_true", help="skip the gateway-drop run")
    parser.add_argument("--rate", type=float, help="open-loop rate (default: the target)")
    parser.add_argument("--in-process", action="store_true", help="bots share the fake's loop")
    parser.add_argument("--serve", choices=("ours", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--api-base", help=argparse.SUPPRESS)
    parser.add_argument("--gateway", help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help="cProfile our bot's process into FILE")
    parser.add_argument("--without", type=variant.parse, default=(),
                        help="speed-ups to hide from both bots, e.g. orjson,uvloop")  # fmt: skip
    parser.add_argument("--versus-without", type=variant.parse,
                        help="A/B: the other side is our bot without these too")  # fmt: skip
    parser.add_argument(
        "--callgrind",
        type=Path,
        metavar="DIR",
        help="count each bot's instructions per interaction under callgrind",
    )
    args = parser.parse_args(argv)
    logging.getLogger("discord").setLevel(logging.WARNING)
    if args.serve:  # a bot's own process: the event loop production would use
        from bot.cli.startup import use_fast_event_loop

        print(f"  ({args.serve} bot: {use_fast_event_loop()} event loop)")
    if args.serve == "floor":
        asyncio.run(profiled(serve_floor(args.api_base, args.gateway), args.profile_out))
        return 0
    if args.serve == "ours":
        scale = (args.scale or [1])[0]
        return asyncio.run(
            serve_ours(scale, args.api_base, args.gateway, args.state, args.profile_out)
        )
    if args.repetitions < 1 or args.slice < 1 or args.latency_slice < 1:
        parser.error("--repetitions, --slice and --latency-slice must be at least 1")
    results = []
    print(machine())
    started = time.perf_counter()
    for scale in args.scale or [1, 100]:
        profile = args.profile_out.with_suffix(f".{scale}x.prof") if args.profile_out else None
        plan = Plan(scale, args.repetitions, (args.slice, args.latency_slice), args.rate,
                    not args.no_fault and scale == 1, args.in_process, profile, args.without,
                    args.versus_without, args.callgrind)  # fmt: skip
        results.append(asyncio.run(run(plan)))
    print(f"\n(bench_discord took {time.perf_counter() - started:.0f} s)")
    with contextlib.suppress(Exception):
        logging.shutdown()
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
