"""Languages on Discord: the localized command payload, and answers through the fake Discord
with the interaction's ``locale`` and with ``/settings`` choices (kept across a restart)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.answering.engine import Engine
from bot.discord.commands import slash_commands
from bot.discord.translator import CatalogTranslator
from bot.testing.harness import running_bot
from bot.testing.payloads import OTHER_ID
from bot.wording.i18n.words import FSI, PDI
from bot.wording.speaker import Speaker
from tests.discord.fakeengine import CATALOG

pytestmark = pytest.mark.timeout(60)
MANAGE_GUILD = str(discord.Permissions(manage_guild=True).value)


@pytest.fixture(scope="module")
def speaker() -> Speaker:
    return Speaker(Engine(CATALOG))


async def translated_payload(engine: Any) -> dict[str, dict[str, Any]]:
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    await tree.set_translator(CatalogTranslator())
    for command in slash_commands(engine):
        tree.add_command(command)
    translator = tree.translator
    assert translator is not None
    return {c.name: await c.get_translated_payload(tree, translator) for c in tree.get_commands()}


async def test_every_command_is_localized_for_french_and_brazilian_portuguese(speaker) -> None:
    payload = await translated_payload(speaker)
    tie = payload["tie"]
    assert tie["name_localizations"] == {"fr": "confrontation", "pt-BR": "eliminatória"}
    assert tie["description_localizations"]["fr"].startswith("Les confrontations d'un club")
    assert {o["name"]: o.get("name_localizations") for o in tie["options"]} == {
        "club": {"pt-BR": "clube"},  # French "club" is the English name: nothing to localize
        "season": {"fr": "saison", "pt-BR": "época"},
        "round": {"fr": "tour", "pt-BR": "ronda"},
        "competition": {"fr": "compétition", "pt-BR": "competição"},
    }
    for name, command in payload.items():
        assert set(command["description_localizations"]) == {"fr", "pt-BR"}, name
        for option in command.get("options", []):
            assert set(option["description_localizations"]) == {"fr", "pt-BR"}, (name, option)
            for choice in option.get("choices", []):
                assert set(choice["name_localizations"]) <= {"fr", "pt-BR"}, choice
    language = next(o for o in payload["settings"]["options"] if o["name"] == "language")
    arabic = next(c for c in language["choices"] if c["value"] == "ar")
    assert arabic["name_localizations"] == {"fr": "العربية (arabe)", "pt-BR": "العربية (árabe)"}
    method = payload["decided"]["options"][0]
    penalties = next(c for c in method["choices"] if c["value"] == "penalties")
    assert penalties["name_localizations"] == {"fr": "Tirs au but",
                                               "pt-BR": "Desempate por penáltis"}  # fmt: skip


def said(body: dict[str, Any]) -> str:
    embed = body["data"]["embeds"][0]
    text = "\n".join([embed.get("title", ""), embed.get("description", "")]
                     + [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])])  # fmt: skip
    return text.replace(FSI, "").replace(PDI, "")


def private(body: dict[str, Any]) -> bool:
    return bool((body["data"].get("flags") or 0) & 64)


def ask(fake: Any, name: str, options: dict[str, Any], *, locale: str = "en-US",
        user_id: int | None = None, in_guild: bool = False,
        manager: bool = False) -> Any:  # fmt: skip
    extra = {} if user_id is None else {"user_id": user_id}
    payload = fake.command(name, options, in_guild=in_guild, **extra)
    payload["locale"] = locale
    if manager:
        payload["member"]["permissions"] = MANAGE_GUILD
    return fake.interact(payload)


async def test_answers_follow_the_locale_then_the_settings_across_a_restart(
    speaker, tmp_path: Path
) -> None:
    async with running_bot(speaker, tmp_path) as h:
        fake = h.fake
        synced = {c["name"]: c for c in fake.commands["global"]}
        assert synced["tie"]["name_localizations"] == {"fr": "confrontation",
                                                       "pt-BR": "eliminatória"}  # fmt: skip
        assert "fr" in synced["settings"]["description_localizations"]

        body = await ask(fake, "tie", {"club": "Zorro"}, locale="fr")
        assert "Aucun club ne correspond à «\xa0Zorro\xa0»." in said(body)
        body = await ask(fake, "tie", {"club": "Zorro"}, locale="pt-BR")
        assert "Nenhum clube corresponde a «Zorro»." in said(body)
        body = await ask(fake, "tie", {"club": "Zorro"}, locale="de")
        assert "No club matches 'Zorro'." in said(body)

        body = await ask(fake, "settings", {"language": "ar"}, locale="fr")
        assert private(body) and "لغتك الآن: العربية." in said(body)
        body = await ask(fake, "tie", {"club": "Zorro"}, locale="fr")
        assert "لا يوجد نادٍ يطابق «Zorro»." in said(body)  # the user's choice beats Discord's
        assert f"{FSI}Zorro{PDI}" in body["data"]["embeds"][0]["description"]

        body = await ask(fake, "settings", {"language": "fr", "scope": "server"},
                         user_id=OTHER_ID, in_guild=True)  # fmt: skip
        assert "Only members who can manage this server" in said(body)
        body = await ask(fake, "settings", {"language": "pt", "scope": "server",
                                            "replies": "private"},
                         user_id=OTHER_ID, in_guild=True, manager=True)  # fmt: skip
        assert "O idioma deste servidor passa a ser: português." in said(body)
        body = await ask(fake, "tie", {"club": "Kabylie"}, user_id=OTHER_ID, in_guild=True,
                         locale="fr")  # fmt: skip
        assert private(body)  # the server chose private replies
        body = await ask(fake, "tie", {"club": "Zorro"}, user_id=OTHER_ID, in_guild=True,
                         locale="fr")  # fmt: skip
        assert "Nenhum clube corresponde a «Zorro»." in said(body)  # the server's beats Discord's
        body = await ask(fake, "tie", {"club": "Zorro"}, in_guild=True)
        assert "لا يوجد نادٍ يطابق" in said(body)  # the user's beats the server's

    async with running_bot(speaker, tmp_path) as h:  # a restart: the same state folder
        body = await ask(h.fake, "tie", {"club": "Zorro"}, locale="fr")
        assert "لا يوجد نادٍ يطابق «Zorro»." in said(body)
        body = await ask(h.fake, "tie", {"club": "Zorro"}, user_id=OTHER_ID, in_guild=True)
        assert "Nenhum clube corresponde a «Zorro»." in said(body)
