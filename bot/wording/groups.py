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
from bot.wording.legs import leg_line, ordinal
from bot.wording.markdown import cap_blocks, listing, md, plural, split_lines
from bot.wording.rounds import the_round
from bot.wording.sources import footer
from bot.wording.ties import season_name

RULES = (
    "Tables are computed from the matches by CAF's rules: points, then the matches between "
    "the teams level on points, then goal difference and goals scored."
)


def matches_text(n: int) -> str:
    return f"{n} match" if n == 1 else f"{n} matches"


def group_name(view: GroupView) -> str:
    """ "Group A" as the source names it, else "the group of X, Y, Z, W" (source spellings)."""
    if view.name:
        return md(view.name)
    return "the group of " + listing(row.team for row in view.table)


def group_title(view: GroupView, multi: bool) -> str:
    """ "CAF Champions League 2023–24 · Group — Al Ahly SC, Young Africans, …"."""
    head = f"{md(season_name(view.season, multi))} · {md(view.round.name)}"
    if view.name and view.name != view.round.name:
        return f"{head} — {md(view.name)}"
    return f"{head} — {listing(row.team for row in view.table)}"


def row_line(place: int, row: StandingRow) -> str:
    """ "1. Al Ahly SC — P6 W3 D3 L0, goals 6–1, 12 pts"."""
    return (
        f"{place}. {md(row.team)} — P{row.played} W{row.won} D{row.drawn} L{row.lost}, "
        f"goals {row.goals_for}–{row.goals_against}, {plural(row.points, 'pt')}"
    )


def table_lines(view: GroupView) -> list[str]:
    lines = [row_line(i, row) for i, row in enumerate(view.table, start=1)]
    left_out = sum(1 for m in view.group.matches if not counts(m))
    if left_out:
        lines.append(f"{matches_text(left_out)} without a result in the source do not count.")
    if view.printed_differs:
        printed = "; ".join(f"{md(r.team)} {plural(r.points, 'pt')}" for r in view.group.table)
        line = view.group.table[0].line if view.group.table else 0
        lines.append(f"The source prints a different table (line {line}): {printed}.")
    return lines


def match_lines(matches: Sequence[MatchEntry]) -> list[str]:
    return [leg_line(m.match, i) for i, m in enumerate(matches, start=1)]


def group_blocks(
    view: GroupView, multi: bool, club_key: str | None = None, after: str = ""
) -> list[Block]:
    """The table, then the matches (only the club's, when a club is asked about)."""
    matches = [m for m in view.matches if club_key is None or m.side(club_key) is not None]
    lines = [*table_lines(view), *match_lines(matches)]
    if after:
        lines.append(after)
    return split_lines(group_title(view, multi), lines)


def group_outcome(view: GroupView, club: Club, run: SeasonRun | None) -> str:
    """ "Al Ahly SC finished 1st and played on in the quarter-finals." from the club's run."""
    row = view.row(club.key)
    place = view.position(club.key)
    if row is None or place is None:
        return ""
    text = f"{md(row.team)} finished {ordinal(place)}"
    later = [e for e in (run.entries if run else ()) if e.round.order > view.round.order]
    if later:
        return f"{text} and played on in {the_round(later[0].round.name)}."
    if any(r.order > view.round.order and r.ties for r in view.season.rounds):
        return f"{text}; no later round of the source names {md(club.name)}."
    return f"{text}."


def placing(view: GroupView, club_key: str) -> str:
    """ "2nd in the group of Mamelodi Sundowns, Al-Hilal, Coton Sport: W3 D1 L2, 10 pts"."""
    place = view.position(club_key)
    row = view.row(club_key)
    if place is None or row is None:
        return "in the group (its matches are not in the source)"
    others = [c.name for c in view.clubs if c is not None and c.key != club_key]
    if view.name:
        where = f"{md(view.name)} (with {listing(others)})"
    else:
        where = f"the group of {listing(others)}"
    record = f"W{row.won} D{row.drawn} L{row.lost}, {plural(row.points, 'pt')}"
    mine = [m for m in view.matches if m.side(club_key) is not None]
    void = sum(1 for m in mine if not counts(m.match))
    if void:
        record += f" ({matches_text(void)} without a result in the source)"
    return f"{ordinal(place)} in {where}: {record}"


def placing_line(view: GroupView, club_key: str) -> str:
    """The club's group as a line of its path: "Group: 1st in the group of …"."""
    return f"{md(view.round.name)}: {placing(view, club_key)}"


def group_summary(views: Sequence[GroupView]) -> str:
    """How many groups and matches, and the tables' rule; whether printed tables agree."""
    n_matches = sum(len(v.group.matches) for v in views)
    text = f"{plural(len(views), 'group')} and {matches_text(n_matches)} in the source. {RULES}"
    printed = [v for v in views if v.group.table]
    if printed and not any(v.printed_differs for v in printed):
        text += " The tables the source prints agree with them."
    return text


def group_answer(f: GroupFacts, multi: bool) -> Answer:
    """/group: the groups asked, each a table and its matches."""
    seasons = list({id(g.season): g.season for g in f.groups}.values())
    names = " / ".join(season_name(s, multi or len(seasons) > 1) for s in seasons)
    if f.club is not None:
        title = f"{f.club.name} · {names} · group"
    else:
        title = f"{names} · groups" if len(f.groups) > 1 else f"{names} · group"
    blocks = [b for g in f.groups for b in group_blocks(g, multi or len(seasons) > 1)]
    return Answer(
        "group",
        md(title),
        group_summary(f.groups),
        cap_blocks(blocks, what="groups"),
        footer(seasons),
        query=f.query.as_dict(),
        matches=tuple(m for g in f.groups for m in g.matches),
    )
