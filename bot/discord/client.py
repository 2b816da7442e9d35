"""The Discord client: slash commands, sync-if-changed, heartbeat, and the two entry points.

``run_bot`` is what ``python -m bot run`` awaits: it logs in, connects,
serves until SIGTERM/SIGINT (or ``stop``), then closes within 10 s and
returns an exit code.  ``sync_commands`` uploads the command definitions
once (``python -m bot sync [--guild ID]``) without opening the gateway.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Iterator
from typing import Any

import discord
import yarl
from discord.ext import commands

from bot.discord import sync as command_sync
from bot.discord.commands import slash_commands
from bot.discord.embeds import NO_MENTIONS
from bot.discord.errors import TieTree
from bot.discord.health import Heartbeat
from bot.discord.logs import configure_logging, remove_filter
from bot.discord.ports import EngineLike, SettingsLike

log = logging.getLogger(__name__)
CLOSE_TIMEOUT = 10.0
LOGIN_TIMEOUT = 30.0


class TieBot(commands.Bot):
    """Slash commands only: no privileged intents, no mentions, no prefix commands."""

    def __init__(
        self, settings: SettingsLike, engine: EngineLike, *, auto_sync: bool = True, **options: Any
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=discord.Intents.none(),
            allowed_mentions=NO_MENTIONS,
            tree_cls=TieTree,
            **options,
        )
        self.settings = settings
        self.engine = engine
        self.auto_sync = auto_sync
        self.gateway_up = False
        self.heartbeat = Heartbeat(settings.state_dir, lambda: self.gateway_up)

    async def setup_hook(self) -> None:
        for command in slash_commands(self.engine):
            self.tree.add_command(command)
        if not self.auto_sync:
            return
        try:
            await command_sync.sync_if_changed(
                self.tree, self.settings.state_dir, self.settings.dev_guild_id
            )
        except (discord.HTTPException, OSError) as exc:
            log.error("command sync failed (%s); serving the commands Discord already has", exc)

    def _mark(self, up: bool) -> None:
        self.gateway_up = up
        self.heartbeat.beat(up)

    async def on_connect(self) -> None:
        """READY received: the gateway is up (on_ready may wait for guild data)."""
        self._mark(True)
        self.heartbeat.start()

    async def on_ready(self) -> None:
        log.info("ready as %s (%s)", self.user, getattr(self.user, "id", "?"))
        self._mark(True)
        self.heartbeat.start()

    async def on_resumed(self) -> None:
        log.info("gateway session resumed")
        self._mark(True)

    async def on_disconnect(self) -> None:
        self._mark(False)

    async def close(self) -> None:
        await self.heartbeat.stop()
        await super().close()


class ShardedTieBot(TieBot, commands.AutoShardedBot):
    """The same bot on several gateway shards (SHARD_COUNT / SHARD_IDS)."""


def create_bot(settings: SettingsLike, engine: EngineLike, *, auto_sync: bool = True) -> TieBot:
    """A plain bot, or an auto-sharded one when shards are configured."""
    if settings.shard_ids is not None and settings.shard_count is None:
        raise ValueError("SHARD_IDS needs SHARD_COUNT")
    if settings.shard_count is None:
        return TieBot(settings, engine, auto_sync=auto_sync)
    shard_ids = list(settings.shard_ids) if settings.shard_ids is not None else None
    return ShardedTieBot(
        settings, engine, auto_sync=auto_sync, shard_count=settings.shard_count, shard_ids=shard_ids
    )


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


def _install_signals(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> Callable[[], None]:
    installed: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread / Windows
            pass

    def remove() -> None:
        for sig in installed:
            loop.remove_signal_handler(sig)

    return remove


def _exit_code(error: BaseException | None) -> int:
    if error is None:
        return 0
    if isinstance(error, discord.LoginFailure):
        log.error("Discord rejected the bot token; check DISCORD_TOKEN")
    elif isinstance(error, discord.PrivilegedIntentsRequired):
        log.error("Discord asks for privileged intents, which this bot never requests")
    else:
        log.error("the Discord client stopped: %s", error, exc_info=error)
    return 1


async def run_bot(
    settings: SettingsLike, engine: EngineLike, *, stop: asyncio.Event | None = None
) -> int:
    """Serve until SIGTERM/SIGINT or ``stop`` is set; 0 on a graceful stop, 1 on failure,
    2 on a configuration problem."""
    token_filter = configure_logging(settings.log_level, settings.token)
    try:
        if not settings.token:
            log.error("no bot token: set DISCORD_TOKEN")
            return 2
        try:
            bot = create_bot(settings, engine)
        except ValueError as exc:
            log.error("bad configuration: %s", exc)
            return 2
        stop = stop or asyncio.Event()
        with redirected(settings.api_base, settings.gateway_url):
            return await _serve(bot, settings.token, stop)
    finally:
        remove_filter(token_filter)


async def _serve(bot: TieBot, token: str, stop: asyncio.Event) -> int:
    remove_signals = _install_signals(asyncio.get_running_loop(), stop)
    runner = asyncio.create_task(bot.start(token), name="discord-client")
    stopper = asyncio.create_task(stop.wait(), name="stop-signal")
    try:
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            return _exit_code(runner.exception())
        log.info("stop requested; closing the Discord client")
        return 0
    finally:
        remove_signals()
        stopper.cancel()
        try:
            await asyncio.wait_for(bot.close(), CLOSE_TIMEOUT)
        except Exception as exc:  # e.g. an AutoShardedClient that never connected
            log.warning("closing the client did not finish cleanly: %r", exc)
        if not runner.done():
            runner.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(runner, CLOSE_TIMEOUT)


async def sync_commands(settings: SettingsLike, engine: EngineLike, guild_id: int | None) -> int:
    """Upload the commands now (globally, or instantly to one guild); exit code."""
    token_filter = configure_logging(settings.log_level, settings.token)
    try:
        if not settings.token:
            log.error("no bot token: set DISCORD_TOKEN")
            return 2
        with redirected(settings.api_base, settings.gateway_url):
            bot = TieBot(settings, engine, auto_sync=False)
            try:
                await asyncio.wait_for(bot.login(settings.token), LOGIN_TIMEOUT)
                count = await command_sync.sync(bot.tree, settings.state_dir, guild_id)
                target = "globally" if guild_id is None else f"to guild {guild_id}"
                log.info("%d commands synced %s", count, target)
                return 0
            except discord.LoginFailure:
                log.error("Discord rejected the bot token; check DISCORD_TOKEN")
                return 1
            except (discord.HTTPException, TimeoutError, OSError) as exc:
                log.error("command sync failed: %s", exc)
                return 1
            finally:
                await bot.close()
    finally:
        remove_filter(token_filter)
