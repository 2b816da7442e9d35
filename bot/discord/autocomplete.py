"""Autocomplete for club, season, round, competition and group options.

Served from the engine's in-memory index: no I/O per keystroke.  Discord
allows at most 25 choices, each name and value at most 100 characters.  The
season suggestions of /tie and /club are only the seasons of the club
already typed (read from ``interaction.namespace``, in the option the
command table names as the command's club).  Whatever the user
finally sends is resolved again by the engine, so a choice is only a hint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, Protocol, cast

import discord
from discord import app_commands

from bot.answering.table import BY_NAME, Kind
from bot.discord import rendered
from bot.discord.ports import EngineLike
from bot.discord.rendered import remember
from bot.domain.names import fold

log = logging.getLogger(__name__)
MAX_CHOICES = 25
MAX_NAME = 100
Choices = list[app_commands.Choice[str]]


class HasEngine(Protocol):
    engine: EngineLike


def to_choices(names: Iterable[str], limit: int = MAX_CHOICES) -> Choices:
    """Distinct non-empty names as choices, cut to Discord's limits."""
    choices: Choices = []
    seen: set[str] = set()
    for name in names:
        value = name.strip()[:MAX_NAME]
        if not value or value in seen:
            continue
        seen.add(value)
        label = value if len(name) <= MAX_NAME else value[: MAX_NAME - 1] + "…"
        choices.append(app_commands.Choice(name=label, value=value))
        if len(choices) >= limit:
            break
    return choices


def filter_names(names: Iterable[str], current: str) -> list[str]:
    """Names containing what was typed (folded), those starting with it first."""
    typed = fold(current)
    if not typed:
        return list(names)
    matching = [n for n in names if typed in fold(n)]
    return sorted(matching, key=lambda n: not fold(n).startswith(typed))


def engine_of(interaction: discord.Interaction[Any]) -> EngineLike:
    return cast(HasEngine, interaction.client).engine


def _safely(
    interaction: discord.Interaction[Any],
    what: str,
    typed: tuple[str | None, ...],
    produce: Callable[[EngineLike], Iterable[str]],
) -> Choices:
    """Autocomplete must always answer; a failure gives an empty list and a log line.  The
    same keystrokes of the same Speaker get the same choices (``bot.discord.rendered``)."""
    short = all(t is None or len(t) <= MAX_NAME for t in typed)  # (keys stay small)
    size = rendered.SUGGESTIONS if short else 0
    try:
        return remember(engine_of(interaction), "suggestions", (what, *typed),
                        lambda e: to_choices(produce(e)), size)  # fmt: skip
    except Exception:
        log.exception("autocomplete for %s failed", what)
        return []


async def club(interaction: discord.Interaction[Any], current: str) -> Choices:
    text = current[:MAX_NAME]
    return _safely(interaction, "club", (text,),
                   lambda engine: engine.complete_club(text, limit=MAX_CHOICES))  # fmt: skip


async def season(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Seasons; only the typed club's seasons when the command has a club option filled."""
    text, club_name = current[:MAX_NAME], typed_club(interaction)
    return _safely(interaction, "season", (text, club_name),
                   lambda engine: engine.complete_season(text, club=club_name,
                                                         limit=MAX_CHOICES))  # fmt: skip


def typed_club(interaction: discord.Interaction[Any]) -> str | None:
    """What was typed so far in the command's club option (the table says which one it is)."""
    command = getattr(interaction.command, "name", None)
    spec = BY_NAME.get(command) if isinstance(command, str) else None
    for option in spec.of_kind(Kind.CLUB) if spec else ():
        value = getattr(interaction.namespace, option.name, None)
        if isinstance(value, str) and value.strip():
            return value
    return None


async def round_name(interaction: discord.Interaction[Any], current: str) -> Choices:
    return _safely(interaction, "round", (current,),
                   lambda engine: filter_names(engine.round_names(), current))  # fmt: skip


async def competition(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Loaded competitions; short forms find them too ("CL", "C2", "AFL")."""
    text = current[:MAX_NAME]
    return _safely(interaction, "competition", (text,),
                   lambda engine: engine.complete_competition(text, limit=MAX_CHOICES))  # fmt: skip


async def group(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Group names and clubs in a group, of the season typed so far when there is one."""
    typed = getattr(interaction.namespace, "season", None)
    text = current[:MAX_NAME]
    season_text = typed if isinstance(typed, str) and typed.strip() else None
    return _safely(interaction, "group", (text, season_text),
                   lambda engine: engine.complete_group(text, season_text,
                                                        limit=MAX_CHOICES))  # fmt: skip
