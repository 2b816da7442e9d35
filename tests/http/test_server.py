"""The worker's limits and lifecycle: size, concurrency, health, graceful stop, follow-ups."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Sequence

import aiohttp
import pytest

from bot.http.followup import Attachment
from bot.http.signature import sign
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN
from bot.testing.interactions import SIGNING_KEY, command, running_server
from bot.wording.answer import Answer

PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)


async def slow_post(url: str, payload: dict, pause: float) -> int:
    """POST a signed interaction whose body arrives in two parts, ``pause`` apart."""
    body = json.dumps(payload).encode()

    async def parts():
        yield body[:10]
        await asyncio.sleep(pause)
        yield body[10:]

    headers = {**sign(SIGNING_KEY, body), "Content-Type": "application/json"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{url}/interactions", data=parts(), headers=headers) as response,
    ):
        await response.read()
        return response.status


async def test_health_names_the_worker(real_engine, tmp_path):
    info = {"seasons": 4}
    async with running_server(real_engine, tmp_path, health=lambda: info) as w:
        health = await w.client.health()
        ping = await w.client.post({"type": 1})
    assert health.status == 200
    assert health.body["status"] == "ok" and health.body["seasons"] == 4
    assert health.worker == ping.worker == str(os.getpid()) == str(health.body["pid"])


async def test_a_body_over_the_limit_is_413(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path, http_max_body_kb=16) as w:
        big = command("tie", {"club": "Simba"})
        big["padding"] = "x" * 20_000
        assert (await w.client.post(big)).status == 413
        assert (await w.client.post({"type": 1})).status == 200


@pytest.mark.slow  # waits on purpose
async def test_requests_over_the_concurrency_limit_are_503(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path, http_concurrency=1) as w:
        slow = asyncio.create_task(slow_post(w.url, {"type": 1}, 0.5))
        await asyncio.sleep(0.2)
        busy = await w.client.post({"type": 1})
        assert busy.status == 503
        assert await slow == 200
        assert (await w.client.post({"type": 1})).status == 200


@pytest.mark.slow  # waits on purpose
async def test_stopping_finishes_requests_in_flight_then_refuses(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path) as w:
        url = w.url
        slow = asyncio.create_task(slow_post(url, command("tie", {"club": "Simba"}), 0.6))
        await asyncio.sleep(0.2)
        w.stop.set()
        assert await slow == 200
        assert await asyncio.wait_for(w.task, 10) == 0
    async with aiohttp.ClientSession() as session:
        try:
            await session.get(f"{url}/health")
            refused = False
        except aiohttp.ClientConnectionError:
            refused = True
    assert refused


class Brackets:
    """Pictures for /season answers, drawn slowly."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.drawn: list[str] = []

    def wants(self, answer: Answer) -> bool:
        return answer.command == "season"

    def render(self, answer: Answer) -> Sequence[Attachment]:
        time.sleep(self.delay)
        self.drawn.append(answer.title)
        return [Attachment("bracket.png", PNG, "the bracket")]


@pytest.mark.slow  # waits on purpose
async def test_answers_with_pictures_are_deferred_then_sent_through_the_rest_api(
    real_engine, tmp_path
):
    fake = await FakeDiscord(TOKEN).start()
    try:
        pictures = Brackets(delay=0.4)
        async with running_server(real_engine, tmp_path, pictures=pictures,
                                  api_base=fake.api_base) as w:  # fmt: skip
            plain = await w.client.post(command("tie", {"club": "Simba", "season": "2012"}))
            assert plain.body["type"] == 4
            asked = command("season", {"season": "2012"})
            started = time.perf_counter()
            deferred = await w.client.post(asked)
            assert time.perf_counter() - started < 0.3  # acknowledged before the drawing
            assert deferred.body == {"type": 5, "data": {}}
            w.stop.set()  # a graceful stop waits for the follow-up
            assert await asyncio.wait_for(w.task, 10) == 0
        assert len(fake.edits) == 1
        edit = fake.edits[0]
        direct = real_engine.answer("season", season="2012")
        assert edit["embeds"][0]["title"].endswith(direct.title)
        assert edit["allowed_mentions"] == {"parse": []}
        assert edit["attachments"] == [{"id": 0, "filename": "bracket.png",
                                        "description": "the bracket"}]  # fmt: skip
        assert [(f["filename"], f["data"]) for f in edit["files"]] == [("bracket.png", PNG)]
        path = next(r.path for r in fake.requests if r.method == "PATCH")
        assert path.endswith(f"/webhooks/{asked['application_id']}/{asked['token']}"
                             "/messages/@original")  # fmt: skip
    finally:
        await fake.close()


@pytest.mark.slow  # waits on purpose
async def test_a_follow_up_is_retried_after_a_discord_error(real_engine, tmp_path):
    fake = await FakeDiscord(TOKEN).start()
    try:
        async with running_server(real_engine, tmp_path, pictures=Brackets(),
                                  api_base=fake.api_base) as w:  # fmt: skip
            fake.rest_down = 502
            await w.client.post(command("season", {"season": "2014"}))
            await fake.wait_until(lambda: fake.rest_refusals >= 1)
            fake.rest_down = None
            await fake.wait_until(lambda: len(fake.edits) == 1, timeout=5)
        assert fake.edits[0]["files"][0]["filename"] == "bracket.png"
    finally:
        await fake.close()


async def test_the_container_health_check_reads_health(real_engine, tmp_path):
    from bot.cli.probe import probe
    from bot.testing.harness import closed_port

    async with running_server(real_engine, tmp_path) as w:
        healthy, line = await asyncio.to_thread(probe, f"{w.url}/health")
    assert healthy and line.startswith("healthy: ok (pid ")
    down, line = await asyncio.to_thread(probe, f"http://127.0.0.1:{closed_port()}/health", 2)
    assert not down and line.startswith("unhealthy:")
    assert probe("file:///etc/passwd") == (False, "not an http(s) URL: 'file:///etc/passwd'")
