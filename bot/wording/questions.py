"""/ask in words: how the question was understood, then the answer of the command it maps to.

The first line names the command as a fan would type it ("Understood as
`/headtohead Al-Ahly "Espérance de Tunis"`"), so the next question can be the
command itself.  A question no phrase reads gets the closest commands, never a
guessed answer.  For "who knocked out X" the line also names the tie X lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from bot.answering.facts import AskFacts, HeadToHeadFacts
from bot.answering.questions.phrasebook import LAST_WIN
from bot.answering.questions.understood import Understood
from bot.answering.table import BY_NAME, Kind
from bot.domain.catalog import Entry, MatchEntry
from bot.domain.models import Season, Side
from bot.wording.answer import Answer, AnswerKind
from bot.wording.i18n.words import Words
from bot.wording.markdown import ZWSP, md, quoted
from bot.wording.ties import season_name

MAX_LOST = 5  # lost ties named on the understood line
EXAMPLES = ("who knocked out Simba in 2012", "Wydad vs Raja", "final 2023-24")
_UNSAFE = re.compile(r"[`\"\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _value(text: str) -> str:
    return " ".join(_UNSAFE.sub(" ", text).split())


def command_line(u: Understood) -> str:
    """The command as typed in the console or Discord: ``/tie "Wydad AC" 2022-23 Final
    competition:CL`` (names with spaces quoted, the competition as a named option)."""
    spec = BY_NAME[u.command]
    parts, named = [f"/{u.command}"], []
    for option in spec.options:
        value = _value(u.option(option.name) or "")
        if not value:
            continue
        if option.kind is Kind.COMPETITION:
            named.append(f"competition:{value}")
        elif option.kind is Kind.ROUND and " " in value:
            named.append(f'round:"{value}"')
        else:
            parts.append(f'"{value}"' if " " in value else value)
    return " ".join(parts + named)


def _code(u: Understood) -> str:
    """The command line shown in a code span (typed text in it can still never ping)."""
    return "`" + command_line(u).replace("@", "@" + ZWSP).replace("<", "<" + ZWSP) + "`"


def _tie_place(entry: Entry, multi: bool) -> str:
    return f"{season_name(entry.season, multi)} · {entry.round.name}"


def _lost_line(u: Understood, multi: bool, w: Words) -> str | None:
    """For "who knocked out X": the tie X lost in the seasons asked, or that the source has none."""
    if u.lost is None or u.club is None:
        return None
    club, season = md(u.club.name), u.option("season")
    if not u.lost:
        if season:
            return w._("The source names no tie that {club} lost in {season}.", club=club,
                       season=md(season))  # fmt: skip
        return w._("The source names no tie that {club} lost.", club=club)
    if len(u.lost) == 1:
        entry = u.lost[0]
        winner = entry.winner_club
        if winner is None:
            return None
        return w._("{club} lost to {opponent}: {tie}.", club=club, opponent=md(winner.name),
                   tie=md(_tie_place(entry, multi)))  # fmt: skip
    ties = [
        w._("{tie} v {opponent}", tie=md(_tie_place(e, multi)), opponent=md(e.winner_club.name))
        if e.winner_club is not None
        else md(_tie_place(e, multi))
        for e in u.lost[:MAX_LOST]
    ]
    more = len(u.lost) - MAX_LOST
    text = w.ngettext("{club} lost {n} tie in the source: {ties}", "{club} lost {n} ties in the "
                      "source: {ties}", len(u.lost), club=club, ties=w.listing(ties))  # fmt: skip
    if more > 0:
        text += " " + w.ngettext("(and {n} more)", "(and {n} more)", more)
    return text + "."


def understood_call(answer: Answer) -> tuple[str, dict[str, str | None]] | None:
    """The command an /ask answer was understood as, with every option of it (None where not
    given), for adapters: picking one of the clubs of a "which one?" answer re-runs it."""
    found = answer.query.get("understood")
    if not isinstance(found, Mapping) or found.get("command") not in BY_NAME:
        return None
    given = found.get("options")
    given = given if isinstance(given, Mapping) else {}
    spec = BY_NAME[found["command"]]
    return spec.name, {o.name: given.get(o.name) for o in spec.options}


def _last_win(f: AskFacts, multi: bool, w: Words) -> str | None:
    """For "when did X last beat Y": the latest tie or group match X won against Y."""
    h2h = f.answer
    if f.understood is None or f.understood.focus != LAST_WIN:
        return None
    if not isinstance(h2h, HeadToHeadFacts):
        return None
    a, b = h2h.a, h2h.b
    found: list[tuple[tuple[int, ...], str]] = [
        (_when(e.season, e.round.order), _tie_place(e, multi))
        for e in h2h.met
        if e.winner_club is not None and e.winner_club.key == a.key
    ]
    for m in h2h.matches:
        if _won_match(m, a.key):
            day = m.match.date
            place = f"{season_name(m.season, multi)} · {m.round.name}"
            place += f" ({w.date(day)})" if day is not None else ""
            found.append((_when(m.season, m.round.order, day, m.match.line), place))
    if not found:
        return w._("The source names no win of {club} over {opponent}.", club=md(a.name),
                   opponent=md(b.name))  # fmt: skip
    return w._("{club} last beat {opponent}: {tie}.", club=md(a.name), opponent=md(b.name),
               tie=md(max(found)[1]))  # fmt: skip


def _when(season: Season, order: int, day: date | None = None, line: int = 0) -> tuple[int, ...]:
    """When a tie or match was played, as far as the source says: season, round, day, line."""
    return season.end_year, season.start_year, order, day.toordinal() if day else 0, line


def _won_match(m: MatchEntry, key: str) -> bool:
    side, leg = m.side(key), m.match
    if side is None or leg.home_goals is None or leg.away_goals is None:
        return False
    mine, theirs = (leg.home_goals, leg.away_goals) if side is Side.ONE else (
        leg.away_goals, leg.home_goals)  # fmt: skip
    return mine > theirs


def ask_answer(f: AskFacts, inner: Answer | None, multi: bool, w: Words) -> Answer:
    """The answer to a question: the understood line and the command's answer, or the closest
    commands when the question maps to none."""
    if not f.question:
        examples = w.or_list([f"`{e}`" for e in EXAMPLES])
        return Answer("ask", w._("Ask a question"), w._(
            "Ask in plain words, for example {examples}.", examples=examples),
            kind=AnswerKind.INVALID)  # fmt: skip
    u = f.understood
    if u is None or inner is None:
        lines = [w._("I could not read {question} as a question I know.",
                     question=quoted(f.question, w))]  # fmt: skip
        offered = [s for s in f.suggestions if s.command != "help"]
        if offered:
            lines.append(w._("Closest commands: {commands}", commands=w.listing(
                _code(s) for s in offered)))  # fmt: skip
        lines.append(w._("Type {command} to see every command, with examples.",
                         command="`/help`"))  # fmt: skip
        return Answer(
            "ask",
            w._("Not understood"),
            "\n".join(lines),
            kind=AnswerKind.NOT_FOUND,
            query={"question": f.question, "suggestions": [command_line(s) for s in offered]},
        )
    said = [w._("Understood as {command}.", command=_code(u))]
    said += [line for line in (_lost_line(u, multi, w), _last_win(f, multi, w)) if line]
    understood = {"line": command_line(u), "command": u.command, "options": dict(u.options),
                  "lang": u.lang}  # fmt: skip
    summary = "\n".join([*said, inner.summary] if inner.summary else said)
    return replace(inner, summary=summary, query={**inner.query, "understood": understood})
