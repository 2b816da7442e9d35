"""Slash commands generated from the command table: one declaration, Discord included.

Each command of ``bot.answering.table`` becomes an ``app_commands.Command``
whose options (names, types, descriptions, required or not, autocomplete)
come from the table, so the console, Discord and help can never disagree.
Every option is optional text of 1–100 characters except ``method``, which
offers fixed choices.  Commands work in servers, DMs and group DMs, for both
install types.
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
from bot.discord.reply import Query, respond
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
    kind: Any = app_commands.Choice[str] if option.kind is Kind.METHOD else Text
    return kind if option.required else Optional[kind]  # noqa: UP045 - discord.py reads Optional


def _value(raw: object) -> str | None:
    if isinstance(raw, app_commands.Choice):
        return str(raw.value)
    return raw if isinstance(raw, str) and raw else None


def slash_command(spec: Command, engine: EngineLike) -> app_commands.Command[Any, Any, None]:
    """The app command for one table entry; its callback hands the options to ``respond``."""

    async def callback(interaction: discord.Interaction[Any], **raw: object) -> None:
        options = {o.name: _value(raw.get(o.name)) for o in spec.options}
        await respond(interaction, engine, Query.of(spec.name, **options))

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
    if spec.of_kind(Kind.METHOD):
        func = app_commands.choices(**{o.name: METHOD_CHOICES for o in spec.of_kind(Kind.METHOD)})(
            func
        )
    completers = {o.name: COMPLETERS[o.kind] for o in spec.options if o.kind in COMPLETERS}
    if completers:
        func = app_commands.autocomplete(**completers)(func)
    func = app_commands.allowed_installs(guilds=True, users=True)(func)
    func = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(func)
    return app_commands.Command(name=spec.name, description=spec.description, callback=func)


def slash_commands(engine: EngineLike) -> list[app_commands.Command[Any, Any, None]]:
    return [slash_command(spec, engine) for spec in COMMANDS]
