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
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import md
from bot.wording.rounds import round_title, stage_words, the_round


def opponent_name(entry: Entry, club_key: str, short: bool = False, w: Words = ENGLISH) -> str:
    other = entry.opponent(club_key)
    if other is not None:
        return md(w.club(other))
    if short:
        return w._("? (opponent not named in the source)")
    return w._("an opponent not named in the source")


def short_result(
    entry: Entry, club_key: str, name_opponent: bool = True, w: Words = ENGLISH
) -> str:
    """ "beat CARA Brazzaville 3–1 on aggregate", "lost on away goals (2–2 on aggregate)"."""
    opp = opponent_name(entry, club_key, w=w)
    agg = for_side(entry, club_key)
    score = f"{agg[0]}–{agg[1]}" if agg else None
    unnamed = entry.opponent(club_key) is None
    if entry.tie.winner is None:
        return _unknown(entry, score, opp if name_opponent and not unnamed else None, w)
    win = won(entry, club_key)
    if name_opponent and not unnamed:
        verb = w._("beat {club}", club=opp) if win else w._("lost to {club}", club=opp)
    else:
        verb = w.pgettext("tie", "won") if win else w.pgettext("tie", "lost")
    said = _result(entry, club_key, verb, score, name_opponent, w)
    if name_opponent and unnamed:
        return said + " " + w._("(opponent not named in the source)")
    return said


def _unknown(entry: Entry, score: str | None, opp: str | None, w: Words) -> str:
    """A tie the source does not decide, from one side: "played v X (2–2 on aggregate; …)"."""
    if score and not entry.tie.single_match:
        if opp:
            return w._("played v {club} ({score} on aggregate; the source does not say who "
                       "went through)", club=opp, score=score)  # fmt: skip
        return w._("played ({score} on aggregate; the source does not say who went through)",
                   score=score)  # fmt: skip
    if opp:
        return w._("played v {club} (the source does not say who went through)", club=opp)
    return w._("played (the source does not say who went through)")


def _result(
    entry: Entry, club_key: str, verb: str, score: str | None, name_opponent: bool, w: Words
) -> str:
    tie, win = entry.tie, won(entry, club_key)
    how = tie.decided_by
    if how is DecidedBy.SINGLE_MATCH or (how is DecidedBy.AGGREGATE and tie.single_match):
        if not score:
            return w._("{result} (single match)", result=verb)
        if any(leg.extra_time for leg in tie.legs):
            return w._("{result} {score} after extra time (single match)", result=verb,
                       score=score)  # fmt: skip
        return w._("{result} {score} (single match)", result=verb, score=score)
    if how is DecidedBy.AGGREGATE:
        if score:
            return w._("{result} {score} on aggregate", result=verb, score=score)
        return w._("{result} on aggregate (score not given)", result=verb)
    if how is DecidedBy.AWAY_GOALS:
        if score:
            return w._("{result} on away goals ({score} on aggregate)", result=verb, score=score)
        return w._("{result} on away goals", result=verb)
    if how is DecidedBy.PENALTIES:
        return _on_penalties(entry, club_key, verb, score, w)
    if how is DecidedBy.WALKOVER:
        return w._("{result} on a walkover", result=verb)
    opponent = entry.opponent(club_key)
    if not name_opponent or opponent is None:
        if win:
            return w._("advanced after the opponent withdrew")
        return w._("withdrew")
    if win:
        return w._("advanced after {club} withdrew", club=md(w.club(opponent)))
    return w._("withdrew against {club}", club=md(w.club(opponent)))


def _on_penalties(entry: Entry, club_key: str, verb: str, score: str | None, w: Words) -> str:
    tie = entry.tie
    level = score or w.pgettext("score", "level")
    if tie.penalties is None:
        if tie.single_match:
            return w._("{result} on penalties ({score})", result=verb, score=level)
        return w._("{result} on penalties ({score} on aggregate)", result=verb, score=level)
    p = maybe_from_side(tie.penalties, entry.side(club_key)) or tie.penalties
    pens = f"{p[0]}–{p[1]}"
    if tie.single_match:
        return w._("{result} on penalties ({score}, {shootout} on penalties)", result=verb,
                   score=level, shootout=pens)  # fmt: skip
    return w._("{result} on penalties ({score} on aggregate, {shootout} on penalties)",
               result=verb, score=level, shootout=pens)  # fmt: skip


def gap_text(
    club_name: str, reached: str, seen_next: str | None, short: bool = False, w: Words = ENGLISH
) -> str:
    """Says a round the club reached has no tie naming it in the source (and what that means)."""
    name = md(club_name)
    if short and seen_next is None:
        return w._("reached, but the source does not describe this tie; no later round names "
                   "{club}, so the run ended there.", club=name)  # fmt: skip
    if short:
        return w._("not described in the source ({club} went on to {round}).", club=name,
                   round=the_round(seen_next or "", w))  # fmt: skip
    if seen_next is None:
        return w._("{club} reached {round}, but the source does not describe that tie; no later "
                   "round names {club}, so the run ended there.", club=name,
                   round=the_round(reached, w))  # fmt: skip
    return w._("The source does not describe {club}'s {stage} tie ({club} went on to {round}).",
               club=name, stage=stage_words(reached, w),
               round=the_round(seen_next, w))  # fmt: skip


def _tie_line(entry: Entry, club_key: str, w: Words) -> str:
    line = w.labelled(round_title(entry.round.name, w), short_result(entry, club_key, w=w))
    if entry.tie.winner is None:
        return line
    if is_final(entry.round):
        if won(entry, club_key):
            return line + " " + w._("→ champions")
        return line + " " + w._("→ runners-up")
    if not won(entry, club_key):
        return line + " " + w._("→ eliminated")
    if next_round_name(entry.season, entry.round.order, entry.tie) is None:
        return line + " " + w._("→ {went_on}", went_on=went_on(entry, w))
    return line


# A run is remembered by the engine, so its path lines can be remembered by its identity (the
# run kept in the value so the identity cannot be reused), once per language.
_PATHS: dict[tuple[int, str, str], tuple[SeasonRun, tuple[str, ...]]] = {}
PATHS_MEMO_SIZE = 16384


def forget() -> None:
    """Drop the remembered paths (a new catalog is being served)."""
    _PATHS.clear()


def season_path(run: SeasonRun, club_key: str, club_name: str, w: Words = ENGLISH) -> list[str]:
    """The club's run through one season, stage by stage, with undescribed ties said so."""
    key = (id(run), club_key, w.lang)
    found = _PATHS.get(key)
    if found is not None and found[0] is run:
        return list(found[1])
    lines = _path(run, club_key, club_name, w)
    if len(_PATHS) >= PATHS_MEMO_SIZE:
        _PATHS.clear()
    _PATHS[key] = (run, tuple(lines))
    return lines


def _path(run: SeasonRun, club_key: str, club_name: str, w: Words) -> list[str]:
    season = run.season
    orders = {r.name: r.order for r in season.rounds}
    steps: list[tuple[int, int, str]] = []
    for entry in run.entries:
        steps.append((entry.round.order, entry.tie.index, _tie_line(entry, club_key, w)))
    for view in run.groups:
        line = placing_line(view, club_key, w)
        if view is run.groups[-1] and run.reach.kind is ReachKind.GROUP and _later(season, view):
            line += " " + w._("→ no later round of the source names {club}", club=md(club_name))
        steps.append((view.round.order, view.number, line))
    for gap in run.gaps:
        text = gap_text(club_name, gap.reached, gap.seen_next, True, w)
        line = w.labelled(round_title(gap.reached, w), text)
        steps.append((orders.get(gap.reached, 0), -1, line))
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
    w: Words = ENGLISH,
) -> list[str]:
    """Ties won/lost (undecided apart), legs and group matches where known, the biggest win,
    and the titles ("CAF Champions League (2023–24, 2022–23)", ``count`` in all)."""
    if rec.ties_undecided:
        lines = [w._("Ties: {won} won, {lost} lost, {undecided} undecided in the source",
                     won=rec.ties_won, lost=rec.ties_lost,
                     undecided=rec.ties_undecided)]  # fmt: skip
    else:
        lines = [w._("Ties: {won} won, {lost} lost", won=rec.ties_won, lost=rec.ties_lost)]
    if rec.legs_known:
        lines.append(w._("Legs (where the source gives them): {won}W {drawn}D {lost}L, goals "
                         "{goals}", won=rec.legs_won, drawn=rec.legs_drawn, lost=rec.legs_lost,
                         goals=f"{rec.goals_for}–{rec.goals_against}"))  # fmt: skip
    else:
        lines.append(w._("Legs: the source gives no leg scores for these ties."))
    if groups is not None and groups.played:
        lines.append(w._("Group matches: {won}W {drawn}D {lost}L, goals {goals}", won=groups.won,
                         drawn=groups.drawn, lost=groups.lost,
                         goals=f"{groups.goals_for}–{groups.goals_against}"))  # fmt: skip
    if rec.biggest is not None and rec.biggest_score is not None:
        e, (f, a) = rec.biggest, rec.biggest_score
        where = f"{md(e.season.label)} · {round_title(e.round.name, w)}"
        opp = opponent_name(e, club_key, short=True, w=w)
        if e.tie.single_match:
            lines.append(w._("Biggest win: {score} (single match) v {club} ({where})",
                             score=f"{f}–{a}", club=opp, where=where))  # fmt: skip
        else:
            lines.append(w._("Biggest win: {score} on aggregate v {club} ({where})",
                             score=f"{f}–{a}", club=opp, where=where))  # fmt: skip
    if titles:
        lines.append(w._("Titles: {n} — {titles}", n=count, titles=w.clauses(titles)))
    return lines
