"""End to end: the real client, the real engine on the real data, a fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli.startup import load_engine
from bot.config import Settings
from bot.discord.health import health_status, read_heartbeat
from bot.testing.fakediscord import FakeDiscord
from bot.testing.harness import TOKEN, running_bot
from bot.testing.payloads import APP_ID, OTHER_ID

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def real_engine(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("e2e")
    data = ROOT / "data"
    settings = Settings(db_path=tmp / "tiebot.sqlite3", data_dir=data / "seasons" / "wikipedia",
                        clubs_file=data / "clubs.toml", state_dir=tmp / "state")  # fmt: skip
    return load_engine(settings)


def embeds(body: dict[str, Any]) -> list[dict[str, Any]]:
    return body["data"]["embeds"]


def components(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in body["data"].get("components") or [] for c in row["components"]]


def is_ephemeral(body: dict[str, Any]) -> bool:
    return bool((body["data"].get("flags") or 0) & 64)


def assert_silent(fake: Any) -> None:
    """Every message the bot sent or edited disables all mention parsing."""
    for request in fake.requests:
        body = request.body
        if "/callback" in request.path and body and body.get("type") in (4, 7):
            assert body["data"]["allowed_mentions"] == {"parse": []}, request
        elif "/webhooks/" in request.path and request.method in ("POST", "PATCH"):
            assert body["allowed_mentions"] == {"parse": []}, request


async def test_commands_answer_with_embeds_and_autocomplete(real_engine, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    async with running_bot(real_engine, tmp_path) as h:
        fake = h.fake
        assert fake.command_puts == ["global"]
        assert fake.identifies[0]["intents"] == 0  # no privileged (or any) intents
        assert not fake.unauthorized

        body = await fake.interact(fake.command("tie", {"club": "Simba", "season": "2012"}))
        assert body["type"] == 4 and not is_ephemeral(body)
        [embed] = embeds(body)
        assert "Simba · 2012" in embed["title"] and len(embed["fields"]) == 2
        assert "🇹🇿 Simba" in embed["fields"][0]["name"]
        assert "2012" in embed["footer"]["text"]

        cases = [
            ("club", {"name": "Étoile du Sahel"}, "Étoile du Sahel"),
            ("headtohead", {"club_a": "Étoile du Sahel", "club_b": "Horoya"}, "Horoya"),
            ("season", {"season": "2017"}, "2017"),
            ("decided", {"method": "penalties"}, "penalty"),
            ("about", {}, ""),
            ("help", {}, ""),
        ]
        for name, options, expected in cases:
            body = await fake.interact(fake.command(name, options, in_guild=name == "club"))
            assert body["type"] == 4 and not is_ephemeral(body), name
            assert expected in embeds(body)[0]["title"], (name, embeds(body)[0]["title"])

        body = await fake.interact(fake.command("club", {"name": "**nobody** @everyone"}))
        assert is_ephemeral(body)
        text = embeds(body)[0].get("description", "")
        assert "\\*\\*nobody\\*\\*" in text and "@everyone" not in text

        auto = await fake.interact(fake.command("tie", {"club": "sim"}, focused="club"))
        assert auto["type"] == 8 and "Simba" in [c["value"] for c in auto["data"]["choices"]]
        auto = await fake.interact(fake.command("tie", {"club": "Simba", "season": ""},
                                                focused="season"))  # fmt: skip
        assert [c["value"] for c in auto["data"]["choices"]] == ["2012"]
        auto = await fake.interact(fake.command("season", {"season": "2017", "round": "play"},
                                                focused="round"))  # fmt: skip
        assert [c["value"] for c in auto["data"]["choices"]] == ["Play-off round"]
        auto = await fake.interact(fake.command("club", {"name": "a"}, focused="name"))
        assert 0 < len(auto["data"]["choices"]) <= 25
        assert all(len(c["name"]) <= 100 for c in auto["data"]["choices"])
        assert_silent(fake)
    assert h.task.result() == 0
    assert TOKEN not in caplog.text
    assert all(TOKEN not in r.getMessage() for r in caplog.records)


async def test_pager_only_for_the_asker_and_select_menu_reruns(real_engine, tmp_path):
    async with running_bot(real_engine, tmp_path) as h:
        fake = h.fake
        ask = fake.command("season", {"season": "2014", "round": "Preliminary round"})
        body = await fake.interact(ask)
        first = embeds(body)[0]
        assert first["footer"]["text"].endswith("page 1/3")
        buttons = components(body)
        previous, counter, following = buttons
        assert previous["disabled"] and counter["label"] == "1/3"
        message = fake.response_message(int(ask["id"]))

        stranger = await fake.interact(fake.component(message.id, following["custom_id"],
                                                      user_id=OTHER_ID))  # fmt: skip
        assert stranger["type"] == 4 and is_ephemeral(stranger)
        assert "Only fan can page" in stranger["data"]["content"]

        turned = await fake.interact(fake.component(message.id, following["custom_id"]))
        assert turned["type"] == 7
        assert embeds(turned)[0]["footer"]["text"].endswith("page 2/3")
        assert embeds(turned)[0]["fields"][0]["name"] != first["fields"][0]["name"]
        assert components(turned)[1]["label"] == "2/3"

        # no season: three Étoiles (in 2014 only Étoile du Sahel played: it would be the answer)
        ask = fake.command("tie", {"club": "Etoile"})
        body = await fake.interact(ask)
        assert body["type"] == 4 and not is_ephemeral(body)
        [select] = components(body)
        labels = [o["label"] for o in select["options"]]
        assert "Étoile du Sahel" in labels
        message = fake.response_message(int(ask["id"]))
        pick = str(labels.index("Étoile du Sahel"))
        picked = await fake.interact(fake.component(message.id, select["custom_id"],
                                                    values=[pick]))  # fmt: skip
        assert picked["type"] == 7
        assert "Étoile du Sahel" in embeds(picked)[0]["title"]
        assert picked["data"]["components"] == []
        assert_silent(fake)


async def test_questions_in_plain_words_and_records(real_engine, tmp_path):
    async with running_bot(real_engine, tmp_path) as h:
        fake = h.fake
        synced = {c["name"]: c for c in fake.commands["global"]}
        assert synced["ask"]["name_localizations"] == {"fr": "question", "pt-BR": "pergunta"}
        assert synced["records"]["name_localizations"] == {"pt-BR": "recordes"}  # fr: the same
        [question] = synced["ask"]["options"]
        assert question["name"] == "question" and question["required"]
        assert question["name_localizations"] == {"pt-BR": "pergunta"}  # fr: the same word

        body = await fake.interact(
            fake.command("ask", {"question": "who knocked out Simba in 2012"})
        )
        assert body["type"] == 4 and not is_ephemeral(body)
        [embed] = embeds(body)
        assert embed["title"].endswith("Simba · 2012") and len(embed["fields"]) == 2
        assert embed["description"].startswith(
            "Understood as `/tie Simba 2012`.\nThe source names no tie that Simba lost in 2012."
        )
        french = fake.command("ask", {"question": "qui a éliminé Simba en 2012"})
        french["locale"] = "fr"
        body = await fake.interact(french)
        assert embeds(body)[0]["description"].startswith("Compris comme `/tie Simba 2012`.")

        body = await fake.interact(fake.command("ask", {"question": "what is the weather"}))
        assert is_ephemeral(body) and not components(body)  # no answer guessed
        assert "`/help`" in embeds(body)[0]["description"]

        ask = fake.command("ask", {"question": "Etoile"})  # several clubs: a menu
        body = await fake.interact(ask)
        [select] = components(body)
        labels = [o["label"] for o in select["options"]]
        message = fake.response_message(int(ask["id"]))
        picked = await fake.interact(
            fake.component(
                message.id, select["custom_id"], values=[str(labels.index("Étoile du Sahel"))]
            )
        )
        assert picked["type"] == 7  # the understood /tie, run again with the club picked
        assert "Étoile du Sahel" in embeds(picked)[0]["title"]

        body = await fake.interact(fake.command("records", {}))
        assert body["type"] == 4 and not is_ephemeral(body)
        [embed] = embeds(body)
        assert embed["title"] == "Records" and embed["description"].startswith("Records of 185")
        assert [f["name"] for f in embed["fields"][:2]] == ["Biggest wins", "Most goals in a tie"]
        assert "caf-confederation-cup-2012-qualifying.txt:68" in embed["fields"][0]["value"]
        body = await fake.interact(fake.command("records", {"competition": "CC", "season": "2014"}))
        assert embeds(body)[0]["title"] == "Records · CAF Confederation Cup · 2014"
        body = await fake.interact(fake.command("records", {"season": "1999"}))
        assert is_ephemeral(body)  # no such season: said privately, as every refusal
        assert_silent(fake)


async def test_survives_dropped_gateway_rate_limit_and_server_errors(real_engine, tmp_path,
                                                                     caplog):  # fmt: skip
    caplog.set_level(logging.INFO)
    async with running_bot(real_engine, tmp_path) as h:
        fake = h.fake
        await fake.wait_until(lambda: (read_heartbeat(tmp_path) or (0, ""))[1] == "connected")
        assert health_status(tmp_path)[0]

        await fake.drop(4000)
        await asyncio.wait_for(fake.resumed.wait(), 10)
        assert len(fake.resumes) == 1 and len(fake.identifies) == 1
        body = await fake.interact(fake.command("tie", {"club": "Simba"}))
        assert body["type"] == 4
        assert health_status(tmp_path)[0]

        ask = fake.command("about")
        await fake.drop(abort=True)  # no close frame at all (1006), and an event sent meanwhile
        waiter = asyncio.create_task(fake.interact(ask))
        await asyncio.wait_for(fake.resumed.wait(), 10)
        assert len(fake.resumes) == 2 and len(fake.identifies) == 1
        assert (await waiter)["type"] == 4  # replayed after RESUMED, then answered

        fake.fail_next_callback(429, retry_after=0.4)
        ask = fake.command("about")
        started = asyncio.get_running_loop().time()
        body = await fake.interact(ask)
        calls = [
            r for r in fake.requests if r.path.startswith(f"/api/v10/interactions/{ask['id']}")
        ]
        assert [r.status for r in calls] == [429, 200]
        assert calls[1].at - calls[0].at >= 0.35 and body["type"] == 4
        assert asyncio.get_running_loop().time() - started < 5

        fake.fail_next_callback(500)  # discord.py retries a 5xx after a second
        body = await fake.interact(fake.command("help"))
        assert body["type"] == 4

        broken = fake.command("tie", {"club": "Simba"})
        fake.fail_next_callback(400, interaction_id=int(broken["id"]), times=5)
        await fake.dispatch("INTERACTION_CREATE", broken)
        await fake.wait_until(lambda: "/tie" in caplog.text and "failed" in caplog.text)
        assert "'club': 'Simba'" in caplog.text  # the options are logged with the failure
        body = await fake.interact(fake.command("tie", {"club": "Simba", "season": "2012"}))
        assert body["type"] == 4  # still serving
        assert_silent(fake)
    assert h.task.result() == 0
    beat = read_heartbeat(tmp_path)
    assert beat is not None and beat[1] == "disconnected" and not health_status(tmp_path)[0]


async def test_sync_only_when_definitions_change_and_dev_guild(real_engine, tmp_path):
    async with running_bot(real_engine, tmp_path) as h:
        assert h.fake.command_puts == ["global"]
        names = {c["name"] for c in h.fake.commands["global"]}
        assert names == {"tie", "club", "headtohead", "season", "decided", "group", "winners",
                         "bracket", "settings", "about", "help", "records", "ask"}  # fmt: skip
    async with running_bot(real_engine, tmp_path) as h:
        assert h.fake.command_puts == []  # unchanged: no sync on a plain restart
    async with running_bot(real_engine, tmp_path, dev_guild_id=1234) as h:
        assert h.fake.command_puts == ["guild:1234"]
        assert h.fake.requests[-1].path != f"/api/v10/applications/{APP_ID}/commands"


async def test_sharded_client_identifies_with_its_shard(real_engine, tmp_path):
    async with running_bot(real_engine, tmp_path, shard_count=2, shard_ids=(1,)) as h:
        assert h.fake.identifies[0]["shard"] == [1, 2]
        ask = h.fake.command("about")
        iid = int(ask["id"])
        waiter = asyncio.create_task(h.fake.wait_until(lambda: iid in h.fake.callbacks))
        await h.fake.dispatch("INTERACTION_CREATE", ask, shard=1)
        await waiter
        assert h.fake.callbacks[iid][0]["type"] == 4


async def test_sigterm_closes_gracefully(real_engine, tmp_path):
    async with running_bot(real_engine, tmp_path) as h:
        loop = asyncio.get_running_loop()
        if signal.SIGTERM not in getattr(loop, "_signal_handlers", {}):
            pytest.skip("signal handlers are not installable here")
        os.kill(os.getpid(), signal.SIGTERM)
        assert await asyncio.wait_for(h.task, 10) == 0


async def test_subprocess_run_serves_and_exits_0_on_sigterm(tmp_path):
    """``python -m bot run`` as a host runs it: env settings, real signals, exit code."""
    fake = await FakeDiscord(TOKEN).start()
    env = {
        "PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE": fake.api_base, "DISCORD_GATEWAY_URL": fake.gateway_url,
        "TIEBOT_DB": str(tmp_path / "db.sqlite3"),
        "TIEBOT_DATA": str(ROOT / "data" / "seasons" / "wikipedia"),
        "TIEBOT_CLUBS": str(ROOT / "data" / "clubs.toml"), "TIEBOT_STATE": str(tmp_path),
        "LOG_LEVEL": "DEBUG",
    }  # fmt: skip
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:  # a file, not a pipe: DEBUG output cannot block
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
            stdout=log_file, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
    try:
        await asyncio.wait_for(fake.ready.wait(), 30)
        body = await fake.interact(fake.command("tie", {"club": "Simba", "season": "2012"}))
        assert "Simba" in embeds(body)[0]["title"]
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 15) == 0
        output = log_path.read_text(encoding="utf-8", errors="replace")
        assert TOKEN not in output and "closing the Discord client" in output
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await fake.close()
