"""One leg in words: ``17 Feb 2014 · **CARA Brazzaville** 4–1 Al-Malakia`` and its scorers.

Bold means "won" everywhere in an answer, so a drawn leg has no bold name;
the home team is always first, as the source lists it.  Dates, "1st leg",
"after extra time" and the shoot-out are words of the answer's language.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.models import Goal, Leg, LegStatus
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import md

Namer = Callable[[str], str]
"""A team as the source spells it → the name shown (a curated name in the answer's language)."""


def _as_written(team: str) -> str:
    return md(team)


def date_text(leg: Leg, w: Words = ENGLISH) -> str | None:
    if leg.date is None:
        return None
    return w.short_date(leg.date)


def leg_name(number: int, w: Words = ENGLISH) -> str:
    """ "1st leg" / "match aller" / "1.ª mão" / "مباراة الذهاب"."""
    if number == 1:
        return w._("1st leg")
    if number == 2:
        return w._("2nd leg")
    return w._("{nth} leg", nth=w.ordinal(number))


def ordinal(n: int, w: Words = ENGLISH) -> str:
    return w.ordinal(n)


def score(a: int | None, b: int | None) -> str:
    return f"{a}–{b}"


def _shootout(leg: Leg, w: Words, name: Namer) -> str:
    """ "Al Ahly SC won 4–3 on penalties" for a match's own shoot-out (home-away order)."""
    if leg.penalties is None:
        return ""
    home, away = leg.penalties
    if home == away:
        return w._("penalties {score}", score=score(home, away))
    winner = leg.home if home > away else leg.away
    return w._("{club} won {score} on penalties", club=name(winner),
               score=score(max(home, away), min(home, away)))  # fmt: skip


def leg_line(leg: Leg, number: int, single: bool = False, w: Words = ENGLISH,
             name: Namer = _as_written) -> str:  # fmt: skip
    """The leg line: home team first, leg winner in bold; awarded, extra time, shoot-out said.

    Bold means "won" everywhere in an answer, so a drawn leg has no bold name.
    ``single``: the tie is one match, so an undated line says "Match", not "1st leg".
    """
    when = date_text(leg, w) or (w.pgettext("leg", "Match") if single else leg_name(number, w))
    home, away = name(leg.home), name(leg.away)
    scored = leg.home_goals is not None and leg.away_goals is not None
    if leg.status is LegStatus.CANCELLED:
        return w._("{when} · {home} v {away} — cancelled, not played", when=when, home=home,
                   away=away)  # fmt: skip
    if leg.status is LegStatus.ABANDONED:
        if scored:
            return w._("{when} · {home} v {away} — abandoned at {score}; the source gives no "
                       "result", when=when, home=home, away=away,
                       score=score(leg.home_goals, leg.away_goals))  # fmt: skip
        return w._("{when} · {home} v {away} — abandoned; the source gives no result",
                   when=when, home=home, away=away)  # fmt: skip
    if leg.home_goals is None or leg.away_goals is None:
        shootout = _shootout(leg, w, name)
        if shootout:
            return w._("{when} · {home} v {away} — score not given in the source; {shootout}",
                       when=when, home=home, away=away, shootout=shootout)  # fmt: skip
        return w._("{when} · {home} v {away} — score not given in the source", when=when,
                   home=home, away=away)  # fmt: skip
    if leg.home_goals > leg.away_goals:
        home = f"**{home}**"
    elif leg.away_goals > leg.home_goals:
        away = f"**{away}**"
    extras = []
    if leg.status is LegStatus.AWARDED:
        extras.append(w._("awarded"))
    if leg.extra_time:
        extras.append(w._("after extra time"))
    if leg.penalties is not None:
        extras.append(_shootout(leg, w, name))
    line = w._("{when} · {home} {score} {away}", when=when, home=home, away=away,
               score=score(leg.home_goals, leg.away_goals))  # fmt: skip
    if extras:
        line += " " + w._("({details})", details=w.clauses(extras))
    return line


def _goal_text(goal: Goal, w: Words) -> str:
    tag = w._("(pen.)") if goal.penalty else (w._("(o.g.)") if goal.own_goal else "")
    if goal.minute is None:
        return tag
    extra = f"+{goal.added_time}" if goal.added_time else ""
    return f"{goal.minute}{extra}'" + (f" {tag}" if tag else "")


def scorer_lines(leg: Leg, w: Words = ENGLISH, name: Namer = _as_written) -> list[str]:
    """One line per scoring team: ``› CARA Brazzaville: Mbon 9', Baleckita 39', Mukedi``.

    Consecutive goals by one player are merged ("Wanga 46', 89'") as the source writes them.
    """
    by_team: dict[str, list[list[str]]] = {}
    for goal in leg.goals:
        entries = by_team.setdefault(goal.team, [])
        minute = _goal_text(goal, w)
        if entries and entries[-1][0] == goal.player:
            if minute:
                entries[-1].append(minute)
        else:
            entries.append([goal.player, *([minute] if minute else [])])
    lines = []
    for team, entries in by_team.items():
        scorers = w.separator.join(
            md(e[0]) + (" " + w.separator.join(e[1:]) if len(e) > 1 else "") for e in entries
        )
        lines.append(w._("› {team}: {scorers}", team=name(team), scorers=scorers))
    return lines
