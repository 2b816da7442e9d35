"""How a tie was decided and what came next, in words, from only what the source states.

Fans ask "why did they go through?"; the answer is the two-legged rule chain
(aggregate → away goals → penalties), a single match, or a walkover or
withdrawal.  Scores the source does not give are said to be missing, never
guessed, and a tie the source does not decide names no winner.  Each rule is
one whole sentence of the catalogs, so a language words it its own way
("aux tirs au but", "بركلات الترجيح", "pela regra dos golos fora").
"""

from __future__ import annotations

from bot.answering.analysis import NextKind, fold, next_stage
from bot.answering.tournament import is_final, is_group
from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Leg, LegStatus, Season, Tie
from bot.domain.score import aggregate, away_goals, for_winner
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.legs import Namer, score
from bot.wording.markdown import lower_first, md, plural
from bot.wording.rounds import competition_name, group_stage, the_round


def method_words(method: DecidedBy, w: Words = ENGLISH) -> str:
    """ "on aggregate", "by a penalty shoot-out": how a tie was decided, after "decided"."""
    match method:
        case DecidedBy.AGGREGATE:
            return w.pgettext("decided", "on aggregate")
        case DecidedBy.AWAY_GOALS:
            return w.pgettext("decided", "on away goals")
        case DecidedBy.PENALTIES:
            return w.pgettext("decided", "by a penalty shoot-out")
        case DecidedBy.WALKOVER:
            return w.pgettext("decided", "by a walkover")
        case DecidedBy.WITHDRAWAL:
            return w.pgettext("decided", "by a withdrawal")
        case DecidedBy.SINGLE_MATCH:
            return w.pgettext("decided", "in a single match")
    return w.pgettext("decided", "in a way the source does not give")


METHODS: tuple[DecidedBy, ...] = (
    DecidedBy.AGGREGATE, DecidedBy.AWAY_GOALS, DecidedBy.PENALTIES, DecidedBy.WALKOVER,
    DecidedBy.WITHDRAWAL, DecidedBy.SINGLE_MATCH, DecidedBy.UNKNOWN,
)  # fmt: skip
"""Every way a tie can be decided, in the order answers count them."""


def _which(number: int, w: Words) -> str:
    if number == 1:
        return w.pgettext("which leg", "first")
    if number == 2:
        return w.pgettext("which leg", "second")
    return w.pgettext("which leg", "leg {n}", n=number)


def _legs_text(tie: Tie, w: Words, name: Namer) -> str:
    """E.g. "Djoliba had won the first leg 2–0" for the legs of a tie stopped or awarded."""
    parts = []
    for number, leg in enumerate(tie.legs, start=1):
        which = _which(number, w)
        if leg.home_goals is None or leg.away_goals is None:
            continue
        high, low = max(leg.home_goals, leg.away_goals), min(leg.home_goals, leg.away_goals)
        winner = name(leg.home if leg.home_goals > leg.away_goals else leg.away)
        if leg.status is LegStatus.AWARDED:
            parts.append(w._("the {which} leg was awarded {score} to {club}", which=which,
                             score=score(high, low), club=winner))  # fmt: skip
        elif not leg.played:
            continue
        elif leg.home_goals == leg.away_goals:
            parts.append(w._("the {which} leg had ended {score}", which=which,
                             score=score(leg.home_goals, leg.away_goals)))  # fmt: skip
        else:
            parts.append(w._("{club} had won the {which} leg {score}", club=winner, which=which,
                             score=score(high, low)))  # fmt: skip
    return w.clauses(parts)


def _extra_time(tie: Tie) -> bool:
    last: Leg | None = tie.legs[-1] if tie.legs else None
    return last is not None and last.extra_time


def _undecided(tie: Tie, w: Words, name: Namer) -> str:
    agg = aggregate(tie)
    if agg is not None and tie.team2 is not None:
        return w._("{home} {score} {away} on aggregate; the source does not say who went "
                   "through", home=name(tie.team1), away=name(tie.team2),
                   score=score(*agg))  # fmt: skip
    return w._("The source does not say who went through")


def decision(tie: Tie, w: Words = ENGLISH, name: Namer = md) -> str:
    """One sentence, winner in bold: how the tie was decided under the rules."""
    if tie.winner is None or tie.decided_by is DecidedBy.UNKNOWN:
        return _undecided(tie, w, name)
    winner = f"**{name(tie.winner_name)}**"
    agg = aggregate(tie)
    if tie.decided_by in (DecidedBy.AGGREGATE, DecidedBy.SINGLE_MATCH):
        return _by_score(tie, agg, winner, w)
    if agg is None:
        level = w._("Level on aggregate (score not given)")
    elif tie.single_match:
        level = score(*agg)
        if _extra_time(tie):
            level = w._("{score} after extra time", score=level)
    else:
        level = w._("{score} on aggregate", score=score(*agg))
    if tie.decided_by is DecidedBy.AWAY_GOALS:
        away = away_goals(tie)
        if away is not None:
            mine, theirs = for_winner(away, tie)
            if mine > theirs:
                return w._("{level}; {club} won on away goals ({goals} to {other})", level=level,
                           club=winner, goals=plural(mine, "away goal", w),
                           other=w.number(theirs))  # fmt: skip
        return w._("{level}; {club} won on away goals", level=level, club=winner)
    if tie.decided_by is DecidedBy.PENALTIES:
        return _by_penalties(tie, level, winner, w)
    return _walkover_or_withdrawal(tie, winner, w, name)


def _by_score(tie: Tie, agg: tuple[int, int] | None, winner: str, w: Words) -> str:
    if agg is None:
        return w._("{club} won on aggregate (score not given)", club=winner)
    said = score(*for_winner(agg, tie))
    if tie.single_match or tie.decided_by is DecidedBy.SINGLE_MATCH:
        if _extra_time(tie):
            return w._("{club} won {score} after extra time (single match)", club=winner,
                       score=said)  # fmt: skip
        return w._("{club} won {score} (single match)", club=winner, score=said)
    if _extra_time(tie):
        return w._("{club} won {score} on aggregate after extra time", club=winner, score=said)
    return w._("{club} won {score} on aggregate", club=winner, score=said)


def _by_penalties(tie: Tie, level: str, winner: str, w: Words) -> str:
    if tie.penalties is not None:
        said = score(*for_winner(tie.penalties, tie))
        if tie.single_match:
            return w._("{level}; {club} won the penalty shoot-out {score}", level=level,
                       club=winner, score=said)  # fmt: skip
        return w._("{level}, level on away goals; {club} won the penalty shoot-out {score}",
                   level=level, club=winner, score=said)  # fmt: skip
    if tie.single_match:
        return w._("{level}; {club} won the penalty shoot-out (score not given)", level=level,
                   club=winner)  # fmt: skip
    return w._("{level}, level on away goals; {club} won the penalty shoot-out (score not "
               "given)", level=level, club=winner)  # fmt: skip


def _walkover_or_withdrawal(tie: Tie, winner: str, w: Words, name: Namer) -> str:
    reason = _reason(tie)
    legs = _legs_text(tie, w, name)
    if tie.decided_by is DecidedBy.WALKOVER:
        if reason:
            text = w._("{club} advanced on a walkover {reason}", club=winner, reason=reason)
        else:
            text = w._("{club} advanced on a walkover", club=winner)
        return w.clauses([text, legs]) if legs else text
    # Withdrawal
    loser_raw = tie.loser_name
    who = name(loser_raw) if loser_raw else w._("the opponent (not named in the source)")
    text = w._("{club} advanced after {other} withdrew", club=winner, other=who)
    if reason and fold(reason) not in {"after withdrew", f"after {fold(loser_raw or '')} withdrew"}:
        text += " " + w._("({details})", details=reason)
    if legs:
        return w.clauses([text, legs])
    if tie.legs and all(not leg.played for leg in tie.legs):
        return w.clauses([text, w._("neither leg was played")])
    return text


def _reason(tie: Tie) -> str:
    """The stated cause, phrased to follow "advanced …": "after FIFA suspended …" (the
    source's own words, in its language)."""
    if not tie.reason:
        return ""
    text = " ".join(tie.reason.split()).rstrip(".")
    if not fold(text).startswith(("after ", "as ", "because ", "when ", "following ")):
        text = f"after {text}"
    return md(text)


def _stage(season: Season, round_order: int, tie: Tie, w: Words) -> tuple[str, bool]:
    """Where the winner went, in words, and whether it is a group stage."""
    found = next_stage(season, round_order, tie)
    if found.kind is NextKind.ROUND:
        rnd = next((r for r in season.rounds if r.name == found.name), None)
        if rnd is not None and is_group(rnd):
            return group_stage(w), True
        text = the_round(found.name, w)
        english = text if not w.translated else the_round(found.name)
        return text, "group" in fold(english)
    if found.kind is NextKind.STATED:
        stated = found.name
        english = md(stated if fold(stated).startswith("the ") else f"the {lower_first(stated)}")
        return (the_round(stated, w) if w.translated else english), "group" in fold(english)
    return group_stage(w), True


def next_stage_words(entry: Entry, w: Words = ENGLISH) -> tuple[str, bool]:
    """Where the winner of ``entry`` went ("the first round"), and whether it is a group stage."""
    return _stage(entry.season, entry.round.order, entry.tie, w)


def stage_text(season: Season, round_order: int, tie: Tie, w: Words = ENGLISH) -> str:
    """Where the winner went, in words: "the first round", "the group stage", "Round 2"."""
    return _stage(season, round_order, tie, w)[0]


def went_on(entry: Entry, w: Words = ENGLISH) -> str:
    """ "advanced to the first round" or "qualified for the group stage"."""
    stage, group = _stage(entry.season, entry.round.order, entry.tie, w)
    if group:
        return w._("qualified for {stage}", stage=stage)
    return w._("advanced to {stage}", stage=stage)


def title_of(entry: Entry, w: Words = ENGLISH) -> str:
    """ "the CAF Champions League 2023–24": what the winner of a final won."""
    return w._("the {competition} {season}",
               competition=md(competition_name(entry.season.competition, w)),
               season=md(entry.season.label))  # fmt: skip


def consequence(entry: Entry, club_key: str | None = None, w: Words = ENGLISH,
                name: Namer = md) -> str:  # fmt: skip
    """What came next, from the asked club's point of view when one is given ("" if unknown)."""
    tie = entry.tie
    if tie.winner is None:
        return ""
    winner = name(tie.winner_name)
    side = entry.side(club_key) if club_key else None
    lost = side is not None and side != tie.winner
    loser = name(tie.team1 if side == 1 else (tie.team2 or "")) if lost else ""
    if is_final(entry.round):
        if lost:
            return w._("{loser} were runners-up; {club} won {title}.", loser=loser, club=winner,
                       title=title_of(entry, w))  # fmt: skip
        return w._("{club} won the final: champions of {title}.", club=winner,
                   title=title_of(entry, w))  # fmt: skip
    stage, group = _stage(entry.season, entry.round.order, tie, w)
    if lost and group:
        return w._("{loser} were eliminated; {club} qualified for {stage}.", loser=loser,
                   club=winner, stage=stage)  # fmt: skip
    if lost:
        return w._("{loser} were eliminated; {club} advanced to {stage}.", loser=loser,
                   club=winner, stage=stage)  # fmt: skip
    if group:
        return w._("{club} qualified for {stage}.", club=winner, stage=stage)
    return w._("{club} advanced to {stage}.", club=winner, stage=stage)
