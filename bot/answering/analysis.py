"""Facts computed from many ties at once: where a winner went next, runs, records, margins.

Kept in the answering stage because they are findings, not phrases: the
wording layer reads them, and they must stay honest about ties the source
leaves out (a club that advanced to a round where no tie names it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.domain.catalog import Entry, MatchEntry
from bot.domain.models import DecidedBy, Season, Side, Tie
from bot.domain.names import fold as _fold
from bot.domain.score import Pair, aggregate, flip, from_side
from bot.domain.standings import counts


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """``names.fold`` remembered: round names and stated stages repeat in every answer."""
    return _fold(text)


@dataclass(frozen=True, slots=True)
class Gap:
    """A round the club reached where no tie of the source names it.

    ``seen_next`` is the later round the club is seen in, or None: its run ended there.
    """

    season: Season
    reached: str
    seen_next: str | None


class NextKind(StrEnum):
    ROUND = "round"  # a round of this season's document
    STATED = "stated"  # the source's own words ("the group stage", "the main round")
    GROUPS = "groups"  # after the document's last round: the group stage


@dataclass(frozen=True, slots=True)
class Next:
    kind: NextKind
    name: str = ""


def next_stage(season: Season, round_order: int, tie: Tie) -> Next:
    """Where the winner went: as stated, else the next round here, else the group stage."""
    if tie.advanced_to:
        stated = tie.advanced_to.strip()
        for rnd in season.rounds:
            if fold(rnd.name) == fold(stated) or fold(f"the {rnd.name}") == fold(stated):
                return Next(NextKind.ROUND, rnd.name)
        return Next(NextKind.STATED, stated)
    later = [r for r in season.rounds if r.order > round_order]
    if later:
        return Next(NextKind.ROUND, min(later, key=lambda r: r.order).name)
    return Next(NextKind.GROUPS)


def next_round_name(season: Season, round_order: int, tie: Tie) -> str | None:
    """The season's Round name the winner went on to, when it is a round of this document."""
    found = next_stage(season, round_order, tie)
    if found.kind is NextKind.ROUND:
        return found.name
    target = "group stage" if found.kind is NextKind.GROUPS else fold(found.name)
    target = target.removeprefix("the ")
    for rnd in season.rounds:
        if fold(rnd.name) == target:
            return rnd.name
    return None


def won(entry: Entry, club_key: str) -> bool:
    return entry.side(club_key) == entry.tie.winner


def for_side(entry: Entry, club_key: str) -> Pair | None:
    """The aggregate from this club's side (its goals first)."""
    agg = aggregate(entry.tie)
    side = entry.side(club_key)
    if agg is None or side is None:
        return None
    return from_side(agg, side)


def gaps(
    season: Season, entries: Sequence[Entry], club_key: str, grouped: Collection[str] = ()
) -> list[Gap]:
    """Rounds the club reached but no tie (nor a group, for ``grouped`` rounds) names it.

    ``grouped`` holds the names of the group rounds whose groups list the club:
    a club that won through to the group stage and plays in a group is no gap.
    """
    ordered = sorted(entries, key=lambda e: (e.round.order, e.tie.index))
    orders = {r.name: r.order for r in season.rounds}
    found: list[Gap] = []
    for i, entry in enumerate(ordered):
        if not won(entry, club_key):
            continue
        reached = next_round_name(season, entry.round.order, entry.tie)
        if reached is None or reached in grouped:
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is None or nxt.round.name != reached:
            later = [g for g in grouped if orders.get(g, 0) > orders.get(reached, 0)]
            later += [nxt.round.name] if nxt else []
            seen = min(later, key=lambda name: orders.get(name, 0), default=None)
            found.append(Gap(season, reached, seen))
    return found


@dataclass(slots=True)
class Record:
    ties_won: int = 0
    ties_lost: int = 0
    ties_undecided: int = 0  # the source does not say who went through
    legs_won: int = 0
    legs_drawn: int = 0
    legs_lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    legs_known: int = 0
    biggest: Entry | None = None
    biggest_score: Pair | None = None


def club_record(entries: Iterable[Entry], club_key: str) -> Record:
    """Ties won/lost; legs W/D/L and goals where legs are known; the widest aggregate win."""
    rec = Record()
    for entry in entries:
        if won(entry, club_key):
            rec.ties_won += 1
            agg = for_side(entry, club_key)
            if agg is not None and agg[0] > agg[1]:
                best = rec.biggest_score
                if best is None or (agg[0] - agg[1], agg[0]) > (best[0] - best[1], best[0]):
                    rec.biggest, rec.biggest_score = entry, agg
        elif entry.tie.winner is None:
            rec.ties_undecided += 1
        else:
            rec.ties_lost += 1
        tie, mine_side = entry.tie, entry.side(club_key)
        for leg in tie.legs:
            home_side = tie.side_of(leg.home)
            if not leg.played or leg.home_goals is None or leg.away_goals is None or not home_side:
                continue
            home_view = (leg.home_goals, leg.away_goals)
            mine, theirs = home_view if home_side == mine_side else flip(home_view)
            rec.legs_known += 1
            rec.goals_for += mine
            rec.goals_against += theirs
            if mine > theirs:
                rec.legs_won += 1
            elif mine == theirs:
                rec.legs_drawn += 1
            else:
                rec.legs_lost += 1
    return rec


@dataclass(slots=True)
class MatchRecord:
    """A club's group matches that count (played or awarded, with a score)."""

    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0

    @property
    def played(self) -> int:
        return self.won + self.drawn + self.lost


def match_record(matches: Iterable[MatchEntry], club_key: str) -> MatchRecord:
    """W/D/L and goals over group matches, from the club's side."""
    rec = MatchRecord()
    for m in matches:
        side = m.side(club_key)
        if side is None or not counts(m.match):
            continue
        home, away = m.match.home_goals or 0, m.match.away_goals or 0
        mine, theirs = (home, away) if side is Side.ONE else (away, home)
        rec.goals_for += mine
        rec.goals_against += theirs
        if mine > theirs:
            rec.won += 1
        elif mine == theirs:
            rec.drawn += 1
        else:
            rec.lost += 1
    return rec


def method_counts(entries: Iterable[Entry]) -> Counter[DecidedBy]:
    return Counter(e.tie.decided_by for e in entries)


def widest_margin(entries: Iterable[Entry]) -> tuple[int, list[Entry]]:
    """The largest aggregate margin and every tie with it."""
    best, found = -1, []
    for entry in entries:
        agg = aggregate(entry.tie)
        if agg is None or entry.tie.winner is None:
            continue
        margin = abs(agg[0] - agg[1])
        if margin > best:
            best, found = margin, [entry]
        elif margin == best:
            found.append(entry)
    return best, found


def _open_rounds(
    entries: Sequence[Entry], club_key: str, grouped: Mapping[int, Collection[str]]
) -> dict[tuple[int, str], bool | None]:
    """(season id, round) → whether the club won there (None: not known), for every round
    where its opponent is unknown to the source.

    A round counts when the club played a tie in it that does not name the opponent, or
    reached it without a described tie or group (its result there is then unknown too);
    ``grouped`` holds, per season id, the group rounds whose groups list the club.
    """
    rounds: dict[tuple[int, str], bool | None] = {}
    named: set[tuple[int, str]] = set()
    by_season: dict[int, list[Entry]] = {}
    for e in entries:
        by_season.setdefault(id(e.season), []).append(e)
        key = (id(e.season), e.round.name)
        if e.opponent(club_key) is not None:
            named.add(key)
        elif e.tie.winner is not None:
            rounds[key] = won(e, club_key)
        else:
            rounds[key] = None
    for sid, mine in by_season.items():
        for gap in gaps(mine[0].season, mine, club_key, grouped.get(sid, ())):
            rounds.setdefault((sid, gap.reached), None)
    return {k: v for k, v in rounds.items() if k not in named}


def possible_meetings(
    a_entries: Sequence[Entry],
    b_entries: Sequence[Entry],
    a_key: str,
    b_key: str,
    grouped: Mapping[str, Mapping[int, Collection[str]]] | None = None,
) -> list[tuple[Season, str]]:
    """Rounds where both clubs were and the source cannot rule out that they met.

    "Never met" is only true when no such round exists: in the 2012 summaries the
    losers are unnamed, so two clubs of the same round may have played each other.
    Two clubs that both won their ties of a round (or both lost them) did not meet
    there: a tie has one winner.  ``grouped`` (per club key) holds the group rounds whose
    groups list the club: there the source names every opponent.
    """
    groups = grouped or {}
    a_open = _open_rounds(a_entries, a_key, groups.get(a_key, {}))
    b_open = _open_rounds(b_entries, b_key, groups.get(b_key, {}))
    seasons = {id(e.season): e.season for e in (*a_entries, *b_entries)}
    return [
        (seasons[key[0]], key[1])
        for key, a_won in a_open.items()
        if key in b_open and (a_won is None or b_open[key] is None or a_won != b_open[key])
    ]


def common_opponents(
    a_key: str, b_key: str, a_entries: Sequence[Entry], b_entries: Sequence[Entry]
) -> list[tuple[str, list[Entry], list[Entry]]]:
    """(opponent key, a's ties against it, b's ties against it) for every club both met."""

    def by_opponent(entries: Sequence[Entry], key: str) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for e in entries:
            opp = e.opponent(key)
            if opp is not None:
                out.setdefault(opp.key, []).append(e)
        return out

    mine, theirs = by_opponent(a_entries, a_key), by_opponent(b_entries, b_key)
    return [(key, mine[key], theirs[key]) for key in sorted(set(mine) & set(theirs))]
