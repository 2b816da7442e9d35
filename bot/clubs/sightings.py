"""Every team spelling the documents use, with the country and place each use has.

Identity is decided per *use*: "AS Douanes" coded SEN in one tie and NIG in
another are two clubs, so a spelling is never looked at without the country its
document gives it (a tie's code, else the season's (team, code) pairs, else
the document's own alias of a coded spelling).  RSSSF adds the club's city in
brackets, "Al-Hilal (Omdurman)": the city is kept apart from the name so it can
tell two clubs of one name and country apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.catalog import match_source, season_codes
from bot.domain.models import Season, SourceRef, Tie
from bot.domain.names import fold, significant_words

_CITY = re.compile(r"^(?P<bare>.*?\S)\s*\((?P<city>[^()]*[^()\s][^()]*)\)$")


@lru_cache(maxsize=65_536)
def split_city(text: str) -> tuple[str, str | None]:
    """ "Al-Ahly (Cairo)" → ("Al-Ahly", "Cairo"); a spelling without a city as it is."""
    m = _CITY.match(text)
    return (m["bare"], m["city"].strip()) if m else (text, None)


@lru_cache(maxsize=65_536)
def loose_keys(text: str) -> frozenset[tuple[str, ...]]:
    """The words that name the club, in any order, without "FC", "Al", the city…:
    two spellings of one country sharing a key "fold alike" (a question, never a merge)."""
    bare, city = split_city(text)
    forms = (bare,) if city is None else (bare, f"{bare} {city}")
    return frozenset(tuple(sorted(significant_words(fold(f)))) for f in forms if fold(f))


@dataclass(frozen=True, slots=True)
class Sighting:
    """One use of a spelling: its country code (None: not given), where, and in which
    season (``order``, oldest first); ``weight`` 0 for a spelling that only restates one."""

    text: str
    code: str | None
    where: SourceRef
    order: int
    weight: int = 1
    places: tuple[int, ...] = ()  # every line of the tie (for clubs.toml ``at``)

    @property
    def folded(self) -> str:
        return fold(self.text)


def season_order(seasons: Sequence[Season]) -> list[Season]:
    """Seasons oldest first (the newest use of a spelling breaks ties between names)."""
    return sorted(seasons, key=lambda s: (s.start_year, s.end_year, s.competition))


def _tie_sightings(tie: Tie, codes: dict[str, str], order: int) -> Iterator[Sighting]:
    lines = tuple(dict.fromkeys((tie.source.line, *(leg.line for leg in tie.legs if leg.line))))
    for team, code in ((tie.team1, tie.code1), (tie.team2, tie.code2)):
        if team is not None:
            yield Sighting(team, code or codes.get(team), tie.source, order, 1, lines)
    stated = tie.winner_as_stated
    if stated and stated != tie.winner_name:
        yield Sighting(stated, codes.get(stated), tie.source, order, 1, lines)
    for leg in tie.legs:
        for team in (leg.home, leg.away):
            if team not in (tie.team1, tie.team2):
                where = leg.source or SourceRef(tie.source.file, leg.line or tie.source.line)
                yield Sighting(team, codes.get(team), where, order, 0, lines)


def sightings(seasons: Sequence[Season]) -> Iterator[Sighting]:
    """Every use of a team spelling in ``seasons`` (ties, legs, group matches, aliases)."""
    for order, season in enumerate(season_order(seasons)):
        codes = season_codes(season)
        for tie in season.ties:
            yield from _tie_sightings(tie, codes, order)
        for match in season.matches:
            where = match_source(season, match)
            for team in (match.home, match.away):
                yield Sighting(team, codes.get(team), where, order, 1, (where.line,))
        src = SourceRef(season.source_file, 0)
        for stated, used in season.aliases:
            for team in (stated, used):
                yield Sighting(team, codes.get(team), src, order, 0)


def stated_aliases(seasons: Sequence[Season]) -> Iterator[tuple[Sighting, Sighting]]:
    """The documents' own "this spelling is that team" pairs, with their codes."""
    for order, season in enumerate(season_order(seasons)):
        codes = season_codes(season)
        src = SourceRef(season.source_file, 0)
        for stated, used in season.aliases:
            yield (
                Sighting(stated, codes.get(stated), src, order, 0),
                Sighting(used, codes.get(used), src, order, 0),
            )
