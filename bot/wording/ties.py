"""Blocks of an answer: a tie in full, and a tie on one line.

The engine decides *which* ties an answer is about; this module decides how
each one reads, so `/tie`, `/headtohead`, `/season` and `/decided` show a tie
the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bot.domain.catalog import Entry
from bot.domain.models import Disagreement, Leg, Season
from bot.domain.names import clip
from bot.wording.answer import Block, Outcome
from bot.wording.decisions import consequence, decision
from bot.wording.legs import date_text, leg_line, ordinal, scorer_lines
from bot.wording.markdown import MAX_BODY, md, plural, split_lines

NOTE_LIMIT = 300
COMPACT_LINE_BUDGET = 30 * MAX_BODY
MAX_LIST_LINES = 150  # a list longer than this is better narrowed by season or round


def season_name(season: Season, multi: bool) -> str:
    return f"{season.competition} {season.label}" if multi else season.label


def tie_title(entry: Entry, multi: bool) -> str:
    """ "2012 · Preliminary round — Simba vs ?" (first-leg home team first, as the source lists)."""
    tie = entry.tie
    other = md(tie.team2) if tie.team2 else "?"
    head = md(season_name(entry.season, multi))
    return f"{head} · {md(entry.round.name)} — {md(tie.team1)} vs {other}"


def outcome_for(entry: Entry, club_key: str | None) -> Outcome:
    side = entry.side(club_key) if club_key else None
    if side is None or entry.tie.winner is None:
        return Outcome.NEUTRAL
    return Outcome.WON if side == entry.tie.winner else Outcome.LOST


def tie_lines(entry: Entry, club_key: str | None = None) -> list[str]:
    """Legs (home team first, leg winner in bold), scorers, the decision, what came next, notes."""
    tie = entry.tie
    lines: list[str] = []
    if tie.team2 is None:
        lines.append("Opponent: not named in the source.")
    for number, leg in enumerate(tie.legs, start=1):
        lines.append(leg_line(leg, number, single=tie.single_match))
        lines.extend(scorer_lines(leg))
    if not tie.legs:
        lines.append("Legs: the source gives only the result, not the matches.")
    elif not any(leg.goals for leg in tie.legs) and any(
        leg.played and (leg.home_goals or leg.away_goals) for leg in tie.legs
    ):
        lines.append("Scorers: not given in the source.")
    lines.append(decision(tie) + ".")
    after = consequence(entry, club_key)
    if after:
        lines.append(after)
    if tie.winner_as_stated and tie.winner_as_stated != tie.winner_name:
        lines.append(
            f"Note: the source names the winner as {md(tie.winner_as_stated)} "
            f"(the legs say {md(tie.winner_name)})."
        )
    for note in tie.notes:
        lines.append(f"Note: {md(clip(' '.join(note.split()), NOTE_LIMIT))}")
    lines.extend(disagreement_line(d) for d in tie.disagreements)
    return lines


_DISPUTED = {"result": "the result", "date": "the date", "penalties": "the shoot-out",
             "winner": "who went through", "aggregate": "the aggregate",
             "shootout": "the shoot-out", "legs": "how many legs were played"}  # fmt: skip


def disagreement_line(d: Disagreement, match: bool = False) -> str:
    """ "The sources disagree on the result of the 2nd leg: cancelled (a.txt:41) vs
    awarded 3–0 (b.txt:28)." (``match``: a group match, not a tie's leg)."""
    what = _DISPUTED.get(d.fact, d.fact)
    if d.leg is not None:
        what += " of the match" if match else f" of the {ordinal(d.leg)} leg"

    def value(text: str) -> str:
        if d.fact == "date":
            return date_text_of(text)
        words = re.sub(r"(\d)-(\d)", "\\1–\\2", text).replace(" aet", " after extra time")
        return plural(int(words), "leg") if d.fact == "legs" and words.isdigit() else words

    said = " vs ".join(f"{md(value(v.value))} ({md(str(v.source))})" for v in d.versions)
    return f"The sources disagree on {what}: {said}."


def date_text_of(iso: str) -> str:
    """An ISO date as the legs show dates ("9 Sep 2022"); other text as it is."""
    try:
        return date_text(Leg("", "", None, None, date=dt.date.fromisoformat(iso))) or iso
    except ValueError:
        return iso


# A tie reads the same every time it is shown from the same club's side: its blocks are
# remembered.  Keyed by the entry's identity (hashing an Entry would hash its whole season),
# with the entry kept in the value so that identity cannot be reused while remembered.
_BLOCKS: dict[tuple[int, str | None, bool], tuple[Entry, tuple[Block, ...]]] = {}
BLOCKS_MEMO_SIZE = 32768


def forget() -> None:
    """Drop the remembered blocks (a new catalog is being served: the old entries may go)."""
    _BLOCKS.clear()


def tie_blocks(entry: Entry, club_key: str | None, multi: bool) -> list[Block]:
    """A tie in full: its title, and its lines from ``club_key``'s side (when given)."""
    key = (id(entry), club_key, multi)
    found = _BLOCKS.get(key)
    if found is not None and found[0] is entry:
        return list(found[1])
    blocks = split_lines(
        tie_title(entry, multi), tie_lines(entry, club_key), outcome_for(entry, club_key)
    )
    if len(_BLOCKS) >= BLOCKS_MEMO_SIZE:
        _BLOCKS.clear()
    _BLOCKS[key] = (entry, tuple(blocks))
    return blocks


def compact_line(entry: Entry, multi: bool, with_season: bool = False) -> str:
    """One line per tie for long lists: round, the two clubs, the decision."""
    tie = entry.tie
    other = md(tie.team2) if tie.team2 else "?"
    where = md(entry.round.name)
    if with_season:
        where = f"{md(season_name(entry.season, multi))} · {where}"
    return f"{where}: {md(tie.team1)} v {other} — {decision(tie)}"


def compact_blocks(
    entries: Sequence[Entry], multi: bool, by_season: bool = True
) -> tuple[list[Block], int]:
    """Ties listed one per line, a block (or more) per season; stops at a size budget.

    Returns the blocks and how many ties did not fit (the caller says so).
    """
    blocks: list[Block] = []
    budget = COMPACT_LINE_BUDGET
    shown = 0
    groups: dict[int, list[str]] = {}
    titles: dict[int, str] = {}
    for entry in entries:
        if shown >= MAX_LIST_LINES:
            break
        line = compact_line(entry, multi, with_season=not by_season)
        budget -= len(line) + 1
        if budget < 0:
            break
        key = id(entry.season) if by_season else 0
        titles.setdefault(key, md(season_name(entry.season, multi)) if by_season else "Ties")
        groups.setdefault(key, []).append(line)
        shown += 1
    for key, lines in groups.items():
        count = len(lines)
        title = (
            f"{titles[key]} ({count} tie{'s' if count != 1 else ''})" if by_season else titles[key]
        )
        blocks.extend(split_lines(title, lines))
    return blocks, len(entries) - shown
