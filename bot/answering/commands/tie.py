"""/tie club [season] [round]: the club's ties and groups, each in full, and the rounds skipped."""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.facts import TieFacts
from bot.answering.options import Options
from bot.answering.query import Query
from bot.answering.reading import beyond_source, club_question


def answer(ctx: Context, o: Options) -> TieFacts:
    comp = ctx.competition(o.get("competition"), "tie")
    asked = club_question(ctx, o, "club", "tie", comp, want_round=True)
    club, label, rounds = asked.club, asked.label, asked.rounds
    round_name = " / ".join(rounds) or None
    q = Query((club.name,), label, round_name, comp, notes=asked.notes)
    mine = ctx.club_entries(club.key, asked.seasons, asked.narrowed)
    runs = ctx.runs(club.key, mine, ctx.club_groups(club.key, asked.seasons, asked.narrowed))
    found = [gap for run in runs for gap in run.gaps if not rounds or gap.reached in rounds]
    groups = [g for run in runs for g in run.groups if not rounds or g.round.name in rounds]
    chosen = ctx.newest_first(e for e in mine if not rounds or e.round.name in rounds)
    if not chosen and not found and not groups:
        raise beyond_source(ctx, asked, rounds, q) or ctx.no_ties("tie", club, label, round_name, q)
    return TieFacts(
        q,
        club,
        label,
        round_name,
        tuple(chosen),
        tuple(found),
        asked.also,
        tuple(groups),
        runs,
    )
