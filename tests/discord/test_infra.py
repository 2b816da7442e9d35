"""Sync-if-changed, heartbeat/health, token redaction, client construction and entry points."""

from __future__ import annotations

import ast
import logging
import sys
from pathlib import Path
from unittest.mock import AsyncMock

import discord
import pytest

from bot.discord import sync as command_sync
from bot.discord.client import ShardedTieBot, TieBot, create_bot, run_bot, sync_commands
from bot.discord.connect import redirected
from bot.discord.health import Heartbeat, health_status, read_heartbeat, write_heartbeat
from bot.discord.logs import REDACTED, TokenFilter, parse_level
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN, make_settings


def loaded_tree(tmp_path, engine):
    bot = TieBot(make_settings(tmp_path), engine, auto_sync=False)
    return bot


async def test_sync_if_changed_uploads_once_per_definition(tmp_path, engine):
    bot = loaded_tree(tmp_path, engine)
    await bot.setup_hook()
    bot.tree.sync = AsyncMock(return_value=[])
    assert await command_sync.sync_if_changed(bot.tree, tmp_path, None)
    assert not await command_sync.sync_if_changed(bot.tree, tmp_path, None)
    assert bot.tree.sync.await_count == 1
    assert await command_sync.sync_if_changed(bot.tree, tmp_path, 42)  # a new target
    assert bot.tree.sync.await_args.kwargs["guild"].id == 42
    assert set(command_sync.read_hashes(tmp_path)) == {"global", "guild:42"}

    @bot.tree.command(name="extra", description="a new command")
    async def extra(interaction: discord.Interaction) -> None: ...

    assert await command_sync.sync_if_changed(bot.tree, tmp_path, None)  # definitions changed
    await bot.close()


def test_hash_file_garbage_means_never_synced(tmp_path):
    (tmp_path / command_sync.STATE_FILE).write_bytes(b"\xff\xfe garbage")
    assert command_sync.read_hashes(tmp_path) == {}


def test_heartbeat_file_and_health(tmp_path):
    assert not health_status(tmp_path)[0]
    write_heartbeat(tmp_path, True, now=1000.0)
    assert read_heartbeat(tmp_path) == (1000.0, "connected")
    assert health_status(tmp_path, max_age=60, now=1030.0)[0]
    assert not health_status(tmp_path, max_age=60, now=1100.0)[0]
    write_heartbeat(tmp_path, False, now=1000.0)
    assert not health_status(tmp_path, now=1001.0)[0]
    (tmp_path / "heartbeat").write_text("garbage")
    assert not health_status(tmp_path)[0]


async def test_heartbeat_task_beats_and_marks_disconnected_on_stop(tmp_path):
    up = {"value": True}
    beat = Heartbeat(tmp_path, lambda: up["value"], interval=0.01)
    beat.start()
    for _ in range(100):
        if read_heartbeat(tmp_path):
            break
        await __import__("asyncio").sleep(0.01)
    assert health_status(tmp_path)[0]
    await beat.stop()
    assert read_heartbeat(tmp_path)[1] == "disconnected"


def test_token_filter_redacts_message_args_and_traceback():
    token_filter = TokenFilter(TOKEN)
    try:
        raise RuntimeError(f"bad token {TOKEN}")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "login %s failed", (TOKEN,),
                                   sys.exc_info())  # fmt: skip
    assert token_filter.filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted and REDACTED in formatted
    assert "RuntimeError" in formatted
    assert TokenFilter(None).filter(record)


def test_parse_level():
    assert parse_level("debug") == logging.DEBUG
    assert parse_level("nonsense") == logging.INFO


async def test_create_bot_shards_and_privileges(tmp_path, engine):
    plain = create_bot(make_settings(tmp_path), engine)
    assert type(plain) is TieBot
    assert plain.intents.value == 0
    assert plain.allowed_mentions is not None
    assert plain.allowed_mentions.to_dict() == {"parse": []}
    sharded = create_bot(make_settings(tmp_path, shard_count=4, shard_ids=(2, 3)), engine)
    assert isinstance(sharded, ShardedTieBot) and isinstance(sharded, discord.AutoShardedClient)
    assert sharded.shard_count == 4 and sharded.shard_ids == [2, 3]
    with pytest.raises(ValueError, match="SHARD_COUNT"):
        create_bot(make_settings(tmp_path, shard_ids=(1,)), engine)
    await plain.close()  # (an AutoShardedClient that never connected cannot close())


def test_redirected_restores_defaults():
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    with redirected("http://127.0.0.1:1/api/v10/", "ws://127.0.0.1:1/gw"):
        assert discord.http.Route.BASE == "http://127.0.0.1:1/api/v10"
        assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:1/gw"
    assert base == discord.http.Route.BASE
    assert gateway == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY


async def test_run_bot_without_token_or_with_bad_settings(tmp_path, engine, caplog):
    assert await run_bot(make_settings(tmp_path, token=None), engine) == 2
    assert "no bot token" in caplog.text
    assert await run_bot(make_settings(tmp_path, shard_ids=(1,)), engine) == 2


async def test_run_bot_rejected_token_exits_1_without_logging_it(tmp_path, engine, caplog):
    fake = await FakeDiscord("another-token").start()
    try:
        code = await run_bot(make_settings(tmp_path, fake), engine)
    finally:
        await fake.close()
    assert code == 1
    assert "rejected the bot token" in caplog.text and TOKEN not in caplog.text


async def test_sync_commands_cli_entry(tmp_path, engine, caplog):
    fake = await FakeDiscord(TOKEN).start()
    try:
        assert await sync_commands(make_settings(tmp_path, fake), engine, 77) == 0
        assert await sync_commands(make_settings(tmp_path, fake), engine, None) == 0
    finally:
        await fake.close()
    assert fake.command_puts == ["guild:77", "global"]
    assert fake.identifies == []  # no gateway connection for a sync
    assert set(command_sync.read_hashes(tmp_path)) == {"guild:77", "global"}
    assert await sync_commands(make_settings(tmp_path, token=None), engine, None) == 2


def test_by_design_warnings_are_dropped_and_others_kept(caplog):
    from bot.discord.logs import ByDesignFilter

    def record(msg: str) -> logging.LogRecord:
        return logging.LogRecord("discord.state", logging.WARNING, "f", 1, msg, None, None)

    assert not ByDesignFilter().filter(record("Guilds intent seems to be disabled. This may…"))
    assert not ByDesignFilter().filter(record("PyNaCl is not installed, voice will NOT be…"))
    assert ByDesignFilter().filter(record("Shard ID 0 has stopped responding to the gateway."))


ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_test_infrastructure_stays_out_of_production_and_benchmarks_out_of_tests():
    """bot.testing is for tests and benchmarks only; benchmarks never reach into tests/."""
    production = [p for p in (ROOT / "bot").rglob("*.py") if "testing" not in p.parts]
    bad = [f"{p.relative_to(ROOT)} imports {m}" for p in production for m in _imports(p)
           if m == "bot.testing" or m.startswith("bot.testing.")]  # fmt: skip
    benches = sorted((ROOT / "benchmarks").rglob("*.py"))
    assert benches and len(production) > 20
    bad += [f"{p.relative_to(ROOT)} imports {m}" for p in benches for m in _imports(p)
            if m == "tests" or m.startswith("tests.")]  # fmt: skip
    assert not bad, bad
    assert "bot.testing.fakediscord" in _imports(ROOT / "benchmarks" / "discord_serve.py")
