"""Helpers for the hostile-input fuzz test: the values, their shapes, the bot on a loop.

``hostile`` generates what a fan (or an attacker) could type into a string
option, as Discord delivers it: up to 6,000 characters of anything.

Hypothesis drives synchronous tests, while the real client must keep one
event loop for the whole module (starting it per example would cost seconds).
So ``ServedBot`` runs ``running_bot`` on a loop in a daemon thread and every
call into it is bounded by a timeout.  ``shape`` spreads generated values over
a command's options; ``catalog_digest`` and ``rss_mb`` say whether serving
changed the catalog or grew the process.  The reply checks are in
``fuzz_checks``.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import random
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from bot.domain.catalog import Catalog
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import Harness, running_bot

T = TypeVar("T")
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


class ServedBot:
    """``running_bot`` on an event loop in a daemon thread, callable from sync code."""

    def __init__(self, engine: Any, state_dir: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="fuzz-bot", daemon=True)
        self.thread.start()
        # WARNING: DEBUG logging of 30,000 interactions would cost more than the bot itself.
        self._context = running_bot(engine, state_dir, log_level="WARNING")
        try:
            self.harness: Harness = self.call(self._context.__aenter__(), 30)
        except BaseException:
            self._stop_loop()
            raise

    @property
    def fake(self) -> FakeDiscord:
        return self.harness.fake

    def call(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def close(self) -> int:
        """Stop the bot (its exit code) and the loop thread."""
        try:
            self.call(self._context.__aexit__(None, None, None), 40)
            self.call(_cancel_the_rest(), 10)  # e.g. view timeouts, as asyncio.run() would
            return self.harness.task.result()
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        if not self.thread.is_alive():
            self.loop.close()


async def _cancel_the_rest() -> None:
    rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in rest:
        task.cancel()
    if rest:
        await asyncio.wait(rest, timeout=5)


async def send_all(
    fake: FakeDiscord, payloads: list[dict[str, Any]], *, concurrency: int = 64,
    timeout: float = 10.0,
) -> list[dict[str, Any] | BaseException]:  # fmt: skip
    """Dispatch every payload (at most ``concurrency`` in flight); each callback or its error."""
    gate = asyncio.Semaphore(concurrency)

    async def one(payload: dict[str, Any]) -> dict[str, Any]:
        async with gate:
            return await fake.interact(payload, timeout)

    return await asyncio.gather(*(one(p) for p in payloads), return_exceptions=True)


def _items(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        c for row in (body.get("data") or {}).get("components") or [] for c in row["components"]
    ]


async def follow_components(
    fake: FakeDiscord, interaction_id: str, body: dict[str, Any], *, pages: int = 50
) -> list[tuple[str, dict[str, Any]]]:
    """Pick the first candidate of a picker, or page a pager to its end (at most ``pages``
    clicks): those replies (type 7) answer the same hostile input.  (click id, reply) pairs."""
    message = fake.response_message(int(interaction_id))
    select = next((c for c in _items(body) if c.get("type") == 3), None)
    if select is not None:
        click = fake.component(message.id, select["custom_id"], values=["0"])
        return [(click["id"], await fake.interact(click))]
    replies: list[tuple[str, dict[str, Any]]] = []
    for _ in range(pages):
        following = next((c for c in _items(body) if c.get("label") == "▶"), None)
        if following is None or following.get("disabled"):
            break
        click = fake.component(message.id, following["custom_id"])
        body = await fake.interact(click)
        replies.append((click["id"], body))
    return replies


class Errors(logging.Handler):
    """Collects what the bot logged at ERROR (any logger) or WARNING (the bot's own)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        ours = record.name.split(".")[0] in {"bot", "tiebot"}
        if record.levelno >= logging.ERROR or ours:
            self.records.append(record)

    def lines(self) -> list[str]:
        return [
            f"{r.name} {r.levelname}: {r.getMessage()}\n{r.exc_text or ''}" for r in self.records
        ]


# command → option name → kind of value (which valid pool it draws from)
OPTIONS: dict[str, dict[str, str]] = {
    "tie": {"club": "club", "season": "season", "round": "round", "competition": "competition"},
    "club": {"name": "club", "season": "season", "competition": "competition"},
    "headtohead": {"club_a": "club", "club_b": "club", "competition": "competition"},
    "season": {"season": "season", "round": "round", "competition": "competition"},
    "decided": {"method": "method", "season": "season", "competition": "competition"},
    "group": {"season": "season", "group": "club", "competition": "competition"},
    "winners": {"competition": "competition"},
    "bracket": {"season": "season", "competition": "competition"},
    "records": {"competition": "competition", "season": "season"},
    "ask": {"question": "question"},
}
REQUIRED = {"tie": {"club"}, "club": {"name"}, "headtohead": {"club_a", "club_b"},
            "season": {"season"}, "decided": {"method"}, "group": {"season"},
            "winners": set(), "bracket": {"season"}, "records": set(),
            "ask": {"question"}}  # fmt: skip


Item = tuple[str, dict[str, str], str | None]  # command, options, focused option (autocomplete)


def shape(pools: dict[str, list[str]], values: list[str], seed: int, commands: list[str],
          focus: str | None) -> list[Item]:  # fmt: skip
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
                chosen[name] = rnd.choice(pools[kind])
        items.append((command, chosen, target if focus else None))
    return items


def forget(fake: FakeDiscord) -> None:
    """Drop what the fake recorded once checked: 35,000 stored replies slow everything."""
    for log in (fake.requests, fake.callbacks, fake.messages, fake.followups, fake.edits,
                fake.uploads):  # fmt: skip
        log.clear()


def show(item: Item) -> str:
    """An input for a failure message: exact, except that long values are abridged."""
    command, options, focused = item
    shown = {k: v if len(v) <= 200 else f"{v[:80]}…({len(v)} chars)" for k, v in options.items()}
    return f"/{command} {shown!r}" + (f" autocomplete {focused}" if focused else "")


def catalog_digest(catalog: Catalog) -> str:
    """Everything the catalog holds, hashed: answering must never change any of it."""
    state = (catalog.seasons, sorted(catalog.clubs.items()), catalog.entries,
             sorted(catalog.by_club.items()), catalog.competitions)  # fmt: skip
    return hashlib.sha256(repr(state).encode()).hexdigest()


def rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
