"""/season season [round]: a season's rounds and figures; with a round, that round's ties."""

from __future__ import annotations

from bot.answering.context import Context, refuse
from bot.answering.facts import NoSeasonGiven, SeasonFacts
from bot.answering.options import Options
from bot.answering.query import Query


def answer(ctx: Context, o: Options) -> SeasonFacts:
    comp = ctx.competition(o.get("competition"), "season")
    text = o.get("season")
    if text is None or not str(text).strip():
        raise refuse("season", NoSeasonGiven(tuple(reversed(ctx.labels_in(comp)))))
    label, seasons = ctx.seasons(text, comp, "season")
    assert label is not None  # a season was given, so one was found or Refused was raised
    round_name = ctx.round(o.get("round"), seasons, "season", (), label, comp)
    q = Query((), label, round_name, comp)
    by_season = tuple((s, tuple(ctx.by_season.get(s.key, []))) for s in seasons)
    entries = tuple(e for _, es in by_season for e in es)
    if round_name is not None:
        entries = tuple(e for e in entries if e.round.name == round_name)
    return SeasonFacts(q, label, seasons, round_name, entries, by_season)
