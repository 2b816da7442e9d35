"""Autocomplete over HTTP: the focused option's suggestions, as the gateway bot makes them.

The option's kind in the command table decides the source (club names,
seasons — only the typed club's when the command has a club option filled —
round names, competitions); everything comes from the engine's in-memory
indexes.  At most 25 choices, names and values at most 100 characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.answering.table import BY_NAME, Kind
from bot.discord import rendered
from bot.discord.rendered import remember
from bot.domain.names import fold
from bot.http.ports import EngineLike

MAX_CHOICES = 25
MAX_NAME = 100


def to_choices(names: Iterable[str], limit: int = MAX_CHOICES) -> list[dict[str, str]]:
    """Distinct non-empty names as choices, cut to Discord's limits."""
    choices: list[dict[str, str]] = []
    seen: set[str] = set()
    for name in names:
        value = name.strip()[:MAX_NAME]
        if not value or value in seen:
            continue
        seen.add(value)
        label = value if len(name) <= MAX_NAME else value[: MAX_NAME - 1] + "…"
        choices.append({"name": label, "value": value})
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
    club: str | None = None
    if option.kind is Kind.SEASON:
        clubs = (given.get(o.name) for o in spec.of_kind(Kind.CLUB))
        club = next((c for c in clubs if isinstance(c, str) and c.strip()), None)
    kind = option.kind
    size = rendered.SUGGESTIONS if club is None or len(club) <= MAX_NAME else 0  # (keys stay small)
    return remember(engine, "http suggestions", (kind, current, club),
                    lambda e: _choices(e, kind, current, club), size)  # fmt: skip


def _choices(
    engine: EngineLike, kind: Kind, current: str, club: str | None
) -> list[dict[str, str]]:
    match kind:
        case Kind.CLUB:
            return to_choices(engine.complete_club(current, limit=MAX_CHOICES))
        case Kind.SEASON:
            return to_choices(engine.complete_season(current, club=club, limit=MAX_CHOICES))
        case Kind.ROUND:
            return to_choices(filter_names(engine.round_names(), current))
        case Kind.COMPETITION:
            return to_choices(filter_names(engine.competitions(), current))
    return []
