"""Hot reload under load over HTTP: a season added to the folder is served, nothing lost.

While four clients keep asking, the 2017 document is copied into the data
folder.  The watcher sees it, the database is rebuilt and read in a thread,
and the Speaker is swapped between requests: every answer must be exactly
the old one or the new one (never a half-loaded catalog), none may be old
once one was new, and every request must be answered.  Then a broken clubs
file makes the next rebuild fail: the log says why, the answers stay.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.cli.reload import Reloader
from bot.http.customid import CustomIds
from bot.http.interactions import Responder
from bot.testing.interactions import ID_SECRET, command, running_server
from tests.http.reloading import (
    QUESTIONS,
    Load,
    add_season,
    break_clubs,
    data_folder,
    live_over,
    reference,
    switched_once,
)


def embeds_of(engine, name, options):
    body = Responder(engine, CustomIds(ID_SECRET.encode())).reply(command(name, options))
    assert body is not None
    return body.body["data"]["embeds"]


@pytest.mark.slow
@pytest.mark.timeout(90)
async def test_a_new_season_is_served_under_load_with_nothing_lost(tmp_path, caplog):
    caplog.set_level("INFO")
    settings = data_folder(tmp_path / "live")
    new_speaker = await asyncio.to_thread(reference, tmp_path / "reference")
    live = await live_over(settings)
    old = {i: embeds_of(live.current, *q) for i, q in enumerate(QUESTIONS)}
    new = {i: embeds_of(new_speaker, *q) for i, q in enumerate(QUESTIONS)}
    assert old[0] != new[0] and old[1] == new[1]  # 2017 appears; 2012 stays
    stop = asyncio.Event()
    reloader = Reloader(settings, live)
    watching = asyncio.create_task(reloader.run(stop))
    async with running_server(live, settings.state_dir) as w:
        statuses: list[int] = []

        async def ask(name, options):
            answered = await w.client.post(command(name, options))
            statuses.append(answered.status)
            return answered.body["data"]["embeds"] if answered.status == 200 else answered.status

        load = Load(ask)
        await asyncio.sleep(0.3)  # the watcher is up
        add_season(settings)
        await load.until(lambda: live.generation == 2, timeout=30)
        assert live.generation == 2, "the added season was not loaded"
        assert load.sent == len(load.answers) and set(statuses) == {200}  # nothing lost
        before, after = switched_once(load.answers, old, new)
        assert before > 0 and after > 0, (before, after)
        health = await w.client.health()
        assert health.body["status"] == "ok"

        break_clubs(settings)
        failed = Load(ask)
        await failed.until(lambda: reloader.failures == 1, timeout=30, after=0.2)
        assert reloader.failures == 1 and live.generation == 2
        assert all(what == new[q] for q, _, what in failed.answers)
    stop.set()
    await asyncio.wait_for(watching, 10)
    assert "reloaded in" in caplog.text
    assert "reload failed (cannot use clubs file" in caplog.text
    assert "still serving the previous data (4 seasons)" in caplog.text
