"""Who went through a Football.TXT tie, decided from the source and never guessed.

The file states matches only, so the rule is written out here once:
1. a shoot-out decides (the last match that has one);
2. else, when a match was cancelled, abandoned or awarded, it is a walkover: the
   awarded score decides when every other match was played; otherwise the club
   that plays the next round (the first later round naming either club) went
   through, and the note says so;
3. else the score of a single match, the aggregate of two legs, then away goals.
Then every winner is checked against the next round: when the loser plays it and
the winner does not, the source contradicts itself, so the winner is left unknown
and both facts are stated, in the tie's notes and in a warning citing the lines.
A tie the scores leave level (and no shoot-out) is unknown too, and said so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.models import DecidedBy, LegStatus, Side, SourceRef, Tie
from bot.domain.score import Pair, awarded_totals, away_totals, flip, leg_totals
from bot.parsing.footballtxt.draft import Match, Report, Team


@dataclass(frozen=True, slots=True)
class Later:
    """A round after the tie's round: its name and every club in it (with a line)."""

    name: str
    teams: dict[Team, int]


@dataclass(frozen=True, slots=True)
class _Verdict:
    side: Side | None
    how: DecidedBy
    why: str  # the scores in words: "3–1 on aggregate", or why they do not decide
    penalties: Pair | None = None


def _dash(pair: Pair) -> str:
    return f"{pair[0]}–{pair[1]}"


def _high(pair: Pair) -> str:
    """A score with the higher number first, as a result is said ("3–1")."""
    return _dash(max(pair, flip(pair)))


def _lead(pair: Pair) -> Side:
    return Side.ONE if pair[0] > pair[1] else Side.TWO


def _by_scores(matches: Sequence[Match], t1: Team, t2: Team) -> _Verdict:
    legs = [m.leg for m in matches]
    shootouts = [m for m in matches if m.leg.penalties is not None]
    if shootouts:
        last = shootouts[-1]
        pens = last.leg.penalties or (0, 0)
        pens = pens if last.home == t1 else flip(pens)
        if pens[0] == pens[1]:
            return _Verdict(None, DecidedBy.UNKNOWN, "the shoot-out is given as level", pens)
        return _Verdict(_lead(pens), DecidedBy.PENALTIES, f"{_high(pens)} on penalties", pens)
    if any(not leg.played for leg in legs):
        totals = awarded_totals(legs, t1[0], t2[0])
        if totals is None or totals[0] == totals[1]:
            return _Verdict(None, DecidedBy.WALKOVER, "")
        return _Verdict(_lead(totals), DecidedBy.WALKOVER, f"{_high(totals)} with the award")
    totals = leg_totals(legs, t1[0], t2[0])
    if totals is None:
        return _Verdict(None, DecidedBy.UNKNOWN, "a match has no score")
    if len(legs) == 1:
        if totals[0] == totals[1]:
            why = f"the match ended {_high(totals)}, with no shoot-out"
            return _Verdict(None, DecidedBy.UNKNOWN, why)
        return _Verdict(_lead(totals), DecidedBy.SINGLE_MATCH, _high(totals))
    if len(legs) > 2:
        return _Verdict(None, DecidedBy.UNKNOWN, f"the tie has {len(legs)} matches")
    if totals[0] != totals[1]:
        return _Verdict(_lead(totals), DecidedBy.AGGREGATE, f"{_high(totals)} on aggregate")
    away = away_totals(legs, t1[0], t2[0])
    if away is not None and away[0] != away[1]:
        why = f"{_high(totals)} on aggregate, {_high(away)} on away goals"
        return _Verdict(_lead(away), DecidedBy.AWAY_GOALS, why)
    why = f"{_high(totals)} on aggregate and level on away goals, with no shoot-out"
    return _Verdict(None, DecidedBy.UNKNOWN, why)


def _unplayed(matches: Sequence[Match], names: tuple[str, str]) -> str:
    """Why the scores leave a walkover open, in words."""
    parts = [
        f"the {m.leg.status.value} match of line {m.line}"
        for m in matches
        if m.leg.status in (LegStatus.CANCELLED, LegStatus.ABANDONED)
    ]
    if parts:
        return "the source gives no result for " + " and ".join(parts)
    totals = awarded_totals([m.leg for m in matches], *names)
    level = f" ({_dash(totals)})" if totals else ""
    return f"the scores, awards included, leave the tie level{level}"


@dataclass(slots=True)
class _Outcome:
    """A tie's decision as it is being checked: the verdict, the notes, the lines it cites."""

    side: Side | None
    how: DecidedBy
    notes: list[str]
    refs: list[SourceRef]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_next_round(
    out: _Outcome,
    v: _Verdict,
    teams: tuple[Team, Team],
    nxt: Later | None,
    where: str,
    line: int,
    report: Report,
) -> None:
    """A winner by the scores whom the next round contradicts is left unknown, and said so."""
    if out.side is None or nxt is None:
        return
    winner, loser = teams if out.side is Side.ONE else teams[::-1]
    if loser not in nxt.teams or winner in nxt.teams:
        return
    cited = nxt.teams[loser]
    out.refs.append(report.ref(cited))
    out.notes.append(
        f"By the scores {winner[0]} went through ({v.why}), but {loser[0]} plays the next round "
        f"({nxt.name}) and {winner[0]} does not; the source does not say why, so who went "
        "through is left unknown."
    )
    report.warn(
        line,
        f"{where}: by the scores {winner[0]} went through ({v.why}), but {nxt.name} has "
        f"{loser[0]} (line {cited}) and not {winner[0]}; winner left unknown",
    )
    out.side, out.how = None, DecidedBy.UNKNOWN


def _open_walkover(
    out: _Outcome,
    matches: Sequence[Match],
    teams: tuple[Team, Team],
    nxt: Later | None,
    where: str,
    report: Report,
) -> None:
    """A walkover the scores leave open: the club the next round names went through."""
    why = _unplayed(matches, (teams[0][0], teams[1][0]))
    present = [t for t in teams if nxt is not None and t in nxt.teams]
    if nxt is not None and len(present) == 1:
        cited = nxt.teams[present[0]]
        out.refs.append(report.ref(cited))
        out.side = Side.ONE if present[0] == teams[0] else Side.TWO
        out.notes.append(
            f"{_capital(why)}; {present[0][0]} plays the next round ({nxt.name}, line {cited})."
        )
        return
    out.how = DecidedBy.UNKNOWN
    out.notes.append(f"{_capital(why)}, and no later round shows who went through.")
    report.warn(
        matches[0].line,
        f"{where}: {why}, and no later round shows who went through; winner unknown",
    )


def build_tie(
    matches: Sequence[Match], round_name: str, index: int, later: Sequence[Later], report: Report
) -> Tie:
    """One tie from its matches (team1 = the first match's home club), decided and checked."""
    teams = (matches[0].home, matches[0].away)
    names = (teams[0][0], teams[1][0])
    legs = tuple(m.leg for m in matches)
    lines = ", ".join(str(m.line) for m in matches)
    where = f"{round_name}, {names[0]} v {names[1]} (line{'s' * (len(matches) > 1)} {lines})"
    verdict = _by_scores(matches, *teams)
    nxt = next((r for r in later if teams[0] in r.teams or teams[1] in r.teams), None)
    out = _Outcome(verdict.side, verdict.how, [], [report.ref(m.line) for m in matches[1:]])
    totals = leg_totals(legs, *names)
    if out.how is DecidedBy.PENALTIES and totals is not None and totals[0] != totals[1]:
        report.warn(
            matches[0].line,
            f"{where}: a shoot-out after the scores add up to {_dash(totals)}, which is not level",
        )
    if out.side is not None:
        _check_next_round(out, verdict, teams, nxt, where, matches[0].line, report)
    elif out.how is DecidedBy.WALKOVER:
        _open_walkover(out, matches, teams, nxt, where, report)
    else:
        playing = " and ".join(t[0] for t in teams if nxt is not None and t in nxt.teams)
        after = f" The next round ({nxt.name}) has {playing}." if nxt and playing else ""
        out.notes.append(f"The source does not decide this tie: {verdict.why}.{after}")
        report.warn(matches[0].line, f"{where}: {verdict.why}; winner unknown")
    went_on = None if out.side is None else teams[out.side - 1]
    return Tie(
        round_name=round_name,
        index=index,
        team1=names[0],
        team2=names[1],
        winner=out.side,
        decided_by=out.how,
        source=report.ref(matches[0].line),
        code1=teams[0][1],
        code2=teams[1][1],
        legs=legs,
        aggregate=totals,
        penalties=verdict.penalties if out.how is DecidedBy.PENALTIES else None,
        notes=tuple(out.notes),
        advanced_to=nxt.name if nxt is not None and went_on in nxt.teams else None,
        single_match=len(legs) == 1,
        sources=tuple(dict.fromkeys(out.refs)),
    )
