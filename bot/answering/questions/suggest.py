"""The closest commands for a question no phrase reads: built from what it does name.

A question that maps to no phrase is never answered by a guess.  What it names
plainly (clubs by name, alias or initials, seasons, a round, a competition, a
way of deciding) is picked out of it, and the commands that take those are
offered, ready to copy: "Simba blah 2012" offers ``/tie Simba 2012`` and
``/club Simba 2012``.  Nothing named: ``/help``.
"""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.questions.reading import SEASONISH, normalise, tokenize
from bot.answering.questions.understand import Slots
from bot.answering.questions.understood import Understood

MAX_SUGGESTIONS = 3
MAX_LOOKUPS = 12  # spans read as club names, at most: a long sentence costs no more
SPAN = 3  # words in a club name looked for


def _found(ctx: Context, question: str) -> dict[str, list[str]]:
    """Values found in the question, by slot: clubs, seasons, rounds, competitions, methods."""
    text = normalise(question)
    tokens = tokenize(text)
    slots = Slots(ctx, text, tokens)
    found: dict[str, list[str]] = {k: [] for k in ("club", "season", "round", "competition",
                                                     "method")}  # fmt: skip
    used = [False] * len(tokens)
    readers = (("method", slots.method), ("competition", slots.competition),
               ("round", slots.round))  # fmt: skip
    for at, token in enumerate(tokens):
        if SEASONISH.match(token.key):
            found["season"].append(token.key)
            used[at] = True
    for size in range(5, 0, -1):  # longest vocabulary phrases first ("ligue des champions")
        for at in range(len(tokens) - size + 1):
            if any(used[at : at + size]):
                continue
            for slot, read in readers:
                value = read(slot, at, at + size - 1)
                if value is not None:
                    found[slot].append(value)
                    used[at : at + size] = [True] * size
                    break
    lookups = 0
    for size in range(SPAN, 0, -1):
        for at in range(len(tokens) - size + 1):
            if any(used[at : at + size]) or lookups >= MAX_LOOKUPS:
                continue
            if (
                tokens[at].key in slots.words.edges
                or tokens[at + size - 1].key in slots.words.edges
            ):
                continue
            lookups += 1
            club = slots.club(at, at + size - 1, strict=True)
            if club is not None and club not in found["club"]:
                found["club"].append(club)
                used[at : at + size] = [True] * size
    return found


def suggest(ctx: Context, question: str) -> tuple[Understood, ...]:
    """Up to three commands taking what the question names; ``/help`` when it names nothing."""
    found = _found(ctx, question)
    clubs, seasons = found["club"], found["season"]
    season = seasons[0] if seasons else None
    rnd = found["round"][0] if found["round"] else None
    comp = found["competition"][0] if found["competition"] else None
    calls: list[tuple[str, dict[str, str | None]]] = []
    if len(clubs) >= 2:
        calls.append(("headtohead", {"club_a": clubs[0], "club_b": clubs[1]}))
    if clubs:
        calls.append(("tie", {"club": clubs[0], "season": season, "round": rnd}))
        calls.append(("club", {"name": clubs[0], "season": season}))
    if found["method"]:
        calls.append(("decided", {"method": found["method"][0], "season": season}))
    if season is not None:
        calls.append(("season", {"season": season, "round": rnd}))
        calls.append(("group", {"season": season}))
    if comp is not None:
        calls.append(("winners", {}))
    if not calls:
        return (Understood("help"),)
    shown = []
    for command, options in calls[:MAX_SUGGESTIONS]:
        if comp is not None:
            options["competition"] = comp
        given = tuple((k, v) for k, v in options.items() if v is not None)
        shown.append(Understood(command, given))
    return tuple(shown)
