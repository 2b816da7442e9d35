"""``serve --workers 2``: two processes on one port (SO_REUSEPORT), both answer, both stop.

A worker killed meanwhile is replaced by the supervisor.
"""

from __future__ import annotations

import asyncio
import os
import signal

import aiohttp
import pytest

from bot.testing.interactions import Client, command
from tests.http.processes import environment, free_port, started, wait_healthy

ATTEMPTS = 400


async def replacement(url: str, known: set[int], timeout: float = 40.0) -> int:
    """The pid of a worker not in ``known`` once one answers (new connections each time)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    connector = aiohttp.TCPConnector(force_close=True)
    async with aiohttp.ClientSession(connector=connector) as session:
        client = Client(url, session)
        while loop.time() < deadline:
            try:
                pid = int((await client.health()).body["pid"])
            except (aiohttp.ClientError, ValueError):
                pid = 0
            if pid and pid not in known:
                return pid
            await asyncio.sleep(0.05)
    raise TimeoutError("no replacement worker answered")


@pytest.mark.slow
@pytest.mark.timeout(90)
async def test_two_workers_share_the_port_and_both_answer(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args = ["serve", "--workers", "2", "--host", "127.0.0.1", "--port", str(port)]
    async with started(args, environment(tmp_path), tmp_path) as server:
        await wait_healthy(url, server, timeout=60)
        answered_by: dict[str, int] = {}
        # a new connection per request: the kernel picks a worker per connection
        connector = aiohttp.TCPConnector(force_close=True)
        async with aiohttp.ClientSession(connector=connector) as session:
            client = Client(url, session)
            for _ in range(ATTEMPTS):
                answer = await client.post(command("tie", {"club": "Simba", "season": "2012"}))
                assert answer.status == 200
                assert "Simba" in answer.body["data"]["embeds"][0]["title"]
                assert answer.worker is not None
                answered_by[answer.worker] = answered_by.get(answer.worker, 0) + 1
                if len(answered_by) == 2 and min(answered_by.values()) >= 5:
                    break
            health = await client.health()
        assert len(answered_by) == 2, answered_by
        workers = {int(pid) for pid in answered_by}
        assert server.pid not in workers  # the parent supervises, the workers answer
        assert health.body["seasons"] == 4

        killed = min(workers)  # a worker dies: the supervisor starts another in its place
        os.kill(killed, signal.SIGKILL)
        replaced = await replacement(url, workers)
        assert replaced not in workers and server.returncode is None
        workers = (workers - {killed}) | {replaced}
        server.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(server.wait(), 20) == 0
    for pid in workers:  # both workers stopped with the supervisor
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
