"""Markdown text for answers: safe echoes, leg lines, and size-bounded blocks.

Everything the engine shows passes through here so that two promises hold in
one place: text a user typed can never ping anyone or break the layout, and
no answer outgrows what a Discord embed (or a console screen) can show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.core.answer import Answer, Block, Outcome
from bot.domain.models import Goal, Leg

ZWSP = "\u200b"
MAX_ECHO = 100
MAX_BODY = 1000
MAX_BLOCKS = 60
MAX_TITLE = 256
MAX_SUMMARY = 4000
MAX_FOOTER = 1000
MAX_PAGE = 4000

_MD_SPECIAL = re.compile(r"([\\*_~`|>\[\]#])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=16384)
def md(text: str) -> str:
    """Escape Markdown and neutralise mentions (``@everyone``, ``<@1>``) in any shown text."""
    flat = _CONTROL.sub(" ", text)
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("@", "@" + ZWSP).replace("<", "<" + ZWSP)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def echo(text: str) -> str:
    """User input shown back: truncated to ~100 characters, then made harmless."""
    return md(clip(" ".join(text.split()), MAX_ECHO))


def quoted(text: str) -> str:
    return f"'{echo(text)}'"


def date_text(leg: Leg) -> str | None:
    if leg.date is None:
        return None
    return f"{leg.date.day} {_MONTHS[leg.date.month - 1]} {leg.date.year}"


def ordinal(n: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")
    return f"{n}{suffix}"


def leg_line(leg: Leg, number: int) -> str:
    """``17 Feb 2014 · **CARA Brazzaville** 4–1 Al-Malakia``: home team first, leg winner in bold.

    Bold means "won" everywhere in an answer, so a drawn leg has no bold name.
    """
    when = date_text(leg) or f"{ordinal(number)} leg"
    home, away = md(leg.home), md(leg.away)
    if not leg.played:
        return f"{when} · {home} v {away} — cancelled, not played"
    if leg.home_goals is None or leg.away_goals is None:
        return f"{when} · {home} v {away} — score not given in the source"
    if leg.home_goals > leg.away_goals:
        home = f"**{home}**"
    elif leg.away_goals > leg.home_goals:
        away = f"**{away}**"
    return f"{when} · {home} {leg.home_goals}–{leg.away_goals} {away}"


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


def split_lines(
    title: str, lines: Iterable[str], outcome: Outcome = Outcome.NEUTRAL
) -> list[Block]:
    """Pack lines into as few blocks as fit ``MAX_BODY``; later blocks are titled "(cont.)"."""
    blocks: list[Block] = []
    title = clip(title, MAX_TITLE - 10)
    current: list[str] = []
    size = 0
    for raw in lines:
        line = clip(raw, MAX_BODY)
        if current and size + 1 + len(line) > MAX_BODY:
            blocks.append(
                Block(title if not blocks else f"{title} (cont.)", "\n".join(current), outcome)
            )
            current, size = [], 0
        current.append(line)
        size += len(line) + (1 if size else 0)
    if current or not blocks:
        blocks.append(
            Block(title if not blocks else f"{title} (cont.)", "\n".join(current), outcome)
        )
    return blocks


def cap_blocks(
    blocks: Sequence[Block], hidden_items: int = 0, what: str = "ties"
) -> tuple[Block, ...]:
    """At most ``MAX_BLOCKS`` blocks; the last one says how much was left out and how to narrow."""
    if len(blocks) <= MAX_BLOCKS and not hidden_items:
        return tuple(blocks)
    kept = list(blocks[: MAX_BLOCKS - 1])
    dropped = len(blocks) - len(kept)
    parts = []
    if dropped:
        parts.append(f"{dropped} more section{'s' if dropped != 1 else ''}")
    if hidden_items:
        parts.append(f"{hidden_items} more {what}")
    note = (
        f"Not shown: {' and '.join(parts)}. "
        "Narrow the question with a season, a round or a competition."
    )
    kept.append(Block("More", note))
    return tuple(kept)


def bounded(answer: Answer) -> Answer:
    """The answer with every part clipped to its limit (a last guard; builders aim lower)."""
    blocks = cap_blocks(
        [Block(clip(b.title, MAX_TITLE), clip(b.body, MAX_BODY), b.outcome) for b in answer.blocks]
    )
    return Answer(
        command=answer.command,
        title=clip(answer.title, MAX_TITLE),
        summary=clip(answer.summary, MAX_SUMMARY),
        blocks=blocks,
        footer=clip(answer.footer, MAX_FOOTER),
        kind=answer.kind,
        outcome=answer.outcome,
        ties=answer.ties,
        candidates=answer.candidates,
        ambiguous_option=answer.ambiguous_option,
        query=answer.query,
    )


def pages(answer: Answer, limit: int = MAX_PAGE) -> tuple[str, ...]:
    """The answer's Markdown split into pages of at most ``limit`` characters, at block borders."""
    head = f"**{answer.title}**" + (f"\n\n{answer.summary}" if answer.summary else "")
    foot = f"-# {answer.footer}" if answer.footer else ""
    reserve = len(foot) + 2 if foot else 0
    chunks = [clip(head, limit - reserve)]
    for block in answer.blocks:
        text = f"__{block.title}__\n{block.body}" if block.body else f"__{block.title}__"
        chunks.append(clip(text, limit - reserve))
    out: list[str] = []
    current = ""
    for chunk in chunks:
        if current and len(current) + 2 + len(chunk) + reserve > limit:
            out.append(current + (f"\n\n{foot}" if foot else ""))
            current = ""
        current = f"{current}\n\n{chunk}" if current else chunk
    out.append(current + (f"\n\n{foot}" if foot else ""))
    return tuple(out)


def plural(n: int, word: str) -> str:
    """ "1 tie", "2 ties": counts in answers and reports read as English."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
