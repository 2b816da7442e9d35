"""Slash commands generated from the command table: one declaration, Discord included.

Each command of ``bot.answering.table`` becomes an ``app_commands.Command``
whose options (names, types, descriptions, required or not, autocomplete)
come from the table, so the console, Discord and help can never disagree.
Every option is optional text of 1–100 characters except ``method`` and the
options with fixed choices (``/settings``).  Commands work in servers, DMs and
group DMs, for both install types.  Names, descriptions and choices are English
here; ``translator.CatalogTranslator`` gives Discord their translations.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import Any, Optional

import discord
from discord import app_commands

from bot.answering.methods import ASKABLE
from bot.answering.table import COMMANDS, Command, Kind, Option
from bot.discord import autocomplete as ac
from bot.discord.ports import EngineLike
from bot.discord.preferences import SettingsStore
from bot.discord.reply import Query, respond
from bot.discord.settings import respond_settings
from bot.discord.translator import CatalogTranslator
from bot.wording.guide import METHOD_LABELS

Text = app_commands.Range[str, 1, 100]
METHOD_CHOICES = [app_commands.Choice(name=METHOD_LABELS[m], value=m.value) for m in ASKABLE]
Completer = Callable[
    [discord.Interaction[Any], str], Coroutine[Any, Any, list[app_commands.Choice[str]]]
]
COMPLETERS: dict[Kind, Completer] = {
    Kind.CLUB: ac.club,
    Kind.SEASON: ac.season,
    Kind.ROUND: ac.round_name,
    Kind.COMPETITION: ac.competition,
    Kind.GROUP: ac.group,
}


def _annotation(option: Option) -> Any:
    fixed = option.kind in (Kind.METHOD, Kind.CHOICE)
    kind: Any = app_commands.Choice[str] if fixed else Text
    return kind if option.required else Optional[kind]  # noqa: UP045 - discord.py reads Optional


def _value(raw: object) -> str | None:
    if isinstance(raw, app_commands.Choice):
        return str(raw.value)
    return raw if isinstance(raw, str) and raw else None


def _choices(option: Option) -> list[app_commands.Choice[str]]:
    if option.kind is Kind.METHOD:
        return METHOD_CHOICES
    return [app_commands.Choice(name=label, value=value) for label, value in option.choices]


def slash_command(
    spec: Command, engine: EngineLike, store: SettingsStore | None = None
) -> app_commands.Command[Any, Any, None]:
    """The app command for one table entry; its callback hands the options to ``respond``
    (``/settings`` to ``respond_settings``, which stores the choice in ``store``)."""

    async def callback(interaction: discord.Interaction[Any], **raw: object) -> None:
        options = {o.name: _value(raw.get(o.name)) for o in spec.options}
        if spec.name == "settings":
            await respond_settings(interaction, engine, store, options)
            return
        await respond(interaction, engine, Query.of(spec.name, **options), store=store)

    params = [
        inspect.Parameter(
            "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
        )
    ]
    params += [
        inspect.Parameter(
            o.name,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=_annotation(o),
            default=inspect.Parameter.empty if o.required else None,
        )
        for o in spec.options
    ]
    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__name__ = callback.__qualname__ = spec.name
    func: Any = callback
    if spec.options:
        func = app_commands.describe(**{o.name: o.description for o in spec.options})(func)
    fixed = spec.of_kind(Kind.METHOD) + spec.of_kind(Kind.CHOICE)
    if fixed:
        func = app_commands.choices(**{o.name: _choices(o) for o in fixed})(func)
    completers = {o.name: COMPLETERS[o.kind] for o in spec.options if o.kind in COMPLETERS}
    if completers:
        func = app_commands.autocomplete(**completers)(func)
    func = app_commands.allowed_installs(guilds=True, users=True)(func)
    func = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(func)
    return app_commands.Command(name=spec.name, description=spec.description, callback=func)


def slash_commands(
    engine: EngineLike, store: SettingsStore | None = None
) -> list[app_commands.Command[Any, Any, None]]:
    return [slash_command(spec, engine, store) for spec in COMMANDS]


async def install(
    tree: app_commands.CommandTree[Any], engine: EngineLike, store: SettingsStore | None
) -> None:
    """Every command of the table on ``tree``, with their translations for Discord."""
    await tree.set_translator(CatalogTranslator())
    for command in slash_commands(engine, store):
        tree.add_command(command)
