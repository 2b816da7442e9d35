"""Records and tallies: a club's path through a season, its record, a season's figures.

Kept apart from the wording of single ties (``explain``) because these read
many ties at once — and must stay honest about ties the source leaves out
(a club that advanced to a round where no tie names it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.explain import lower_first, next_round_name, went_on
from bot.core.render import md
from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Season
from bot.domain.score import aggregate, flip, from_side, maybe_from_side

UNNAMED = "an opponent not named in the source"


def opponent_name(entry: Entry, club_key: str, short: bool = False) -> str:
    other = entry.opponent(club_key)
    if other is not None:
        return md(other.name)
    return "? (opponent not named in the source)" if short else UNNAMED


def for_side(entry: Entry, club_key: str) -> tuple[int, int] | None:
    """The aggregate from this club's side (its goals first)."""
    agg = aggregate(entry.tie)
    side = entry.side(club_key)
    if agg is None or side is None:
        return None
    return from_side(agg, side)


def won(entry: Entry, club_key: str) -> bool:
    return entry.side(club_key) == entry.tie.winner


def short_result(entry: Entry, club_key: str, name_opponent: bool = True) -> str:
    """ "beat CARA Brazzaville 3–1 on aggregate", "lost on away goals (2–2 on aggregate)"."""
    opp = opponent_name(entry, club_key)
    agg = for_side(entry, club_key)
    score = f"{agg[0]}–{agg[1]}" if agg else None
    win = won(entry, club_key)
    unnamed = entry.opponent(club_key) is None
    if name_opponent and not unnamed:
        verb = f"beat {opp}" if win else f"lost to {opp}"
    else:
        verb = "won" if win else "lost"
    return _result(entry, club_key, verb, score, opp, name_opponent) + (
        " (opponent not named in the source)" if name_opponent and unnamed else ""
    )


def _result(
    entry: Entry, club_key: str, verb: str, score: str | None, opp: str, name_opponent: bool
) -> str:
    tie, win = entry.tie, won(entry, club_key)
    how = tie.decided_by
    if how is DecidedBy.AGGREGATE:
        return f"{verb} {score} on aggregate" if score else f"{verb} on aggregate (score not given)"
    if how is DecidedBy.AWAY_GOALS:
        return f"{verb} on away goals" + (f" ({score} on aggregate)" if score else "")
    if how is DecidedBy.PENALTIES:
        pens = ""
        if tie.penalties is not None:
            p = maybe_from_side(tie.penalties, entry.side(club_key)) or tie.penalties
            pens = f", {p[0]}–{p[1]} on penalties"
        return f"{verb} on penalties ({score or 'level'} on aggregate{pens})"
    if how is DecidedBy.WALKOVER:
        return f"{verb} on a walkover"
    if not name_opponent or entry.opponent(club_key) is None:
        opp = "the opponent"
    if win:
        return f"advanced after {opp} withdrew"
    return "withdrew" if opp == "the opponent" else f"withdrew against {opp}"


def gaps(season: Season, entries: Sequence[Entry], club_key: str) -> list[tuple[str, str | None]]:
    """Rounds the club reached but no tie of the source names it: (round, next round it is seen in).

    The second item is None when no later round names the club: its run ended there.
    """
    ordered = sorted(entries, key=lambda e: (e.round.order, e.tie.index))
    found: list[tuple[str, str | None]] = []
    for i, entry in enumerate(ordered):
        if not won(entry, club_key):
            continue
        reached = next_round_name(season, entry.round.order, entry.tie)
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if reached is not None and (nxt is None or nxt.round.name != reached):
            found.append((reached, nxt.round.name if nxt else None))
    return found


def gap_text(club_name: str, reached: str, seen_next: str | None, short: bool = False) -> str:
    """Says a round the club reached has no tie naming it in the source (and what that means)."""
    name, rnd = md(club_name), md(reached)
    if short and seen_next is None:
        return (
            "reached, but the source does not describe this tie; "
            f"no later round names {name}, so the run ended there."
        )
    if short:
        went = lower_first(md(seen_next or ""))
        return f"not described in the source ({name} went on to the {went})."
    if seen_next is None:
        return (
            f"{name} reached the {lower_first(rnd)}, but the source does not describe that tie; "
            f"no later round names {name}, so the run ended there."
        )
    return (
        f"The source does not describe {name}'s {lower_first(rnd)} tie "
        f"({name} went on to the {lower_first(md(seen_next))})."
    )


def season_path(
    season: Season, entries: Sequence[Entry], club_key: str, club_name: str
) -> list[str]:
    """The club's run through one season, round by round, with undescribed ties said so."""
    ordered = sorted(entries, key=lambda e: (e.round.order, e.tie.index))
    missing = {reached: seen for reached, seen in gaps(season, ordered, club_key)}
    lines: list[str] = []
    for entry in ordered:
        line = f"{md(entry.round.name)}: {short_result(entry, club_key)}"
        reached = next_round_name(season, entry.round.order, entry.tie)
        if not won(entry, club_key):
            line += " → eliminated"
        elif reached is None:
            line += f" → {went_on(entry)}"
        lines.append(line)
        if won(entry, club_key) and reached in missing:
            lines.append(
                f"{md(reached)}: {gap_text(club_name, reached, missing[reached], short=True)}"
            )
    return lines


@dataclass(slots=True)
class Record:
    ties_won: int = 0
    ties_lost: int = 0
    legs_won: int = 0
    legs_drawn: int = 0
    legs_lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    legs_known: int = 0
    biggest: Entry | None = None
    biggest_score: tuple[int, int] | None = None


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


def record_lines(rec: Record, club_key: str) -> list[str]:
    lines = [f"Ties: {rec.ties_won} won, {rec.ties_lost} lost"]
    if rec.legs_known:
        lines.append(
            f"Legs (where the source gives them): {rec.legs_won}W {rec.legs_drawn}D "
            f"{rec.legs_lost}L, goals {rec.goals_for}–{rec.goals_against}"
        )
    else:
        lines.append("Legs: the source gives no leg scores for these ties.")
    if rec.biggest is not None and rec.biggest_score is not None:
        e, (f, a) = rec.biggest, rec.biggest_score
        lines.append(
            f"Biggest win: {f}–{a} on aggregate v {opponent_name(e, club_key, short=True)} "
            f"({md(e.season.label)} · {md(e.round.name)})"
        )
    return lines


def method_counts(entries: Iterable[Entry]) -> Counter[DecidedBy]:
    return Counter(e.tie.decided_by for e in entries)


def widest_margin(entries: Iterable[Entry]) -> tuple[int, list[Entry]]:
    """The largest aggregate margin and every tie with it."""
    best, found = -1, []
    for entry in entries:
        agg = aggregate(entry.tie)
        if agg is None:
            continue
        margin = abs(agg[0] - agg[1])
        if margin > best:
            best, found = margin, [entry]
        elif margin == best:
            found.append(entry)
    return best, found


def _open_rounds(entries: Sequence[Entry], club_key: str) -> dict[tuple[int, str], bool]:
    """(season id, round) → whether the club's opponent there is unknown to the source.

    A round counts when the club played a tie in it (open when that tie does not
    name the opponent) or reached it without a described tie (always open).
    """
    rounds: dict[tuple[int, str], bool] = {}
    by_season: dict[int, list[Entry]] = {}
    for e in entries:
        by_season.setdefault(id(e.season), []).append(e)
        rounds[(id(e.season), e.round.name)] = e.opponent(club_key) is None
    for sid, mine in by_season.items():
        for reached, _ in gaps(mine[0].season, mine, club_key):
            rounds.setdefault((sid, reached), True)
    return rounds


def possible_meetings(
    a_entries: Sequence[Entry], b_entries: Sequence[Entry], a_key: str, b_key: str
) -> list[tuple[Season, str]]:
    """Rounds where both clubs were and the source cannot rule out that they met.

    "Never met" is only true when no such round exists: in the 2012 summaries the
    losers are unnamed, so two clubs of the same round may have played each other.
    """
    a_open, b_open = _open_rounds(a_entries, a_key), _open_rounds(b_entries, b_key)
    seasons = {id(e.season): e.season for e in (*a_entries, *b_entries)}
    return [
        (seasons[key[0]], key[1])
        for key, open_a in a_open.items()
        if key in b_open and open_a and b_open[key]
    ]
