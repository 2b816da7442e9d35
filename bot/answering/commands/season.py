"""/season season [round]: a season's stages, champion and figures; with a round, that round."""

from __future__ import annotations

from bot.answering.context import Context, refuse
from bot.answering.facts import SeasonFacts, SeasonView
from bot.answering.options import Options
from bot.answering.problems import NoSeasonGiven
from bot.answering.query import Query
from bot.answering.tournament import GroupView


def answer(ctx: Context, o: Options) -> SeasonFacts:
    comp = ctx.competition(o.get("competition"), "season")
    text = o.get("season")
    if text is None or not str(text).strip():
        raise refuse("season", NoSeasonGiven(tuple(reversed(ctx.labels_in(comp)))))
    label, seasons = ctx.seasons(text, comp, "season")
    assert label is not None  # a season was given, so one was found or Refused was raised
    rounds = ctx.round(o.get("round"), seasons, "season", (), label, comp)
    round_name = " / ".join(rounds) or None
    q = Query((), label, round_name, comp)
    views = tuple(
        SeasonView(
            s,
            tuple(ctx.by_season.get(s.key, [])),
            ctx.tours.groups_of(s),
            ctx.tours.final_of(s),
        )
        for s in seasons
    )
    entries = tuple(e for v in views for e in v.entries)
    groups: tuple[GroupView, ...] = ()
    if rounds:
        entries = tuple(e for e in entries if e.round.name in rounds)
        groups = tuple(g for v in views for g in v.groups if g.round.name in rounds)
    return SeasonFacts(q, label, seasons, round_name, entries, views, groups, rounds)
