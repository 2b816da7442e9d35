"""Hostile input through the real interaction path: nothing crashes, pings or overflows.

Hypothesis generates option values (any Unicode, invisible and right-to-left
characters, 6,000-character strings, Markdown, mention syntax, SQL, NUL bytes,
numbers where names belong) and sends them as slash commands and autocomplete
requests to the real client (``running_bot`` on the fake Discord) backed by the
real engine on the real data.  Every reply must stay within Discord's limits
with mentions disabled, nothing may reach the error handler or the error log,
and the database file must be byte-for-byte unchanged afterwards.

Each example draws a batch of interactions sent concurrently, so thousands of
values per command fit in seconds; ``TIEBOT_FUZZ_PER_COMMAND`` sets how many
(default 5,000).  A failure names the exact command and options.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import os
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

from bot.core.engine import METHODS, Engine
from bot.storage import build_database, read_catalog
from bot.testing.fakediscord import FakeDiscord
from tests.discord.fuzzing import (
    NASTY,
    Errors,
    ServedBot,
    follow_components,
    hostile,
    request_problems,
    send_all,
)

ROOT = Path(__file__).resolve().parents[2]
PER_COMMAND = int(os.environ.get("TIEBOT_FUZZ_PER_COMMAND", "5000"))
BATCH = 100
pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

# command → option name → kind of value (which valid pool it draws from)
OPTIONS: dict[str, dict[str, str]] = {
    "tie": {"club": "club", "season": "season", "round": "round", "competition": "competition"},
    "club": {"name": "club", "season": "season", "competition": "competition"},
    "headtohead": {"club_a": "club", "club_b": "club", "competition": "competition"},
    "season": {"season": "season", "round": "round", "competition": "competition"},
    "decided": {"method": "method", "season": "season", "competition": "competition"},
}
REQUIRED = {"tie": {"club"}, "club": {"name"}, "headtohead": {"club_a", "club_b"},
            "season": {"season"}, "decided": {"method"}}  # fmt: skip


@dataclass
class Fuzz:
    bot: ServedBot
    db: Path
    digest: str
    errors: Errors
    pools: dict[str, list[str]]
    baseline: list[dict[str, Any]]
    sent: Counter[str] = field(default_factory=Counter)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CANONICAL = [("tie", {"club": "Simba", "season": "2012"}), ("season", {"season": "2017"}),
             ("decided", {"method": "penalties"})]  # fmt: skip


async def canonical(fake: FakeDiscord) -> list[dict[str, Any]]:
    """Answers to fixed questions, without components (their custom ids are random)."""
    bodies = [await fake.interact(fake.command(name, opts), 10) for name, opts in CANONICAL]
    auto = await fake.interact(fake.command("tie", {"club": "sim"}, focused="club"), 10)
    return [{"type": b["type"], "embeds": b["data"]["embeds"]} for b in bodies] + [auto]


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("fuzz")
    db = tmp / "tiebot.sqlite3"
    build_database(ROOT / "data" / "seasons", db, ROOT / "data" / "clubs.toml")
    digest = sha256(db)
    engine = Engine(asyncio.run(read_catalog(db)))
    pools = {
        "club": [c.name for c in engine.catalog.clubs.values()],
        "season": list(engine.lookup.labels),
        "round": engine.round_names(),
        "competition": engine.competitions(),
        "method": list(METHODS),
    }
    root = logging.getLogger()
    level, errors = root.level, Errors()
    root.addHandler(errors)
    try:
        bot = ServedBot(engine, tmp / "state")
        try:
            baseline = bot.call(canonical(bot.fake), 30)
            yield Fuzz(bot, db, digest, errors, pools, baseline)
        finally:
            code = bot.close()
    finally:
        root.removeHandler(errors)
        root.setLevel(level)  # the bot set it from its log level
    assert code == 0


Item = tuple[str, dict[str, str], str | None]  # command, options, focused option (autocomplete)


def shape(fuzz: Fuzz, values: list[str], seed: int, commands: list[str], focus: str | None
          ) -> list[Item]:  # fmt: skip
    """One interaction per generated value, which goes into one option (of kind ``focus``,
    focused, for autocomplete); every other option gets another generated value, a valid
    one or, when optional (or not typed yet: autocomplete), nothing.  Plain ``random``
    shapes: drawing it all through hypothesis would cost more than the bot's own work."""
    rnd = random.Random(seed)
    items: list[Item] = []
    for value in values:
        command = rnd.choice(commands)
        options = OPTIONS[command]
        target = rnd.choice(
            [n for n, kind in options.items() if kind != "method" and focus in (None, kind)]
        )
        chosen: dict[str, str] = {}
        for name, kind in options.items():
            roll = rnd.random()
            if name == target:
                chosen[name] = value
            elif 0.4 <= roll < 0.7 and kind != "method":
                chosen[name] = rnd.choice(values)
            elif roll < 0.4 or kind == "method" or (name in REQUIRED[command] and not focus):
                chosen[name] = rnd.choice(fuzz.pools[kind])
        items.append((command, chosen, target if focus else None))
    return items


def forget(fake: FakeDiscord) -> None:
    """Drop what the fake recorded once checked: 35,000 stored replies slow everything."""
    for log in (fake.requests, fake.callbacks, fake.messages, fake.followups, fake.edits):
        log.clear()


def show(item: Item) -> str:
    """An input for a failure message: exact, except that long values are abridged."""
    command, options, focused = item
    shown = {k: v if len(v) <= 200 else f"{v[:80]}…({len(v)} chars)" for k, v in options.items()}
    return f"/{command} {shown!r}" + (f" autocomplete {focused}" if focused else "")


async def run_batch(fuzz: Fuzz, batch: list[Item]) -> list[str]:
    """Send a batch concurrently; every problem, naming its input."""
    fake = fuzz.bot.fake
    logged = len(fuzz.errors.records)
    sent: dict[str, Item] = {}
    problems: list[str] = []

    async def send(items: list[Item]) -> None:
        payloads = [
            fake.command(name, opts, focused=focused, in_guild=i % 2 == 0)
            for i, (name, opts, focused) in enumerate(items)
        ]
        clicked: list[tuple[str, Item, dict[str, Any]]] = []
        sent.update((p["id"], item) for p, item in zip(payloads, items, strict=True))
        results = await send_all(fake, payloads)
        for payload, item, result in zip(payloads, items, results, strict=True):
            expected = 8 if item[2] else 4
            answers = len(fake.callbacks.get(int(payload["id"]), []))
            if isinstance(result, BaseException):
                problems.append(f"{show(item)}: no answer ({result!r})")
            elif result.get("type") != expected or answers != 1:
                problems.append(f"{show(item)}: callback type {result.get('type')}, {answers}x")
            elif expected == 4 and result["data"].get("components"):
                clicked.append((payload["id"], item, result))
        followed = await asyncio.gather(
            *(follow_components(fake, iid, body) for iid, _, body in clicked),
            return_exceptions=True,
        )
        fuzz.sent["component clicks"] += sum(len(r) for r in followed if isinstance(r, list))
        for (_, item, _), replies in zip(clicked, followed, strict=True):
            if isinstance(replies, BaseException) or any(r["type"] != 7 for _, r in replies):
                problems.append(f"{show(item)}: a component click got {replies!r:.200}")
            else:
                sent.update((click, item) for click, _ in replies)

    await send(batch)
    if len(fuzz.errors.records) > logged:  # which input logged it: one at a time
        for item in batch:
            before = len(fuzz.errors.records)
            await send([item])
            if len(fuzz.errors.records) > before:
                problems.append(f"{show(item)} logged {fuzz.errors.lines()[-1]}")
        problems += [f"logged during the batch: {line}" for line in fuzz.errors.lines()[logged:]]
    for request in fake.requests:  # this batch's, and any late reply to an earlier one
        found = re.search(r"itoken-(\d+)", request.path)
        asked = sent.get(found.group(1)) if found else None
        where = show(asked) if asked else request.path
        problems += [f"{where}: {p}" for p in request_problems(request)]
    forget(fake)
    return problems


def fuzz_command(fuzz: Fuzz, label: str, commands: list[str], focus: str | None) -> None:
    """Send ``PER_COMMAND`` generated values in batches of ``BATCH``."""
    size = min(BATCH, PER_COMMAND)
    examples = math.ceil(PER_COMMAND / size)
    values = st.lists(hostile(sorted({v for pool in fuzz.pools.values() for v in pool})),
                      min_size=size, max_size=size)  # fmt: skip
    started, in_bot, clicks = time.perf_counter(), [0.0], fuzz.sent["component clicks"]

    @settings(max_examples=examples, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate], verbosity=Verbosity.quiet,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    # no shrinking and no dump of the whole batch: the assertion names each failing input
    @given(values, st.integers(0, 2**32 - 1))
    def check(batch: list[str], seed: int) -> None:
        items = shape(fuzz, batch, seed, commands, focus)
        sending = time.perf_counter()
        problems = fuzz.bot.call(run_batch(fuzz, items), 180)
        in_bot[0] += time.perf_counter() - sending
        fuzz.sent[label] += len(items)
        assert not problems, "\n".join(problems[:10])

    check()
    elapsed = time.perf_counter() - started
    clicks = fuzz.sent["component clicks"] - clicks
    print(f"\nfuzz {label}: {fuzz.sent[label]} interactions (+{clicks} component clicks)"
          f" in {elapsed:.1f}s ({in_bot[0]:.1f}s sending and checking)")  # fmt: skip
    assert fuzz.sent[label] >= PER_COMMAND


@pytest.mark.parametrize("command", list(OPTIONS))
def test_hostile_options_get_polite_bounded_silent_answers(fuzz: Fuzz, command: str) -> None:
    fuzz_command(fuzz, f"/{command}", [command], None)


@pytest.mark.parametrize("kind", ["club", "season"])
def test_hostile_autocomplete_gets_bounded_choices(fuzz: Fuzz, kind: str) -> None:
    commands = [c for c, options in OPTIONS.items() if kind in options.values()]
    fuzz_command(fuzz, f"autocomplete {kind}", commands, kind)


def test_every_fixture_in_every_option(fuzz: Fuzz) -> None:
    """The hand-picked nasty values, deterministically, as command and autocomplete input."""
    batch: list[Item] = []
    for command, options in OPTIONS.items():
        base = {n: fuzz.pools[k][0] for n, k in options.items()}
        for name, kind in options.items():
            if kind == "method":
                continue
            for value in NASTY:
                batch += [(command, {**base, name: value}, None),
                          (command, {**base, name: value}, name)]  # fmt: skip
    problems: list[str] = []
    for at in range(0, len(batch), BATCH):
        problems += fuzz.bot.call(run_batch(fuzz, batch[at : at + BATCH]), 180)
    assert not problems, "\n".join(problems[:10])


def test_database_unchanged_and_answers_the_same(fuzz: Fuzz) -> None:
    assert fuzz.bot.call(canonical(fuzz.bot.fake), 30) == fuzz.baseline
    assert sha256(fuzz.db) == fuzz.digest
    assert sorted(p.name for p in fuzz.db.parent.iterdir()) == ["state", "tiebot.sqlite3"]
    assert not fuzz.errors.records, fuzz.errors.lines()[:5]
