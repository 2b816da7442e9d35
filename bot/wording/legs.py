"""One leg in words: ``17 Feb 2014 · **CARA Brazzaville** 4–1 Al-Malakia`` and its scorers.

Bold means "won" everywhere in an answer, so a drawn leg has no bold name;
the home team is always first, as the source lists it.
"""

from __future__ import annotations

from bot.domain.models import Goal, Leg, LegStatus
from bot.wording.markdown import md

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_text(leg: Leg) -> str | None:
    if leg.date is None:
        return None
    return f"{leg.date.day} {_MONTHS[leg.date.month - 1]} {leg.date.year}"


def ordinal(n: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")
    return f"{n}{suffix}"


def _shootout(leg: Leg) -> str:
    """ "Al Ahly SC won 4–3 on penalties" for a match's own shoot-out (home-away order)."""
    if leg.penalties is None:
        return ""
    home, away = leg.penalties
    if home == away:
        return f"penalties {home}–{away}"
    winner = leg.home if home > away else leg.away
    return f"{md(winner)} won {max(home, away)}–{min(home, away)} on penalties"


def leg_line(leg: Leg, number: int, single: bool = False) -> str:
    """The leg line: home team first, leg winner in bold; awarded, extra time, shoot-out said.

    Bold means "won" everywhere in an answer, so a drawn leg has no bold name.
    ``single``: the tie is one match, so an undated line says "Match", not "1st leg".
    """
    when = date_text(leg) or ("Match" if single else f"{ordinal(number)} leg")
    home, away = md(leg.home), md(leg.away)
    scored = leg.home_goals is not None and leg.away_goals is not None
    if leg.status is LegStatus.CANCELLED:
        return f"{when} · {home} v {away} — cancelled, not played"
    if leg.status is LegStatus.ABANDONED:
        at = f" at {leg.home_goals}–{leg.away_goals}" if scored else ""
        return f"{when} · {home} v {away} — abandoned{at}; the source gives no result"
    if leg.home_goals is None or leg.away_goals is None:
        shootout = _shootout(leg)
        if shootout:
            return f"{when} · {home} v {away} — score not given in the source; {shootout}"
        return f"{when} · {home} v {away} — score not given in the source"
    if leg.home_goals > leg.away_goals:
        home = f"**{home}**"
    elif leg.away_goals > leg.home_goals:
        away = f"**{away}**"
    extras = []
    if leg.status is LegStatus.AWARDED:
        extras.append("awarded")
    if leg.extra_time:
        extras.append("after extra time")
    if leg.penalties is not None:
        extras.append(_shootout(leg))
    tail = f" ({'; '.join(extras)})" if extras else ""
    return f"{when} · {home} {leg.home_goals}–{leg.away_goals} {away}{tail}"


def _goal_text(goal: Goal) -> str:
    tag = "(pen.)" if goal.penalty else ("(o.g.)" if goal.own_goal else "")
    if goal.minute is None:
        return tag
    extra = f"+{goal.added_time}" if goal.added_time else ""
    return f"{goal.minute}{extra}'" + (f" {tag}" if tag else "")


def scorer_lines(leg: Leg) -> list[str]:
    """One line per scoring team: ``› CARA Brazzaville: Mbon 9', Baleckita 39', Mukedi``.

    Consecutive goals by one player are merged ("Wanga 46', 89'") as the source writes them.
    """
    by_team: dict[str, list[list[str]]] = {}
    for goal in leg.goals:
        entries = by_team.setdefault(goal.team, [])
        minute = _goal_text(goal)
        if entries and entries[-1][0] == goal.player:
            if minute:
                entries[-1].append(minute)
        else:
            entries.append([goal.player, *([minute] if minute else [])])
    lines = []
    for team, entries in by_team.items():
        scorers = ", ".join(
            md(e[0]) + (" " + ", ".join(e[1:]) if len(e) > 1 else "") for e in entries
        )
        lines.append(f"› {md(team)}: {scorers}")
    return lines
