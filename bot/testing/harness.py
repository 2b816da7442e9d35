"""``running_bot``: the real client, in-process, against the fake Discord.

Used by the end-to-end tests and the load benchmarks::

    async with running_bot(engine, tmp_path) as h:
        body = await h.fake.interact(h.fake.command("tie", {"club": "Simba"}))
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.discord.client import run_bot
from bot.testing.fakediscord import FakeDiscord

TOKEN = "MTAxMDEwMTAxMDEwMTAxMDEw.FAKE.token-for-tests-only-1234567890"


@dataclass
class Harness:
    """The fake Discord, the settings the bot got, its ``run_bot`` task and its stop switch."""

    fake: FakeDiscord
    settings: Settings
    task: asyncio.Task[int]
    stop: asyncio.Event


def make_settings(state_dir: Path, fake: FakeDiscord | None = None, **changes: Any) -> Settings:
    """Settings with the test token, DEBUG logs, and (with ``fake``) its addresses."""
    settings = Settings(token=TOKEN, log_level="DEBUG", state_dir=state_dir)
    if fake is not None:
        settings = replace(settings, api_base=fake.api_base, gateway_url=fake.gateway_url)
    return replace(settings, **changes)


def closed_port() -> int:
    """A port of 127.0.0.1 nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextlib.asynccontextmanager
async def running_bot(
    engine: Any, state_dir: Path, *, ready_timeout: float = 10.0, **changes: Any
) -> AsyncIterator[Harness]:
    """Start the fake server and ``run_bot``; yield once READY was sent; stop both after."""
    fake = await FakeDiscord(TOKEN).start()
    settings = make_settings(state_dir, fake, **changes)
    stop = asyncio.Event()
    task = asyncio.create_task(run_bot(settings, engine, stop=stop))
    try:
        ready = asyncio.create_task(fake.ready.wait())
        done, _ = await asyncio.wait({ready, task}, timeout=ready_timeout,
                                     return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
        ready.cancel()
        if task in done:
            raise RuntimeError(f"run_bot ended before READY with {task.result()!r}")
        if not fake.ready.is_set():
            raise TimeoutError("the bot did not connect to the fake gateway")
        yield Harness(fake, settings, task, stop)
    finally:
        stop.set()
        try:
            await asyncio.wait_for(asyncio.shield(task), 15)
        finally:
            if not task.done():
                task.cancel()
            await fake.close()
