"""Polite refusals: one sentence per reason a question could not be answered.

Every text a user typed is echoed through ``quoted`` (cut, escaped, unable
to ping); each refusal says what *is* loaded so the next try can succeed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.answering import facts as F
from bot.answering.methods import ASKABLE
from bot.wording.answer import Answer, AnswerKind
from bot.wording.guide import help_blocks
from bot.wording.markdown import listing, md, or_list, quoted

TITLES = {
    AnswerKind.INVALID: "I could not read that",
    AnswerKind.NOT_FOUND: "Nothing found",
    AnswerKind.AMBIGUOUS: "Which one?",
}
# The ways /decided accepts, as the list a refusal offers ("aggregate, away goals, …").
METHOD_CHOICES = ", ".join(m.value.replace("_", " ") for m in ASKABLE)
LINE_PROBLEMS = {
    "too_long": "That line is too long ({count} characters; 500 at most).",
    "empty": "The line is empty.",
    "no_command": "No command given.",
    "unclosed_quote": "A quote is not closed. Put club names in matching quotes.",
    "no_club": "Which club? For example: /{command} Simba 2012",
    "too_many_words": "Too many words: put each club name in quotes.",
    "two_clubs": 'Name two clubs, e.g. /headtohead ASEC Horoya or /headtohead "A" "B".',
    "no_season": "Which season? For example: /season 2017 playoff",
}


def _no_club(p: F.NoClubGiven) -> tuple[AnswerKind, str]:
    return AnswerKind.INVALID, 'Please name a club, e.g. Simba or "Étoile du Sahel".'


def _unknown_club(p: F.UnknownClub) -> tuple[AnswerKind, str]:
    body = f"No club matches {quoted(p.text)}."
    if p.suggestions:
        body += f" Did you mean {or_list(p.suggestions[:3])}?"
    return AnswerKind.NOT_FOUND, body


def _same_club(p: F.SameClub) -> tuple[AnswerKind, str]:
    text = f"{quoted(p.text_a)} and {quoted(p.text_b)} are both {md(p.club.name)}; name two clubs."
    return AnswerKind.INVALID, text


def _competition(p: F.UnknownCompetition) -> tuple[AnswerKind, str]:
    text = f"No loaded competition matches {quoted(p.text)}."
    if p.several:
        text = f"{quoted(p.text)} fits several competitions."
    return AnswerKind.NOT_FOUND, text + f" Loaded: {listing(p.loaded)}."


def _no_season(p: F.NoSeasonGiven) -> tuple[AnswerKind, str]:
    return AnswerKind.NOT_FOUND, f"Which season? Loaded: {listing(p.loaded)}."


def _season(p: F.UnknownSeason) -> tuple[AnswerKind, str]:
    text = f"No loaded season matches {quoted(p.text)}. Seasons: {listing(p.loaded)}."
    return AnswerKind.NOT_FOUND, text


def _round(p: F.UnknownRound) -> tuple[AnswerKind, str]:
    where = f" in {md(p.label)}" if p.label else ""
    text = f"No round{where} matches {quoted(p.text)}. Rounds: {listing(p.names)}."
    return AnswerKind.NOT_FOUND, text


def _no_ties(p: F.NoTies) -> tuple[AnswerKind, str]:
    where = " and ".join(x for x in (md(p.label or ""), md(p.round_name or "")) if x)
    body = f"The source has no tie of {md(p.club.name)}" + (f" in {where}." if where else ".")
    if p.seasons:
        body += f" Seasons with {md(p.club.name)}: {listing(reversed(p.seasons))}."
    return AnswerKind.NOT_FOUND, body


def _method(p: F.UnknownMethod) -> tuple[AnswerKind, str]:
    if not p.text.strip():
        return (
            AnswerKind.NOT_FOUND,
            f"Which way of deciding a tie? Choose one of: {METHOD_CHOICES}.",
        )
    text = f"I don't know the method {quoted(p.text)}. Choose one of: {METHOD_CHOICES}."
    return AnswerKind.NOT_FOUND, text


def _command(p: F.UnknownCommand) -> tuple[AnswerKind, str]:
    return AnswerKind.INVALID, f"I don't know the command {quoted(p.word)}. These are the commands:"


def _line(p: F.BadLine) -> tuple[AnswerKind, str]:
    if p.problem == "not_text":
        return AnswerKind.INVALID, "Please type a command, e.g. /tie Simba 2012."
    text = LINE_PROBLEMS[p.problem].format(count=p.count, command=p.command)
    return AnswerKind.INVALID, f"{text} Type /help for examples."


_SAY: dict[type, Callable[[Any], tuple[AnswerKind, str]]] = {
    F.NoClubGiven: _no_club,
    F.UnknownClub: _unknown_club,
    F.SameClub: _same_club,
    F.UnknownCompetition: _competition,
    F.NoSeasonGiven: _no_season,
    F.UnknownSeason: _season,
    F.UnknownRound: _round,
    F.NoTies: _no_ties,
    F.UnknownMethod: _method,
    F.UnknownCommand: _command,
    F.BadLine: _line,
}


def refusal_answer(r: F.Refusal) -> Answer:
    """The Answer for a Refusal: an AMBIGUOUS question with candidates, or a polite "no"."""
    p = r.problem
    if isinstance(p, F.AmbiguousClub):
        body = f"{quoted(p.text)} fits several clubs: {listing(p.candidates, 1500)}."
        return Answer(
            r.command,
            "Which club?",
            summary=body + " Which one do you mean?",
            kind=AnswerKind.AMBIGUOUS,
            candidates=p.candidates,
            ambiguous_option=p.option,
            query=r.query.as_dict(),
        )
    kind, text = _SAY[type(p)](p)
    return Answer(
        r.command,
        TITLES[kind],
        summary=text,
        blocks=tuple(help_blocks()) if isinstance(p, F.UnknownCommand) else (),
        kind=kind,
        query=r.query.as_dict(),
    )
