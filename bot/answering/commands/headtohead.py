"""/headtohead club_a club_b: every tie and group match between two clubs, else what the
source allows to say (where they may have met, their common opponents)."""

from __future__ import annotations

from bot.answering.analysis import common_opponents, possible_meetings
from bot.answering.context import Context, refuse
from bot.answering.facts import CommonOpponent, HeadToHeadFacts
from bot.answering.options import Options
from bot.answering.problems import SameClub
from bot.answering.query import Query
from bot.answering.reading import club_pair
from bot.domain.catalog import Entry


def answer(ctx: Context, o: Options) -> HeadToHeadFacts:
    comp = ctx.competition(o.get("competition"), "headtohead")
    text_a, text_b = o.get("club_a"), o.get("club_b")
    a, b, notes = club_pair(ctx, text_a, text_b, comp)
    q = Query((a.name, b.name), None, None, comp, notes=notes)
    if a.key == b.key:
        raise refuse("headtohead", SameClub(text_a or "", text_b or "", a), q)

    def ties_of(club_key: str) -> list[Entry]:
        entries = ctx.catalog.entries_for(club_key)
        return [e for e in entries if comp in (None, e.season.competition)]

    def grouped(club_key: str) -> dict[int, set[str]]:
        """Per season id, the group rounds whose groups list the club."""
        out: dict[int, set[str]] = {}
        for g in ctx.tours.groups_by_club.get(club_key, ()):
            if comp in (None, g.season.competition):
                out.setdefault(id(g.season), set()).add(g.round.name)
        return out

    a_ties, b_ties = ties_of(a.key), ties_of(b.key)
    met = tuple(ctx.newest_first(e for e in a_ties if e.side(b.key) is not None))
    matches = tuple(
        sorted(
            (
                m
                for m in ctx.catalog.matches_for(a.key)
                if m.side(b.key) is not None and comp in (None, m.season.competition)
            ),
            key=lambda m: -ctx.rank[m.season.key],
        )
    )
    if met or matches:
        return HeadToHeadFacts(q, a, b, met, matches=matches)
    common = []
    related: list[Entry] = []
    for key, mine, theirs in common_opponents(a.key, b.key, a_ties, b_ties):
        related.extend(mine + theirs)
        common.append(CommonOpponent(ctx.catalog.clubs[key], tuple(mine), tuple(theirs)))
    return HeadToHeadFacts(
        q,
        a,
        b,
        (),
        tuple(
            possible_meetings(
                a_ties, b_ties, a.key, b.key, {a.key: grouped(a.key), b.key: grouped(b.key)}
            )
        ),
        tuple(common),
        tuple(ctx.newest_first(related)),
        tuple(ctx.labels_in(comp)),
    )
