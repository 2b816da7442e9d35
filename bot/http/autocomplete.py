"""Autocomplete over HTTP: the focused option's suggestions, as the gateway bot makes them.

The option's kind in the command table decides the source, through the same
``suggest`` and choice rules as the gateway adapter (seasons: only the typed
club's; groups: of the typed season); everything comes from the engine's
in-memory indexes.  At most 25 choices, names and values at most 100 characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.answering.table import BY_NAME, Kind
from bot.discord import rendered
from bot.discord.autocomplete import MAX_NAME, choice_pairs
from bot.discord.ports import EngineLike
from bot.discord.rendered import remember


def to_choices(names: Iterable[str]) -> list[dict[str, str]]:
    """Choices as the interaction response carries them (the gateway adapter's rules)."""
    return [{"name": label, "value": value} for label, value in choice_pairs(names)]


def suggestions(
    engine: EngineLike, command: str, given: Mapping[str, Any], focused: str
) -> list[dict[str, str]]:
    """Choices for the ``focused`` option of ``command``; [] for anything unknown.  The same
    keystrokes of the same Speaker get the same choices (``bot.discord.rendered``)."""
    spec = BY_NAME.get(command)
    option = spec.option(focused) if spec else None
    if spec is None or option is None:
        return []
    raw = given.get(focused)
    current = raw[:MAX_NAME] if isinstance(raw, str) else ""
    club = season = None
    if option.kind is Kind.SEASON:
        clubs = (given.get(o.name) for o in spec.of_kind(Kind.CLUB))
        club = next((c for c in clubs if isinstance(c, str) and c.strip()), None)
    if option.kind is Kind.GROUP:
        typed = given.get("season")
        season = typed if isinstance(typed, str) and typed.strip() else None
    kind = option.kind
    short = all(t is None or len(t) <= MAX_NAME for t in (club, season))  # (keys stay small)
    return remember(
        engine,
        "http suggestions",
        (kind, current, club, season),
        lambda e: to_choices(e.suggest(kind, current, club=club, season=season, limit=25)),
        rendered.SUGGESTIONS if short else 0,
    )
