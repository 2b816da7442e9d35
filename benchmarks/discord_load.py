"""Load generation for the Discord benchmark: the interaction mix, closed and open loops.

A closed loop (fixed concurrency, each sender waits for its answer) measures
throughput; an open loop (arrivals at a fixed rate, whatever the answers do)
measures latency honestly, queueing included.  Latency runs from sending
INTERACTION_CREATE to the fake Discord receiving the interaction callback, both
on the fake's loop clock.  An interaction with no callback within 3 s
(Discord's deadline) is "lost".
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field
from typing import Any

from benchmarks.common import percentile, verdict
from bot.domain.catalog import Catalog
from bot.testing.fakediscord import FakeDiscord

DROPS = 10  # gateway drops in the fault run
DEADLINE = 3.0  # Discord invalidates an interaction not acknowledged within 3 s: "lost"


@dataclass
class Load:
    """One slice: how many were sent/answered, how long it took, and per-interaction latency."""

    name: str
    sent: int
    lost: int
    elapsed: float
    latencies_ms: list[float]
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    cpu_ms: float = 0.0  # the bot's CPU per interaction, when measured
    instructions: float = 0.0  # the bot's instructions per interaction, under callgrind

    @property
    def throughput(self) -> float:
        return (self.sent - self.lost) / self.elapsed if self.elapsed else 0.0

    def add(self, other: Load) -> None:
        """Pool another slice of the same bot into this one (latency samples, counts, time)."""
        self.sent += other.sent
        self.lost += other.lost
        self.elapsed += other.elapsed
        self.latencies_ms += other.latencies_ms
        for kind, values in other.by_kind.items():
            self.by_kind.setdefault(kind, []).extend(values)

    def line(self) -> str:
        lat = self.latencies_ms or [0.0]
        return (
            f"{self.name:<30} sent={self.sent:<5} lost={self.lost:<3} {self.throughput:7.0f}/s"
            f"  p50={percentile(lat, 50):6.2f} ms  p99={percentile(lat, 99):7.2f} ms"
            f"  (n={len(self.latencies_ms)})"
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


async def send(
    fake: FakeDiscord, payload: dict[str, Any], sent_at: dict[int, float], timeout: float
) -> bool:
    """Dispatch one interaction; whether its callback came within ``timeout``."""
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
    forget(fake)
    return load


def forget(fake: FakeDiscord) -> None:
    """Drop what the fake recorded once measured, so every slice costs the same."""
    for log in (fake.requests, fake.callbacks, fake.messages, fake.followups, fake.edits,
                fake.uploads):  # fmt: skip
        log.clear()


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
            ok.append(await send(fake, payload, sent_at, timeout))

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
        tasks.append(asyncio.create_task(send(fake, payload, sent_at, timeout)))
    ok = list(await asyncio.gather(*tasks))
    return _result(name, fake, items, sent_at, ok, loop.time() - start)


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
            probes_ok += await send(fake, probe, {}, DEADLINE)
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
