"""Discord unreachable at start: backoff, one line per attempt, unhealthy meanwhile, exit 0 on stop.

The fake Discord takes its REST API down (HTTP 503), its gateway down (503 on
the websocket handshake), or both; "refused" points the bot at a port nothing
listens on and "hanging" at one that accepts and never answers.  Every wait is
bounded and everything stays on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import signal
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest

from bot.discord.client import run_bot
from bot.discord.connect import Backoff, ReconnectNoise, unreachable
from bot.discord.health import health_status, read_heartbeat
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN, closed_port, make_settings

ROOT = Path(__file__).resolve().parents[2]
FAST = Backoff(base=0.02, cap=0.08, rng=random.Random(3))
pytestmark = pytest.mark.timeout(60)


def test_backoff_is_capped_exponential_with_jitter():
    backoff = Backoff(base=1.0, cap=8.0, rng=random.Random(1))
    delays = [backoff.delay(n) for n in range(1, 9)]
    steps = [1, 2, 4, 8, 8, 8, 8, 8]
    assert all(step / 2 <= d <= step for d, step in zip(delays, steps, strict=True)), delays
    assert len(set(delays[3:])) == 5  # jittered, not the same wait every time
    assert Backoff(rng=random.Random(1)).delay(10_000) <= 60.0


def test_what_a_retry_can_cure():
    closed = SimpleNamespace(close_code=None)
    response = SimpleNamespace(status=503, reason="Service Unavailable")
    assert unreachable(discord.DiscordServerError(response, "down"), False, False) == (
        "REST API: HTTP 503"
    )
    assert unreachable(ConnectionRefusedError(111, "refused"), True, False).startswith("gateway:")
    assert unreachable(AttributeError("'NoneType' object has no attribute 'sequence'"), True,
                       False) == "gateway: failed (discord.py #10520)"  # fmt: skip
    assert unreachable(discord.ConnectionClosed(closed, shard_id=None, code=1006), True, True)
    for fatal in (
        discord.LoginFailure("bad token"),
        discord.PrivilegedIntentsRequired(None),
        discord.ConnectionClosed(closed, shard_id=None, code=4004),
        discord.HTTPException(SimpleNamespace(status=400, reason="Bad"), "no"),
        AttributeError("a bug of ours"),
        ValueError("a bug of ours"),
    ):
        assert unreachable(fatal, True, False) is None, fatal


def test_reconnect_tracebacks_become_one_line_unless_debug():
    try:
        raise ConnectionResetError(104, "reset by peer")
    except ConnectionResetError:
        info = sys.exc_info()
    logger = logging.getLogger("discord.client")
    level = logger.level
    try:
        logger.setLevel(logging.INFO)
        record = logger.makeRecord("discord.client", logging.ERROR, "f", 1,
                                   "Attempting a reconnect in %.2fs", (1.5,), info)  # fmt: skip
        assert ReconnectNoise().filter(record) and record.exc_info is None
        assert record.getMessage() == (
            "Attempting a reconnect in 1.50s (ConnectionResetError: [Errno 104] reset by peer)"
        )
        logger.setLevel(logging.DEBUG)
        record = logger.makeRecord("discord.client", logging.ERROR, "f", 1,
                                   "Attempting a reconnect in %.2fs", (1.5,), info)  # fmt: skip
        assert ReconnectNoise().filter(record) and record.exc_info is info
    finally:
        logger.setLevel(level)


def attempt_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("Discord unreach")]


def noise(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the bot (or discord.py) logged at INFO or above, other than the attempt lines."""
    return [
        f"{r.name}: {r.getMessage()}" for r in caplog.records
        if r.levelno >= logging.INFO and r.name != "aiohttp.access"
        and not r.getMessage().startswith("Discord unreach")
    ]  # fmt: skip


@pytest.mark.parametrize("down", ["rest", "gateway", "both", "gateway-sharded"])
async def test_retries_until_discord_is_back_then_serves(tmp_path, engine, caplog, down):
    caplog.set_level(logging.INFO)
    fake = await FakeDiscord(TOKEN).start()
    fake.rest_down = 503 if down in ("rest", "both") else None
    fake.gateway_down = 503 if down != "rest" else None
    shards: dict[str, Any] = {"shard_count": 1} if down.endswith("sharded") else {}
    settings = make_settings(tmp_path, fake, log_level="INFO", **shards)
    stop = asyncio.Event()
    task = asyncio.create_task(run_bot(settings, engine, stop=stop, backoff=FAST))
    try:
        await fake.wait_until(lambda: len(attempt_lines(caplog)) >= 4 or task.done(), 20)
        assert not task.done(), caplog.text[-2000:]
        lines = attempt_lines(caplog)
        assert [line.split(",")[0] for line in lines[:4]] == [
            f"Discord unreachable (attempt {n}" for n in range(1, 5)
        ]
        where = "REST API: HTTP 503" if down in ("rest", "both") else "gateway: WSServerHandshake"
        assert all(where in line for line in lines), lines
        healthy, why = health_status(tmp_path)
        assert not healthy and "'unreachable'" in why and "attempt" in why, why
        assert "Traceback" not in caplog.text and "sequence" not in caplog.text
        assert all(r.exc_info is None for r in caplog.records if r.levelno > logging.DEBUG)
        logged_in = sum(r.path.endswith("/users/@me") and r.status == 200 for r in fake.requests)
        assert logged_in == (0 if fake.rest_down else 1)  # no gateway: connect again, no login
        quiet = noise(caplog)
        assert len(quiet) <= 2 and all("sync" in line for line in quiet), quiet

        fake.rest_down = fake.gateway_down = None  # Discord is back
        await asyncio.wait_for(fake.ready.wait(), 10)
        body = await fake.interact(fake.command("about"))
        assert body["type"] == 4
        await fake.wait_until(lambda: health_status(tmp_path)[0], 5)
    finally:
        stop.set()
        code = await asyncio.wait_for(task, 15)
        await fake.close()
    assert code == 0
    assert (read_heartbeat(tmp_path) or (0, ""))[1] == "disconnected"


async def _hang(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.read()  # accept, read, never answer
    writer.close()


@pytest.mark.parametrize("where", ["rest-refused", "rest-hanging", "gateway-hanging",
                                   "gateway-down"])  # fmt: skip
async def test_stop_at_any_moment_exits_0(tmp_path, engine, where):
    """A stop (what SIGTERM sets) during a login, a handshake or a backoff wait: exit 0."""
    fake = await FakeDiscord(TOKEN).start()
    hanging = await asyncio.start_server(_hang, "127.0.0.1", 0)
    hang_port = hanging.sockets[0].getsockname()[1]
    changes = {
        "rest-refused": {"api_base": f"http://127.0.0.1:{closed_port()}/api/v10"},
        "rest-hanging": {"api_base": f"http://127.0.0.1:{hang_port}/api/v10"},
        "gateway-hanging": {"gateway_url": f"ws://127.0.0.1:{hang_port}/gateway"},
        "gateway-down": {},
    }[where]
    fake.gateway_down = 503
    rng = random.Random(where)
    try:
        for _ in range(3):  # the fast backoff retries every 10-80 ms: any phase can be hit
            stop = asyncio.Event()
            settings = make_settings(tmp_path, fake, log_level="WARNING", **changes)
            task = asyncio.create_task(run_bot(settings, engine, stop=stop, backoff=FAST))
            await asyncio.sleep(rng.uniform(0.0, 0.15))
            assert not task.done()
            stop.set()
            assert await asyncio.wait_for(task, 12) == 0
    finally:
        hanging.close()
        await fake.close()
    assert fake.ready.is_set() is False


async def test_process_with_discord_unreachable_retries_then_exits_0_on_sigterm(tmp_path):
    """``python -m bot run`` as a host runs it, with nothing listening where Discord should be."""
    port = closed_port()
    env = {
        "PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE": f"http://127.0.0.1:{port}/api/v10",
        "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{port}/gateway",
        "TIEBOT_DB": str(tmp_path / "db.sqlite3"), "TIEBOT_DATA": str(ROOT / "data" / "seasons"),
        "TIEBOT_CLUBS": str(ROOT / "data" / "clubs.toml"), "TIEBOT_STATE": str(tmp_path),
        "LOG_LEVEL": "INFO",
    }  # fmt: skip
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
            stdout=log_file, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
    try:

        def output() -> str:
            return log_path.read_text(encoding="utf-8", errors="replace")

        for _ in range(300):  # the first attempt fails at once, then waits 0.5-1 s
            if "Discord unreachable (attempt 1," in output() or proc.returncode is not None:
                break
            await asyncio.sleep(0.02)
        assert "Discord unreachable (attempt 1, REST API: ClientConnectorError" in output()
        assert not health_status(tmp_path)[0]
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 15) == 0
        text = output()
        assert "Traceback" not in text and TOKEN not in text
        assert "stop requested" in text
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
