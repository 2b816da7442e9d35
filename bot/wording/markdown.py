"""Markdown for answers: safe echoes, size-bounded blocks, the small words every answer uses.

Everything the engine shows passes through here so that two promises hold in
one place: text a user typed can never ping anyone or break the layout, and
no answer outgrows what a Discord embed (or a console screen) can show, in any
language.  The helpers that write words (counts, lists, "(cont.)", "Not shown")
take the ``Words`` of the answer's language, English by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.domain.names import clip
from bot.wording.answer import Answer, Block, Outcome
from bot.wording.i18n.words import ENGLISH, FSI, PDI, Words

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


def quoted(text: str, w: Words = ENGLISH) -> str:
    """User input echoed inside the language's quotation marks: 'Simba', « Simba »."""
    return w.pgettext("quote", "'{text}'", text=echo(text))


def split_lines(
    title: str, lines: Iterable[str], outcome: Outcome = Outcome.NEUTRAL, w: Words = ENGLISH
) -> list[Block]:
    """Pack lines into as few blocks as fit ``MAX_BODY``; later blocks are titled "(cont.)"."""
    blocks: list[Block] = []
    title = clip(title, MAX_TITLE - 10)
    more = w._("{title} (cont.)", title=title)
    current: list[str] = []
    size = 0
    for raw in lines:
        line = clip(raw, MAX_BODY)
        if current and size + 1 + len(line) > MAX_BODY:
            blocks.append(Block(title if not blocks else more, "\n".join(current), outcome))
            current, size = [], 0
        current.append(line)
        size += len(line) + (1 if size else 0)
    if current or not blocks:
        blocks.append(Block(title if not blocks else more, "\n".join(current), outcome))
    return blocks


def cap_blocks(
    blocks: Sequence[Block], hidden_items: int = 0, what: str = "ties", w: Words = ENGLISH
) -> tuple[Block, ...]:
    """At most ``MAX_BLOCKS`` blocks; the last one says how much was left out and how to narrow."""
    if len(blocks) <= MAX_BLOCKS and not hidden_items:
        return tuple(blocks)
    kept = list(blocks[: MAX_BLOCKS - 1])
    dropped = len(blocks) - len(kept)
    parts = []
    if dropped:
        parts.append(w.ngettext("{n} more section", "{n} more sections", dropped))
    if hidden_items:
        parts.append(_more(hidden_items, what, w))
    note = w._(
        "Not shown: {parts}. Narrow the question with a season, a round or a competition.",
        parts=w.and_list(parts),
    )
    kept.append(Block(w._("More"), note))
    return tuple(kept)


def _more(n: int, what: str, w: Words) -> str:
    """ "3 more ties": ``what`` names the hidden items in English (plural)."""
    match what:
        case "ties":
            return w.ngettext("{n} more tie", "{n} more ties", n)
        case "seasons":
            return w.ngettext("{n} more season", "{n} more seasons", n)
        case "opponents":
            return w.ngettext("{n} more opponent", "{n} more opponents", n)
        case "matches":
            return w.ngettext("{n} more match", "{n} more matches", n)
        case "groups":
            return w.ngettext("{n} more group", "{n} more groups", n)
        case "finals":
            return w.ngettext("{n} more final", "{n} more finals", n)
        case "ties and groups":
            return w.ngettext("{n} more tie or group", "{n} more ties and groups", n)
    return f"{w.number(n)} more {what}"  # a kind of item no catalog has yet: English


def bounded(answer: Answer, w: Words = ENGLISH) -> Answer:
    """The answer with every part clipped to its limit (a last guard; builders aim lower)."""
    blocks = cap_blocks(
        [Block(_clip(b.title, MAX_TITLE), _clip(b.body, MAX_BODY), b.outcome)
         for b in answer.blocks],
        w=w,
    )  # fmt: skip
    return Answer(
        command=answer.command,
        title=_clip(answer.title, MAX_TITLE),
        summary=_clip(answer.summary, MAX_SUMMARY),
        blocks=blocks,
        footer=_clip(answer.footer, MAX_FOOTER),
        kind=answer.kind,
        outcome=answer.outcome,
        ties=answer.ties,
        candidates=answer.candidates,
        ambiguous_option=answer.ambiguous_option,
        query=answer.query,
        matches=answer.matches,
        files=answer.files,
        lang=w.lang,
        data=answer.data,
    )


def _clip(text: str, limit: int) -> str:
    """``clip``, closing every isolate a cut left open (an open one would reorder the rest)."""
    cut = clip(text, limit)
    while (missing := cut.count(FSI) - cut.count(PDI)) > 0:
        if len(cut) + missing <= limit:
            return cut + PDI * missing
        cut = clip(text, len(cut) - missing)
    return cut


def plural(n: int, word: str, w: Words = ENGLISH) -> str:
    """ "1 tie", "2 ties", "2 مواجهتان": a count and its noun, in the language's plural form."""
    match word:
        case "tie":
            return w.ngettext("{n} tie", "{n} ties", n)
        case "round":
            return w.ngettext("{n} round", "{n} rounds", n)
        case "season":
            return w.ngettext("{n} season", "{n} seasons", n)
        case "season document":
            return w.ngettext("{n} season document", "{n} season documents", n)
        case "goal":
            return w.ngettext("{n} goal", "{n} goals", n)
        case "away goal":
            return w.ngettext("{n} away goal", "{n} away goals", n)
        case "match":
            return w.ngettext("{n} match", "{n} matches", n)
        case "group match":
            return w.ngettext("{n} group match", "{n} group matches", n)
        case "club":
            return w.ngettext("{n} club", "{n} clubs", n)
        case "group":
            return w.ngettext("{n} group", "{n} groups", n)
        case "leg":
            return w.ngettext("{n} leg", "{n} legs", n)
        case "drawn":
            return w.ngettext("{n} drawn", "{n} drawn", n)
        case "pt":
            return w.ngettext("{n} pt", "{n} pts", n)
        case "final":
            return w.ngettext("{n} final", "{n} finals", n)
        case "document":
            return w.ngettext("{n} document", "{n} documents", n)
    # A noun no catalog has yet ("first round tie"): English, as before.
    return f"{w.number(n)} {word}" if n == 1 else f"{w.number(n)} {word}s"


def listing(items: Iterable[str], limit: int = 600, w: Words = ENGLISH, escape: bool = True) -> str:
    """Names or seasons, escaped (unless already), separated by the language's comma, cut at
    ``limit``."""
    return _clip(w.listing(md(i) if escape else i for i in items), limit)


def or_list(names: Sequence[str], w: Words = ENGLISH) -> str:
    """ "A, B or C" in the language: "A, B ou C", "A أو B أو C"."""
    return w.or_list([md(n) for n in names])


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
