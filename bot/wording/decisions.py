"""How a tie was decided and what came next, in words, from only what the source states.

Fans ask "why did they go through?"; the answer is the two-legged rule chain
(aggregate → away goals → penalties) or a walkover/withdrawal.  Scores the
source does not give are said to be missing, never guessed.
"""

from __future__ import annotations

from bot.answering.analysis import NextKind, fold, next_stage
from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Season, Tie
from bot.domain.score import aggregate, away_goals, for_winner
from bot.wording.markdown import lower_first, md, plural

GROUP_STAGE = "the group stage"


METHOD_WORDS: dict[DecidedBy, str] = {
    DecidedBy.AGGREGATE: "on aggregate",
    DecidedBy.AWAY_GOALS: "on away goals",
    DecidedBy.PENALTIES: "by a penalty shoot-out",
    DecidedBy.WALKOVER: "by a walkover",
    DecidedBy.WITHDRAWAL: "by a withdrawal",
}


def _played_legs_text(tie: Tie) -> str:
    """E.g. "Djoliba had won the first leg 2–0" for a tie stopped after a played leg."""
    played = [leg for leg in tie.legs if leg.played and leg.home_goals is not None]
    parts = []
    for number, leg in enumerate(tie.legs, start=1):
        if leg not in played or leg.home_goals is None or leg.away_goals is None:
            continue
        which = {1: "first", 2: "second"}.get(number, f"leg {number}")
        if leg.home_goals == leg.away_goals:
            parts.append(f"the {which} leg had ended {leg.home_goals}–{leg.away_goals}")
        else:
            home_won = leg.home_goals > leg.away_goals
            winner = leg.home if home_won else leg.away
            high, low = max(leg.home_goals, leg.away_goals), min(leg.home_goals, leg.away_goals)
            parts.append(f"{md(winner)} had won the {which} leg {high}–{low}")
    return "; ".join(parts)


def decision(tie: Tie) -> str:
    """One sentence, winner in bold: how the tie was decided under the rules."""
    winner = f"**{md(tie.winner_name)}**"
    loser_raw = tie.loser_name
    agg = aggregate(tie)
    level = f"{agg[0]}–{agg[1]} on aggregate" if agg else "Level on aggregate (score not given)"
    if tie.decided_by is DecidedBy.AGGREGATE:
        if agg is None:
            return f"{winner} won on aggregate (score not given)"
        high, low = for_winner(agg, tie)
        if tie.single_match:
            return f"{winner} won {high}–{low} (single match)"
        return f"{winner} won {high}–{low} on aggregate"
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
        legs = _played_legs_text(tie)
        return f"{text}; {legs}" if legs else text
    # Withdrawal
    who = md(loser_raw) if loser_raw else "the opponent (not named in the source)"
    text = f"{winner} advanced after {who} withdrew"
    if reason and fold(reason) not in {"after withdrew", f"after {fold(loser_raw or '')} withdrew"}:
        text += f" ({reason})"
    legs = _played_legs_text(tie)
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
    """Where the winner went, in words: "the first round", "the group stage"."""
    found = next_stage(season, round_order, tie)
    if found.kind is NextKind.ROUND:
        return f"the {lower_first(found.name)}"
    if found.kind is NextKind.STATED:
        stated = found.name
        return stated if fold(stated).startswith("the ") else f"the {lower_first(stated)}"
    return GROUP_STAGE


def went_on(entry: Entry) -> str:
    """ "advanced to the first round" or "qualified for the group stage"."""
    stage = stage_text(entry.season, entry.round.order, entry.tie)
    if "group" in fold(stage):
        return f"qualified for {md(stage)}"
    return f"advanced to {md(stage)}"


def consequence(entry: Entry, club_key: str | None = None) -> str:
    """What came next, from the asked club's point of view when one is given."""
    winner = entry.tie.winner_name
    side = entry.side(club_key) if club_key else None
    if side is not None and side != entry.tie.winner:
        name = entry.tie.team1 if side == 1 else (entry.tie.team2 or "")
        return f"{md(name)} were eliminated; {md(winner)} {went_on(entry)}."
    return f"{md(winner)} {went_on(entry)}."
