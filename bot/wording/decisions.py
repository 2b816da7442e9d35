"""How a tie was decided and what came next, in words, from only what the source states.

Fans ask "why did they go through?"; the answer is the two-legged rule chain
(aggregate → away goals → penalties), a single match, or a walkover or
withdrawal.  Scores the source does not give are said to be missing, never
guessed, and a tie the source does not decide names no winner.
"""

from __future__ import annotations

from bot.answering.analysis import NextKind, fold, next_stage
from bot.answering.tournament import is_final, is_group
from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Leg, LegStatus, Season, Tie
from bot.domain.score import aggregate, away_goals, for_winner
from bot.wording.markdown import lower_first, md, plural
from bot.wording.rounds import the_round

GROUP_STAGE = "the group stage"


METHOD_WORDS: dict[DecidedBy, str] = {
    DecidedBy.AGGREGATE: "on aggregate",
    DecidedBy.AWAY_GOALS: "on away goals",
    DecidedBy.PENALTIES: "by a penalty shoot-out",
    DecidedBy.WALKOVER: "by a walkover",
    DecidedBy.WITHDRAWAL: "by a withdrawal",
    DecidedBy.SINGLE_MATCH: "in a single match",
    DecidedBy.UNKNOWN: "in a way the source does not give",
}

_WHICH = {1: "first", 2: "second"}


def _legs_text(tie: Tie) -> str:
    """E.g. "Djoliba had won the first leg 2–0" for the legs of a tie stopped or awarded."""
    parts = []
    for number, leg in enumerate(tie.legs, start=1):
        which = _WHICH.get(number, f"leg {number}")
        if leg.home_goals is None or leg.away_goals is None:
            continue
        high, low = max(leg.home_goals, leg.away_goals), min(leg.home_goals, leg.away_goals)
        winner = leg.home if leg.home_goals > leg.away_goals else leg.away
        if leg.status is LegStatus.AWARDED:
            parts.append(f"the {which} leg was awarded {high}–{low} to {md(winner)}")
        elif not leg.played:
            continue
        elif leg.home_goals == leg.away_goals:
            parts.append(f"the {which} leg had ended {leg.home_goals}–{leg.away_goals}")
        else:
            parts.append(f"{md(winner)} had won the {which} leg {high}–{low}")
    return "; ".join(parts)


def _after_extra_time(tie: Tie) -> str:
    last: Leg | None = tie.legs[-1] if tie.legs else None
    return " after extra time" if last is not None and last.extra_time else ""


def _undecided(tie: Tie) -> str:
    agg = aggregate(tie)
    if agg is not None and tie.team2 is not None:
        return (
            f"{md(tie.team1)} {agg[0]}–{agg[1]} {md(tie.team2)} on aggregate; "
            "the source does not say who went through"
        )
    return "The source does not say who went through"


def decision(tie: Tie) -> str:
    """One sentence, winner in bold: how the tie was decided under the rules."""
    if tie.winner is None or tie.decided_by is DecidedBy.UNKNOWN:
        return _undecided(tie)
    winner = f"**{md(tie.winner_name)}**"
    loser_raw = tie.loser_name
    agg = aggregate(tie)
    level = f"{agg[0]}–{agg[1]} on aggregate" if agg else "Level on aggregate (score not given)"
    if tie.single_match and agg is not None:
        level = f"{agg[0]}–{agg[1]}{_after_extra_time(tie)}"
    if tie.decided_by in (DecidedBy.AGGREGATE, DecidedBy.SINGLE_MATCH):
        if agg is None:
            return f"{winner} won on aggregate (score not given)"
        high, low = for_winner(agg, tie)
        if tie.single_match or tie.decided_by is DecidedBy.SINGLE_MATCH:
            return f"{winner} won {high}–{low}{_after_extra_time(tie)} (single match)"
        return f"{winner} won {high}–{low} on aggregate{_after_extra_time(tie)}"
    if tie.decided_by is DecidedBy.AWAY_GOALS:
        away = away_goals(tie)
        text = f"{level}; {winner} won on away goals"
        if away is not None:
            mine, theirs = for_winner(away, tie)
            if mine > theirs:
                text += f" ({plural(mine, 'away goal')} to {theirs})"
        return text
    if tie.decided_by is DecidedBy.PENALTIES:
        rule = "" if tie.single_match else ", level on away goals"
        if tie.penalties is not None:
            high, low = for_winner(tie.penalties, tie)
            shootout = f"won the penalty shoot-out {high}–{low}"
        else:
            shootout = "won the penalty shoot-out (score not given)"
        return f"{level}{rule}; {winner} {shootout}"
    reason = _reason(tie)
    if tie.decided_by is DecidedBy.WALKOVER:
        text = f"{winner} advanced on a walkover"
        if reason:
            text += f" {reason}"
        legs = _legs_text(tie)
        return f"{text}; {legs}" if legs else text
    # Withdrawal
    who = md(loser_raw) if loser_raw else "the opponent (not named in the source)"
    text = f"{winner} advanced after {who} withdrew"
    if reason and fold(reason) not in {"after withdrew", f"after {fold(loser_raw or '')} withdrew"}:
        text += f" ({reason})"
    legs = _legs_text(tie)
    if legs:
        return f"{text}; {legs}"
    if tie.legs and all(not leg.played for leg in tie.legs):
        return f"{text}; neither leg was played"
    return text


def _reason(tie: Tie) -> str:
    """The stated cause, phrased to follow "advanced …": "after FIFA suspended …"."""
    if not tie.reason:
        return ""
    text = " ".join(tie.reason.split()).rstrip(".")
    if not fold(text).startswith(("after ", "as ", "because ", "when ", "following ")):
        text = f"after {text}"
    return md(text)


def stage_text(season: Season, round_order: int, tie: Tie) -> str:
    """Where the winner went, in words: "the first round", "the group stage", "Round 2"."""
    found = next_stage(season, round_order, tie)
    if found.kind is NextKind.ROUND:
        rnd = next((r for r in season.rounds if r.name == found.name), None)
        if rnd is not None and is_group(rnd):
            return GROUP_STAGE
        return the_round(found.name)
    if found.kind is NextKind.STATED:
        stated = found.name
        return md(stated if fold(stated).startswith("the ") else f"the {lower_first(stated)}")
    return GROUP_STAGE


def went_on(entry: Entry) -> str:
    """ "advanced to the first round" or "qualified for the group stage"."""
    stage = stage_text(entry.season, entry.round.order, entry.tie)
    if "group" in fold(stage):
        return f"qualified for {stage}"
    return f"advanced to {stage}"


def title_of(entry: Entry) -> str:
    """ "the CAF Champions League 2023–24": what the winner of a final won."""
    return f"the {md(entry.season.competition)} {md(entry.season.label)}"


def consequence(entry: Entry, club_key: str | None = None) -> str:
    """What came next, from the asked club's point of view when one is given ("" if unknown)."""
    tie = entry.tie
    if tie.winner is None:
        return ""
    winner = tie.winner_name
    side = entry.side(club_key) if club_key else None
    lost = side is not None and side != tie.winner
    name = (tie.team1 if side == 1 else (tie.team2 or "")) if lost else ""
    if is_final(entry.round):
        if lost:
            return f"{md(name)} were runners-up; {md(winner)} won {title_of(entry)}."
        return f"{md(winner)} won the final: champions of {title_of(entry)}."
    if lost:
        return f"{md(name)} were eliminated; {md(winner)} {went_on(entry)}."
    return f"{md(winner)} {went_on(entry)}."
