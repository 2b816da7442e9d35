"""/group season [club or group]: group tables computed from the matches, and the matches.

A group is named the way its source names it: RSSSF prints "Group A", while
Football.TXT gives its groups no letter, so such a group is asked for by a
club in it and is never given an invented letter.
"""

from __future__ import annotations

import re

from bot.answering.context import Context, refuse
from bot.answering.facts import GroupFacts
from bot.answering.options import Options
from bot.answering.problems import NoGroupStage, NoSeasonGiven, NotInGroup, UnknownGroup
from bot.answering.query import Query
from bot.answering.tournament import GroupView
from bot.domain.models import Club
from bot.domain.names import fold

# "A", "group a", "Group B", "gr. c": what reads as a group's letter rather than a club.
_LETTER = re.compile(r"^(?:(?:group|grp|gr|groupe|grupo)\s*)?([a-z]|\d{1,2})$")


def _named(text: str, views: tuple[GroupView, ...]) -> tuple[GroupView, ...] | None:
    """Groups whose source name matches ``text``; None when ``text`` does not read as a name."""
    typed = fold(text)
    letter = _LETTER.match(typed)
    exact = tuple(v for v in views if v.name and fold(v.name) == typed)
    if exact:
        return exact
    if letter is None:
        return None
    wanted = letter.group(1)
    return tuple(v for v in views if v.name and fold(v.name).split()[-1:] == [wanted])


def _club_seasons(
    ctx: Context, text: str | None, comp: str | None
) -> tuple[Club | None, tuple[str, ...]]:
    """The one club ``text`` names ("/group Simba") and its seasons with a group stage."""
    if text is None or not text.strip():
        return None, ()
    res = ctx.resolution(text)
    if res.club is None or res.ambiguous:
        return None, ()
    views = ctx.tours.groups_by_club.get(res.club.key, ())
    labels = (g.season.label for g in reversed(views) if comp in (None, g.season.competition))
    return res.club, tuple(dict.fromkeys(labels))


def answer(ctx: Context, o: Options) -> GroupFacts:
    comp = ctx.competition(o.get("competition"), "group")
    text = o.get("season")
    with_groups = tuple(
        dict.fromkeys(
            s.label
            for s in reversed(ctx.catalog.seasons)
            if ctx.tours.groups_of(s) and comp in (None, s.competition)
        )
    )
    if text is None or not str(text).strip():
        club, own = _club_seasons(ctx, o.get("group"), comp)
        raise refuse("group", NoSeasonGiven(own, club) if club else NoSeasonGiven(with_groups))
    label, seasons = ctx.seasons(text, comp, "group")
    assert label is not None  # a season was given: found, or Refused was raised
    q = Query((), label, None, comp)
    views = tuple(g for s in seasons for g in ctx.tours.groups_of(s))
    if not views:
        names = tuple(f"{s.competition} {s.label}" for s in seasons)
        raise refuse("group", NoGroupStage(label, names, with_groups), q)
    which = o.get("group")
    if which is None or not which.strip():
        return GroupFacts(q, label, views)
    named = _named(which, views)
    if named:
        return GroupFacts(q, label, named)
    if named is not None:  # read as a letter, but no group of the season has that name
        names = tuple(dict.fromkeys(v.name for v in views if v.name))
        raise refuse("group", UnknownGroup(which, label, names), q)
    club = ctx.club(which, "group", "group", comp)
    q = Query((club.name,), label, None, comp)
    mine = tuple(v for v in views if v.has(club.key))
    if not mine:
        elsewhere = tuple(
            dict.fromkeys(
                f"{g.season.competition} {g.season.label}"
                for g in reversed(ctx.tours.groups_by_club.get(club.key, ()))
            )
        )
        raise refuse("group", NotInGroup(club, label, elsewhere), q)
    return GroupFacts(q, label, mine, club)
