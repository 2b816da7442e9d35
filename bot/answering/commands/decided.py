"""/decided method [season]: every tie decided one way (penalties, away goals, walkover…)."""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.facts import DecidedFacts
from bot.answering.options import Options
from bot.answering.query import Query


def answer(ctx: Context, o: Options) -> DecidedFacts:
    comp = ctx.competition(o.get("competition"), "decided")
    method = ctx.method(o.get("method"), "decided")
    label, seasons = ctx.seasons(o.get("season"), comp, "decided")
    every = ctx.by_method[method]  # already newest first
    if label is None and comp is None:
        chosen = tuple(every)
    else:
        ids = {id(s) for s in seasons}
        chosen = tuple(e for e in every if id(e.season) in ids)
    q = Query((), label, None, comp, method.value)
    return DecidedFacts(q, method, label, chosen)
