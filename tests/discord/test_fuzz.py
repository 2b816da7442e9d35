"""Hostile input through the real interaction path: nothing crashes, pings or overflows.

Hypothesis generates option values (any Unicode, invisible and right-to-left
characters, 6,000-character strings, Markdown, mention syntax, SQL, NUL bytes,
numbers where names belong) and sends them as slash commands and autocomplete
requests to the real client (``running_bot`` on the fake Discord) backed by the
real engine on the real data.  Every reply must stay within Discord's limits
with mentions disabled, nothing may reach the error handler or the error log;
afterwards the in-memory catalog must be unchanged (answers share it), the same
questions must get the same answers, and the process must not have grown by
more than ``GROWTH_MB``.

Each example draws a batch of distinct values sent concurrently, so thousands
of values per command fit in seconds; ``TIEBOT_FUZZ_PER_COMMAND`` sets how many
(default 5,000), and at least ``DISTINCT`` of them must be distinct and at most
``EMPTY`` empty.  Generation is seeded (``TIEBOT_FUZZ_SEED``): a failure names
the exact command and options and the command line that replays it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import re
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st

from bot.answering.engine import Engine
from bot.answering.methods import ASKABLE
from bot.domain.catalog import Catalog
from bot.pictures.speaker import PictureSpeaker
from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from bot.testing.fakediscord import FakeDiscord
from tests.discord.fuzz_checks import request_problems
from tests.discord.fuzzing import (
    NASTY,
    OPTIONS,
    Errors,
    Item,
    ServedBot,
    catalog_digest,
    follow_components,
    forget,
    hostile,
    rss_mb,
    send_all,
    shape,
    show,
)

METHODS = tuple(m.value for m in ASKABLE)

ROOT = Path(__file__).resolve().parents[2]
PER_COMMAND = int(os.environ.get("TIEBOT_FUZZ_PER_COMMAND", "5000"))
SEED = int(os.environ.get("TIEBOT_FUZZ_SEED", "20261129"))
BATCH = 100
DISTINCT, EMPTY = 0.6, 0.02  # shares of the values sent to one command
GROWTH_MB = 150  # what the whole run may add to the process (measured: 73 MB, with hypothesis)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@dataclass
class Fuzz:
    bot: ServedBot
    home: Path
    catalog: Catalog
    digest: str
    rss_mb: float
    errors: Errors
    pools: dict[str, list[str]]
    baseline: list[dict[str, Any]]
    sent: Counter[str] = field(default_factory=Counter)


def replay(label: str) -> str:
    """The command line that sends the same values again (generation is seeded)."""
    node = os.environ.get("PYTEST_CURRENT_TEST", "tests/discord/test_fuzz.py").split(" ")[0]
    return (
        f"replay: TIEBOT_FUZZ_SEED={SEED} TIEBOT_FUZZ_PER_COMMAND={PER_COMMAND}"
        f" pytest '{node}'  ({label}: hypothesis seed {label_seed(label)})"
    )


def label_seed(label: str) -> int:
    """One seed per fuzzed command: each gets other values, each is replayable alone."""
    return SEED + zlib.crc32(label.encode())


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
    build_database(ROOT / "data" / "seasons" / "wikipedia", db, ROOT / "data" / "clubs.toml")
    engine = PictureSpeaker(Engine(asyncio.run(read_catalog(db))))  # as `run` serves Discord
    digest = catalog_digest(engine.catalog)
    pools = {
        "club": [c.name for c in engine.catalog.clubs.values()],
        "season": list(engine.engine.ctx.labels),
        "round": engine.round_names(),
        "competition": engine.competitions(),
        "method": list(METHODS),
        "question": [
            "who knocked out Simba in 2012",
            "qui a éliminé Simba en 2012",
            "ASEC vs Horoya",
            "penalties 2014",
            "final 2017",
        ],
    }
    root = logging.getLogger()
    level, errors = root.level, Errors()
    root.addHandler(errors)
    try:
        bot = ServedBot(engine, tmp / "state")
        try:
            baseline = bot.call(canonical(bot.fake), 30)
            yield Fuzz(bot, tmp, engine.catalog, digest, rss_mb(), errors, pools, baseline)
        finally:
            code = bot.close()
    finally:
        root.removeHandler(errors)
        root.setLevel(level)  # the bot set it from its log level
    assert code == 0


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
    """Send ``PER_COMMAND`` generated values in batches of ``BATCH``, seeded by label."""
    size = min(BATCH, PER_COMMAND)
    examples = math.ceil(PER_COMMAND / size)
    values = st.lists(hostile(sorted({v for pool in fuzz.pools.values() for v in pool})),
                      min_size=size, max_size=size, unique=True)  # fmt: skip
    started, in_bot, clicks = time.perf_counter(), [0.0], fuzz.sent["component clicks"]
    targets: Counter[str] = Counter()

    @seed(label_seed(label))
    @settings(max_examples=examples, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate], verbosity=Verbosity.quiet,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    # no shrinking and no dump of the whole batch: the assertion names each failing input
    @given(values, st.integers(0, 2**32 - 1))
    def check(batch: list[str], shape_seed: int) -> None:
        items = shape(fuzz.pools, batch, shape_seed, commands, focus)
        targets.update(batch)
        sending = time.perf_counter()
        problems = fuzz.bot.call(run_batch(fuzz, items), 180)
        in_bot[0] += time.perf_counter() - sending
        fuzz.sent[label] += len(items)
        assert not problems, "\n".join([*problems[:10], replay(label)])

    check()
    elapsed = time.perf_counter() - started
    clicks = fuzz.sent["component clicks"] - clicks
    sent, distinct, empty = fuzz.sent[label], len(targets), targets[""]
    print(f"\nfuzz {label}: {sent} interactions ({distinct} distinct values, {empty} empty;"
          f" +{clicks} component clicks) in {elapsed:.1f}s ({in_bot[0]:.1f}s sending and"
          f" checking); seed {SEED}")  # fmt: skip
    assert sent >= PER_COMMAND
    assert distinct >= DISTINCT * sent, (
        f"only {distinct} distinct values of {sent}; {replay(label)}"
    )
    assert empty <= EMPTY * sent, f"{empty} empty values of {sent}; {replay(label)}"


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
                batch.append((command, {**base, name: value}, None))
                if kind != "question":  # free text: no autocomplete to ask for
                    batch.append((command, {**base, name: value}, name))
    problems: list[str] = []
    for at in range(0, len(batch), BATCH):
        problems += fuzz.bot.call(run_batch(fuzz, batch[at : at + BATCH]), 180)
    assert not problems, "\n".join(problems[:10])


def test_catalog_answers_and_memory_unchanged_afterwards(fuzz: Fuzz) -> None:
    """Runs last: whatever the fuzz sent, the shared catalog is untouched, the same questions
    get the same answers, nothing was written beside the state, and memory stayed bounded."""
    assert catalog_digest(fuzz.catalog) == fuzz.digest, "answering changed the catalog"
    assert fuzz.bot.call(canonical(fuzz.bot.fake), 30) == fuzz.baseline
    left = sorted(p.name for p in fuzz.home.iterdir() if not p.name.endswith(".lock"))
    assert left == ["state", "tiebot.sqlite3"]  # no temp file of a build left behind
    grown = rss_mb() - fuzz.rss_mb
    print(f"\nfuzz: the process grew by {grown:.0f} MB over {sum(fuzz.sent.values())} interactions")
    assert grown <= GROWTH_MB, f"the process grew by {grown:.0f} MB"
    assert not fuzz.errors.records, fuzz.errors.lines()[:5]


def test_catalog_digest_sees_any_change() -> None:
    """The check above can fail: a club removed from one index changes the digest."""
    from tests.discord.fakeengine import CATALOG

    before = catalog_digest(CATALOG)
    key = next(iter(CATALOG.by_club))
    entries = CATALOG.by_club.pop(key)
    try:
        assert catalog_digest(CATALOG) != before
    finally:
        CATALOG.by_club[key] = entries
    assert catalog_digest(CATALOG) == before
