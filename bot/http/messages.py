"""An Answer as the message data of an HTTP interaction response: embeds and components.

The embeds are the gateway bot's own (``bot.discord.embeds.build_pages``,
serialised as discord.py serialises them), and the same rules decide what is
private and which components a message gets: a club picker when a name fits
several clubs, ◀ n/N ▶ buttons when the answer has several pages.  The
components differ in one way only: their ids carry the query (signed), since
no worker keeps a view in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import discord

from bot.discord.embeds import build_pages
from bot.domain.names import clip
from bot.http.customid import COUNTER, PAGE, PICK, ComponentId, CustomIds
from bot.wording.answer import Answer, AnswerKind

EPHEMERAL = 64
NO_MENTIONS: dict[str, list[str]] = {"parse": []}
PRIVATE_KINDS = frozenset({AnswerKind.NOT_FOUND, AnswerKind.INVALID})
SELECT_MAX = 25
PLACEHOLDER = "Which club did you mean?"
SECONDARY, BUTTON, SELECT, ROW = 2, 2, 3, 1


@dataclass(frozen=True, slots=True)
class Shown:
    """Message data for a response, and whether it must be private (ephemeral)."""

    data: dict[str, Any]
    private: bool


def candidates_of(answer: Answer) -> list[str]:
    """The clubs a picker offers, as the gateway's picker lists them."""
    return list(dict.fromkeys(c for c in answer.candidates if c))[:SELECT_MAX]


def ambiguous_option(query: ComponentId, answer: Answer) -> str | None:
    """The option the candidates are for, when the query has it."""
    wanted = answer.ambiguous_option
    return wanted if wanted in dict(query.options) else None


def _button(label: str, custom_id: str, disabled: bool) -> dict[str, Any]:
    return {
        "type": BUTTON,
        "style": SECONDARY,
        "label": label,
        "custom_id": custom_id,
        "disabled": disabled,
    }


def pager(ids: CustomIds, query: ComponentId, index: int, count: int) -> dict[str, Any] | None:
    """◀ n/N ▶ for page ``index`` of ``count``; None when the query does not fit in an id."""
    previous = ids.encode(replace(query, kind=PAGE, number=max(index - 1, 0)))
    counter = ids.encode(replace(query, kind=COUNTER, number=index))
    following = ids.encode(replace(query, kind=PAGE, number=index + 1))
    if previous is None or counter is None or following is None:
        return None
    buttons = [
        _button("◀", previous, index == 0),
        _button(f"{index + 1}/{count}", counter, True),
        _button("▶", following, index >= count - 1),
    ]
    return {"type": ROW, "components": buttons}


def picker(
    ids: CustomIds, query: ComponentId, option: str, names: Sequence[str]
) -> dict[str, Any] | None:
    """A menu of ``names`` that fills ``option`` of the query; None when it does not fit."""
    position = [name for name, _ in query.options].index(option)
    custom_id = ids.encode(replace(query, kind=PICK, number=position))
    if custom_id is None:
        return None
    menu = {
        "type": SELECT,
        "custom_id": custom_id,
        "placeholder": PLACEHOLDER,
        "min_values": 1,
        "max_values": 1,
        "disabled": False,
        "options": [{"label": clip(name, 100), "value": str(i)} for i, name in enumerate(names)],
    }
    return {"type": ROW, "components": [menu]}


def show(
    ids: CustomIds,
    query: ComponentId,
    answer: Answer,
    index: int = 0,
    pages: Sequence[discord.Embed] | None = None,
) -> Shown:
    """Page ``index`` of the answer (clamped) with its components, as message data (``pages``:
    the answer's pages when already built)."""
    pages = build_pages(answer) if pages is None else pages
    option = ambiguous_option(query, answer)
    row: dict[str, Any] | None = None
    names = candidates_of(answer)
    if answer.kind is AnswerKind.AMBIGUOUS and names and option is not None:
        row = picker(ids, query, option, names)
        pages = pages[:1]
    elif len(pages) > 1:
        row = pager(ids, query, max(0, min(index, len(pages) - 1)), len(pages))
    index = max(0, min(index, len(pages) - 1))
    private = answer.kind in PRIVATE_KINDS or (answer.kind is AnswerKind.AMBIGUOUS and row is None)
    data: dict[str, Any] = {
        "embeds": [pages[index].to_dict()],
        "components": [row] if row is not None else [],
        "allowed_mentions": NO_MENTIONS,
    }
    return Shown(data, private)


def text(content: str, *, private: bool = True) -> dict[str, Any]:
    """A plain text message (the "only X can page" note)."""
    data: dict[str, Any] = {"content": content, "allowed_mentions": NO_MENTIONS}
    if private:
        data["flags"] = EPHEMERAL
    return data
