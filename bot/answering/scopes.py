"""Which clubs a question allows, so a name is read among them before anything is ranked.

"Leopards" names four clubs, but only AC Léopards played in 2017; "Hilal" names
six, of which three played in 2017.  The season, round and competition asked,
and in /headtohead the other club, each give the set of clubs the name can
mean here.  The sets are built once from the catalog (clubs per season, per
round, opponents per club) and combined per question, remembered by key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answering.tournament import Tournaments
from bot.domain.catalog import Catalog
from bot.domain.models import Club, Season

MEMO_SIZE = 1024  # combinations remembered (season x round x competition asked)


@dataclass(frozen=True, slots=True)
class Within:
    """Clubs a question allows, and how an answer names that limit.

    ``where`` is what was asked ("2017", "CAF Champions League 2017 · Group") for a
    season scope, or the other club's name for an opponent scope.
    """

    key: str
    clubs: frozenset[str]
    where: str
    opponent: bool = False


class Scopes:
    """Clubs per season, per round of a season, and the opponents of each club."""

    def __init__(self, catalog: Catalog, tours: Tournaments) -> None:
        by_season: dict[str, set[str]] = {}
        by_round: dict[tuple[str, str], set[str]] = {}
        met: dict[str, set[str]] = {}
        for e in catalog.entries:
            keys = [c.key for c in (e.club1, e.club2) if c is not None]
            by_season.setdefault(e.season.key, set()).update(keys)
            by_round.setdefault((e.season.key, e.round.name), set()).update(keys)
            if len(keys) == 2:
                met.setdefault(keys[0], set()).add(keys[1])
                met.setdefault(keys[1], set()).add(keys[0])
        for m in catalog.matches:
            met.setdefault(m.home.key, set()).add(m.away.key)
            met.setdefault(m.away.key, set()).add(m.home.key)
        for views in tours.groups_by_season.values():
            for g in views:
                keys = [c.key for c in g.clubs if c is not None]
                by_season.setdefault(g.season.key, set()).update(keys)
                by_round.setdefault((g.season.key, g.round.name), set()).update(keys)
        self._season = {k: frozenset(v) for k, v in by_season.items()}
        self._round = {k: frozenset(v) for k, v in by_round.items()}
        self._met = {k: frozenset(v) for k, v in met.items()}
        self._memo: dict[str, tuple[Within, ...]] = {}

    def of(
        self, seasons: Sequence[Season], rounds: Sequence[str], where: str
    ) -> tuple[Within, ...]:
        """The round's clubs (when a round was asked), then the seasons' clubs: narrowest first.

        ``seasons`` are those the question allows (a season, a competition, or both);
        ``where`` names them for the answer.
        """
        key = "|".join((*(s.key for s in seasons), "#", *rounds))
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            scopes = []
            if rounds:
                picked = _union(self._round.get((s.key, r), ()) for s in seasons for r in rounds)
                scopes.append(Within(key, picked, f"{where} · {' / '.join(rounds)}"))
            scopes.append(Within(key + "*", _union(self._season.get(s.key, ()) for s in seasons),
                                 where))  # fmt: skip
            found = self._memo[key] = tuple(scopes)
        return found

    def opponents(self, club: Club) -> Within:
        """The clubs ``club`` met in a tie or a group match."""
        return Within(f"met:{club.key}", self._met.get(club.key, frozenset()), club.name, True)

    def met(self, a: str, b: str) -> bool:
        return b in self._met.get(a, frozenset())


def _union(sets: Iterable[Iterable[str]]) -> frozenset[str]:
    out: set[str] = set()
    for s in sets:
        out.update(s)
    return frozenset(out)
