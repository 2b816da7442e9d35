"""/tie club [season] [round]: the club's ties, each in full, and the rounds the source skips."""

from __future__ import annotations

from bot.answering.analysis import gaps
from bot.answering.context import Context
from bot.answering.facts import TieFacts
from bot.answering.options import Options
from bot.answering.query import Query


def answer(ctx: Context, o: Options) -> TieFacts:
    comp = ctx.competition(o.get("competition"), "tie")
    text = o.get("club")
    club = ctx.club(text, "club", "tie", comp)
    label, seasons = ctx.seasons(o.get("season"), comp, "tie", [club])
    round_name = ctx.round(o.get("round"), seasons, "tie", [club], label, comp)
    q = Query((club.name,), label, round_name, comp)
    mine = ctx.club_entries(club.key, seasons, narrowed=label is not None or comp is not None)
    found = [
        gap
        for s in ctx.seasons_newest_first(e.season for e in mine)
        for gap in gaps(s, [e for e in mine if e.season is s], club.key)
        if round_name is None or gap.reached == round_name
    ]
    chosen = ctx.newest_first(e for e in mine if round_name in (None, e.round.name))
    if not chosen and not found:
        raise ctx.no_ties("tie", club, label, round_name, q)
    return TieFacts(
        q, club, label, round_name, tuple(chosen), tuple(found), ctx.also_named(text, club)
    )
