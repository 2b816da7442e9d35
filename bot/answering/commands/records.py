"""/records [competition] [season]: the records of the loaded ties, each with its ties cited.

The books are computed once per catalog (``bot.answering.records``); this reads
the inputs and picks the book of the seasons asked.
"""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.facts import RecordsFacts
from bot.answering.options import Options
from bot.answering.query import Query
from bot.answering.records import book_for


def answer(ctx: Context, o: Options) -> RecordsFacts:
    comp = ctx.competition(o.get("competition"), "records")
    label, seasons = ctx.seasons(o.get("season"), comp, "records")
    return RecordsFacts(Query((), label, None, comp), label, book_for(ctx, seasons))
