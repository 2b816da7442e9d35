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
from tests.discord.fakediscord import FakeDiscord
from tests.discord.fuzzing import (
    Errors,
    ServedBot,
    follow_components,
    request_problems,
    send_all,
)

ROOT = Path(__file__).resolve().parents[2]
PER_COMMAND = int(os.environ.get("TIEBOT_FUZZ_PER_COMMAND", "5000"))
BATCH = 100
pytestmark = pytest.mark.timeout(300)

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
NASTY = [
    "@everyone", "@here", "<@123>", "<@!123>", "<@&1>", "<#1>", "</tie:1>", "<t:0:R>",
    "**bold** __u__ `x` ```", "```py\nprint(1)\n```", "||spoiler||", "> quote", "# Heading",
    "[link](https://example.com)", "\\", "\\*", "'; DROP TABLE ties; --", '" OR 1=1 --',
    "Robert'); DROP TABLE clubs;--", "%s %d {0} {club}", "\x00", "a\x00b", "\x00" * 100,
    "12345", "9" * 60, "9" * 4301, "-1", "0", "1e309", "NaN", "２０１２", "٢٠١٢", "2012-13",
    "2023–24", "0000-00", "", " ", "\t\n\r", "\u200b", "\u200f\u202eSimba", "\u202e2012",
    "\ufeff", "\u2028\u2029", "🇹🇿⚽🏆", "👨‍👩‍👧‍👦", "Z̷̢̛a̸l̵g̶o̷", "\u0301", "\U0010ffff",
    "Simba @everyone <#1>", "Étoile\u200bdu Sahel", "ＳＩＭＢＡ", "x" * 6000, "@everyone" * 666,
    "<@123>" * 1000, "\u200f" * 6000, "vs", "/tie Simba 2012", "club:Simba season:2012",
]  # fmt: skip
INVISIBLE = st.characters(categories=["Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn"])


def stretch(seed: str, size: int) -> str:
    """``seed`` repeated to ``size`` characters (long strings without drawing each one)."""
    return (seed * (size // len(seed) + 1))[:size]


# Scripts and marks for long random strings: RTL (Hebrew, Arabic), CJK, combining marks,
# invisible format characters, emoji, private use, the last planes.
PALETTE = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x590, 0x6FF), (0x200B, 0x206F),
           (0x4E00, 0x4FFF), (0xE000, 0xE0FF), (0xFE00, 0xFEFF), (0x1F300, 0x1FAFF),
           (0xE0000, 0xE007F), (0x10FF00, 0x10FFFF)]  # fmt: skip


def scramble(seed: int, size: int) -> str:
    """A long string of characters from mixed scripts (hypothesis draws long text slowly)."""
    rnd = random.Random(seed)
    spans = [rnd.choice(PALETTE) for _ in range(rnd.randint(1, 4))]
    runs = [rnd.choices(range(lo, hi + 1), k=size // len(spans) + 1) for lo, hi in spans]
    return "".join(chr(c) for run in runs for c in run)[:size]


def splice(base: str, insert: str, at: int) -> str:
    at = at % (len(base) + 1)
    return base[:at] + insert + base[at:]


def hostile(valid: list[str]) -> st.SearchStrategy[str]:
    """One option value: anything Discord could deliver (a string of up to 6,000 characters)."""
    pieces = st.one_of(st.sampled_from(NASTY), st.sampled_from(valid), st.text(max_size=10))
    return st.one_of(
        st.text(max_size=120),
        st.builds(scramble, st.integers(0, 2**32 - 1), st.integers(101, 6000)),
        st.text(INVISIBLE, max_size=40),
        st.builds(stretch, st.text(min_size=1, max_size=30), st.integers(101, 6000)),
        st.sampled_from(NASTY),
        st.lists(pieces, min_size=1, max_size=6).map("".join),
        st.builds(lambda name, size: name[:size], st.sampled_from(valid), st.integers(1, 6)),
        st.builds(
            splice,
            st.sampled_from(valid),
            st.sampled_from(NASTY) | st.text(INVISIBLE),
            st.integers(0, 60),
        ),
        st.integers().map(str),
        st.floats().map(str),
        st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),  # lone surrogates
    ).map(lambda text: text[:6000])


@dataclass
class Fuzz:
    bot: ServedBot
    engine: Engine
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
    bot = ServedBot(engine, tmp / "state")
    try:
        baseline = bot.call(canonical(bot.fake), 30)
        yield Fuzz(bot, engine, db, digest, errors, pools, baseline)
    finally:
        code = bot.close()
        root.removeHandler(errors)
        root.setLevel(level)
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
