"""/club name [season]: a club's path through each season (groups included) and its record."""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.facts import ClubFacts
from bot.answering.options import Options
from bot.answering.query import Query
from bot.answering.reading import club_question


def answer(ctx: Context, o: Options) -> ClubFacts:
    comp = ctx.competition(o.get("competition"), "club")
    asked = club_question(ctx, o, "name", "club", comp, want_round=False)
    club, label = asked.club, asked.label
    q = Query((club.name,), label, None, comp, notes=asked.notes)
    mine = ctx.club_entries(club.key, asked.seasons, asked.narrowed)
    groups = ctx.club_groups(club.key, asked.seasons, asked.narrowed)
    if not mine and not groups:
        raise ctx.no_ties("club", club, label, None, q)
    runs = ctx.runs(club.key, mine, groups)
    matches = tuple(
        m for run in runs for g in run.groups for m in g.matches if m.side(club.key) is not None
    )
    entries = tuple(ctx.newest_first(mine))
    return ClubFacts(q, club, label, runs, entries, asked.also, matches)
