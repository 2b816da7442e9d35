"""Answers already rendered: the same question in the same language gets the same embeds.

Why: wording an answer and building its embeds were the two largest costs of an
interaction in the bot's process (benchmarks/RESULTS.md), and fans ask the
same questions again and again (the tie everyone talks about this week).  An
answer is a pure function of the command, its options, the language and the
loaded data, so it is kept, embeds included, in a small LRU per Speaker: a
hot reload brings a new Speaker, so nothing is ever answered from old data,
and the old Speaker's entries go with it.

Not kept: answers with pictures (the upload limit of each interaction decides
which pictures go, and the picture cache already keeps them), and anything
when the engine cannot be referenced weakly.  The embeds are shared: nothing
in the adapter changes an embed after ``build_pages`` but ``show_image``,
which only runs for pictures.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import Any, NamedTuple, Protocol

import discord

from bot.discord.embeds import build_pages
from bot.wording.answer import Answer

SIZE = 512  # answers kept per Speaker (a /season round, the largest, is ~20 kB with embeds)


class Answers(Protocol):
    """What is asked: either transport's engine (``lang`` is one of the options)."""

    def answer(self, command: str, *args: str | None, **options: str | None) -> Answer: ...


class Rendered(NamedTuple):
    """One answer and its pages, as sent."""

    answer: Answer
    pages: tuple[discord.Embed, ...]


Key = tuple[str, tuple[tuple[str, str | None], ...], str | None]
_kept: weakref.WeakKeyDictionary[Any, OrderedDict[Key, Rendered]] = weakref.WeakKeyDictionary()


def speaker_of(engine: Answers) -> Answers:
    """The Speaker that answers now: hot reload's ``LiveSpeaker`` names it ``current``
    (read once, so one answer comes from one catalog)."""
    current = getattr(engine, "current", None)
    return engine if current is None else current


def render(
    engine: Answers,
    command: str,
    options: tuple[tuple[str, str | None], ...],
    lang: str | None,
) -> Rendered:
    """The answer to ``command`` with ``options`` in ``lang``, and its pages: kept when
    asked before of the same Speaker."""
    speaker = speaker_of(engine)
    key: Key = (command, options, lang)
    try:
        kept = _kept.get(speaker) if SIZE > 0 else None
    except TypeError:  # an engine that cannot be referenced weakly: never kept
        kept = None
    if kept is not None:
        found = kept.get(key)
        if found is not None:
            kept.move_to_end(key)
            return found
    answer = speaker.answer(command, lang=lang, **dict(options))
    rendered = Rendered(answer, tuple(build_pages(answer)))
    if answer.files or SIZE <= 0:
        return rendered
    if kept is None:
        try:
            kept = _kept.setdefault(speaker, OrderedDict())
        except TypeError:
            return rendered
    kept[key] = rendered
    if len(kept) > SIZE:
        kept.popitem(last=False)
    return rendered
