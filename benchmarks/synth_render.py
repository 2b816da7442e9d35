"""Render a synthetic season in one of the four real documents' own styles.

The sentences, separators and section furniture are copied from
``data/seasons/*.txt`` so the parser sees what it sees in production:
2012 (summary lines only), 2014 (dated legs, indented scorer lines),
2017 (legs with FIFA codes), 2023-24 (legs without codes).
"""

from __future__ import annotations

import datetime as dt

from benchmarks.synth import SynthLeg, SynthRound, SynthSeason, SynthTie
from bot.domain.models import DecidedBy

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight")


def _num(n: int) -> str:
    return _WORDS[n] if n < len(_WORDS) else str(n)


def _date(day: dt.date, year: bool = True) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _window(span: tuple[dt.date, dt.date], year: bool = True) -> str:
    """'7–9 February 2014', '28 February – 2 March 2014', or without the year (2012 style)."""
    a, b = span
    tail = f" {b.year}" if year else ""
    if a.month == b.month:
        return f"{a.day}–{b.day} {_MONTHS[b.month - 1]}{tail}"
    sep = " – " if year else "–"
    return f"{_date(a, False)}{sep}{_date(b, False)}{tail}"


def _neighbours(season: SynthSeason) -> tuple[str, str]:
    if "–" in season.label:
        y = season.year
        return f"{y - 1}–{y % 100:02d}", f"{y + 1}–{(y + 2) % 100:02d}"
    return str(season.year - 1), str(season.year + 1)


def _header(season: SynthSeason) -> list[str]:
    prev, nxt = _neighbours(season)
    name = f"{season.label} {season.competition}"
    first = season.rounds[0].first_window[0]
    last = season.rounds[-1].second_window[1]
    lines = [
        f"= {name} qualifying rounds =",
        "",
        "Infobox",
        f"- Tourney Name: {season.competition} qualifying rounds",
        f"- Year: {season.label}",
        f"- Prevseason: {prev}",
        f"- Nextseason: {nxt}",
        "",
    ]
    if season.style == "summary":
        y = season.year - 1
        return [
            *lines,
            f"The {name} qualifying rounds decided the eight teams which played in the group "
            "stage.",
            "",
            f"The schedule for the tournament was released in October {y}, and the draw for the "
            f"first three rounds was held in Cairo on 9 December {y}.",
            "",
            "Qualification ties were decided over two legs, with aggregate goals used to determine "
            "the winner. If the sides were level on aggregate after the second leg, the away goals "
            "rule was applied, and if still level, the tie proceeded directly to a penalty "
            "shootout (no extra time was played).",
            "",
        ]
    teams = 2 * len(season.rounds[0].ties) + sum(r.byes for r in season.rounds[1:])
    lines += [
        f"The {name} qualifying rounds were played from {_date(first)} to {_date(last)}. "
        f"A total of {teams} teams competed in the qualifying rounds.",
        "",
        "==Draw==",
        f"The draw for the qualifying rounds was held on 16 December {season.year - 1} in Cairo, "
        "Egypt. The entry round of each team was determined by their ranking points.",
        "",
        "| Entry round | Byes | Entrants |",
        "",
        "==Format==",
        "Qualification ties were played on a home-and-away two-legged basis. If the sides were "
        "level on aggregate after the second leg, the away goals rule was applied, and if still "
        "level, the tie proceeded directly to a penalty shoot-out (no extra time was played).",
        "",
        "==Schedule==",
    ]
    if season.style == "plain":
        draw = f"25 July {season.year}"
        lines += [
            "The schedule of the competition was as follows.",
            "",
            f"  - Schedule for the {name} qualifying rounds**",
            "",
            "| Round | Draw date | First leg | Second leg |",
        ]
        rows = [
            f"| {r.name} | {draw} | {_window(r.first_window)} | {_window(r.second_window)} |"
            for r in season.rounds
        ]
    else:
        lines += [
            "The schedule of each round was as follows.",
            "",
            "| Round | First leg | Second leg |",
        ]
        rows = [
            f"| {r.name} | {_window(r.first_window)} | {_window(r.second_window)} |"
            for r in season.rounds
        ]
    return [*lines, *rows, ""]


def _prose(season: SynthSeason, index: int) -> str:
    rnd = season.rounds[index]
    n = len(rnd.ties)
    style = season.style
    prev = season.rounds[index - 1].name.lower() if index else ""
    if index == 0:
        if style == "summary":
            return (
                f"This was a knock-out stage of the {2 * n} teams that did not receive byes to "
                f"the {rnd.next_name}."
            )
        if style == "plain":
            return (
                f"The first round, also called the first preliminary round, included the {2 * n} "
                f"teams that did not receive byes to the {rnd.next_name}."
            )
        return (
            f"The {rnd.name.lower()} included the {2 * n} teams that did not receive byes to "
            f"the {rnd.next_name}."
        )
    won = n * 2 - rnd.byes
    if rnd.name == "Play-off round":
        if style == "summary":
            return (
                f"This was a knock-out stage of {2 * n} teams: the {_num(won)} teams that "
                f"advanced from the {prev}, and the {_num(rnd.byes)} teams that were eliminated "
                f"in the CAF Champions League {prev}. Winners advanced to the group stage."
            )
        return (
            f"The play-off round included {2 * n} teams: the {_num(won)} winners of the "
            f"Confederation Cup {prev} and the {_num(rnd.byes)} losers of the Champions League "
            f"{prev}."
        )
    if rnd.byes:
        if style == "summary":
            return (
                f"This was a knock-out stage of {2 * n} teams; the {won} teams advancing from the "
                f"{prev}, and {rnd.byes} teams that received byes into this round."
            )
        if style == "plain":
            return (
                f"The second round, also called the second preliminary round, included {2 * n} "
                f"teams: the {rnd.byes} teams that received byes to this round, and the {won} "
                "winners of the first round."
            )
        return (
            f"The {rnd.name.lower()} included {2 * n} teams: the {won} winners of the {prev}, "
            f"and the {rnd.byes} teams that received byes to this round."
        )
    if style == "summary":
        return (
            f"This was a knock-out stage of the {2 * n} teams that advanced from the {prev}; "
            f"winners advanced to the {rnd.next_name}."
        )
    return f"The {rnd.name.lower()} included the {2 * n} winners of the {prev}."


def _outcome(style: str, tie: SynthTie, next_name: str) -> str:
    """The summary sentence, in the winner's order for scores."""
    w = tie.winner_as_stated or tie.winner_club.name
    loser = tie.loser_club.name
    agg = tie.aggregate
    a, b = (0, 0) if agg is None else (agg if tie.winner == 1 else (agg[1], agg[0]))
    old = style in ("summary", "scorers")
    tail = f" and advanced to the {next_name}." if old else "."
    match tie.decided:
        case DecidedBy.WITHDRAWAL:
            return f"{w} advanced to the {next_name} after {loser} withdrew."
        case DecidedBy.WALKOVER:
            return f"{w} won on walkover after {loser} withdrew prior to the second leg."
        case DecidedBy.AGGREGATE:
            return f"{w} won {a}–{b} on aggregate{tail}"
        case DecidedBy.AWAY_GOALS:
            how = "on the away goals rule" if old else "on away goals"
            return f"{a}–{b} on aggregate. {w} won {how}{tail}"
    if old:
        shootout = "the penalty shootout" if style == "summary" else "the penalty shoot-out"
        return f"{a}–{b} on aggregate. {w} won {shootout}{tail}"
    pens = tie.penalties or (0, 0)
    p, q = pens if tie.winner == 1 else (pens[1], pens[0])
    return f"{a}–{b} on aggregate. {w} won {p}–{q} on penalties."


def _leg_line(leg: SynthLeg, codes: bool) -> str:
    score = "Cancelled" if leg.home_goals is None else f"{leg.home_goals}-{leg.away_goals}"
    if codes:
        return f"{leg.home.name} {leg.home.code} {score} {leg.away.code} {leg.away.name}"
    return f"{leg.home.name} {score} {leg.away.name}"


def _tie_lines(style: str, tie: SynthTie, next_name: str, first: bool) -> list[str]:
    outcome = _outcome(style, tie, next_name)
    if style == "summary":
        note = [f"Note: {tie.note}", ""] if tie.note else []
        return ["", *note, outcome]
    if style == "scorers":
        lines: list[str] = []
        for leg in tie.legs:
            lines += [_date(leg.date), _leg_line(leg, True)]
            home, away = leg.scorers
            if home:
                lines.append(f"  {leg.home.name} {leg.home.code}: {', '.join(home)}")
            if away:
                lines.append(f"  {leg.away.code} {leg.away.name}: {', '.join(away)}")
        return [*lines, *([""] if first else []), outcome]
    codes = style == "codes"
    return ["", _leg_line(tie.legs[0], codes), "", _leg_line(tie.legs[1], codes), outcome]


def _round(season: SynthSeason, index: int) -> list[str]:
    rnd: SynthRound = season.rounds[index]
    style = season.style
    lines = [f"=={rnd.name}==", _prose(season, index)]
    if style == "summary":
        lines += [
            "",
            f"First legs: {_window(rnd.first_window, False)}; "
            f"Second legs: {_window(rnd.second_window, False)}.",
        ]
    elif style == "scorers":
        lines += ["", "|}", ""]
    else:
        lines += [f"<section begin={rnd.name} />", "", f"|}}<section end={rnd.name} />"]
    for i, tie in enumerate(rnd.ties):
        if style == "summary" or i:
            lines.append("----")
        lines += _tie_lines(style, tie, rnd.next_name, i == 0)
    return [*lines, ""]


def render(season: SynthSeason) -> str:
    """The whole document text, ending with a newline."""
    lines = _header(season)
    for index in range(len(season.rounds)):
        lines += _round(season, index)
    if season.style == "plain":
        other = (
            "CAF Champions League"
            if "Confederation" in season.competition
            else "CAF Confederation Cup"
        )
        lines += ["==See also==", f"- {season.label} {other} qualifying rounds", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
