"""The roll of honour in words: each final, its winner and runner-up, and the most titles.

Clubs are named by their canonical names here (a roll counts titles per
club, whatever the spelling of each source); a final the source leaves
undecided is said so and counts for nobody.
"""

from __future__ import annotations

from bot.answering.facts import Roll, WinnersFacts
from bot.domain.catalog import Entry
from bot.wording.answer import Answer, Block
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import cap_blocks, listing, md, plural, split_lines
from bot.wording.rounds import competition_name
from bot.wording.runs import short_result
from bot.wording.sources import footer


def final_line(entry: Entry, w: Words = ENGLISH) -> str:
    """ "2023–24: **Al-Ahly** beat Espérance de Tunis 1–0 on aggregate"."""
    label = md(entry.season.label)
    winner = entry.winner_club
    if winner is None:
        a = md(w.club(entry.club1))
        b = md(w.club(entry.club2)) if entry.club2 else w._("an opponent not named in the source")
        return w._("{season}: {home} v {away} — the source does not say who won the final",
                   season=label, home=a, away=b)  # fmt: skip
    return w._("{season}: {club} {result}", season=label, club=f"**{md(w.club(winner))}**",
               result=short_result(entry, winner.key, w=w))  # fmt: skip


def roll_blocks(roll: Roll, w: Words = ENGLISH) -> list[Block]:
    comp = md(competition_name(roll.competition, w))
    lines = [final_line(e, w) for e in roll.finals]
    if roll.without_final:
        labels = listing((s.label for s in roll.without_final), w=w)
        lines.append(w._("Final not in the source (the documents stop before it): {seasons}",
                         seasons=labels))  # fmt: skip
    empty = [w._("No final in the loaded sources.")]
    blocks = split_lines(w._("{competition} · Finals", competition=comp), lines or empty, w=w)
    if roll.titles:
        most = [
            w._(
                "{club} {n}: {seasons}",
                club=f"**{md(w.club(club))}**",
                n=len(won),
                seasons=listing((s.label for s in won), w=w),
            )
            for club, won in roll.titles
        ]
        blocks += split_lines(w._("{competition} · Titles", competition=comp), most, w=w)
    return blocks


def winners_summary(f: WinnersFacts, w: Words = ENGLISH) -> str:
    parts = []
    for roll in f.rolls:
        comp = md(competition_name(roll.competition, w))
        if not roll.finals:
            parts.append(w._("{competition}: no final in the loaded sources.", competition=comp))
            continue
        decided = [e for e in roll.finals if e.winner_club is not None]
        said = [w._("{competition}: {finals} in the sources", competition=comp,
                    finals=plural(len(roll.finals), "final", w))]  # fmt: skip
        if roll.titles:
            won = roll.titles[0][1]
            level = [c for c, t in roll.titles if len(t) == len(won)]
            who = listing((w.club(c) for c in level), w=w)
            said.append(w._("most titles: {clubs} ({n})", clubs=who, n=len(won)))
        if len(decided) < len(roll.finals):
            said.append(w.ngettext("{n} not decided in the source",
                                   "{n} not decided in the source",
                                   len(roll.finals) - len(decided)))  # fmt: skip
        parts.append(w.clauses(said) + ".")
    return "\n".join(parts)


def winners_answer(f: WinnersFacts, w: Words = ENGLISH) -> Answer:
    """/winners: one roll of honour per competition."""
    blocks = [b for roll in f.rolls for b in roll_blocks(roll, w)]
    finals = tuple(e for roll in f.rolls for e in roll.finals)
    if len(f.rolls) == 1:
        title = w._("Winners · {competition}",
                    competition=md(competition_name(f.rolls[0].competition, w)))  # fmt: skip
    else:
        title = w._("Winners")
    return Answer(
        "winners",
        title,
        winners_summary(f, w),
        cap_blocks(blocks, what="finals", w=w),
        footer((e.season for e in finals), w),
        ties=finals,
        query=f.query.as_dict(),
    )
