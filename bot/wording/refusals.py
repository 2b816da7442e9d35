"""Polite refusals: one sentence per reason a question could not be answered.

Every text a user typed is echoed through ``quoted`` (cut, escaped, unable
to ping); each refusal says what *is* loaded so the next try can succeed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.answering import problems as P
from bot.answering.methods import ASKABLE
from bot.domain.competitions import competition_named
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


def _no_club(p: P.NoClubGiven) -> tuple[AnswerKind, str]:
    return AnswerKind.INVALID, 'Please name a club, e.g. Simba or "Étoile du Sahel".'


def _unknown_club(p: P.UnknownClub) -> tuple[AnswerKind, str]:
    body = f"No club matches {quoted(p.text)}."
    if p.suggestions:
        body += f" Did you mean {or_list(p.suggestions[:3])}?"
    return AnswerKind.NOT_FOUND, body


def _same_club(p: P.SameClub) -> tuple[AnswerKind, str]:
    text = f"{quoted(p.text_a)} and {quoted(p.text_b)} are both {md(p.club.name)}; name two clubs."
    return AnswerKind.INVALID, text


def _competition(p: P.UnknownCompetition) -> tuple[AnswerKind, str]:
    text = f"No loaded competition matches {quoted(p.text)}."
    if p.several:
        text = f"{quoted(p.text)} fits several competitions."
    return AnswerKind.NOT_FOUND, text + f" Loaded: {listing(_with_short(n) for n in p.loaded)}."


def _with_short(name: str) -> str:
    """ "CAF Champions League (CL)": the short form a fan can type instead."""
    found = competition_named(name)
    return f"{name} ({found.short})" if found is not None and found.name == name else name


def _no_season(p: P.NoSeasonGiven) -> tuple[AnswerKind, str]:
    if p.club is not None:
        name = md(p.club.name)
        if not p.loaded:
            return AnswerKind.NOT_FOUND, f"Which season? The source has no group stage of {name}."
        return AnswerKind.NOT_FOUND, f"Which season? Group stages of {name}: {listing(p.loaded)}."
    return AnswerKind.NOT_FOUND, f"Which season? Loaded: {listing(p.loaded)}."


def _season(p: P.UnknownSeason) -> tuple[AnswerKind, str]:
    text = f"No loaded season matches {quoted(p.text)}. Seasons: {listing(p.loaded)}."
    return AnswerKind.NOT_FOUND, text


def _round(p: P.UnknownRound) -> tuple[AnswerKind, str]:
    where = f" in {md(p.label)}" if p.label else ""
    text = f"No round{where} matches {quoted(p.text)}. Rounds: {listing(p.names)}."
    return AnswerKind.NOT_FOUND, text


def _no_ties(p: P.NoTies) -> tuple[AnswerKind, str]:
    season = " ".join(md(x) for x in (p.competition, p.label) if x)
    where = " and ".join(x for x in (season, md(p.round_name or "")) if x)
    body = f"The source has no tie of {md(p.club.name)}" + (f" in {where}." if where else ".")
    if p.seasons:
        within = f" in {md(p.competition)}" if p.competition else ""
        body += f" Seasons with {md(p.club.name)}{within}: {listing(reversed(p.seasons))}."
    return AnswerKind.NOT_FOUND, body


def _method(p: P.UnknownMethod) -> tuple[AnswerKind, str]:
    if not p.text.strip():
        return (
            AnswerKind.NOT_FOUND,
            f"Which way of deciding a tie? Choose one of: {METHOD_CHOICES}.",
        )
    text = f"I don't know the method {quoted(p.text)}. Choose one of: {METHOD_CHOICES}."
    return AnswerKind.NOT_FOUND, text


def _no_groups(p: P.NoGroupStage) -> tuple[AnswerKind, str]:
    asked = listing(p.seasons)
    text = f"The source has no group stage for {asked}."
    if p.with_groups:
        text += f" Seasons with groups: {listing(p.with_groups)}."
    return AnswerKind.NOT_FOUND, text


def _group(p: P.UnknownGroup) -> tuple[AnswerKind, str]:
    text = f"No group of {md(p.label)} is called {quoted(p.text)}."
    if p.names:
        text += f" Groups: {listing(p.names)}."
    else:
        text += " The source gives its groups no names: name a club in the group instead."
    return AnswerKind.NOT_FOUND, text


def _not_in_group(p: P.NotInGroup) -> tuple[AnswerKind, str]:
    text = f"{md(p.club.name)} is in no group of {md(p.label)} in the source."
    if p.seasons:
        text += f" Group stages with {md(p.club.name)}: {listing(p.seasons)}."
    return AnswerKind.NOT_FOUND, text


def _no_final(p: P.NoFinal) -> tuple[AnswerKind, str]:
    where = f" of {md(p.competition)}" if p.competition else ""
    return AnswerKind.NOT_FOUND, f"No final{where} is in the loaded sources."


def _command(p: P.UnknownCommand) -> tuple[AnswerKind, str]:
    return AnswerKind.INVALID, f"I don't know the command {quoted(p.word)}. These are the commands:"


def _line(p: P.BadLine) -> tuple[AnswerKind, str]:
    if p.problem == "not_text":
        return AnswerKind.INVALID, "Please type a command, e.g. /tie Simba 2012."
    text = LINE_PROBLEMS[p.problem].format(count=p.count, command=p.command)
    return AnswerKind.INVALID, f"{text} Type /help for examples."


_SAY: dict[type, Callable[[Any], tuple[AnswerKind, str]]] = {
    P.NoClubGiven: _no_club,
    P.UnknownClub: _unknown_club,
    P.SameClub: _same_club,
    P.UnknownCompetition: _competition,
    P.NoSeasonGiven: _no_season,
    P.UnknownSeason: _season,
    P.UnknownRound: _round,
    P.NoTies: _no_ties,
    P.UnknownMethod: _method,
    P.UnknownCommand: _command,
    P.BadLine: _line,
    P.NoGroupStage: _no_groups,
    P.UnknownGroup: _group,
    P.NotInGroup: _not_in_group,
    P.NoFinal: _no_final,
}


def refusal_answer(r: P.Refusal) -> Answer:
    """The Answer for a Refusal: an AMBIGUOUS question with candidates, or a polite "no"."""
    p = r.problem
    if isinstance(p, P.AmbiguousClub):
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
        blocks=tuple(help_blocks()) if isinstance(p, P.UnknownCommand) else (),
        kind=kind,
        query=r.query.as_dict(),
    )
