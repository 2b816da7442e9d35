"""/club name [season]: a club's path through each season and its record."""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.facts import ClubFacts
from bot.answering.options import Options
from bot.answering.query import Query


def answer(ctx: Context, o: Options) -> ClubFacts:
    comp = ctx.competition(o.get("competition"), "club")
    text = o.get("name")
    club = ctx.club(text, "name", "club", comp)
    label, seasons = ctx.seasons(o.get("season"), comp, "club", [club])
    q = Query((club.name,), label, None, comp)
    mine = ctx.club_entries(club.key, seasons, narrowed=label is not None or comp is not None)
    if not mine:
        raise ctx.no_ties("club", club, label, None, q)
    by_season = tuple(
        (s, tuple(e for e in mine if e.season is s))
        for s in ctx.seasons_newest_first(e.season for e in mine)
    )
    entries = tuple(ctx.newest_first(mine))
    return ClubFacts(q, club, label, by_season, entries, ctx.also_named(text, club))
