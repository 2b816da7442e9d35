"""Markdown for answers: safe echoes, size-bounded blocks, the small words every answer uses.

Everything the engine shows passes through here so that two promises hold in
one place: text a user typed can never ping anyone or break the layout, and
no answer outgrows what a Discord embed (or a console screen) can show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.domain.names import clip
from bot.wording.answer import Answer, Block, Outcome

ZWSP = "\u200b"
MAX_ECHO = 100
MAX_BODY = 1000
MAX_BLOCKS = 60
MAX_TITLE = 256
MAX_SUMMARY = 4000
MAX_FOOTER = 1000

_MD_SPECIAL = re.compile(r"([\\*_~`|>\[\]#])")
# Control characters and bidirectional overrides/isolates/marks: a name from a document or a
# user must not reorder the text around it (an RLO would flip a whole embed line).
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]+")


@lru_cache(maxsize=16384)
def md(text: str) -> str:
    """Escape Markdown and neutralise mentions (``@everyone``, ``<@1>``) in any shown text."""
    flat = _CONTROL.sub(" ", text)
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("@", "@" + ZWSP).replace("<", "<" + ZWSP)


def echo(text: str) -> str:
    """User input shown back: truncated to ~100 characters, then made harmless."""
    return md(clip(" ".join(text.split()), MAX_ECHO))


def quoted(text: str) -> str:
    return f"'{echo(text)}'"


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
        files=answer.files,
    )


def plural(n: int, word: str) -> str:
    """ "1 tie", "2 ties": counts in answers and reports read as English."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def listing(items: Iterable[str], limit: int = 600) -> str:
    return clip(", ".join(md(i) for i in items), limit)


def or_list(names: Sequence[str]) -> str:
    shown = [md(n) for n in names]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def neutralise(text: str) -> str:
    """Defuse mass mentions and mention syntax (belt and braces over AllowedMentions.none)."""
    return (
        text.replace("@everyone", "@\u200beveryone")
        .replace("@here", "@\u200bhere")
        .replace("<@", "<@\u200b")
        .replace("<#", "<#\u200b")
    )
