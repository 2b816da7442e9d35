"""One tie (or group match) found in two sources: the facts they share, and where they differ.

Ties and matches are paired by their clubs (the registry's identity), never by
spelling.  A fact both sources give is kept once; where they give different
values the merged tie records a ``Disagreement`` with each source's value and
``file:line``.  A fact only one source gives is not a disagreement.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain.models import Disagreement, Leg, LegStatus, SourceRef, Tie, Version

Keys = tuple[str | None, str | None]


def result(leg: Leg) -> str | None:
    """A leg's result as neutral data ("1-0", "1-0 aet", "awarded 3-0", "cancelled"), or
    None when the source gives no score to compare (a shoot-out-only line)."""
    if leg.status is LegStatus.CANCELLED:
        return "cancelled"
    score = (
        None
        if leg.home_goals is None or leg.away_goals is None
        else f"{leg.home_goals}-{leg.away_goals}"
    )
    if leg.status is LegStatus.ABANDONED:
        return "abandoned" if score is None else f"abandoned at {score}"
    if score is None:
        return None
    if leg.status is LegStatus.AWARDED:
        return f"awarded {score}"
    return f"{score} aet" if leg.extra_time else score


def _pair(value: tuple[int, int] | None, swap: bool) -> str | None:
    if value is None:
        return None
    a, b = (value[1], value[0]) if swap else value
    return f"{a}-{b}"


def where(leg: Leg, tie_source: SourceRef) -> SourceRef:
    """The line a leg comes from."""
    return leg.source or SourceRef(tie_source.file, leg.line or tie_source.line)


def _differ(
    fact: str, a: str | None, b: str | None, src_a: SourceRef, src_b: SourceRef, leg: int | None
) -> list[Disagreement]:
    if a is None or b is None or a == b:
        return []
    return [Disagreement(fact, (Version(a, src_a), Version(b, src_b)), leg)]


def compare_legs(
    base: Leg,
    other: Leg,
    base_src: SourceRef,
    other_src: SourceRef,
    number: int,
) -> list[Disagreement]:
    """Result, date and shoot-out of one leg (or match) as two sources give it."""
    found = _differ("result", result(base), result(other), base_src, other_src, number)
    day, twin_day = (d.isoformat() if d else None for d in (base.date, other.date))
    found += _differ("date", day, twin_day, base_src, other_src, number)
    pens = _pair(base.penalties, False), _pair(other.penalties, False)
    found += _differ("penalties", *pens, base_src, other_src, number)
    return found


def merge_tie(
    base: Tie, base_keys: Keys, other: Tie, other_keys: Keys, leg_keys: dict[int, Keys]
) -> Tie:
    """``base`` (the richer) with ``other``'s sources, notes and every disagreement.

    ``leg_keys`` maps ``id(leg)`` to the clubs of its home and away teams.
    """
    swap = base_keys[0] != other_keys[0]
    found: list[Disagreement] = []
    winners = (_winner(base, base_keys), _winner(other, other_keys))
    if None not in winners and winners[0] != winners[1]:
        found += _differ("winner", base.winner_name, other.winner_name, base.source,
                         other.source, None)  # fmt: skip
    found += _differ("aggregate", _pair(base.aggregate, False), _pair(other.aggregate, swap),
                     base.source, other.source, None)  # fmt: skip
    found += _differ("shootout", _pair(base.penalties, False), _pair(other.penalties, swap),
                     base.source, other.source, None)  # fmt: skip
    paired = {leg_keys.get(id(leg)): leg for leg in other.legs}
    for number, leg in enumerate(base.legs, 1):
        twin = paired.get(leg_keys.get(id(leg)))
        if twin is not None:
            found += compare_legs(leg, twin, where(leg, base.source), where(twin, other.source),
                                  number)  # fmt: skip
    if base.legs and other.legs and len(base.legs) != len(other.legs):
        found += _differ("legs", str(len(base.legs)), str(len(other.legs)), base.source,
                         other.source, None)  # fmt: skip
    sources = [s for s in (*base.sources, other.source, *other.sources) if s != base.source]
    return replace(
        base,
        sources=tuple(dict.fromkeys(sources)),
        notes=tuple(dict.fromkeys((*base.notes, *other.notes))),
        reason=base.reason or other.reason,
        advanced_to=base.advanced_to or other.advanced_to,
        disagreements=(*base.disagreements, *other.disagreements, *found),
    )


def _winner(tie: Tie, keys: Keys) -> str | None:
    if tie.winner is None:
        return None
    return keys[0] if tie.winner.value == 1 else keys[1]


def richer(a: Tie, b: Tie) -> bool:
    """Whether ``b`` says more than ``a`` (a named opponent, then legs): it then leads."""
    return (b.team2 is not None, len(b.legs)) > (a.team2 is not None, len(a.legs))
