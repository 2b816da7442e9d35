"""How far a club went in each season and competition, and how that season ended for it.

Read from the club's ties and group matches only: a round counts as reached
when the source names the club in it, or when the source says the club won
the tie before it (the next round is then reached, and how it ended there is
unknown unless the source says).  A season document that stops before the
next round (the qualifying-round documents) ends with "went through".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.answering.analysis import next_round_name
from bot.domain.catalog import Catalog, Entry
from bot.domain.models import Club, Round, Season, Stage
from bot.wording.pictures import Ending


@dataclass(frozen=True, slots=True)
class SeasonRun:
    """One row of a journey: the season's rounds, which the club played, how far it went."""

    season: Season
    rounds: tuple[Round, ...]
    played: frozenset[int]  # indexes into ``rounds``
    reached: int  # index of the furthest round reached
    ending: Ending


def _is_final(season: Season, rnd: Round) -> bool:
    return rnd is season.rounds[-1] and rnd.stage is Stage.KNOCKOUT and len(rnd.ties) == 1


def season_run(season: Season, entries: Iterable[Entry], groups: Iterable[int], key: str) -> (
    SeasonRun
):  # fmt: skip
    """The club's run through ``season`` from its ties there and the group rounds it played."""
    rounds = season.rounds
    index = {r.order: i for i, r in enumerate(rounds)}
    mine = sorted(entries, key=lambda e: (e.round.order, e.tie.index))
    played = {index[e.round.order] for e in mine} | {index[o] for o in groups}
    last = max(played)
    rnd = rounds[last]
    ending = Ending.UNKNOWN
    if rnd.stage is Stage.GROUP:
        later = [r for r in rounds[last + 1 :] if r.stage is Stage.KNOCKOUT and r.ties]
        ending = Ending.OUT if later else Ending.UNKNOWN
    else:
        entry = [e for e in mine if e.round.order == rnd.order][-1]
        winner = entry.tie.winner
        if winner is None:
            ending = Ending.UNKNOWN
        elif entry.side(key) is not winner:
            ending = Ending.RUNNER_UP if _is_final(season, rnd) else Ending.OUT
        elif _is_final(season, rnd):
            ending = Ending.CHAMPIONS
        else:
            nxt = next_round_name(season, rnd.order, entry.tie)
            ahead = [i for i, r in enumerate(rounds) if r.name == nxt and i > last]
            if ahead:  # the source says it went on, but names it in no tie there
                last, ending = ahead[0], Ending.UNKNOWN
            elif any(r.ties or r.groups for r in rounds[last + 1 :]):
                ending = Ending.UNKNOWN
            else:
                ending = Ending.THROUGH
    return SeasonRun(season, rounds, frozenset(played), last, ending)


def club_runs(
    catalog: Catalog, club: Club, label: str | None = None, competition: str | None = None
) -> tuple[SeasonRun, ...]:
    """The club's runs, newest season first, in the seasons (and competition) asked about."""
    by_season: dict[str, list[Entry]] = {}
    groups: dict[str, set[int]] = {}
    seasons: dict[str, Season] = {}
    for entry in catalog.entries_for(club.key):
        seasons[entry.season.key] = entry.season
        by_season.setdefault(entry.season.key, []).append(entry)
    for match in catalog.matches_for(club.key):
        seasons[match.season.key] = match.season
        groups.setdefault(match.season.key, set()).add(match.round.order)
    rank = {s.key: i for i, s in enumerate(catalog.seasons)}
    chosen = [
        s
        for s in seasons.values()
        if (label is None or s.label == label) and competition in (None, s.competition)
    ]
    chosen.sort(key=lambda s: -rank[s.key])
    return tuple(
        season_run(s, by_season.get(s.key, ()), groups.get(s.key, ()), club.key) for s in chosen
    )
