"""Polite refusals: one sentence per reason a question could not be answered, in any language.

Every text a user typed is echoed through ``quoted`` (cut, escaped, unable
to ping); each refusal says what *is* loaded so the next try can succeed.
Every sentence is a catalog message of the ``Words`` given (English by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.answering import problems as P
from bot.answering.methods import ASKABLE
from bot.answering.preferences import UnknownChoice
from bot.domain.competitions import competition_named
from bot.wording.answer import Answer, AnswerKind, Block
from bot.wording.guide import help_blocks
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import listing, md, quoted
from bot.wording.readings import (
    ambiguous_club,
    beyond_source,
    season_not_club,
    two_seasons,
    unknown_club,
)


def N_(message: str) -> str:
    """Marks a message for the catalogs where it is declared; ``w._`` translates it when shown."""
    return message


TITLES = {
    AnswerKind.INVALID: N_("I could not read that"),
    AnswerKind.NOT_FOUND: N_("Nothing found"),
    AnswerKind.AMBIGUOUS: N_("Which one?"),
}
# The ways /decided accepts, as typed (the values the engine reads, not translated).
METHODS = tuple(m.value.replace("_", " ") for m in ASKABLE)
LINE_PROBLEMS = {
    "empty": N_("The line is empty."),
    "no_command": N_("No command given."),
    "unclosed_quote": N_("A quote is not closed. Put club names in matching quotes."),
    "no_club": N_("Which club? For example: {example}"),
    "too_many_words": N_("Too many words: put each club name in quotes."),
    "two_clubs": N_("Name two clubs, e.g. {example} or {other}."),
    "no_season": N_("Which season? For example: {example}"),
}
# Command lines are values, not words: typed as they are in every language (and isolated
# in Arabic, so "/tie Simba 2012" keeps its order in a right-to-left sentence).
EXAMPLES = {
    "no_club": ("/{command} Simba 2012", ""),
    "two_clubs": ("/headtohead ASEC Horoya", '/headtohead "A" "B"'),
    "no_season": ("/season 2017 playoff", ""),
}
Said = tuple[AnswerKind, str]


def _no_club(p: P.NoClubGiven, w: Words) -> Said:
    return AnswerKind.INVALID, w._(
        "Please name a club, e.g. {a} or {b}.", a="Simba", b='"Étoile du Sahel"'
    )


def _same_club(p: P.SameClub, w: Words) -> Said:
    text = w._("{a} and {b} are both {club}; name two clubs.", a=quoted(p.text_a, w),
               b=quoted(p.text_b, w), club=md(p.club.name))  # fmt: skip
    return AnswerKind.INVALID, text


def _competition(p: P.UnknownCompetition, w: Words) -> Said:
    text = w._("No loaded competition matches {text}.", text=quoted(p.text, w))
    if p.several:
        text = w._("{text} fits several competitions.", text=quoted(p.text, w))
    loaded = listing((_with_short(n) for n in p.loaded), w=w)
    return AnswerKind.NOT_FOUND, text + " " + w._("Loaded: {names}.", names=loaded)


def _with_short(name: str) -> str:
    """ "CAF Champions League (CL)": the short form a fan can type instead."""
    found = competition_named(name)
    return f"{name} ({found.short})" if found is not None and found.name == name else name


def _no_season(p: P.NoSeasonGiven, w: Words) -> Said:
    if p.club is not None:
        name = md(p.club.name)
        if not p.loaded:
            return AnswerKind.NOT_FOUND, w._(
                "Which season? The source has no group stage of {club}.", club=name
            )
        return AnswerKind.NOT_FOUND, w._("Which season? Group stages of {club}: {seasons}.",
                                         club=name, seasons=listing(p.loaded, w=w))  # fmt: skip
    return AnswerKind.NOT_FOUND, w._("Which season? Loaded: {seasons}.",
                                     seasons=listing(p.loaded, w=w))  # fmt: skip


def _season(p: P.UnknownSeason, w: Words) -> Said:
    text = w._("No loaded season matches {text}. Seasons: {seasons}.", text=quoted(p.text, w),
               seasons=listing(p.loaded, w=w))  # fmt: skip
    return AnswerKind.NOT_FOUND, text


def _round(p: P.UnknownRound, w: Words) -> Said:
    text, names = quoted(p.text, w), listing(p.names, w=w)
    if p.label:
        said = w._("No round in {season} matches {text}. Rounds: {names}.", season=md(p.label),
                   text=text, names=names)  # fmt: skip
    else:
        said = w._("No round matches {text}. Rounds: {names}.", text=text, names=names)
    return AnswerKind.NOT_FOUND, said


def _no_ties(p: P.NoTies, w: Words) -> Said:
    club, rnd = md(p.club.name), md(p.round_name or "")
    season = " ".join(md(x) for x in (p.competition, p.label) if x)
    if season and rnd:
        body = w._("The source has no tie of {club} in {season} and {round}.", club=club,
                   season=season, round=rnd)  # fmt: skip
    elif season or rnd:
        body = w._("The source has no tie of {club} in {where}.", club=club, where=season or rnd)
    else:
        body = w._("The source has no tie of {club}.", club=club)
    if p.seasons:
        seasons = listing(reversed(p.seasons), w=w)
        if p.competition:
            body += " " + w._("Seasons with {club} in {competition}: {seasons}.", club=club,
                              competition=md(p.competition), seasons=seasons)  # fmt: skip
        else:
            body += " " + w._("Seasons with {club}: {seasons}.", club=club, seasons=seasons)
    return AnswerKind.NOT_FOUND, body


def _method(p: P.UnknownMethod, w: Words) -> Said:
    methods = listing(METHODS, w=w)
    if not p.text.strip():
        return AnswerKind.NOT_FOUND, w._(
            "Which way of deciding a tie? Choose one of: {methods}.", methods=methods
        )
    text = w._("I don't know the method {text}. Choose one of: {methods}.",
               text=quoted(p.text, w), methods=methods)  # fmt: skip
    return AnswerKind.NOT_FOUND, text


def _no_groups(p: P.NoGroupStage, w: Words) -> Said:
    text = w._("The source has no group stage for {seasons}.", seasons=listing(p.seasons, w=w))
    if p.with_groups:
        text += " " + w._("Seasons with groups: {seasons}.", seasons=listing(p.with_groups, w=w))
    return AnswerKind.NOT_FOUND, text


def _group(p: P.UnknownGroup, w: Words) -> Said:
    text = w._("No group of {season} is called {text}.", season=md(p.label),
               text=quoted(p.text, w))  # fmt: skip
    if p.names:
        text += " " + w._("Groups: {names}.", names=listing(p.names, w=w))
    else:
        text += " " + w._("The source gives its groups no names: name a club in the group instead.")
    return AnswerKind.NOT_FOUND, text


def _not_in_group(p: P.NotInGroup, w: Words) -> Said:
    club = md(p.club.name)
    text = w._("{club} is in no group of {season} in the source.", club=club, season=md(p.label))
    if p.seasons:
        text += " " + w._("Group stages with {club}: {seasons}.", club=club,
                          seasons=listing(p.seasons, w=w))  # fmt: skip
    return AnswerKind.NOT_FOUND, text


def _no_final(p: P.NoFinal, w: Words) -> Said:
    if p.competition:
        return AnswerKind.NOT_FOUND, w._(
            "No final of {competition} is in the loaded sources.", competition=md(p.competition)
        )
    return AnswerKind.NOT_FOUND, w._("No final is in the loaded sources.")


def _command(p: P.UnknownCommand, w: Words) -> Said:
    if p.suggestion:
        return AnswerKind.INVALID, w._("I don't know the command {word}. Did you mean {command}?",
                                       word=quoted(p.word, w),
                                       command=f"/{p.suggestion}")  # fmt: skip
    return AnswerKind.INVALID, w._("I don't know the command {word}. These are the commands:",
                                   word=quoted(p.word, w))  # fmt: skip


def _line(p: P.BadLine, w: Words) -> Said:
    if p.problem == "not_text":
        return AnswerKind.INVALID, w._(
            "Please type a command, e.g. {example}.", example="/tie Simba 2012"
        )
    if p.problem == "too_long":
        problem = w.ngettext("That line is too long ({n} character; 500 at most).",
                             "That line is too long ({n} characters; 500 at most).",
                             p.count)  # fmt: skip
    else:
        example, other = EXAMPLES.get(p.problem, ("", ""))
        example = example.replace("{command}", p.command)
        problem = w._(LINE_PROBLEMS[p.problem], example=example, other=other)
    return AnswerKind.INVALID, w._(
        "{problem} Type {help} for examples.", problem=problem, help="/help"
    )


def _choice(p: UnknownChoice, w: Words) -> Said:
    text, choices = quoted(p.text, w), w.or_list(p.choices)
    if p.option == "language":
        said = w._("I don't know the language {text}. Choose {choices}.", text=text,
                   choices=choices)  # fmt: skip
    elif p.option == "scope":
        said = w._("{text} is not a scope. Choose {choices}.", text=text, choices=choices)
    else:
        said = w._("Replies are {choices}, not {text}.", text=text, choices=choices)
    return AnswerKind.INVALID, said


_SAY: dict[type, Callable[[Any, Words], Said]] = {
    P.NoClubGiven: _no_club,
    P.UnknownClub: unknown_club,
    P.SeasonNotClub: season_not_club,
    P.TwoSeasons: two_seasons,
    P.BeyondSource: beyond_source,
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
    UnknownChoice: _choice,
}


def _command_help(p: P.Problem, w: Words) -> tuple[Block, ...]:
    """The guide with an unknown command: the whole of it, or the command it was a slip of."""
    if not isinstance(p, P.UnknownCommand):
        return ()
    blocks = help_blocks(w)
    if p.suggestion:
        return tuple(b for b in blocks if b.title.split()[0] == f"/{p.suggestion}")
    return tuple(blocks)


def refusal_answer(r: P.Refusal, w: Words = ENGLISH) -> Answer:
    """The Answer for a Refusal: an AMBIGUOUS question with candidates, or a polite "no"."""
    p = r.problem
    if isinstance(p, P.AmbiguousClub):
        body = ambiguous_club(p, w)
        return Answer(
            r.command,
            w._("Which club?"),
            summary=body + " " + w._("Which one do you mean?"),
            kind=AnswerKind.AMBIGUOUS,
            candidates=p.candidates,
            ambiguous_option=p.option,
            query=r.query.as_dict(),
        )
    kind, text = _SAY[type(p)](p, w)
    return Answer(
        r.command,
        w._(TITLES[kind]),
        summary=text,
        blocks=_command_help(p, w),
        kind=kind,
        query=r.query.as_dict(),
    )
