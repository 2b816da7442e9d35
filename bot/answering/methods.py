"""Ways a tie is decided, as fans type them: "pens", "away", "wo", "agg".

One table maps loose words to a DecidedBy so `/decided` and the console accept
what people actually type.  ``ASKABLE`` is the list `/decided` offers.
"""

from __future__ import annotations

from bot.domain.models import DecidedBy
from bot.domain.names import fold

_METHOD_WORDS: dict[DecidedBy, tuple[str, ...]] = {
    DecidedBy.PENALTIES: (
        "penalties", "penalty", "pens", "pen", "pso", "shootout", "shoot out", "penalty shootout",
        "penalty shoot out", "spot kicks", "kicks from the penalty mark",
    ),
    DecidedBy.AWAY_GOALS: (
        "away goals", "away", "away goal", "away goals rule", "away goal rule", "ag", "agr",
    ),
    DecidedBy.WALKOVER: ("walkover", "walkovers", "walk over", "wo", "w o", "forfeit"),
    DecidedBy.WITHDRAWAL: ("withdrawal", "withdrawals", "withdrawn", "withdrew", "withdraw", "wd"),
    DecidedBy.AGGREGATE: ("aggregate", "agg", "on aggregate", "aggregate score", "goals"),
}  # fmt: skip

ASKABLE: tuple[DecidedBy, ...] = (
    DecidedBy.AGGREGATE,
    DecidedBy.AWAY_GOALS,
    DecidedBy.PENALTIES,
    DecidedBy.WALKOVER,
    DecidedBy.WITHDRAWAL,
)

_LOOKUP = {word: method for method, words in _METHOD_WORDS.items() for word in words}


def parse_method(text: str) -> DecidedBy | None:
    """A DecidedBy from loose words ("pens", "away goals", "wo", "agg"), or a unique prefix."""
    typed = fold(text[:100])
    if not typed:
        return None
    if typed in _LOOKUP:
        return _LOOKUP[typed]
    if len(typed) >= 3:
        hits = {m for word, m in _LOOKUP.items() if word.startswith(typed)}
        if len(hits) == 1:
            return hits.pop()
    return None
