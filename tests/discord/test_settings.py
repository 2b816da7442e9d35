"""/settings and the settings file: who may change what, precedence, and a file that fails.

The adapter runs with the real Speaker over the small hand-built catalog of
``fakeengine`` and spec'd interaction doubles; the settings file is real SQLite.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import discord
import pytest

from bot.answering.engine import Engine
from bot.discord.commands import slash_commands
from bot.discord.preferences import Chosen, SettingsStore, choose
from bot.wording.i18n.words import FSI, PDI
from bot.wording.speaker import Speaker
from tests.discord.conftest import make_interaction
from tests.discord.fakeengine import CATALOG
from tests.paths import ROOT

GUILD = 4242
MANAGE = discord.Permissions(manage_guild=True)


@pytest.fixture(scope="module")
def speaker() -> Speaker:
    return Speaker(Engine(CATALOG))


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    found = SettingsStore.in_folder(tmp_path / "state")
    yield found
    found.close()


def asker(speaker, *, user=1, guild=None, locale=discord.Locale.american_english, manager=False):
    interaction = make_interaction(speaker, user_id=user)
    interaction.guild_id = guild
    interaction.locale = locale
    interaction.permissions = MANAGE if manager else discord.Permissions.none()
    return interaction


async def run(speaker, store, name: str, interaction, **options):
    command = {c.name: c for c in slash_commands(speaker, store)}[name]
    names = [p.name for p in command.parameters]
    await command.callback(interaction, **{n: options.get(n) for n in names})
    return interaction.response.send_message.await_args.kwargs


async def settings(speaker, store, interaction, **options):
    choices = {"language": _choice, "scope": _choice, "replies": _choice}
    return await run(speaker, store, "settings", interaction,
                     **{k: choices[k](v) for k, v in options.items()})  # fmt: skip


def _choice(value: str) -> discord.app_commands.Choice[str]:
    return discord.app_commands.Choice(name=value, value=value)


def shown(kwargs) -> str:
    embed = kwargs["embed"]
    text = "\n".join([embed.title or "", embed.description or ""]
                     + [f"{f.name}\n{f.value}" for f in embed.fields])  # fmt: skip
    return text.replace(FSI, "").replace(PDI, "")


# ---- the file --------------------------------------------------------------------------------


def test_created_on_first_write_and_kept_across_a_restart(tmp_path: Path) -> None:
    first = SettingsStore.in_folder(tmp_path / "state")
    assert first.chosen(1, GUILD) == Chosen() and not first.path.exists()  # reading creates nothing
    assert first.set_user_language(1, "ar") and first.set_server_language(GUILD, "fr")
    assert first.set_server_private(GUILD, True)
    first.close()
    again = SettingsStore.in_folder(tmp_path / "state")
    assert again.chosen(1, GUILD) == Chosen("ar", "fr", True)
    assert again.chosen(2, None) == Chosen()
    assert again.set_user_language(1, None) and again.chosen(1, GUILD) == Chosen(None, "fr", True)
    again.close()


def test_concurrent_writers_all_land(tmp_path: Path) -> None:
    """Two processes sharing the folder: two stores, each written from two threads at once."""
    stores = [SettingsStore.in_folder(tmp_path / "state") for _ in range(2)]
    languages = ("en", "fr", "ar", "pt")

    def write(store: SettingsStore, first: int) -> None:
        for user in range(first, first + 40):
            assert store.set_user_language(user, languages[user % 4])

    threads = [threading.Thread(target=write, args=(stores[i % 2], 1000 * i)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reader = SettingsStore.in_folder(tmp_path / "state")
    for i in range(4):
        for user in range(1000 * i, 1000 * i + 40):
            assert reader.chosen(user, None).user_language == languages[user % 4]
    for store in (*stores, reader):
        store.close()


async def test_two_interactions_change_settings_at_once(speaker, store) -> None:
    one = asker(speaker, user=1, guild=GUILD, manager=True)
    two = asker(speaker, user=2, guild=GUILD)
    await asyncio.gather(settings(speaker, store, one, language="pt", scope="server"),
                         settings(speaker, store, two, language="ar"))  # fmt: skip
    assert store.chosen(1, GUILD) == Chosen(None, "pt", False)
    assert store.chosen(2, GUILD) == Chosen("ar", "pt", False)


async def test_a_corrupt_file_means_the_default_language_and_one_error(speaker, tmp_path, caplog):
    state = tmp_path / "state"
    state.mkdir()
    (state / "settings.sqlite3").write_bytes(b"this is not a database at all" * 100)
    store = SettingsStore.in_folder(state)
    with caplog.at_level(logging.ERROR):
        english = await run(speaker, store, "tie", asker(speaker), club="Zorro")
        french = await run(speaker, store, "tie", asker(speaker, locale=discord.Locale.french),
                           club="Zorro")  # fmt: skip
        saved = await settings(speaker, store, asker(speaker), language="ar")
    assert "No club matches 'Zorro'." in shown(english)
    assert "Aucun club ne correspond à «\xa0Zorro\xa0»." in shown(french)
    assert "Settings cannot be saved right now; answers stay in English." in shown(saved)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "settings.sqlite3" in errors[0].getMessage()
    store.close()


def test_a_read_only_file_keeps_its_choices_and_says_it_cannot_save(tmp_path: Path) -> None:
    state = tmp_path / "state"
    store = SettingsStore.in_folder(state)
    assert store.set_user_language(1, "ar")
    store.close()
    (state / "settings.sqlite3").chmod(0o444)
    state.chmod(0o555)
    code = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from bot.discord.preferences import SettingsStore\n"
        "logging.basicConfig(level=logging.ERROR, stream=sys.stderr)\n"
        "store = SettingsStore.in_folder(Path(sys.argv[1]))\n"
        "print(store.chosen(1, None).user_language, store.chosen(2, None).user_language)\n"
        "print(store.set_user_language(2, 'fr'), store.set_user_language(3, 'fr'))\n"
    )
    argv = [sys.executable, "-c", code, str(state)]
    if os.geteuid() == 0:  # root ignores file modes: drop that power, as a container user
        if shutil.which("capsh") is None:
            pytest.skip("running as root and capsh is not installed")
        argv = ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c",
                'exec "$0" "$@"', *argv]  # fmt: skip
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)  # fmt: skip
    finally:
        state.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ar", "None", "False", "False"]
    assert done.stderr.count("ERROR") == 1 and "settings.sqlite3" in done.stderr, done.stderr


# ---- precedence and rights -------------------------------------------------------------------


def test_precedence_user_then_server_then_discord_then_english(speaker, store) -> None:
    french = discord.Locale.french
    assert choose(asker(speaker, guild=GUILD), store).source == "locale"  # en-US
    assert choose(asker(speaker, locale=discord.Locale.german), store).language == "en"
    assert choose(asker(speaker, guild=GUILD, locale=french), store).language == "fr"
    store.set_server_language(GUILD, "ar")
    found = choose(asker(speaker, guild=GUILD, locale=french), store)
    assert (found.language, found.source) == ("ar", "server")
    assert choose(asker(speaker, locale=french), store).language == "fr"  # a DM: no server
    store.set_user_language(1, "pt")
    found = choose(asker(speaker, guild=GUILD, locale=french), store)
    assert (found.language, found.source) == ("pt", "user")
    assert choose(asker(speaker, user=2, guild=GUILD), store).language == "ar"
    assert choose(asker(speaker, locale=discord.Locale.brazil_portuguese), None).language == "pt"


async def test_my_language_then_answers_in_it(speaker, store) -> None:
    said = await settings(speaker, store, asker(speaker, guild=GUILD), language="ar")
    assert said["ephemeral"] is True
    assert "لغتك الآن: العربية." in shown(said)
    answer = await run(speaker, store, "tie", asker(speaker, guild=GUILD), club="Zorro")
    assert "لا يوجد نادٍ يطابق «Zorro»." in shown(answer)
    assert f"{FSI}Zorro{PDI}" in answer["embed"].description
    back = await settings(speaker, store, asker(speaker, guild=GUILD), language="auto")
    assert "You no longer have a language of your own." in shown(back)


async def test_server_settings_need_manage_server(speaker, store) -> None:
    said = await settings(speaker, store, asker(speaker, guild=GUILD), language="fr",
                          scope="server")  # fmt: skip
    assert "Only members who can manage this server can change its settings." in shown(said)
    assert store.chosen(1, GUILD) == Chosen()
    said = await settings(speaker, store, asker(speaker, guild=GUILD), replies="private")
    assert store.chosen(1, GUILD) == Chosen()
    said = await settings(speaker, store, asker(speaker), replies="private")  # in a DM
    assert "Server settings can only be changed in a server." in shown(said)
    said = await settings(speaker, store, asker(speaker, guild=GUILD, manager=True),
                          language="fr", scope="server")  # fmt: skip
    assert "La langue de ce serveur est désormais\xa0: français." in shown(said)
    assert store.chosen(5, GUILD) == Chosen(None, "fr", False)


async def test_private_replies_make_every_answer_ephemeral_in_that_server(speaker, store) -> None:
    public = await run(speaker, store, "tie", asker(speaker, guild=GUILD), club="Kabylie")
    assert public["ephemeral"] is False
    said = await settings(speaker, store, asker(speaker, guild=GUILD, manager=True),
                          replies="private")  # fmt: skip
    assert "Answers in this server are now private" in shown(said)
    private = await run(speaker, store, "tie", asker(speaker, user=9, guild=GUILD), club="Kabylie")
    assert private["ephemeral"] is True
    elsewhere = await run(speaker, store, "tie", asker(speaker, guild=GUILD + 1), club="Kabylie")
    assert elsewhere["ephemeral"] is False


async def test_settings_with_nothing_to_change_says_what_is_in_force(speaker, store) -> None:
    said = await settings(speaker, store, asker(speaker, guild=GUILD,
                                                locale=discord.Locale.french))  # fmt: skip
    text = shown(said)
    assert "Votre langue\xa0: non choisie" in text
    assert "Vos réponses sont en français\xa0: votre langue Discord." in text
