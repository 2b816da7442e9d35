"""The loaded world in memory: seasons, clubs and every tie in context.

The database is the durable, validated artefact; at start the bot reads it
once into a Catalog so every answer and autocomplete keystroke is served
from memory (no I/O per request).  Which club a team of a document is was
decided at build time (``bot.clubs``); the catalog only looks that decision up,
by the spelling *and* the country the document gives it, because one spelling
can be two clubs ("AS Douanes" of Senegal and of Niger).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.domain.models import Club, Group, Leg, Round, Season, Side, SourceRef, Stage, Tie
from bot.domain.names import fold


@dataclass(frozen=True, slots=True)
class Spelling:
    """A team spelling as a document uses it, with the country code the document gives
    it (None: none given); ``file``/``line`` only for a curated exception to one tie or
    match (clubs.toml ``at``), which wins over the spelling's general club."""

    text: str
    country: str | None = None
    file: str | None = None
    line: int = 0


def season_codes(season: Season) -> dict[str, str]:
    """Each spelling's country code in ``season``: as the document pairs them, else through
    the document's own aliases (RSSSF's group "JS Kabylie" is its "JS Kabylie (Tizi Ouzou)")."""
    codes: dict[str, str] = {}
    for team, code in season.countries:
        codes.setdefault(team, code)
    for stated, used in season.aliases:
        if used in codes:
            codes.setdefault(stated, codes[used])
        elif stated in codes:
            codes.setdefault(used, codes[stated])
    return codes


def match_source(season: Season, match: Leg) -> SourceRef:
    """Where a group match is: its own line, in its season's document."""
    return match.source or SourceRef(season.source_file, match.line)


class ClubIndex:
    """The club key behind each spelling, exact first, then folded (never fuzzy)."""

    def __init__(
        self, club_of: Mapping[str, str], spellings: Mapping[Spelling, str] | None = None
    ) -> None:
        """``club_of``: spelling -> key whatever the country; ``spellings``: the registry's
        decisions by spelling, country and (for exceptions) place."""
        exact: dict[Spelling, str] = {Spelling(text): key for text, key in club_of.items()}
        exact.update(spellings or {})
        self._exact = exact
        self._folded: dict[tuple[str, str | None, str | None, int], str] = {}
        for sp, key in exact.items():
            if fold(sp.text):  # a name in Arabic script folds to nothing: exact only
                self._folded.setdefault((fold(sp.text), sp.country, sp.file, sp.line), key)

    def key(
        self, text: str, country: str | None = None, where: SourceRef | None = None
    ) -> str | None:
        """The club of ``text`` as coded ``country`` at ``where``; None when unknown."""
        folded = fold(text) or text
        places = ((where.file, where.line),) if where is not None else ()
        for file, line in (*places, (None, 0)):
            for code in dict.fromkeys((country, None)):
                found = self._exact.get(Spelling(text, code, file, line))
                found = found or self._folded.get((folded, code, file, line))
                if found is not None:
                    return found
        return None

    def tie_keys(self, tie: Tie, codes: Mapping[str, str]) -> tuple[str | None, str | None]:
        """The clubs of a tie's two teams (``codes``: the season's, from ``season_codes``)."""
        one = self.key(tie.team1, tie.code1 or codes.get(tie.team1), tie.source)
        if tie.team2 is None:
            return one, None
        return one, self.key(tie.team2, tie.code2 or codes.get(tie.team2), tie.source)

    def match_keys(
        self, match: Leg, codes: Mapping[str, str], where: SourceRef
    ) -> tuple[str | None, str | None]:
        """The clubs of a group match's home and away teams."""
        home = self.key(match.home, codes.get(match.home), where)
        return home, self.key(match.away, codes.get(match.away), where)


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
        spellings: Mapping[Spelling, str] | None = None,
    ) -> None:
        """``club_of`` maps team spellings to club keys whatever their country;
        ``spellings`` (the registry's) by spelling, country and place, and wins."""
        self.seasons: tuple[Season, ...] = tuple(
            sorted(seasons, key=lambda s: (s.start_year, s.end_year, s.competition))
        )
        self.clubs: dict[str, Club] = {c.key: c for c in clubs}
        self.index = ClubIndex(club_of, spellings)
        entries: list[Entry] = []
        by_club: dict[str, list[Entry]] = {}
        for season in self.seasons:
            codes = season_codes(season)
            for rnd in season.rounds:
                for tie in rnd.ties:
                    key1, key2 = self.index.tie_keys(tie, codes)
                    club1 = self.clubs.get(key1 or "")
                    if club1 is None:
                        raise KeyError(f"no club for {tie.team1!r} ({tie.source})")
                    club2 = self.clubs.get(key2 or "") if tie.team2 else None
                    if tie.team2 and club2 is None:
                        raise KeyError(f"no club for {tie.team2!r} ({tie.source})")
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
            codes = season_codes(season)
            for rnd in season.rounds:
                if rnd.stage is not Stage.GROUP:
                    continue
                for group in rnd.groups:
                    for match in group.matches:
                        keys = self.index.match_keys(match, codes, match_source(season, match))
                        home, away = self.clubs.get(keys[0] or ""), self.clubs.get(keys[1] or "")
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

    def club_for(self, spelling: str, country: str | None = None) -> Club | None:
        """The club behind a spelling used in a document (coded ``country`` when known)."""
        key = self.index.key(spelling, country)
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
