"""Serving side of the Discord load benchmark: the floor bot, and where bots run.

The floor is a minimal discord.py bot answering every command with a
constant: through the fake Discord most of an interaction's cost is
discord.py and aiohttp, and the floor measures that fixed cost so our
bot's figures read as a ratio to the best any discord.py bot could do.

By default each bot runs in its own process (``--serve`` child) while the
fake Discord and the load generator share the parent, as Discord is not in
the bot's process in production; ``in_process=True`` uses the e2e harness
``running_bot`` instead (everything on one event loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import os
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import discord
from discord import app_commands

from benchmarks import instructions, variant
from benchmarks.instructions import Counter
from bot.discord.client import run_bot
from bot.discord.connect import redirected
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN, make_settings, running_bot

T = TypeVar("T")
READY_TIMEOUT = 120.0  # the 100x engine takes seconds to index

_TEXT = "Simba won 3–2 on aggregate and advanced to the second round."


async def _reply(interaction: discord.Interaction[Any]) -> None:
    await interaction.response.send_message(_TEXT)


async def _choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name="Simba", value="Simba")]


class FloorBot(discord.Client):
    """Same command names and options as tiebot; every answer is one constant message."""

    def __init__(self) -> None:
        super().__init__(
            intents=discord.Intents.none(), allowed_mentions=discord.AllowedMentions.none()
        )
        self.tree: app_commands.CommandTree[FloorBot] = app_commands.CommandTree(self)

        @self.tree.command(name="tie", description="constant")
        @app_commands.autocomplete(club=_choices)
        async def tie(
            interaction: discord.Interaction[Any],
            club: str,
            season: str | None = None,
            round: str | None = None,
            competition: str | None = None,
        ) -> None:
            await _reply(interaction)

        @self.tree.command(name="club", description="constant")
        @app_commands.autocomplete(name=_choices)
        async def club(
            interaction: discord.Interaction[Any],
            name: str,
            season: str | None = None,
            competition: str | None = None,
        ) -> None:
            await _reply(interaction)

        @self.tree.command(name="headtohead", description="constant")
        @app_commands.autocomplete(club_a=_choices, club_b=_choices)
        async def headtohead(
            interaction: discord.Interaction[Any],
            club_a: str,
            club_b: str,
            competition: str | None = None,
        ) -> None:
            await _reply(interaction)

        @self.tree.command(name="season", description="constant")
        async def season(
            interaction: discord.Interaction[Any],
            season: str,
            round: str | None = None,
            competition: str | None = None,
        ) -> None:
            await _reply(interaction)


async def profiled(run: Awaitable[T], profile_out: Path | None) -> T:
    """Await ``run``, under cProfile into ``profile_out`` when given."""
    if profile_out is None:
        return await run
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        return await run
    finally:
        profiler.disable()
        profiler.dump_stats(profile_out)


async def serve_floor(api_base: str, gateway_url: str) -> None:
    """Run the floor bot until SIGTERM (child process entry)."""
    bot = FloorBot()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    with redirected(api_base, gateway_url):
        task = asyncio.create_task(bot.start(TOKEN))
        await asyncio.wait({task, asyncio.create_task(stop.wait())}, return_when="FIRST_COMPLETED")
        await asyncio.wait_for(bot.close(), 10)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


async def serve_ours(
    scale: int, api_base: str, gateway_url: str, state_dir: Path, profile_out: Path | None = None
) -> int:
    """Run the real bot (run_bot) on the catalog of ``scale`` until SIGTERM (child entry)."""
    from benchmarks.common import build_catalog, data_dir, gc_pauses, synth_db_catalog
    from bot.cli.startup import engine_for  # as in production: engine built, GC frozen

    catalog = build_catalog(data_dir(1)) if scale == 1 else await synth_db_catalog()
    engine = engine_for(catalog)
    settings = make_settings(
        state_dir, log_level="WARNING", api_base=api_base, gateway_url=gateway_url
    )
    with gc_pauses() as pauses:
        code = await profiled(run_bot(settings, engine), profile_out)
    print(f"  (ours bot: {pauses.line()})", flush=True)
    return code


@dataclass
class Served:
    """A fake Discord with a bot connected, and the CPU seconds that bot has used so far."""

    fake: FakeDiscord
    cpu: Callable[[], float]
    own_process: bool
    counter: Counter | None = None  # callgrind's instruction counts, when run under it

    def activate(self) -> None:
        """Before this bot's slice.  In one process both bots share discord.py's REST base
        (a class attribute), so it is pointed at this bot's fake; slices never overlap."""
        if not self.own_process:
            discord.http.Route.BASE = self.fake.api_base


def _cpu_of(pid: int) -> Callable[[], float]:
    """utime + stime of a child process from /proc (Linux), in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    stat = Path(f"/proc/{pid}/stat")

    def read() -> float:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / tick

    return read


@contextlib.asynccontextmanager
async def served(
    kind: str,
    scale: int,
    state_dir: Path,
    in_process: bool = False,
    profile_out: Path | None = None,
    without: Sequence[str] = (),
    callgrind: Path | None = None,
) -> AsyncIterator[Served]:
    """A fake Discord with ``kind`` ("ours" or "floor") connected to it; in its own process,
    the speed-ups ``without`` names are hidden from the bot (``benchmarks.variant``), and
    with ``callgrind`` (a folder) it runs under callgrind (``benchmarks.instructions``)."""
    if in_process:
        if kind == "floor":
            async with running_floor() as fake:
                yield Served(fake, time.process_time, False)
        else:
            from benchmarks.common import build_catalog, data_dir, synth_db_catalog
            from bot.answering.engine import Engine
            from bot.wording.speaker import Speaker

            catalog = build_catalog(data_dir(1)) if scale == 1 else await synth_db_catalog()
            speaker = Speaker(Engine(catalog))
            async with running_bot(speaker, state_dir, log_level="WARNING") as harness:
                yield Served(harness.fake, time.process_time, False)
        return
    fake = await FakeDiscord(TOKEN).start()
    args = ["--serve", kind, "--scale", str(scale), "--api-base", fake.api_base]
    args += ["--gateway", fake.gateway_url, "--state", str(state_dir)]
    args += ["--profile-out", str(profile_out)] if profile_out else []
    label = f"{kind}-{state_dir.name}"
    prefix = instructions.wrapper(callgrind, label) if callgrind else []
    env = {**os.environ, "PYTHONHASHSEED": "0"} if callgrind else None
    child = await asyncio.create_subprocess_exec(
        *prefix, *variant.command("benchmarks.bench_discord", args, without), env=env
    )
    timeout = READY_TIMEOUT * (instructions.SLOWER if callgrind else 1)
    try:
        ready = asyncio.create_task(fake.ready.wait())
        exited = asyncio.create_task(child.wait())
        await asyncio.wait({ready, exited}, timeout=timeout, return_when="FIRST_COMPLETED")
        ready.cancel()
        exited.cancel()
        if not fake.ready.is_set():
            raise RuntimeError(f"the {kind} bot did not connect (exit code {child.returncode})")
        counter = instructions.Counter(child.pid, callgrind, label) if callgrind else None
        yield Served(fake, _cpu_of(child.pid), True, counter)
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(child.wait(), 20)
            except TimeoutError:
                child.kill()
                await child.wait()
        await fake.close()


@contextlib.asynccontextmanager
async def running_floor(ready_timeout: float = 10.0) -> AsyncIterator[FakeDiscord]:
    """Start the fake server and the floor bot; yield the fake once READY was sent."""
    fake = await FakeDiscord(TOKEN).start()
    bot = FloorBot()
    with redirected(fake.api_base, fake.gateway_url):
        task = asyncio.create_task(bot.start(TOKEN))
        try:
            await asyncio.wait_for(fake.ready.wait(), ready_timeout)
            yield fake
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(bot.close(), 10)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 10)
            await fake.close()
