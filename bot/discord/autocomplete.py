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
from collections.abc import Iterable
from typing import Any, Protocol, cast

import discord
from discord import app_commands

from bot.answering.table import BY_NAME, Kind
from bot.discord import rendered
from bot.discord.ports import EngineLike
from bot.discord.rendered import remember

log = logging.getLogger(__name__)
MAX_CHOICES = 25
MAX_NAME = 100
Choices = list[app_commands.Choice[str]]


class HasEngine(Protocol):
    engine: EngineLike


def choice_pairs(names: Iterable[str], limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    """Distinct non-empty names as (label, value), cut to Discord's limits (both transports)."""
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name in names:
        value = name.strip()[:MAX_NAME]
        if not value or value in seen:
            continue
        seen.add(value)
        pairs.append((value if len(name) <= MAX_NAME else value[: MAX_NAME - 1] + "…", value))
        if len(pairs) >= limit:
            break
    return pairs


def to_choices(names: Iterable[str], limit: int = MAX_CHOICES) -> Choices:
    """Distinct non-empty names as choices, cut to Discord's limits."""
    return [
        app_commands.Choice(name=label, value=value) for label, value in choice_pairs(names, limit)
    ]


def engine_of(interaction: discord.Interaction[Any]) -> EngineLike:
    return cast(HasEngine, interaction.client).engine


def _safely(
    interaction: discord.Interaction[Any],
    kind: Kind,
    text: str,
    club: str | None = None,
    season: str | None = None,
) -> Choices:
    """Autocomplete must always answer; a failure gives an empty list and a log line.  The
    same keystrokes of the same Speaker get the same choices (``bot.discord.rendered``)."""
    text = text[:MAX_NAME]
    short = all(t is None or len(t) <= MAX_NAME for t in (club, season))  # (keys stay small)
    size = rendered.SUGGESTIONS if short else 0

    def produce(engine: EngineLike) -> Choices:
        found = engine.suggest(kind, text, club=club, season=season, limit=MAX_CHOICES)
        return to_choices(found)

    try:
        return remember(engine_of(interaction), "suggestions", (kind.value, text, club, season),
                        produce, size)  # fmt: skip
    except Exception:
        log.exception("autocomplete for %s failed", kind.value)
        return []


async def club(interaction: discord.Interaction[Any], current: str) -> Choices:
    return _safely(interaction, Kind.CLUB, current)


async def season(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Seasons; only the typed club's seasons when the command has a club option filled."""
    return _safely(interaction, Kind.SEASON, current, club=typed_club(interaction))


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
    return _safely(interaction, Kind.ROUND, current)


async def competition(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Loaded competitions; short forms find them too ("CL", "C2", "AFL")."""
    return _safely(interaction, Kind.COMPETITION, current)


async def group(interaction: discord.Interaction[Any], current: str) -> Choices:
    """Group names and clubs in a group, of the season typed so far when there is one."""
    typed = getattr(interaction.namespace, "season", None)
    season_text = typed if isinstance(typed, str) and typed.strip() else None
    return _safely(interaction, Kind.GROUP, current, season=season_text)
