"""The catalog plus everything precomputed for reading inputs and selecting ties.

Each resolver returns what was asked for, or raises ``Refused`` carrying a
``Refusal`` (data: which input, what was typed, what is loaded), so the
commands read as the happy path and the wording layer alone says "sorry".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.answering import problems as P
from bot.answering.clubnames import SURE_RULES, NameIndex, Resolution
from bot.answering.methods import parse_method
from bot.answering.periods import resolve_round, resolve_season, year_labels
from bot.answering.progress import SeasonRun, season_run
from bot.answering.query import Query
from bot.answering.scopes import Scopes, Within
from bot.answering.tournament import GroupView, Tournaments
from bot.domain.catalog import Catalog, Entry
from bot.domain.competitions import competition_named
from bot.domain.models import Club, DecidedBy, Season
from bot.domain.names import clip, fold

MEMO_SIZE = 4096
MAX_ECHO = 100  # characters of any typed text that are looked at
RUN_MEMO_SIZE = 16384  # club-season runs remembered (the real data has about 3,000)


def cut(text: str) -> str:
    """Typed text bounded before any work is done on it (the ellipsis marks a cut)."""
    return clip(text, MAX_ECHO)


def refuse(command: str, problem: P.Problem, query: Query | None = None) -> P.Refused:
    return P.Refused(P.Refusal(command, problem, query or Query()))


class Context:
    """Indexes built once: season ranks and labels, round names, ties by season and method."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.index = NameIndex(tuple(catalog.clubs.values()))
        self.rank = {s.key: i for i, s in enumerate(catalog.seasons)}
        self.labels = tuple(dict.fromkeys(s.label for s in catalog.seasons))
        self.by_label: dict[str, tuple[Season, ...]] = {}
        for season in catalog.seasons:
            self.by_label[season.label] = (*self.by_label.get(season.label, ()), season)
        self._season_memo: dict[tuple[str, str | None], str | None] = {}
        self._club_memo: dict[tuple[str, tuple[str, ...]], Resolution] = {}
        self._run_memo: dict[tuple[str, str], SeasonRun] = {}
        self.rounds = tuple(dict.fromkeys(r.name for s in catalog.seasons for r in s.rounds))
        self.by_season: dict[str, list[Entry]] = {}
        self.by_method: dict[DecidedBy, list[Entry]] = {m: [] for m in DecidedBy}
        for entry in catalog.entries:
            self.by_season.setdefault(entry.season.key, []).append(entry)
            self.by_method[entry.tie.decided_by].append(entry)
        for method, entries in self.by_method.items():
            self.by_method[method] = self.newest_first(entries)
        self.tours = Tournaments.of(catalog)
        self.scopes = Scopes(catalog, self.tours)
        seasons_of: dict[str, dict[str, Season]] = {}
        for key, club_entries in catalog.by_club.items():
            seasons_of.setdefault(key, {}).update((e.season.key, e.season) for e in club_entries)
        for key, views in self.tours.groups_by_club.items():
            seasons_of.setdefault(key, {}).update((g.season.key, g.season) for g in views)
        self.club_seasons: dict[str, tuple[Season, ...]] = {
            key: tuple(sorted(found.values(), key=lambda s: self.rank[s.key]))
            for key, found in seasons_of.items()
        }

    def newest_first(self, entries: Iterable[Entry]) -> list[Entry]:
        """Newest season first; inside a season, rounds in document order."""
        return sorted(entries, key=lambda e: (-self.rank[e.season.key], e.round.order, e.tie.index))

    def seasons_newest_first(self, seasons: Iterable[Season]) -> list[Season]:
        # Deduplicated by key: hashing a Season would hash every tie it holds.
        unique = {s.key: s for s in seasons}
        return sorted(unique.values(), key=lambda s: -self.rank[s.key])

    def labels_in(self, comp: str | None) -> list[str]:
        return list(
            dict.fromkeys(s.label for s in self.catalog.seasons if comp in (None, s.competition))
        )

    # ---- inputs ------------------------------------------------------------------------------

    def competition(self, text: str | None, command: str) -> str | None:
        """A loaded competition by a curated form ("CL", "C2", "Ligue des champions") or by
        (part of) its name; None when not asked."""
        if text is None or not text.strip():
            return None
        names = self.catalog.competitions
        curated = competition_named(cut(text))
        if curated is not None and curated.name in names:
            return curated.name
        typed = fold(cut(text))
        exact = [c for c in names if fold(c) == typed]
        words = typed.split()
        loose = [c for c in names if all(w in fold(c).split() or w in fold(c) for w in words)]
        found = exact or loose
        if len(found) == 1 and curated is None:
            return found[0]
        several = curated is None and len(found) > 1
        raise refuse(command, P.UnknownCompetition(text, tuple(names), several))

    def club(
        self,
        text: str | None,
        option: str,
        command: str,
        comp: str | None,
        within: Sequence[Within] = (),
    ) -> Club:
        """The one club ``text`` names, else an AmbiguousClub or UnknownClub refusal."""
        return self.read_club(text, option, command, comp, within)[0]

    def read_club(
        self,
        text: str | None,
        option: str,
        command: str,
        comp: str | None,
        within: Sequence[Within] = (),
        season: str | None = None,
    ) -> tuple[Club, Resolution]:
        """The one club ``text`` names among the clubs ``within`` allows (narrowest first), and
        how it was read; else an AmbiguousClub or UnknownClub refusal (``season``: the season
        typed, so a refusal can point to /season)."""
        q = Query(competition=comp)
        if text is None or not str(text).strip():
            raise refuse(command, P.NoClubGiven(), q)
        res = self.resolution(text, within)
        if res.club is not None and not res.ambiguous:
            return res.club, res
        if res.candidates:
            names = tuple(dict.fromkeys(cut(c.name) for c in res.candidates))[:25]
            where = within[res.scope].where if res.scope >= 0 else ""
            opponent = res.scope >= 0 and within[res.scope].opponent
            problem = P.AmbiguousClub(text, names, option, "" if opponent else where,
                                      where if opponent else "")  # fmt: skip
            raise refuse(command, problem, q)
        suggestions = tuple(s.name for s in res.suggestions[:3])
        raise refuse(command, P.UnknownClub(text, suggestions, season), q)

    def resolution(self, text: str, within: Sequence[Within] = ()) -> Resolution:
        """``NameIndex.resolve`` remembered per text and scope: the same names come back all day."""
        key = (cut(str(text)), tuple(w.key for w in within))
        found = self._club_memo.get(key)
        if found is None:
            if len(self._club_memo) >= MEMO_SIZE:
                self._club_memo.clear()
            scopes = [w.clubs for w in within]
            found = self._club_memo[key] = self.index.resolve(key[0], scopes)
        return found

    def also_named(
        self, text: str | None, club: Club, within: Sequence[Within] = ()
    ) -> tuple[Club, ...]:
        """When a name or nickname won over longer names containing it, the others (at most 3,
        of the clubs ``within`` allows).

        "Al Hilal" is the Sudanese club, but a fan may have meant Al-Hilal Benghazi:
        the answer names the alternatives instead of hiding them.
        """
        res = self.resolution(text or "", within)
        others = tuple(s for s in res.suggestions if s.key != club.key)[:3]
        if res.club is None or res.club.key != club.key or res.rule not in SURE_RULES:
            return ()
        return others

    def club_entries(self, club_key: str, seasons: Sequence[Season], narrowed: bool) -> list[Entry]:
        """The club's ties in ``seasons`` (all of them when the question was not narrowed)."""
        entries = self.catalog.entries_for(club_key)
        if not narrowed:
            return list(entries)
        ids = {id(s) for s in seasons}  # identity: the catalog holds these very objects
        return [e for e in entries if id(e.season) in ids]

    def club_groups(
        self, club_key: str, seasons: Sequence[Season], narrowed: bool
    ) -> list[GroupView]:
        """The groups that list the club in ``seasons`` (all of them when not narrowed)."""
        views = self.tours.groups_by_club.get(club_key, ())
        if not narrowed:
            return list(views)
        ids = {id(s) for s in seasons}
        return [g for g in views if id(g.season) in ids]

    def runs(
        self, club_key: str, entries: Sequence[Entry], groups: Sequence[GroupView]
    ) -> tuple[SeasonRun, ...]:
        """The club's run in every season of ``entries`` and ``groups``, newest first.

        ``entries`` and ``groups`` hold all of the club's ties and groups in each of their
        seasons (a question narrows by season, never inside one), so a run is remembered
        per club and season: the same clubs are asked about all day.
        """
        seasons = self.seasons_newest_first(
            [*(e.season for e in entries), *(g.season for g in groups)]
        )
        found = []
        for s in seasons:
            key = (club_key, s.key)
            run = self._run_memo.get(key)
            if run is None:
                if len(self._run_memo) >= RUN_MEMO_SIZE:
                    self._run_memo.clear()
                mine = [e for e in entries if e.season is s]
                theirs = [g for g in groups if g.season is s]
                run = self._run_memo[key] = season_run(s, mine, theirs, club_key)
            found.append(run)
        return tuple(found)

    def season_label(self, text: str, comp: str | None) -> str | None:
        """``resolve_season`` remembered per text: it reads every label, which adds up at scale."""
        key = (text, comp)
        if key not in self._season_memo:
            if len(self._season_memo) >= MEMO_SIZE:
                self._season_memo.clear()
            found = None
            if any(ch.isdigit() for ch in text):  # every season label has a year in it
                found = resolve_season(cut(text), self.labels_in(comp))
            self._season_memo[key] = found
        return self._season_memo[key]

    def seasons(
        self, text: str | None, comp: str | None, command: str, clubs: Sequence[Club] = ()
    ) -> tuple[str | None, tuple[Season, ...]]:
        """The season label asked for (None: all) and the loaded seasons with it."""
        if text is None or not str(text).strip():
            pool = self.catalog.seasons
            return None, pool if comp is None else tuple(s for s in pool if s.competition == comp)
        label = self.season_label(str(text), comp)
        if label is None:
            q = Query(tuple(c.name for c in clubs), competition=comp)
            raise refuse(command, P.UnknownSeason(str(text), tuple(self.labels_in(comp))), q)
        both = year_labels(str(text), self.labels_in(comp))
        if len(both) > 1:  # "2024": the season that ended in 2024 and the one that began
            found = tuple(s for lab in both for s in self.by_label.get(lab, ()))
            label = " and ".join(both)
        else:
            found = self.by_label.get(label, ())
        return label, tuple(s for s in found if comp in (None, s.competition))

    def round(
        self,
        text: str | None,
        seasons: Sequence[Season],
        command: str,
        clubs: Sequence[Club] = (),
        label: str | None = None,
        comp: str | None = None,
    ) -> tuple[str, ...]:
        """The round names asked for among the rounds of ``seasons`` (empty: not asked).

        One name when the text names one round; when it names a round of each season in
        its own words ("R1": "Round 1" in one competition, "First round" in the other), each.
        """
        if text is None or not str(text).strip():
            return ()
        typed = cut(str(text))
        names = tuple(dict.fromkeys(r.name for s in seasons for r in s.rounds))
        found = resolve_round(typed, names)
        if found is not None:
            return (found,)
        each = (resolve_round(typed, tuple(r.name for r in s.rounds)) for s in seasons)
        per_season = tuple(dict.fromkeys(name for name in each if name is not None))
        if per_season:
            return per_season
        q = Query(tuple(c.name for c in clubs), label, competition=comp)
        raise refuse(command, P.UnknownRound(str(text), label, names), q)

    def no_ties(
        self, command: str, club: Club, label: str | None, rnd: str | None, q: Query
    ) -> P.Refused:
        """A club without ties in the asked season/round, with the seasons it does have ties in."""
        comp = q.competition
        found = self.club_seasons.get(club.key, ())
        seasons = tuple(dict.fromkeys(s.label for s in found if comp in (None, s.competition)))
        return refuse(command, P.NoTies(club, label, rnd, seasons, comp), q)

    def method(self, text: str | None, command: str) -> DecidedBy:
        found = parse_method(text or "")
        if found is None:
            raise refuse(command, P.UnknownMethod((text or "").strip() and (text or "")))
        return found
