"""Getting connected: backoff with jitter, which failures a retry can cure, and discord.py #10520.

Once connected, discord.py retries a lost gateway itself.  Before the first
READY it does not: when the first websocket cannot be opened, its reconnect
loop logs a traceback, sleeps, then reads ``self.ws.sequence`` while
``self.ws`` is still None and the client dies with an AttributeError
(discord.py issue #10520); the auto-sharded client instead retries every 5 s
forever, with a traceback each time.  So until the first READY the retries are
ours: ``run_bot`` stops the failed attempt, waits (``Backoff``) and connects
again (with a fresh client when logging in failed), one log line per attempt.
``ReconnectNoise`` turns discord.py's reconnect tracebacks into one line (the
traceback stays at DEBUG) and tells a client still waiting for its first READY
that its gateway connection failed.

Also where to connect: ``redirected`` points discord.py at another REST base and
gateway (a proxy, or the fake Discord of the tests and benchmarks).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol
from weakref import WeakKeyDictionary

import aiohttp
import discord
import yarl

log = logging.getLogger(__name__)

# Gateway close codes that no retry can cure: bad token, bad shard, bad intents.
FATAL_CLOSE_CODES = frozenset({4004, 4010, 4011, 4012, 4013, 4014})
NOISY_LOGGERS = frozenset({"discord.client", "discord.shard"})
NOISY_MESSAGES = ("Attempting a reconnect", "Failed to connect for shard_id")
DETAIL_LIMIT = 160


@dataclass
class Backoff:
    """Capped exponential backoff with jitter: after failure n, wait between half and all
    of ``min(cap, base * 2**(n-1))`` seconds (the jitter keeps restarted bots apart)."""

    base: float = 1.0
    cap: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        """Seconds to wait after the ``attempt``-th consecutive failure (1-based)."""
        step = min(self.cap, self.base * 2.0 ** min(max(attempt, 1) - 1, 60))
        return step / 2 + self.rng.uniform(0.0, step / 2)


class Starting(Protocol):
    """What the filter needs of a client that is starting (``TieBot``)."""

    connected_once: bool

    def first_connect_failed(self, error: BaseException | None) -> None: ...


class GatewayUnreachable(Exception):
    """The first gateway connection failed (the cause, when known, is ``__cause__``)."""


_starting: WeakKeyDictionary[asyncio.Task[None], Starting] = WeakKeyDictionary()


def starting(task: asyncio.Task[None], client: Starting) -> None:
    """Register ``task`` as the one running ``client.start``: its reconnect logs are its own."""
    _starting[task] = client


def _client_of_current_task() -> Starting | None:
    try:
        task = asyncio.current_task()
    except RuntimeError:  # logged from outside any event loop
        return None
    return _starting.get(task) if task is not None else None


def summary(error: BaseException | None) -> str:
    """``Type: message`` on one line, shortened."""
    if error is None:
        return "no detail"
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= DETAIL_LIMIT else text[: DETAIL_LIMIT - 1] + "…"


class ReconnectNoise(logging.Filter):
    """On discord.py's reconnect records: swallow them while a client waits for its first
    READY (it is told, and ``run_bot`` logs the attempt); otherwise keep one line, without
    the traceback unless DEBUG is on."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name not in NOISY_LOGGERS or not str(record.msg).startswith(NOISY_MESSAGES):
            return True
        error = record.exc_info[1] if record.exc_info else None
        client = _client_of_current_task()
        if client is not None and not client.connected_once:
            client.first_connect_failed(error)
            log.debug("first gateway connection failed", exc_info=record.exc_info)
            return False
        if not logging.getLogger(record.name).isEnabledFor(logging.DEBUG):
            record.msg, record.args = f"{record.getMessage()} ({summary(error)})", None
            record.exc_info, record.exc_text = None, None
        return True


_NOISE = ReconnectNoise()


def install_noise_filter() -> None:
    """Put ``ReconnectNoise`` on discord.py's client and shard loggers (once)."""
    for name in sorted(NOISY_LOGGERS):
        logger = logging.getLogger(name)
        if _NOISE not in logger.filters:
            logger.addFilter(_NOISE)


def unreachable(error: BaseException | None, logged_in: bool, connected_once: bool) -> str | None:
    """Why Discord could not be reached, in one line, when a later attempt may succeed;
    None when retrying cannot help (a rejected token, missing intents, a bug)."""
    where = "gateway" if logged_in else "REST API"
    if isinstance(error, GatewayUnreachable):
        return f"gateway: {summary(error.__cause__)}" if error.__cause__ else "gateway: failed"
    if isinstance(error, discord.LoginFailure | discord.PrivilegedIntentsRequired):
        return None
    if isinstance(error, discord.ConnectionClosed):
        return None if error.code in FATAL_CLOSE_CODES else f"gateway closed: code {error.code}"
    if isinstance(error, discord.HTTPException):
        server_side = error.status >= 500 or error.status == 429
        return f"{where}: HTTP {error.status}" if server_side else None
    if isinstance(error, AttributeError) and not connected_once and "sequence" in str(error):
        return "gateway: failed (discord.py #10520)"
    retryable = OSError | aiohttp.ClientError | discord.GatewayNotFound | TimeoutError
    return f"{where}: {summary(error)}" if isinstance(error, retryable) else None


@contextlib.contextmanager
def redirected(api_base: str | None, gateway_url: str | None) -> Iterator[None]:
    """Point discord.py's REST base and first gateway address elsewhere (tests, proxies).

    Later gateway connections follow READY's ``resume_gateway_url`` as usual.
    """
    route = discord.http.Route
    old_base, old_gateway = route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    if api_base:
        route.BASE = api_base.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    try:
        yield
    finally:
        route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


def tolerant_json() -> None:
    """discord.py parses with orjson when installed (its speed extra), and orjson refuses a
    payload with a lone UTF-16 surrogate ("\\ud880"), which a user's pasted text can carry:
    the event would be lost and the gateway restarted.  Such a payload falls back to the
    standard library, which reads it."""
    fast = discord.utils._from_json

    def from_json(data: bytes | bytearray | memoryview | str) -> Any:
        try:
            return fast(data)
        except ValueError:  # orjson.JSONDecodeError is a ValueError
            return json.loads(bytes(data) if isinstance(data, memoryview) else data)

    dump = discord.utils._to_json

    def to_json(obj: Any) -> str:
        try:
            return dump(obj)
        except TypeError:  # orjson refuses a lone surrogate in a string we echo back
            return json.dumps(obj, separators=(",", ":"), ensure_ascii=True)

    if getattr(fast, "__name__", "") != "from_json":
        discord.utils._from_json = from_json
        discord.utils._to_json = to_json


tolerant_json()  # on import: every client of this adapter reads the payloads the same way
