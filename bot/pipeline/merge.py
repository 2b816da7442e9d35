"""A season found in several sources is one season: its ties and matches paired by club.

Which source leads: the richer one -- more ties naming both clubs, then more
legs and group matches, then more dated ones; when equal, the first document by
path (so Football.TXT's Champions League 2022–23 leads RSSSF's page).  The
leader gives the season its structure, round names and spellings.  Another
source's rounds are matched by the ties they share (their clubs, never their
names: "Qual. Round 1" is RSSSF's "First Round"), its groups by their clubs.
Each tie and match both give is kept once, with both sources and every
disagreement (``compare``); a loser-less summary takes the other source's tie
(opponent, legs) as its base; what only one source has is added as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from bot.domain.catalog import ClubIndex, match_source, season_codes
from bot.domain.models import Diagnostic, Group, Leg, Round, Season, Stage, StandingRow, Tie
from bot.pipeline.compare import Keys, compare_legs, merge_tie, richer


@dataclass(frozen=True, slots=True)
class Merged:
    """The seasons after merging, and what merging found that ``check`` reports."""

    seasons: tuple[Season, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def richness(season: Season) -> tuple[int, int, int]:
    """(ties naming both clubs, legs and matches, dated ones): the richer source leads."""
    legs = [leg for t in season.ties for leg in t.legs] + list(season.matches)
    named = sum(t.team2 is not None for t in season.ties)
    return named, len(legs), sum(leg.date is not None for leg in legs)


def merge_seasons(seasons: Sequence[Season], index: ClubIndex) -> Merged:
    """Every season once: those sharing a competition and label merged, in first-seen order."""
    groups: dict[tuple[str, str], list[Season]] = {}
    for season in seasons:
        groups.setdefault((season.competition, season.label), []).append(season)
    merged: list[Season] = []
    found: list[Diagnostic] = []
    for group in groups.values():
        lead = max(group, key=richness)  # max keeps the first of equals: path order
        for other in (s for s in group if s is not lead):
            lead = _Merger(lead, other, index, found).season()
        merged.append(lead)
    return Merged(tuple(merged), tuple(found))


class _Keys:
    """The clubs behind a season's ties, legs and matches (by object identity)."""

    def __init__(self, season: Season, index: ClubIndex) -> None:
        codes = season_codes(season)
        self.ties: dict[int, Keys] = {}
        self.legs: dict[int, Keys] = {}
        for tie in season.ties:
            one, two = index.tie_keys(tie, codes)
            self.ties[id(tie)] = (one, two)
            team_key = {tie.team1: one, **({tie.team2: two} if tie.team2 else {})}
            for leg in tie.legs:
                self.legs[id(leg)] = (team_key.get(leg.home), team_key.get(leg.away))
        for match in season.matches:
            self.legs[id(match)] = index.match_keys(match, codes, match_source(season, match))


def _pair(keys: Keys) -> frozenset[str]:
    return frozenset(k for k in keys if k is not None)


class _Merger:
    """Folds ``other`` into ``lead``; disagreements go into the ties and groups."""

    def __init__(
        self, lead: Season, other: Season, index: ClubIndex, found: list[Diagnostic]
    ) -> None:
        self.lead, self.other, self.found = lead, other, found
        self.keys = _Keys(lead, index)
        theirs = _Keys(other, index)
        self.keys.ties.update(theirs.ties)
        self.keys.legs.update(theirs.legs)

    def season(self) -> Season:
        rounds = list(self.lead.rounds)
        at = -1
        added: set[int] = set()  # the other source's own rounds, never a match for its others
        for rnd in self.other.rounds:
            i = self._round_for(rnd, rounds, added)
            if i is None:
                at += 1
                rounds.insert(at, rnd)
                added = {n + (n >= at) for n in added} | {at}
                continue
            rounds[i] = self._merge_round(rounds[i], rnd)
            at = max(at, i)
        if added:
            rounds = [replace(r, order=n) for n, r in enumerate(rounds, 1)]
        lead, other = self.lead, self.other
        return replace(
            lead,
            rounds=tuple(rounds),
            countries=tuple(dict.fromkeys((*lead.countries, *other.countries))),
            aliases=tuple(dict.fromkeys((*lead.aliases, *other.aliases))),
            diagnostics=(*lead.diagnostics, *other.diagnostics),
            merged_from=(*lead.merged_from, other.source_file, *other.merged_from),
        )

    def _clubs(self, rnd: Round) -> set[frozenset[str]]:
        if rnd.stage is Stage.GROUP:
            return {frozenset(k for m in g.matches for k in self.keys.legs[id(m)] if k)
                    for g in rnd.groups}  # fmt: skip
        return {_pair(self.keys.ties[id(t)]) for t in rnd.ties}

    def _round_for(self, rnd: Round, rounds: Sequence[Round], skip: set[int]) -> int | None:
        """The lead round sharing most ties (or groups' clubs) with ``rnd``, if any."""
        mine = self._clubs(rnd)
        clubs = {k for pair in mine for k in pair}
        best, score = None, (0, 0)
        for i, candidate in enumerate(rounds):
            if candidate.stage is not rnd.stage or i in skip:
                continue
            theirs = self._clubs(candidate)
            shared = (len(mine & theirs), len(clubs & {k for p in theirs for k in p}))
            if shared > score:
                best, score = i, shared
        return best

    def _merge_round(self, base: Round, extra: Round) -> Round:
        if base.stage is Stage.GROUP:
            return replace(base, groups=self._merge_groups(base.groups, extra.groups))
        ties = list(base.ties)
        for tie in extra.ties:
            i = self._tie_for(tie, ties)
            if i is None:
                self._unmatched(tie, ties)
                ties.append(tie)
                continue
            mine, theirs = ties[i], tie
            if richer(mine, theirs):
                mine, theirs = theirs, mine
            ties[i] = merge_tie(mine, self.keys.ties[id(mine)], theirs,
                                self.keys.ties[id(theirs)], self.keys.legs)  # fmt: skip
            self.keys.ties[id(ties[i])] = self.keys.ties[id(mine)]
        return replace(
            base,
            ties=tuple(ties),
            first_leg=base.first_leg or extra.first_leg,
            second_leg=base.second_leg or extra.second_leg,
            expected_ties=base.expected_ties or extra.expected_ties,
            description=base.description or extra.description,
        )

    def _tie_for(self, tie: Tie, ties: Sequence[Tie]) -> int | None:
        """The tie of the same clubs; a loser-less summary pairs with its winner's one tie."""
        pair = _pair(self.keys.ties[id(tie)])
        pairs = [_pair(self.keys.ties[id(t)]) for t in ties]
        if tie.team2 is None:
            found = [i for i, p in enumerate(pairs) if pair and pair <= p]
        else:
            found = [i for i, p in enumerate(pairs) if p == pair]
            found = found or [
                i for i, p in enumerate(pairs) if ties[i].team2 is None and p and p <= pair
            ]
        return found[0] if len(found) == 1 else None

    def _unmatched(self, tie: Tie, ties: Sequence[Tie]) -> None:
        """A tie of the other source with no twin though one of its clubs plays here."""
        pair = _pair(self.keys.ties[id(tie)])
        for other in ties:
            if pair & _pair(self.keys.ties[id(other)]):
                message = (
                    f"{tie.team1} v {tie.team2 or '?'} matches no tie of {other.source.file}, "
                    f"though a club of it plays {other.team1} v {other.team2 or '?'} "
                    f"({other.source}): one club under two names?"
                )
                self.found.append(Diagnostic(tie.source, message))
                return

    def _merge_groups(self, base: Sequence[Group], extra: Sequence[Group]) -> tuple[Group, ...]:
        groups = list(base)
        for group in extra:
            clubs = self._group_clubs(group)
            shared = [len(clubs & self._group_clubs(g)) for g in groups]
            best = max(range(len(groups)), key=lambda i: shared[i], default=None)
            if best is None or shared[best] < 2:
                groups.append(group)
            else:
                groups[best] = self._merge_group(groups[best], group)
        return tuple(groups)

    def _group_clubs(self, group: Group) -> set[str]:
        return {k for m in group.matches for k in self.keys.legs[id(m)] if k}

    def _merge_group(self, base: Group, extra: Group) -> Group:
        spelled: dict[str, str] = {}
        for match in base.matches:
            home, away = self.keys.legs[id(match)]
            spelled.update({k: t for k, t in ((home, match.home), (away, match.away)) if k})
        by_keys = {self.keys.legs[id(m)]: m for m in extra.matches}
        found = list(base.disagreements)
        matches = list(base.matches)
        for number, match in enumerate(base.matches, 1):
            twin = by_keys.pop(self.keys.legs[id(match)], None)
            if twin is not None:
                found += compare_legs(match, twin, match_source(self.lead, match),
                                      match_source(self.other, twin), number)  # fmt: skip
        for keys, match in by_keys.items():
            respelled = _respell(match, keys, spelled)
            self.keys.legs[id(respelled)] = keys
            matches.append(respelled)
        return replace(
            base,
            matches=tuple(matches),
            name=base.name or extra.name,
            table=base.table or self._respell_table(extra, spelled),
            disagreements=tuple(found),
        )

    def _respell_table(self, group: Group, spelled: Mapping[str, str]) -> tuple[StandingRow, ...]:
        """The other source's printed table, in the leading source's spellings (a row may
        be spelled as in the other source's tie lines: its own aliases say which team)."""
        key_of: dict[str, str] = {}
        for match in group.matches:
            home, away = self.keys.legs[id(match)]
            key_of.update({t: k for t, k in ((match.home, home), (match.away, away)) if k})
        alias = dict(self.other.aliases)
        rows = []
        for row in group.table:
            key = key_of.get(row.team) or key_of.get(alias.get(row.team, ""), "")
            rows.append(replace(row, team=spelled.get(key, row.team)))
        return tuple(rows)


def _respell(match: Leg, keys: Keys, spelled: Mapping[str, str]) -> Leg:
    home = spelled.get(keys[0] or "", match.home)
    away = spelled.get(keys[1] or "", match.away)
    return replace(match, home=home, away=away)
