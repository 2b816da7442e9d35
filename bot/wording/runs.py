"""A club's run in words: results from its side, rounds the source skips, its record.

Kept apart from the wording of single ties (``explain``) because these read
many ties at once — and must stay honest about ties the source leaves out
(a club that advanced to a round where no tie names it).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.analysis import Record, for_side, gaps, next_round_name, won
from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Season
from bot.domain.score import maybe_from_side
from bot.wording.decisions import went_on
from bot.wording.markdown import lower_first, md

UNNAMED = "an opponent not named in the source"


def opponent_name(entry: Entry, club_key: str, short: bool = False) -> str:
    other = entry.opponent(club_key)
    if other is not None:
        return md(other.name)
    return "? (opponent not named in the source)" if short else UNNAMED


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
    missing = {gap.reached: gap.seen_next for gap in gaps(season, ordered, club_key)}
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
