"""SIGHUP to ``serve --workers 2`` reloads both workers from one rebuilt database."""

from __future__ import annotations

import asyncio
import shutil
import signal

import aiohttp
import pytest

from bot.testing.interactions import Client
from tests.http.processes import environment, free_port, started, wait_healthy
from tests.paths import SEASONS

ADDED = "caf-confederation-cup-2017-qualifying.txt"


async def healths(url: str, want: int) -> dict[str, dict]:
    """/health of each worker (a new connection per request), until ``want`` were seen."""
    seen: dict[str, dict] = {}
    connector = aiohttp.TCPConnector(force_close=True)
    async with aiohttp.ClientSession(connector=connector) as session:
        client = Client(url, session)
        for _ in range(300):
            health = await client.health()
            seen[str(health.body["pid"])] = health.body
            if len(seen) >= want:
                break
    return seen


@pytest.mark.slow
@pytest.mark.timeout(120)
async def test_sighup_reloads_every_worker(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = environment(tmp_path, TIEBOT_RELOAD="sighup")
    (tmp_path / "seasons" / ADDED).unlink()
    args = ["serve", "--workers", "2", "--host", "127.0.0.1", "--port", str(port)]
    async with started(args, env, tmp_path) as server:
        await wait_healthy(url, server, timeout=60)
        first = await healths(url, 2)
        assert {h["seasons"] for h in first.values()} == {3}
        shutil.copy(SEASONS / ADDED, tmp_path / "seasons" / ADDED)
        server.send_signal(signal.SIGHUP)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30
        while loop.time() < deadline:
            now = await healths(url, 2)
            if len(now) == 2 and all(h["seasons"] == 4 for h in now.values()):
                break
            await asyncio.sleep(0.2)
        assert {pid: h["seasons"] for pid, h in now.items()} == dict.fromkeys(first, 4)
        assert all(h["generation"] == 2 for h in now.values())
