"""The loaded world in memory: seasons, clubs and every tie in context.

The database is the durable, validated artefact; at start the bot reads it
once into a Catalog so every answer and autocomplete keystroke is served
from memory (no I/O per request).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.domain.models import Club, Group, Leg, Round, Season, Side, Stage, Tie
from bot.domain.names import fold


@dataclass(frozen=True, slots=True)
class Entry:
    """A tie placed in its season and round, with the clubs behind its spellings."""

    season: Season
    round: Round
    tie: Tie
    club1: Club
    club2: Club | None

    def side(self, club_key: str) -> Side | None:
        """The club's side when it played this tie, else None."""
        if self.club1.key == club_key:
            return Side.ONE
        if self.club2 is not None and self.club2.key == club_key:
            return Side.TWO
        return None

    def club(self, side: Side) -> Club | None:
        return self.club1 if side is Side.ONE else self.club2

    @property
    def winner_club(self) -> Club | None:
        winner = self.tie.winner
        return None if winner is None else self.club(winner)

    @property
    def loser_club(self) -> Club | None:
        winner = self.tie.winner
        return None if winner is None else self.club(winner.other)

    def opponent(self, club_key: str) -> Club | None:
        side = self.side(club_key)
        return None if side is None else self.club(side.other)


@dataclass(frozen=True, slots=True)
class MatchEntry:
    """A group-stage match placed in its season, round and group, with the clubs behind it."""

    season: Season
    round: Round
    group: Group
    match: Leg
    home: Club
    away: Club

    def side(self, club_key: str) -> Side | None:
        """ONE for the home club, TWO for the away club, None when the club did not play."""
        if self.home.key == club_key:
            return Side.ONE
        if self.away.key == club_key:
            return Side.TWO
        return None

    def opponent(self, club_key: str) -> Club | None:
        side = self.side(club_key)
        if side is None:
            return None
        return self.away if side is Side.ONE else self.home


class Catalog:
    """Seasons (oldest first), clubs by key, ties and group matches indexed by club."""

    def __init__(
        self,
        seasons: Iterable[Season],
        clubs: Iterable[Club],
        club_of: Mapping[str, str],
    ) -> None:
        """``club_of`` maps every team spelling in the seasons to a club key."""
        self.seasons: tuple[Season, ...] = tuple(
            sorted(seasons, key=lambda s: (s.start_year, s.end_year, s.competition))
        )
        self.clubs: dict[str, Club] = {c.key: c for c in clubs}
        self._club_of = dict(club_of)
        self._club_of_folded = {fold(k): v for k, v in club_of.items()}
        entries: list[Entry] = []
        by_club: dict[str, list[Entry]] = {}
        for season in self.seasons:
            for rnd in season.rounds:
                for tie in rnd.ties:
                    club1 = self.club_for(tie.team1)
                    if club1 is None:
                        raise KeyError(f"no club for {tie.team1!r} ({tie.source})")
                    club2 = self.club_for(tie.team2) if tie.team2 else None
                    entry = Entry(season, rnd, tie, club1, club2)
                    entries.append(entry)
                    by_club.setdefault(club1.key, []).append(entry)
                    if club2 is not None and club2.key != club1.key:
                        by_club.setdefault(club2.key, []).append(entry)
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.by_club: dict[str, tuple[Entry, ...]] = {k: tuple(v) for k, v in by_club.items()}
        matches: list[MatchEntry] = []
        matches_by_club: dict[str, list[MatchEntry]] = {}
        for season in self.seasons:
            for rnd in season.rounds:
                if rnd.stage is not Stage.GROUP:
                    continue
                for group in rnd.groups:
                    for match in group.matches:
                        home, away = self.club_for(match.home), self.club_for(match.away)
                        if home is None or away is None:
                            raise KeyError(f"no club for {match.home!r} v {match.away!r}")
                        found = MatchEntry(season, rnd, group, match, home, away)
                        matches.append(found)
                        for key in dict.fromkeys((home.key, away.key)):
                            matches_by_club.setdefault(key, []).append(found)
        self.matches: tuple[MatchEntry, ...] = tuple(matches)
        self.matches_by_club: dict[str, tuple[MatchEntry, ...]] = {
            k: tuple(v) for k, v in matches_by_club.items()
        }

    def club_for(self, spelling: str) -> Club | None:
        """The club behind a spelling used in a document."""
        key = self._club_of.get(spelling) or self._club_of_folded.get(fold(spelling))
        return None if key is None else self.clubs.get(key)

    def entries_for(self, club_key: str) -> tuple[Entry, ...]:
        """The club's ties, oldest season first, in document order."""
        return self.by_club.get(club_key, ())

    def matches_for(self, club_key: str) -> tuple[MatchEntry, ...]:
        """The club's group matches, oldest season first, in document order."""
        return self.matches_by_club.get(club_key, ())

    @property
    def competitions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.competition for s in self.seasons))

    @property
    def multi(self) -> bool:
        """Several competitions loaded: a season must then be named with its competition."""
        return len(self.competitions) > 1
