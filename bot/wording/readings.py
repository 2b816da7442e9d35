"""How names were read, in words: notes an answer owes, and the refusals about club names.

An answer names the club it is about; when the fan did not type that club's own
name (a beginning, a typo, initials, or a name that only the season asked leaves
one club for), the answer says how it read it ("'Leopards' taken as AC Léopards,
the only match in 2017"), so a wrong reading can never pass unseen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.answering import problems as P
from bot.answering.query import Note, TakenAs
from bot.wording.answer import Answer, AnswerKind
from bot.wording.i18n.words import Words
from bot.wording.markdown import echo, listing, md, or_list, quoted

Said = tuple[AnswerKind, str]


def note_lines(notes: Iterable[Note], w: Words) -> list[str]:
    """One sentence per note, in the order the inputs were read."""
    lines = []
    for note in notes:
        if isinstance(note, TakenAs):
            text, club = quoted(note.text, w), md(note.club)
            if note.opponent:
                line = w._("{text} taken as {club}, the only match that met {other}.", text=text,
                           club=club, other=md(note.opponent))  # fmt: skip
            elif note.within:
                line = w._("{text} taken as {club}, the only match in {where}.", text=text,
                           club=club, where=md(note.within))  # fmt: skip
            else:
                line = w._("{text} taken as {club}.", text=text, club=club)
        else:
            line = w._("{season} in {text} read as the season.", season=quoted(note.season, w),
                       text=quoted(note.text, w))  # fmt: skip
        lines.append(line)
    return lines


def with_notes(answer: Answer, facts: object, w: Words) -> Answer:
    """``answer`` with the notes of its facts' query first in its summary."""
    query = getattr(facts, "query", None)
    notes = getattr(query, "notes", ())
    if not notes:
        return answer
    summary = "\n".join((*note_lines(notes, w), *([answer.summary] if answer.summary else [])))
    return replace(answer, summary=summary)


def ambiguous_club(p: P.AmbiguousClub, w: Words) -> str:
    names, text = listing(p.candidates, 1500, w), quoted(p.text, w)
    if p.opponent:
        return w._("{text} fits several clubs that met {club}: {names}.", text=text,
                   club=md(p.opponent), names=names)  # fmt: skip
    if p.within:
        return w._("{text} fits several clubs in {where}: {names}.", text=text,
                   where=md(p.within), names=names)  # fmt: skip
    return w._("{text} fits several clubs: {names}.", text=text, names=names)


def unknown_club(p: P.UnknownClub, w: Words) -> Said:
    body = w._("No club matches {text}.", text=quoted(p.text, w))
    if p.suggestions:
        body += " " + w._("Did you mean {names}?", names=or_list(p.suggestions[:3], w))
    if p.season:  # "/tie who won 2017": the season's own command answers that
        body += " " + w._("For the season itself, try {command}.",
                          command=f"/season {echo(p.season.strip())}")  # fmt: skip
    return AnswerKind.NOT_FOUND, body


def season_not_club(p: P.SeasonNotClub, w: Words) -> Said:
    return AnswerKind.INVALID, w._(
        "{text} is a season, not a club: try {command}, or name a club, e.g. {example}.",
        text=quoted(p.text, w),
        command=f"/season {echo(p.text.strip())}",  # typed text: escaped, never a mention
        example=f"/tie Simba {echo(p.text.strip())}",
    )


def two_seasons(p: P.TwoSeasons, w: Words) -> Said:
    return AnswerKind.INVALID, w._(
        "Two seasons were typed, {first} and {second}: ask about one season at a time.",
        first=quoted(p.first, w),
        second=quoted(p.second, w),
    )


def beyond_source(p: P.BeyondSource, w: Words) -> Said:
    return AnswerKind.NOT_FOUND, w._(
        "{club} qualified from {season} for a stage the source does not describe, so it has "
        "nothing for {round}.",
        club=md(p.club.name),
        season=md(p.season),
        round=md(p.round_name),
    )
