"""Hot reload under load on the gateway: the real client keeps answering while data swaps.

The same scenario as over HTTP (``tests/http/test_reload.py``): four clients
keep sending interactions through the fake Discord while the 2017 document
is added; every interaction is answered, each answer is exactly the old or
the new one, and none is old after a new one.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.cli.reload import Reloader
from bot.discord.embeds import build_pages
from bot.testing.harness import running_bot
from tests.http.reloading import (
    QUESTIONS,
    Load,
    add_season,
    data_folder,
    live_over,
    reference,
    switched_once,
)


def embeds_of(engine, name, options):
    return [build_pages(engine.answer(name, **options))[0].to_dict()]


@pytest.mark.slow
@pytest.mark.timeout(90)
async def test_a_new_season_is_served_by_the_gateway_bot_with_nothing_lost(tmp_path):
    settings = data_folder(tmp_path / "live")
    new_speaker = await asyncio.to_thread(reference, tmp_path / "reference")
    live = await live_over(settings)
    old = {i: embeds_of(live.current, *q) for i, q in enumerate(QUESTIONS)}
    new = {i: embeds_of(new_speaker, *q) for i, q in enumerate(QUESTIONS)}
    stop = asyncio.Event()
    reloader = Reloader(settings, live)
    watching = asyncio.create_task(reloader.run(stop))
    try:
        async with running_bot(live, settings.state_dir, log_level="INFO") as h:

            async def ask(name, options):
                body = await h.fake.interact(h.fake.command(name, options), timeout=10)
                return body["data"]["embeds"]

            load = Load(ask)
            await asyncio.sleep(0.3)
            add_season(settings)
            await load.until(lambda: live.generation == 2, timeout=30)
            assert live.generation == 2, "the added season was not loaded"
            assert load.sent == len(load.answers)  # every interaction was answered
            before, after = switched_once(load.answers, old, new)
            assert before > 0 and after > 0, (before, after)
    finally:
        stop.set()
        await asyncio.wait_for(watching, 10)
