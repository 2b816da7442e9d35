"""Helpers for the hostile-input fuzz test: the values, the bot on a loop, the reply checks.

``hostile`` generates what a fan (or an attacker) could type into a string
option, as Discord delivers it: up to 6,000 characters of anything.

Hypothesis drives synchronous tests, while the real client must keep one
event loop for the whole module (starting it per example would cost seconds).
So ``ServedBot`` runs ``running_bot`` on a loop in a daemon thread and every
call into it is bounded by a timeout.  ``request_problems`` lists everything
wrong with one request the bot made to the fake Discord (limits, mentions,
an answer from the error handler).
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import threading
from collections.abc import Coroutine, Iterable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import Harness, running_bot
from bot.testing.payloads import Recorded

T = TypeVar("T")
# A mention Discord would parse: not defused by a zero-width space after "<@"/"<#".
MENTION = re.compile(r"@everyone|@here|<@(?!\u200b)|<#(?!\u200b)")
# The error handler's notices (bot/discord/errors.py): fuzz input must never reach them.
ERROR_TITLES = ("Something went wrong", "That did not work", "Unknown command")
LIMITS = {"title": 256, "description": 4096, "fields": 25, "name": 256, "value": 1024,
          "footer": 2048, "author": 256, "total": 6000, "embeds": 10, "content": 2000}  # fmt: skip
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


def _texts(embed: dict[str, Any]) -> Iterable[str]:
    yield embed.get("title") or ""
    yield embed.get("description") or ""
    yield (embed.get("footer") or {}).get("text") or ""
    yield (embed.get("author") or {}).get("name") or ""
    for f in embed.get("fields") or []:
        yield f.get("name") or ""
        yield f.get("value") or ""


def embed_problems(embed: dict[str, Any]) -> list[str]:
    found: list[str] = []
    fields = embed.get("fields") or []
    sizes = {
        "title": len(embed.get("title") or ""),
        "description": len(embed.get("description") or ""),
        "footer": len((embed.get("footer") or {}).get("text") or ""),
        "author": len((embed.get("author") or {}).get("name") or ""),
        "fields": len(fields),
        "name": max((len(f.get("name") or "") for f in fields), default=0),
        "value": max((len(f.get("value") or "") for f in fields), default=0),
        "total": sum(len(t) for t in _texts(embed)),
    }
    found += [f"embed {k} {n} > {LIMITS[k]}" for k, n in sizes.items() if n > LIMITS[k]]
    found += [f"empty field {k}" for f in fields for k in ("name", "value") if not f.get(k)]
    return found


def component_problems(rows: list[dict[str, Any]]) -> list[str]:
    found = [f"{len(rows)} component rows > 5"] if len(rows) > 5 else []
    for row in rows:
        items = row.get("components") or []
        if len(items) > 5:
            found.append(f"{len(items)} components in a row > 5")
        for item in items:
            options = item.get("options") or []
            found += [f"{len(options)} select options > 25"] if len(options) > 25 else []
            texts = [item.get("custom_id") or ""]
            texts += [o.get(k) or "" for o in options for k in ("label", "value", "description")]
            found += [f"component text over 100: {t[:40]!r}…" for t in texts if len(t) > 100]
            if len(item.get("label") or "") > 80:  # a button's label
                found.append(f"button label over 80: {item['label'][:40]!r}…")
            if len(item.get("placeholder") or "") > 150:
                found.append("select placeholder over 150")
    return found


def message_problems(data: dict[str, Any]) -> list[str]:
    """A message (callback data, follow-up or edit): silent, within limits, no apology."""
    found: list[str] = []
    if data.get("allowed_mentions") != {"parse": []}:
        found.append(f"allowed_mentions is {data.get('allowed_mentions')!r}")
    content = data.get("content") or ""
    embeds = data.get("embeds") or []
    if len(content) > LIMITS["content"] or len(embeds) > LIMITS["embeds"]:
        found.append(f"content {len(content)} chars, {len(embeds)} embeds")
    texts = [content, *(t for e in embeds for t in _texts(e))]
    if sum(len(t) for t in texts) - len(content) > LIMITS["total"]:
        found.append("the embeds together exceed 6,000 characters")
    found += [f"raw mention in {t[:80]!r}" for t in texts if MENTION.search(t)]
    found += [f"NUL byte in {t[:80]!r}" for t in texts if "\x00" in t]
    for embed in embeds:
        found += embed_problems(embed)
        if (embed.get("title") or "") in ERROR_TITLES:
            found.append(f"error handler answered: {embed.get('description')!r}")
    return found + component_problems(data.get("components") or [])


def choice_problems(data: dict[str, Any]) -> list[str]:
    choices = data.get("choices")
    if not isinstance(choices, list):
        return [f"autocomplete without a choice list: {data!r}"]
    found = [f"{len(choices)} choices > 25"] if len(choices) > 25 else []
    for c in choices:
        name, value = c.get("name"), c.get("value")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            found.append(f"choice name {name!r}")
        if not isinstance(value, str) or len(value) > 100:
            found.append(f"choice value {value!r}")
    return found


def request_problems(request: Recorded) -> list[str]:
    """What is wrong with one request the bot made to the fake Discord."""
    if request.status >= 400:
        return [f"{request.method} {request.path} got {request.status}"]
    body = request.body if isinstance(request.body, dict) else {}
    if "/callback" in request.path:
        kind = body.get("type")
        if kind == 8:
            return choice_problems(body.get("data") or {})
        if kind in (4, 7):
            return message_problems(body.get("data") or {})
        return [] if kind in (5, 6) else [f"callback type {kind!r}"]
    if "/webhooks/" in request.path and request.method in ("POST", "PATCH"):
        return message_problems(body)
    return []
