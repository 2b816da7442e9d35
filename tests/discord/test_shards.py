"""Gateway shards in two processes: each identifies with its shard and answers only its guilds.

Two real ``python -m bot run`` processes (``SHARD_COUNT=2``, ``SHARD_IDS=0``
and ``1``) connect to one fake Discord, which routes each interaction to the
shard of its guild, ``(guild_id >> 22) % 2`` (DMs to shard 0), as Discord
does.  The two processes are given different host names for the same fake
REST API, so every interaction callback tells which process sent it.
"""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN
from tests.http.processes import environment, started

GUILDS = {0: (1000 << 22) | 17, 1: (1001 << 22) | 17}  # shard → a guild it serves
PER_SHARD = 30


def asked(fake: FakeDiscord, shard: int | None, n: int) -> dict:
    """An interaction in the guild of ``shard`` (None: in a DM)."""
    clubs = ["Simba", "Al-Masry", "ASEC Mimosas", "Horoya", "JS Kabylie"]
    payload = fake.command("tie", {"club": clubs[n % len(clubs)]}, in_guild=shard is not None)
    if shard is not None:
        payload["guild_id"] = str(GUILDS[shard])
        payload["authorizing_integration_owners"] = {"0": str(GUILDS[shard])}
    return payload


@pytest.mark.slow
@pytest.mark.timeout(120)
async def test_two_shard_processes_split_the_guilds_and_lose_nothing(tmp_path):
    fake = await FakeDiscord(TOKEN).start()
    hosts = {0: f"127.0.0.1:{fake.port}", 1: f"localhost:{fake.port}"}
    try:
        envs = [
            environment(
                tmp_path / f"shard{shard}",
                DISCORD_TOKEN=TOKEN,
                SHARD_COUNT="2",
                SHARD_IDS=str(shard),
                DISCORD_GATEWAY_URL=fake.gateway_url,
                DISCORD_API_BASE=f"http://{hosts[shard]}/api/v10",
            )
            for shard in (0, 1)
        ]
        async with started(["run"], envs[0], tmp_path) as zero, \
                started(["run"], envs[1], tmp_path) as one:  # fmt: skip
            await fake.wait_until(lambda: fake.ready_shards == {0, 1}, timeout=60)
            assert sorted(i["shard"] for i in fake.identifies) == [[0, 2], [1, 2]]
            payloads = [asked(fake, shard, n) for n in range(PER_SHARD) for shard in (0, 1, None)]
            bodies = await asyncio.gather(*(fake.interact(p, timeout=20) for p in payloads))
            assert all(b["type"] == 4 and b["data"]["embeds"] for b in bodies)  # none lost
            assert zero.returncode is None and one.returncode is None
        assert (zero.returncode, one.returncode) == (0, 0)
        sender: dict[str, str] = {}
        for request in fake.requests:
            found = re.search(r"/interactions/(\d+)/[^/]+/callback$", request.path)
            if found and request.status == 200:
                sender[found.group(1)] = request.host
        for payload in payloads:
            shard = fake.shard_of(payload)
            assert sender[payload["id"]] == hosts[shard], (payload.get("guild_id"), shard)
        assert len(sender) == len(payloads) == 3 * PER_SHARD
    finally:
        await fake.close()
