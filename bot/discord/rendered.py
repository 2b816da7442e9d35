"""Answers already rendered: the same question in the same language gets the same embeds.

Why: wording an answer and building its embeds were the two largest costs of an
interaction in the bot's process (benchmarks/RESULTS.md), and fans ask the
same questions again and again (the tie everyone talks about this week, the
first letters of the same clubs).  An answer is a pure function of the
command, its options, the language and the loaded data, so it is kept, embeds
included, in a small LRU per Speaker, and so are autocomplete suggestions: a
hot reload brings a new Speaker, so nothing is ever answered from old data,
and the old Speaker's entries go with it.

Not kept: answers with pictures (the upload limit of each interaction decides
which pictures go, and the picture cache already keeps them), failures, and
anything when the engine cannot be referenced weakly.  The embeds are shared:
nothing in the adapter changes an embed after ``build_pages`` but
``show_image``, which only runs for pictures.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, Protocol, TypeVar, cast

import discord

from bot.discord.embeds import build_pages
from bot.wording.answer import Answer

SIZE = 1024  # answers kept per Speaker: 6.6 kB each on average with their embeds (7 MB)
SUGGESTIONS = 1024  # autocomplete lists kept per Speaker: 25 names at most each
E = TypeVar("E")
T = TypeVar("T")


class Answers(Protocol):
    """What is asked: either transport's engine (``lang`` is one of the options)."""

    def answer(self, command: str, *args: str | None, **options: str | None) -> Answer: ...


class Rendered(NamedTuple):
    """One answer and its pages, as sent."""

    answer: Answer
    pages: tuple[discord.Embed, ...]


_kept: weakref.WeakKeyDictionary[Any, dict[str, OrderedDict[Hashable, Any]]]
_kept = weakref.WeakKeyDictionary()


def speaker_of(engine: E) -> E:
    """The Speaker that answers now: hot reload's ``LiveSpeaker`` names it ``current``
    (read once, so one answer comes from one catalog)."""
    current = getattr(engine, "current", None)
    return engine if current is None else cast(E, current)


def remember(
    engine: E,
    shelf: str,
    key: Hashable,
    produce: Callable[[E], T],
    size: int,
    keep: Callable[[T], bool] = lambda _: True,
) -> T:
    """``produce(speaker)`` for the Speaker answering now, kept on its ``shelf`` under
    ``key`` (the ``size`` most recently used; only results ``keep`` accepts)."""
    speaker = speaker_of(engine)
    try:
        shelves = _kept.get(speaker) if size > 0 else None
    except TypeError:  # an engine that cannot be referenced weakly: never kept
        return produce(speaker)
    kept = shelves.get(shelf) if shelves is not None else None
    if kept is not None:
        found = kept.get(key, kept)
        if found is not kept:
            kept.move_to_end(key)
            return cast(T, found)
    made = produce(speaker)
    if size <= 0 or not keep(made):
        return made
    if kept is None:
        try:
            kept = _kept.setdefault(speaker, {}).setdefault(shelf, OrderedDict())
        except TypeError:
            return made
    kept[key] = made
    if len(kept) > size:
        kept.popitem(last=False)
    return made


def render(
    engine: Answers,
    command: str,
    options: tuple[tuple[str, str | None], ...],
    lang: str | None,
) -> Rendered:
    """The answer to ``command`` with ``options`` in ``lang``, and its pages: kept when
    asked before of the same Speaker."""

    def produce(speaker: Answers) -> Rendered:
        answer = speaker.answer(command, lang=lang, **dict(options))
        return Rendered(answer, tuple(build_pages(answer)))

    return remember(engine, "answers", (command, options, lang), produce, SIZE,
                    keep=lambda done: not done.answer.files)  # fmt: skip
