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
from bot.discord.ports import EngineLike
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


def _safely(what: str, produce: Callable[[], Iterable[str]]) -> Choices:
    """Autocomplete must always answer; a failure gives an empty list and a log line."""
    try:
        return to_choices(produce())
    except Exception:
        log.exception("autocomplete for %s failed", what)
        return []


async def club(interaction: discord.Interaction[Any], current: str) -> Choices:
    engine = engine_of(interaction)
    return _safely("club", lambda: engine.complete_club(current[:MAX_NAME], limit=MAX_CHOICES))


async def season(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Seasons; only the typed club's seasons when the command has a club option filled."""
    engine = engine_of(interaction)
    club_name = typed_club(interaction)
    return _safely(
        "season",
        lambda: engine.complete_season(current[:MAX_NAME], club=club_name, limit=MAX_CHOICES),
    )


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
    engine = engine_of(interaction)
    return _safely("round", lambda: filter_names(engine.round_names(), current))


async def competition(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Loaded competitions; short forms find them too ("CL", "C2", "AFL")."""
    engine = engine_of(interaction)
    return _safely(
        "competition", lambda: engine.complete_competition(current[:MAX_NAME], limit=MAX_CHOICES)
    )


async def group(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Group names and clubs in a group, of the season typed so far when there is one."""
    engine = engine_of(interaction)
    typed = getattr(interaction.namespace, "season", None)
    season_text = typed if isinstance(typed, str) and typed.strip() else None
    return _safely(
        "group",
        lambda: engine.complete_group(current[:MAX_NAME], season_text, limit=MAX_CHOICES),
    )
