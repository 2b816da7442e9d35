"""The Discord client: slash commands, sync-if-changed, heartbeat, and the two entry points.

``run_bot`` is what ``python -m bot run`` awaits: it logs in, connects,
serves until SIGTERM/SIGINT (or ``stop``), then closes within 10 s and
returns an exit code.  While Discord cannot be reached it retries with
backoff (``bot.discord.connect``), one log line per attempt, and reports
"unreachable" to ``health``.  ``sync_commands`` uploads the command
definitions once (``python -m bot sync [--guild ID]``) without opening the
gateway.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from typing import Any

import discord
from discord.ext import commands

from bot.discord import sync as command_sync
from bot.discord.commands import slash_commands
from bot.discord.connect import (
    Backoff,
    GatewayUnreachable,
    install_noise_filter,
    redirected,
    starting,
    unreachable,
)
from bot.discord.embeds import NO_MENTIONS
from bot.discord.errors import TieTree
from bot.discord.health import Heartbeat, report
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
        self.connected_once = False  # a READY was received: discord.py retries from now on
        self.first_failure = asyncio.Event()
        self.first_error: BaseException | None = None
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

    def first_connect_failed(self, error: BaseException | None) -> None:
        """The gateway failed before the first READY: ``run_bot`` retries with a new client."""
        self.first_error = error or self.first_error
        self.first_failure.set()

    async def on_connect(self) -> None:
        """READY received: the gateway is up (on_ready may wait for guild data)."""
        self.connected_once = True
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
        if not self.connected_once:  # (also when discord.py's logs are switched off)
            self.first_connect_failed(None)

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
    settings: SettingsLike,
    engine: EngineLike,
    *,
    stop: asyncio.Event | None = None,
    backoff: Backoff | None = None,
) -> int:
    """Serve until SIGTERM/SIGINT or ``stop`` is set, retrying while Discord is unreachable;
    0 on a graceful stop, 1 on failure, 2 on a configuration problem."""
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
        install_noise_filter()
        stop = stop or asyncio.Event()
        remove_signals = _install_signals(asyncio.get_running_loop(), stop)
        try:
            with redirected(settings.api_base, settings.gateway_url):
                return await _serve_with_retries(bot, settings, engine, stop, backoff or Backoff())
        finally:
            remove_signals()
    finally:
        remove_filter(token_filter)


async def _serve_with_retries(
    bot: TieBot, settings: SettingsLike, engine: EngineLike, stop: asyncio.Event, backoff: Backoff
) -> int:
    """Serve, retrying while Discord is unreachable.  A client that found no gateway is
    connected again; any other failed client is replaced (discord.py cannot log in twice)."""
    token = settings.token or ""
    report(settings.state_dir, "starting")
    attempt = 0
    while True:
        error = await _serve(bot, token, stop)
        reason = None if error is None else unreachable(error, bot.user is not None,
                                                         bot.connected_once)  # fmt: skip
        if error is None or stop.is_set() or reason is None:
            await _close(bot)  # (already closed unless its gateway was unreachable)
            return 0 if error is None or stop.is_set() else _exit_code(error)
        attempt = 1 if bot.connected_once else attempt + 1
        delay = backoff.delay(attempt)
        log.warning("Discord unreachable (attempt %d, %s); retrying in %.1fs", attempt, reason,
                    delay)  # fmt: skip
        log.debug("attempt %d failed with", attempt, exc_info=error)
        report(settings.state_dir, "unreachable", f"attempt {attempt}, {reason}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        if stop.is_set():
            log.info("stop requested while waiting to retry")
            await _close(bot)
            return 0
        if not isinstance(error, GatewayUnreachable):
            bot = create_bot(settings, engine)


async def _serve(bot: TieBot, token: str, stop: asyncio.Event) -> BaseException | None:
    """Run the client until it stops, fails, or ``stop`` is set; the error it failed with.
    When its first gateway connection failed: ``GatewayUnreachable``, and the client stays
    logged in (to connect again); otherwise it is closed."""
    coro = bot.start(token) if bot.user is None else bot.connect()
    runner = asyncio.create_task(coro, name="discord-client")
    starting(runner, bot)
    stopper = asyncio.create_task(stop.wait(), name="stop-signal")
    failed = asyncio.create_task(bot.first_failure.wait(), name="first-connect-failed")
    gone: GatewayUnreachable | None = None
    try:
        done, _ = await asyncio.wait({runner, stopper, failed}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            log.info("stop requested; closing the Discord client")
            return None
        if runner in done:
            return runner.exception()
        gone = GatewayUnreachable("the first gateway connection failed")
        gone.__cause__, bot.first_error = bot.first_error, None
        bot.first_failure.clear()
        return gone
    finally:
        stopper.cancel()
        failed.cancel()
        if gone is None:
            await _close(bot, runner)
        else:
            await _cancel(runner)


async def _close(bot: TieBot, runner: asyncio.Task[None] | None = None) -> None:
    """Close the client (within 10 s) and end its task; a task still connecting ends first
    (closed under it, discord.py would dispatch events on a client without a loop)."""
    if runner is not None and not bot.connected_once:
        await _cancel(runner)
    if not bot.is_closed():
        try:
            await asyncio.wait_for(bot.close(), CLOSE_TIMEOUT)
        except Exception as exc:  # e.g. an AutoShardedClient that never logged in
            log.debug("closing the client did not finish cleanly: %r", exc)
            with contextlib.suppress(Exception):
                await bot.http.close()
    if runner is not None:
        await _cancel(runner)


async def _cancel(runner: asyncio.Task[None]) -> None:
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
