"""/winners [competition]: each loaded season's final, its winner and runner-up, and the titles.

Only a final that names its winner counts as a title: a final the source
leaves undecided is listed as such, and a season whose source stops before
the final is named apart, never filled in from elsewhere.
"""

from __future__ import annotations

from bot.answering.context import Context, refuse
from bot.answering.facts import Roll, WinnersFacts
from bot.answering.options import Options
from bot.answering.problems import NoFinal
from bot.answering.query import Query
from bot.domain.catalog import Entry
from bot.domain.models import Club, Season


def roll(ctx: Context, competition: str) -> Roll:
    """The roll of honour of one competition, newest season first."""
    seasons = [s for s in reversed(ctx.catalog.seasons) if s.competition == competition]
    finals: list[Entry] = []
    without: list[Season] = []
    titles: dict[str, list[Season]] = {}
    clubs: dict[str, Club] = {}
    for season in seasons:
        final = ctx.tours.final_of(season)
        if final is None:
            without.append(season)
            continue
        finals.append(final)
        winner = final.winner_club
        if winner is not None:
            titles.setdefault(winner.key, []).append(season)
            clubs[winner.key] = winner
    ranked = sorted(
        titles.items(), key=lambda kv: (-len(kv[1]), -ctx.rank[kv[1][0].key], clubs[kv[0]].name)
    )
    return Roll(
        competition,
        tuple(finals),
        tuple(without),
        tuple((clubs[key], tuple(won)) for key, won in ranked),
    )


def answer(ctx: Context, o: Options) -> WinnersFacts:
    comp = ctx.competition(o.get("competition"), "winners")
    q = Query((), None, None, comp)
    names = [comp] if comp is not None else list(ctx.catalog.competitions)
    rolls = tuple(roll(ctx, name) for name in names)
    if not any(r.finals for r in rolls):
        raise refuse("winners", NoFinal(comp), q)
    return WinnersFacts(q, rolls)
