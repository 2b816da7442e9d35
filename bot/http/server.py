"""One HTTP worker: listen, answer until SIGTERM, then finish what is in flight and stop.

Stopping is graceful: ``/health`` turns 503 at once (a load balancer stops
sending), the listening socket closes, requests already received and
follow-ups already scheduled finish (within ``DRAIN_TIMEOUT``), then the
connections close.  With ``reuse_port`` several workers listen on one port
(``SO_REUSEPORT``: the kernel spreads connections over them).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import signal
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.config import Settings
from bot.discord.ports import EngineLike
from bot.http.app import AccessLog, State, access, create_app
from bot.http.customid import CustomIds
from bot.http.followup import FollowUps, Pictures
from bot.http.interactions import Responder
from bot.http.signature import Verifier

log = logging.getLogger(__name__)
DRAIN_TIMEOUT = 10.0
BACKLOG = 1024


class ServeError(Exception):
    """The worker cannot start (no public key, no id secret, the port is taken)."""


def id_secret(settings: Settings) -> bytes:
    """The key custom ids are signed with: TIEBOT_ID_SECRET, else one derived from the token.

    Every replica must use the same one, so a random per-process key will not do.
    """
    if settings.id_secret:
        return settings.id_secret.encode()
    if settings.token:
        return hashlib.sha256(b"tiebot ids from the token\0" + settings.token.encode()).digest()
    raise ServeError(
        "serve needs TIEBOT_ID_SECRET (any long random string, the same on every replica; "
        "it signs the ids of buttons and menus) or DISCORD_TOKEN to derive it from"
    )


def responder_for(
    settings: Settings, engine: EngineLike, pictures: Pictures | None = None
) -> Responder:
    """The interaction responder these settings describe."""
    return Responder(
        engine, CustomIds(id_secret(settings)), pictures=pictures,
        followups=FollowUps(settings.api_base),
    )  # fmt: skip


async def serve(
    settings: Settings,
    engine: EngineLike,
    *,
    host: str,
    port: int,
    reuse_port: bool = False,
    stop: asyncio.Event | None = None,
    on_ready: Callable[[int], None] | None = None,
    health: Callable[[], dict[str, Any]] = dict,
    pictures: Pictures | None = None,
) -> int:
    """Serve until SIGTERM/SIGINT or ``stop``; 0 after a graceful stop."""
    if not settings.public_key:
        raise ServeError(
            "serve needs DISCORD_PUBLIC_KEY: the application's public key (Developer Portal, "
            "General Information)"
        )
    verifier = Verifier(settings.public_key, settings.http_max_age)
    responder = responder_for(settings, engine, pictures)
    state = State(settings.http_concurrency)
    app = create_app(responder, verifier, state, max_body=settings.http_max_body_kb * 1024,
                     health=health)  # fmt: skip
    runner = web.AppRunner(app, access_log_class=AccessLog, access_log=access,
                           shutdown_timeout=DRAIN_TIMEOUT)  # fmt: skip
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_port=reuse_port or None, backlog=BACKLOG)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    bound = _port(runner, port)
    stop = stop or asyncio.Event()
    remove = _on_signals(stop)
    log.info("serving interactions on http://%s:%d/interactions (worker pid %d)", host, bound,
             os.getpid())  # fmt: skip
    if on_ready is not None:
        on_ready(bound)
    try:
        await stop.wait()
    finally:
        remove()
        state.stopping = True
        log.info("stopping: finishing %d requests and %d follow-ups in flight", state.in_flight,
                 len(state.later))  # fmt: skip
        await site.stop()
        if not await state.drained(DRAIN_TIMEOUT):
            log.warning("stopped with work still in flight after %.0f s", DRAIN_TIMEOUT)
        await runner.cleanup()
        await responder.followups.close()
    return 0


def _port(runner: web.AppRunner, asked: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return asked


def _on_signals(stop: asyncio.Event) -> Callable[[], None]:
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            pass

    def remove() -> None:
        for sig in installed:
            loop.remove_signal_handler(sig)

    return remove
