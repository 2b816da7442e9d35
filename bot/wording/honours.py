"""The roll of honour in words: each final, its winner and runner-up, and the most titles.

Clubs are named by their canonical names here (a roll counts titles per
club, whatever the spelling of each source); a final the source leaves
undecided is said so and counts for nobody.
"""

from __future__ import annotations

from bot.answering.facts import Roll, WinnersFacts
from bot.domain.catalog import Entry
from bot.wording.answer import Answer, Block
from bot.wording.markdown import cap_blocks, listing, md, plural, split_lines
from bot.wording.runs import short_result
from bot.wording.sources import footer


def final_line(entry: Entry) -> str:
    """ "2023–24: **Al-Ahly** beat Espérance de Tunis 1–0 on aggregate"."""
    label = md(entry.season.label)
    winner = entry.winner_club
    if winner is None:
        a = md(entry.club1.name)
        b = md(entry.club2.name) if entry.club2 else "an opponent not named in the source"
        return f"{label}: {a} v {b} — the source does not say who won the final"
    return f"{label}: **{md(winner.name)}** {short_result(entry, winner.key)}"


def roll_blocks(roll: Roll) -> list[Block]:
    comp = md(roll.competition)
    lines = [final_line(e) for e in roll.finals]
    if roll.without_final:
        labels = listing(s.label for s in roll.without_final)
        lines.append(f"Final not in the source (the documents stop before it): {labels}")
    blocks = split_lines(f"{comp} · Finals", lines or ["No final in the loaded sources."])
    if roll.titles:
        most = [
            f"**{md(club.name)}** {len(won)}: {listing(s.label for s in won)}"
            for club, won in roll.titles
        ]
        blocks += split_lines(f"{comp} · Titles", most)
    return blocks


def winners_summary(f: WinnersFacts) -> str:
    parts = []
    for roll in f.rolls:
        if not roll.finals:
            parts.append(f"{md(roll.competition)}: no final in the loaded sources.")
            continue
        decided = [e for e in roll.finals if e.winner_club is not None]
        text = f"{md(roll.competition)}: {plural(len(roll.finals), 'final')} in the sources"
        if roll.titles:
            won = roll.titles[0][1]
            level = [c for c, w in roll.titles if len(w) == len(won)]
            who = listing(c.name for c in level)
            text += f"; most titles: {who} ({len(won)})"
        if len(decided) < len(roll.finals):
            text += f"; {len(roll.finals) - len(decided)} not decided in the source"
        parts.append(text + ".")
    return "\n".join(parts)


def winners_answer(f: WinnersFacts) -> Answer:
    """/winners: one roll of honour per competition."""
    blocks = [b for roll in f.rolls for b in roll_blocks(roll)]
    finals = tuple(e for roll in f.rolls for e in roll.finals)
    title = "Winners" + (f" · {md(f.rolls[0].competition)}" if len(f.rolls) == 1 else "")
    return Answer(
        "winners",
        title,
        winners_summary(f),
        cap_blocks(blocks, what="finals"),
        footer(e.season for e in finals),
        ties=finals,
        query=f.query.as_dict(),
    )
