"""Records and tallies: a club's path through a season, its record, how far it went.

Kept apart from the wording of single ties because these read many ties at
once — and must stay honest about ties the source leaves out (a club that
advanced to a round where no tie names it) and about ties it does not
decide (never counted as won or lost).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.analysis import MatchRecord, Record, for_side, next_round_name, won
from bot.answering.progress import SeasonRun
from bot.answering.tournament import GroupView, ReachKind, is_final
from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Season
from bot.domain.score import maybe_from_side
from bot.wording.decisions import went_on
from bot.wording.groups import placing_line
from bot.wording.markdown import md
from bot.wording.rounds import stage_words, the_round

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
    unnamed = entry.opponent(club_key) is None
    if entry.tie.winner is None:
        against = f" v {opp}" if name_opponent and not unnamed else ""
        level = f"{score} on aggregate; " if score and not entry.tie.single_match else ""
        return f"played{against} ({level}the source does not say who went through)"
    win = won(entry, club_key)
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
    if how is DecidedBy.SINGLE_MATCH or (how is DecidedBy.AGGREGATE and tie.single_match):
        extra = " after extra time" if any(leg.extra_time for leg in tie.legs) else ""
        return f"{verb} {score}{extra} (single match)" if score else f"{verb} (single match)"
    if how is DecidedBy.AGGREGATE:
        return f"{verb} {score} on aggregate" if score else f"{verb} on aggregate (score not given)"
    if how is DecidedBy.AWAY_GOALS:
        return f"{verb} on away goals" + (f" ({score} on aggregate)" if score else "")
    if how is DecidedBy.PENALTIES:
        pens = ""
        if tie.penalties is not None:
            p = maybe_from_side(tie.penalties, entry.side(club_key)) or tie.penalties
            pens = f", {p[0]}–{p[1]} on penalties"
        level = score or "level"
        return f"{verb} on penalties ({level}{'' if tie.single_match else ' on aggregate'}{pens})"
    if how is DecidedBy.WALKOVER:
        return f"{verb} on a walkover"
    if not name_opponent or entry.opponent(club_key) is None:
        opp = "the opponent"
    if win:
        return f"advanced after {opp} withdrew"
    return "withdrew" if opp == "the opponent" else f"withdrew against {opp}"


def gap_text(club_name: str, reached: str, seen_next: str | None, short: bool = False) -> str:
    """Says a round the club reached has no tie naming it in the source (and what that means)."""
    name, rnd = md(club_name), the_round(reached)
    if short and seen_next is None:
        return (
            "reached, but the source does not describe this tie; "
            f"no later round names {name}, so the run ended there."
        )
    if short:
        return f"not described in the source ({name} went on to {the_round(seen_next or '')})."
    if seen_next is None:
        return (
            f"{name} reached {rnd}, but the source does not describe that tie; "
            f"no later round names {name}, so the run ended there."
        )
    return (
        f"The source does not describe {name}'s {stage_words(reached)} tie "
        f"({name} went on to {the_round(seen_next)})."
    )


def _tie_line(entry: Entry, club_key: str) -> str:
    line = f"{md(entry.round.name)}: {short_result(entry, club_key)}"
    if entry.tie.winner is None:
        return line
    if is_final(entry.round):
        return line + (" → champions" if won(entry, club_key) else " → runners-up")
    if not won(entry, club_key):
        return line + " → eliminated"
    if next_round_name(entry.season, entry.round.order, entry.tie) is None:
        return line + f" → {went_on(entry)}"
    return line


# A run is remembered by the engine, so its path lines can be remembered by its identity (the
# run kept in the value so the identity cannot be reused).
_PATHS: dict[tuple[int, str], tuple[SeasonRun, tuple[str, ...]]] = {}
PATHS_MEMO_SIZE = 16384


def forget() -> None:
    """Drop the remembered paths (a new catalog is being served)."""
    _PATHS.clear()


def season_path(run: SeasonRun, club_key: str, club_name: str) -> list[str]:
    """The club's run through one season, stage by stage, with undescribed ties said so."""
    key = (id(run), club_key)
    found = _PATHS.get(key)
    if found is not None and found[0] is run:
        return list(found[1])
    lines = _path(run, club_key, club_name)
    if len(_PATHS) >= PATHS_MEMO_SIZE:
        _PATHS.clear()
    _PATHS[key] = (run, tuple(lines))
    return lines


def _path(run: SeasonRun, club_key: str, club_name: str) -> list[str]:
    season = run.season
    orders = {r.name: r.order for r in season.rounds}
    steps: list[tuple[int, int, str]] = []
    for entry in run.entries:
        steps.append((entry.round.order, entry.tie.index, _tie_line(entry, club_key)))
    for view in run.groups:
        line = placing_line(view, club_key)
        if view is run.groups[-1] and run.reach.kind is ReachKind.GROUP and _later(season, view):
            line += f" → no later round of the source names {md(club_name)}"
        steps.append((view.round.order, view.number, line))
    for gap in run.gaps:
        text = gap_text(club_name, gap.reached, gap.seen_next, short=True)
        steps.append((orders.get(gap.reached, 0), -1, f"{md(gap.reached)}: {text}"))
    return [line for _, _, line in sorted(steps, key=lambda s: (s[0], s[1]))]


def _later(season: Season, view: GroupView) -> bool:
    """Whether the source has a later round with ties (so the club's absence there shows)."""
    return any(r.order > view.round.order and r.ties for r in season.rounds)


def record_lines(
    rec: Record,
    club_key: str,
    groups: MatchRecord | None = None,
    titles: Sequence[str] = (),
    count: int = 0,
) -> list[str]:
    """Ties won/lost (undecided apart), legs and group matches where known, the biggest win,
    and the titles ("CAF Champions League (2023–24, 2022–23)", ``count`` in all)."""
    undecided = f", {rec.ties_undecided} undecided in the source" if rec.ties_undecided else ""
    lines = [f"Ties: {rec.ties_won} won, {rec.ties_lost} lost{undecided}"]
    if rec.legs_known:
        lines.append(
            f"Legs (where the source gives them): {rec.legs_won}W {rec.legs_drawn}D "
            f"{rec.legs_lost}L, goals {rec.goals_for}–{rec.goals_against}"
        )
    else:
        lines.append("Legs: the source gives no leg scores for these ties.")
    if groups is not None and groups.played:
        lines.append(
            f"Group matches: {groups.won}W {groups.drawn}D {groups.lost}L, "
            f"goals {groups.goals_for}–{groups.goals_against}"
        )
    if rec.biggest is not None and rec.biggest_score is not None:
        e, (f, a) = rec.biggest, rec.biggest_score
        how = "(single match)" if e.tie.single_match else "on aggregate"
        lines.append(
            f"Biggest win: {f}–{a} {how} v {opponent_name(e, club_key, short=True)} "
            f"({md(e.season.label)} · {md(e.round.name)})"
        )
    if titles:
        lines.append(f"Titles: {count} — {'; '.join(titles)}")
    return lines
