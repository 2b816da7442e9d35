"""A group in words: its table, its matches, and a club's place in it.

A group is named as its source names it ("Group A"); a Football.TXT group
has no letter, so it is named by its clubs ("the group of Al Ahly SC,
Young Africans, …") and never given one.  Tables are computed from the
matches (``bot.domain.standings``, CAF's rules); a table the source prints
is checked against them, and a difference is said.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.facts import GroupFacts
from bot.answering.progress import SeasonRun
from bot.answering.tournament import GroupView
from bot.domain.catalog import MatchEntry
from bot.domain.models import Club, StandingRow
from bot.domain.standings import counts
from bot.wording.answer import Answer, Block
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.legs import leg_line
from bot.wording.markdown import cap_blocks, listing, md, plural, split_lines
from bot.wording.rounds import group_label, round_title, the_round
from bot.wording.sources import footer
from bot.wording.ties import match_namer, namer, season_name


def matches_text(n: int, w: Words = ENGLISH) -> str:
    return plural(n, "match", w)


def _names(view: GroupView, w: Words) -> list[str]:
    """The group's teams in table order, by their curated names in ``w``'s language."""
    name = namer({row.team: club for row, club in zip(view.table, view.clubs, strict=True)}, w)
    return [name(row.team) for row in view.table]


def group_name(view: GroupView, w: Words = ENGLISH) -> str:
    """ "Group A" as the source names it, else "the group of X, Y, Z, W" (source spellings)."""
    if view.name:
        return group_label(view.name, w)
    return w._("the group of {clubs}", clubs=listing(_names(view, w), w=w, escape=False))


def group_title(view: GroupView, multi: bool, w: Words = ENGLISH) -> str:
    """ "CAF Champions League 2023–24 · Group — Al Ahly SC, Young Africans, …"."""
    head = f"{md(season_name(view.season, multi, w))} · {round_title(view.round.name, w)}"
    if view.name and view.name != view.round.name:
        return f"{head} — {group_label(view.name, w)}"
    return f"{head} — {listing(_names(view, w), w=w, escape=False)}"


def row_line(place: int, row: StandingRow, w: Words = ENGLISH, team: str = "") -> str:
    """ "1. Al Ahly SC — P6 W3 D3 L0, goals 6–1, 12 pts"."""
    return w._("{place}. {club} — P{played} W{won} D{drawn} L{lost}, goals {goals}, {points}",
               place=place, club=team or md(row.team), played=row.played, won=row.won,
               drawn=row.drawn, lost=row.lost, goals=f"{row.goals_for}–{row.goals_against}",
               points=plural(row.points, "pt", w))  # fmt: skip


def table_lines(view: GroupView, w: Words = ENGLISH) -> list[str]:
    names = _names(view, w)
    lines = [row_line(i, row, w, names[i - 1]) for i, row in enumerate(view.table, start=1)]
    left_out = sum(1 for m in view.group.matches if not counts(m))
    if left_out:
        lines.append(w.ngettext("{n} match without a result in the source does not count.",
                                "{n} matches without a result in the source do not count.",
                                left_out))  # fmt: skip
    if view.printed_differs:
        printed = w.clauses(f"{md(r.team)} {plural(r.points, 'pt', w)}" for r in view.group.table)
        line = view.group.table[0].line if view.group.table else 0
        lines.append(w._("The source prints a different table (line {line}): {table}.",
                         line=line, table=printed))  # fmt: skip
    return lines


def match_lines(matches: Sequence[MatchEntry], w: Words = ENGLISH) -> list[str]:
    return [leg_line(m.match, i, False, w, match_namer(m, w)) for i, m in enumerate(matches, 1)]


# A group reads the same every time it is shown for the same club in one language: its lines
# are remembered by the view's identity (the view kept in the value, as ``ties._BLOCKS``).
_LINES: dict[tuple[int, str | None, bool, str], tuple[GroupView, str, tuple[str, ...]]] = {}
LINES_MEMO_SIZE = 8192


def forget() -> None:
    """Drop the remembered lines (a new catalog is being served)."""
    _LINES.clear()


def group_blocks(
    view: GroupView, multi: bool, club_key: str | None = None, after: str = "",
    w: Words = ENGLISH,
) -> list[Block]:  # fmt: skip
    """The table, then the matches (only the club's, when a club is asked about)."""
    key = (id(view), club_key, multi, w.lang)
    found = _LINES.get(key)
    if found is None or found[0] is not view:
        matches = [m for m in view.matches if club_key is None or m.side(club_key) is not None]
        lines = (*table_lines(view, w), *match_lines(matches, w))
        if len(_LINES) >= LINES_MEMO_SIZE:
            _LINES.clear()
        found = _LINES[key] = (view, group_title(view, multi, w), lines)
    _, title, lines = found
    return split_lines(title, [*lines, after] if after else lines, w=w)


def group_outcome(view: GroupView, club: Club, run: SeasonRun | None, w: Words = ENGLISH) -> str:
    """ "Al Ahly SC finished 1st and played on in the quarter-finals." from the club's run."""
    row = view.row(club.key)
    place = view.position(club.key)
    if row is None or place is None:
        return ""
    team = namer({row.team: club}, w)(row.team)
    nth = w.ordinal(place)
    later = [e for e in (run.entries if run else ()) if e.round.order > view.round.order]
    if later:
        return w._("{club} finished {place} and played on in {round}.", club=team, place=nth,
                   round=the_round(later[0].round.name, w))  # fmt: skip
    if any(r.order > view.round.order and r.ties for r in view.season.rounds):
        return w._("{club} finished {place}; no later round of the source names {name}.",
                   club=team, place=nth, name=md(w.club(club)))  # fmt: skip
    return w._("{club} finished {place}.", club=team, place=nth)


def placing(view: GroupView, club_key: str, w: Words = ENGLISH) -> str:
    """ "2nd in the group of Mamelodi Sundowns, Al-Hilal, Coton Sport: W3 D1 L2, 10 pts"."""
    place = view.position(club_key)
    row = view.row(club_key)
    if place is None or row is None:
        return w._("in the group (its matches are not in the source)")
    others = listing((md(w.club(c)) for c in view.clubs if c is not None and c.key != club_key),
                     w=w, escape=False)  # fmt: skip
    if view.name:
        where = w._("{group} (with {clubs})", group=group_label(view.name, w), clubs=others)
    else:
        where = w._("the group of {clubs}", clubs=others)
    record = w._("W{won} D{drawn} L{lost}, {points}", won=row.won, drawn=row.drawn,
                 lost=row.lost, points=plural(row.points, "pt", w))  # fmt: skip
    mine = [m for m in view.matches if m.side(club_key) is not None]
    void = sum(1 for m in mine if not counts(m.match))
    if void:
        record += " " + w.ngettext("({n} match without a result in the source)",
                                   "({n} matches without a result in the source)",
                                   void)  # fmt: skip
    return w._("{place} in {group}: {record}", place=w.ordinal(place), group=where, record=record)


def placing_line(view: GroupView, club_key: str, w: Words = ENGLISH) -> str:
    """The club's group as a line of its path: "Group: 1st in the group of …"."""
    return w.labelled(round_title(view.round.name, w), placing(view, club_key, w))


def group_summary(views: Sequence[GroupView], w: Words = ENGLISH) -> str:
    """How many groups and matches, and the tables' rule; whether printed tables agree."""
    n_matches = sum(len(v.group.matches) for v in views)
    text = w._("{groups} and {matches} in the source.", groups=plural(len(views), "group", w),
               matches=matches_text(n_matches, w))  # fmt: skip
    text += " " + w._(
        "Tables are computed from the matches by CAF's rules: points, then the matches between "
        "the teams level on points, then goal difference and goals scored."
    )
    printed = [v for v in views if v.group.table]
    if printed and not any(v.printed_differs for v in printed):
        text += " " + w._("The tables the source prints agree with them.")
    return text


def group_answer(f: GroupFacts, multi: bool, w: Words = ENGLISH) -> Answer:
    """/group: the groups asked, each a table and its matches."""
    seasons = list({id(g.season): g.season for g in f.groups}.values())
    names = " / ".join(season_name(s, multi or len(seasons) > 1, w) for s in seasons)
    if f.club is not None:
        title = w._("{club} · {seasons} · group", club=md(w.club(f.club)), seasons=md(names))
    elif len(f.groups) > 1:
        title = w._("{seasons} · groups", seasons=md(names))
    else:
        title = w._("{seasons} · group", seasons=md(names))
    blocks = [b for g in f.groups for b in group_blocks(g, multi or len(seasons) > 1, w=w)]
    return Answer(
        "group",
        title,
        group_summary(f.groups, w),
        cap_blocks(blocks, what="groups", w=w),
        footer(seasons, w),
        query=f.query.as_dict(),
        matches=tuple(m for g in f.groups for m in g.matches),
    )
