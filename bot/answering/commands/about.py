"""/about and /help: what is loaded, and how to ask."""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.facts import AboutFacts, HelpFacts
from bot.answering.options import Options
from bot.answering.query import Query


def about(ctx: Context, o: Options) -> AboutFacts:
    return AboutFacts(Query(), ctx.catalog)


def help(ctx: Context, o: Options) -> HelpFacts:
    return HelpFacts()
