"""/settings on Discord: check who may change what, store it, and answer in the new language.

The engine reads the request (the same words as the console); this adapter checks the
asker's rights (a server's language and reply visibility need Manage Server), writes the
settings file in a worker thread (a write may wait for another one), reads back what is now
in force and has the Speaker word it.  Settings answers are always private.
"""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from bot.answering.preferences import AUTOMATIC, SettingsFacts, SettingsRequest, SettingsState
from bot.discord.embeds import build_pages
from bot.discord.ports import EngineLike
from bot.discord.preferences import SettingsStore, choose
from bot.discord.reply import send


def may_manage(interaction: discord.Interaction[Any]) -> bool:
    """Whether the asker has Manage Server where the command was used."""
    permissions = getattr(interaction, "permissions", None)
    return bool(getattr(permissions, "manage_guild", False) is True)


def _write(
    store: SettingsStore, request: SettingsRequest, user_id: int, guild_id: int | None
) -> bool:
    """Every change of the request; False as soon as one cannot be saved."""
    language = None if request.language == AUTOMATIC else request.language
    ok = True
    if request.language is not None:
        if request.scope == "server" and guild_id is not None:
            ok = store.set_server_language(guild_id, language)
        else:
            ok = store.set_user_language(user_id, language)
    if ok and request.replies is not None and guild_id is not None:
        ok = store.set_server_private(guild_id, request.replies == "private")
    return ok


def problem_with(
    request: SettingsRequest, store: SettingsStore | None, guild_id: int | None, manager: bool
) -> str | None:
    """Why the request cannot be saved ("no_server", "not_manager", "unavailable"), or None."""
    server_change = request.replies is not None or (
        request.language is not None and request.scope == "server"
    )
    if server_change and guild_id is None:
        return "no_server"
    if server_change and not manager:
        return "not_manager"
    if request.changes and store is None:
        return "unavailable"
    return None


async def respond_settings(
    interaction: discord.Interaction[Any],
    engine: EngineLike,
    store: SettingsStore | None,
    options: dict[str, str | None],
) -> None:
    """Answer /settings: change what the asker may change, then say what is in force."""
    before = choose(interaction, store)
    facts = engine.facts("settings", **options)
    if not isinstance(facts, SettingsFacts):  # a value no choice offers (a stale client)
        answer = engine.word(facts, before.language)
        await send(interaction, build_pages(answer)[0], ephemeral=True)
        return
    request = facts.request
    guild = interaction.guild_id if isinstance(interaction.guild_id, int) else None
    problem = problem_with(request, store, guild, may_manage(interaction))
    saved = False
    if problem is None and request.changes and store is not None:
        user_id = interaction.user.id
        saved = await asyncio.to_thread(_write, store, request, user_id, guild)
        problem = None if saved else "unavailable"
    after = choose(interaction, store)
    state = SettingsState(
        language=after.language,
        source=after.source,
        user_language=after.chosen.user_language,
        server_language=after.chosen.server_language if after.in_server else None,
        private=after.private,
        in_server=after.in_server,
        saved=saved,
        problem=problem,
    )
    answer = engine.word(SettingsFacts(facts.query, request, state), after.language)
    await send(interaction, build_pages(answer)[0], ephemeral=True)
