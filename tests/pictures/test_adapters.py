"""Pictures through the adapters: ``ask --out`` writes them, ``--json`` lists them, and a
Discord reply uploads them (multipart) with the embed showing ``attachment://NAME``."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot.__main__ import main
from bot.answering.engine import Engine
from bot.pictures.speaker import PictureSpeaker
from bot.testing.harness import running_bot
from tests.paths import CLUBS, DATA

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for key in ("DISCORD_TOKEN", "DEV_GUILD_ID", "SHARD_COUNT", "SHARD_IDS", "LOG_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TIEBOT_DATA", str(DATA))
    monkeypatch.setenv("TIEBOT_DB", str(tmp_path / "tiebot.sqlite3"))
    monkeypatch.setenv("TIEBOT_CLUBS", str(CLUBS))
    monkeypatch.setenv("TIEBOT_STATE", str(tmp_path / "state"))
    return tmp_path


def png_size(data: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.size


def test_ask_out_writes_the_pictures_and_json_lists_them(env: Path, capsys) -> None:
    assert main(["ask", "/bracket 2022-23", "--out", "bracket.png"]) == 0
    out = capsys.readouterr().out
    assert "wrote bracket.png (" in out and "wrote bracket-2.png (" in out
    assert png_size((env / "bracket.png").read_bytes())[0] > 400
    assert main(["ask", "/club Simba", "--out", "simba.png", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    [item] = shown["files"]
    assert item["path"] == "simba.png" and item["name"] == "journey-simba.png"
    assert (item["width"], item["height"]) == png_size((env / "simba.png").read_bytes())
    assert item["bytes"] == (env / "simba.png").stat().st_size


def test_ask_without_out_is_text_only(env: Path, capsys) -> None:
    assert main(["ask", "/bracket 2023", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert "files" not in shown and shown["command"] == "bracket"
    assert not list(env.glob("*.png"))


def test_ask_out_to_an_unwritable_place_is_one_line(env: Path, capsys) -> None:
    assert main(["ask", "/bracket 2023", "--out", str(env / "missing" / "b.png")]) == 1
    out = capsys.readouterr().out
    assert out.strip().endswith("No such file or directory") and "Traceback" not in out


async def test_discord_uploads_the_png_and_the_embed_shows_it(
    full_engine: Engine, tmp_path: Path
) -> None:
    async with running_bot(PictureSpeaker(full_engine), tmp_path) as h:
        fake = h.fake
        payload = fake.command("bracket", {"season": "2023"})
        body = await fake.interact(payload)
        assert body["type"] == 4  # answered at once: drawing needs no defer
        [embed] = body["data"]["embeds"]
        message = fake.response_message(int(payload["id"]))
        names = [u.filename for u in message.uploads]
        assert names == ["bracket-african-football-league-2023.png",
                         "bracket-caf-super-cup-2023.png"]  # fmt: skip
        assert embed["image"]["url"] == f"attachment://{names[0]}"
        for upload in message.uploads:
            assert png_size(upload.data)[0] >= 420  # discord.py sends it as octet-stream
        assert [a["filename"] for a in body["data"]["attachments"]] == names
        assert body["data"]["allowed_mentions"] == {"parse": []}

        payload = fake.command("club", {"name": "Étoile du Sahel"})
        body = await fake.interact(payload)
        message = fake.response_message(int(payload["id"]))
        [journey] = message.uploads
        assert journey.filename == "journey-etoile-du-sahel.png"
        assert body["data"]["embeds"][0]["image"]["url"] == "attachment://" + journey.filename
        assert "Étoile du Sahel" in body["data"]["embeds"][0]["title"]  # the text stays

        payload = fake.command("tie", {"club": "Simba", "season": "2012"})
        await fake.interact(payload)
        assert fake.response_message(int(payload["id"])).uploads == []


async def test_a_picture_over_the_upload_limit_is_left_out(
    full_engine: Engine, tmp_path: Path
) -> None:
    async with running_bot(PictureSpeaker(full_engine), tmp_path) as h:
        fake = h.fake
        payload = fake.command("bracket", {"season": "2012"})
        payload["attachment_size_limit"] = 100_000  # the CL semis fit, the CC columns do not
        body = await fake.interact(payload)
        message = fake.response_message(int(payload["id"]))
        assert [u.filename for u in message.uploads] == ["bracket-caf-champions-league-2012.png"]
        assert body["data"]["embeds"][0]["image"]["url"].endswith("champions-league-2012.png")
        payload = fake.command("bracket", {"season": "2012"})
        payload["attachment_size_limit"] = 1_000
        body = await fake.interact(payload)
        assert fake.response_message(int(payload["id"])).uploads == []
        assert "image" not in body["data"]["embeds"][0]
        assert "Semifinals to Final" in body["data"]["embeds"][0]["description"]


def buttons(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in body["data"].get("components") or [] for c in row["components"]]


async def test_pages_keep_the_picture_and_a_picked_club_gets_its_journey(
    full_engine: Engine, tmp_path: Path
) -> None:
    async with running_bot(PictureSpeaker(full_engine), tmp_path) as h:
        fake = h.fake
        ask = fake.command("club", {"name": "Al Ahly"})  # many seasons: several pages
        body = await fake.interact(ask)
        image = body["data"]["embeds"][0]["image"]["url"]
        assert image == "attachment://journey-al-ahly.png"
        message = fake.response_message(int(ask["id"]))
        following = buttons(body)[-1]
        turned = await fake.interact(fake.component(message.id, following["custom_id"]))
        assert turned["type"] == 7 and turned["data"]["embeds"][0]["image"]["url"] == image
        assert [u.filename for u in message.uploads] == ["journey-al-ahly.png"]  # kept

        ask = fake.command("club", {"name": "Leopards"})  # two clubs: a menu, no picture yet
        body = await fake.interact(ask)
        assert "image" not in body["data"]["embeds"][0]
        message = fake.response_message(int(ask["id"]))
        [select] = buttons(body)
        labels = [o["label"] for o in select["options"]]
        pick = str(labels.index("Black Leopards"))
        picked = await fake.interact(fake.component(message.id, select["custom_id"],
                                                    values=[pick]))  # fmt: skip
        assert picked["type"] == 7
        assert [u.filename for u in message.uploads] == ["journey-black-leopards.png"]
        assert picked["data"]["embeds"][0]["image"]["url"].endswith("black-leopards.png")
