"""Reading a question's club together with its season, round and competition.

The season and round are read first, because they narrow the clubs a name can
mean (``scopes``); then the club is read among those clubs, and every liberty
taken is kept as a note for the answer: a name read by a weaker rule or only
because of the season ("taken as AC Léopards"), a season typed inside the
club's name ("Horoya 2017").  Nothing typed is dropped silently: a season both
inside the name and beside it must be one season, and a season typed instead
of a club points to /season.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering import problems as P
from bot.answering.clubnames import Resolution
from bot.answering.context import Context, cut, refuse
from bot.answering.options import Options
from bot.answering.periods import looks_like_season
from bot.answering.query import Note, Query, SeasonInName, TakenAs
from bot.answering.scopes import Within
from bot.answering.tournament import ReachKind
from bot.domain.models import Club, Season


@dataclass(frozen=True, slots=True)
class Asked:
    """A club question read: the club, the season label and seasons, the round names."""

    club: Club
    label: str | None
    seasons: tuple[Season, ...]
    rounds: tuple[str, ...]
    narrowed: bool  # a season or a competition was asked
    notes: tuple[Note, ...]
    also: tuple[Club, ...]  # longer-named clubs the club's own name won over


def club_question(
    ctx: Context, o: Options, option: str, command: str, comp: str | None, want_round: bool
) -> Asked:
    """Read ``o[option]`` (a club), ``o["season"]`` and, with ``want_round``, ``o["round"]``."""
    text, season_text, notes = season_in_name(ctx, o.get(option), o.get("season"), command)
    try:
        label, seasons = ctx.seasons(season_text, comp, command)
        rnd = o.get("round") if want_round else None
        rounds = ctx.round(rnd, seasons, command, (), label, comp)
    except P.Refused as refused:  # a club that cannot be read is said first, as always
        club = ctx.club(text, option, command, comp)
        r = refused.refusal
        query = Query((club.name,), r.query.season, r.query.round, comp)
        raise refuse(command, r.problem, query) from None
    narrowed = label is not None or comp is not None
    where = " ".join(x for x in (comp, label) if x)
    within = ctx.scopes.of(seasons, rounds, where) if narrowed else ()
    club, res = ctx.read_club(text, option, command, comp, within, season_text)
    taken = taken_as(text or "", res, within)
    notes = (*notes, *([taken] if taken else []))
    also = ctx.also_named(text, club, within)
    return Asked(club, label, seasons, rounds, narrowed, notes, also)


def season_in_name(
    ctx: Context, text: str | None, season: str | None, command: str
) -> tuple[str | None, str | None, tuple[Note, ...]]:
    """A season typed inside the club's name ("Horoya 2017") read as the season.

    A name that is a club's own with its number ("AS Port Louis 2000") keeps it; a season
    typed alone is refused with a pointer to /season; two different seasons are refused.
    """
    if text is None or not text.strip():
        return text, season, ()
    words = cut(text).split()
    if all(looks_like_season(w) for w in words) and ctx.resolution(text).club is None:
        raise refuse(command, P.SeasonNotClub(cut(text)))
    if len(words) < 2 or not looks_like_season(words[-1]) or ctx.resolution(text).sure:
        return text, season, ()
    inner, rest = words[-1], " ".join(words[:-1])
    if season is not None and season.strip():
        if ctx.season_label(inner, None) != ctx.season_label(season, None) or not (
            ctx.season_label(inner, None)
        ):
            raise refuse(command, P.TwoSeasons(inner, cut(season.strip())))
        return rest, season, ()
    return rest, inner, (SeasonInName(cut(text), inner),)


def taken_as(text: str, res: Resolution, within: Sequence[Within]) -> TakenAs | None:
    """The note an answer owes when the club was not named by its own name alone."""
    if res.club is None or res.sure:
        return None
    scope = within[res.scope] if 0 <= res.scope < len(within) else None
    where = scope.where if scope is not None and not scope.opponent else ""
    opponent = scope.where if scope is not None and scope.opponent else ""
    return TakenAs(cut(text), res.club.name, res.rule.value, where, opponent)


def club_pair(
    ctx: Context, text_a: str | None, text_b: str | None, comp: str | None
) -> tuple[Club, Club, tuple[Note, ...]]:
    """Two clubs of a head-to-head: a name that fits several clubs is read among the clubs
    the other one met ("/headtohead Hilal Wydad": the Al-Hilal that played Wydad)."""
    res_a, res_b = ctx.resolution(text_a or ""), ctx.resolution(text_b or "")
    if res_a.ambiguous and res_b.ambiguous:
        pairs = [
            (a, b)
            for a in res_a.candidates
            for b in res_b.candidates
            if a.key != b.key and ctx.scopes.met(a.key, b.key)
        ]
        if len(pairs) == 1:
            a, b = pairs[0]
            note_a = TakenAs(cut(text_a or ""), a.name, res_a.rule.value, "", b.name)
            note_b = TakenAs(cut(text_b or ""), b.name, res_b.rule.value, "", a.name)
            return a, b, (note_a, note_b)
    a_first = not res_a.ambiguous or res_b.ambiguous
    first, second = (("club_a", text_a), ("club_b", text_b))[:: 1 if a_first else -1]
    one, res_one = ctx.read_club(first[1], first[0], "headtohead", comp)
    within = (ctx.scopes.opponents(one),)
    two, res_two = ctx.read_club(second[1], second[0], "headtohead", comp, within)
    found = tuple(
        n
        for n in (taken_as(first[1] or "", res_one, ()), taken_as(second[1] or "", res_two, within))
        if n is not None
    )
    return (one, two, found) if a_first else (two, one, found[::-1])


def beyond_source(ctx: Context, asked: Asked, rounds: Sequence[str], q: Query) -> P.Refused | None:
    """The refusal for a round the source stops before: the club qualified for the next
    stage of a qualifying-only document ("Club Africain 2017 group stage")."""
    if not rounds:
        return None
    club = asked.club
    mine = ctx.club_entries(club.key, asked.seasons, asked.narrowed)
    runs = ctx.runs(club.key, mine, ctx.club_groups(club.key, asked.seasons, asked.narrowed))
    for run in runs:
        names = {r.name for r in run.season.rounds}
        if run.reach.kind is ReachKind.QUALIFIED and not names & set(rounds):
            season = f"{run.season.competition} {run.season.label}"
            return refuse("tie", P.BeyondSource(club, season, " / ".join(rounds)), q)
    return None
