"""Blocks of an answer: a tie in full, and a tie on one line.

The engine decides *which* ties an answer is about; this module decides how
each one reads, so `/tie`, `/headtohead`, `/season` and `/decided` show a tie
the same way everywhere, in the answer's language (a club with a curated name in
that language is shown by it; every other by the source's spelling).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from bot.domain.catalog import Entry, MatchEntry
from bot.domain.models import Club, Disagreement, Leg, Season
from bot.domain.names import clip
from bot.wording.answer import Block, Outcome
from bot.wording.decisions import consequence, decision
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.legs import Namer, date_text, leg_line, leg_name, scorer_lines
from bot.wording.markdown import MAX_BODY, md, plural, split_lines
from bot.wording.rounds import competition_name, round_title

NOTE_LIMIT = 300
COMPACT_LINE_BUDGET = 30 * MAX_BODY
MAX_LIST_LINES = 150  # a list longer than this is better narrowed by season or round


def season_name(season: Season, multi: bool, w: Words = ENGLISH) -> str:
    """ "CAF Champions League 2023–24" (several competitions loaded), else "2023–24"."""
    if not multi:
        return season.label
    return f"{competition_name(season.competition, w)} {season.label}"


def namer(clubs: Mapping[str, Club | None], w: Words) -> Namer:
    """Shows each team (as the source spells it) by its club's curated name in ``w``'s
    language; a team of another club, or in English, as the source spells it."""
    if not w.translated or not any(c is not None and c.names for c in clubs.values()):
        return md
    shown = {
        team: md(w.club(club))
        for team, club in clubs.items()
        if club is not None and any(lang == w.lang for lang, _ in club.names)
    }

    def name(team: str) -> str:
        return shown.get(team) or md(team)

    return name


def entry_namer(entry: Entry, w: Words) -> Namer:
    return namer({entry.tie.team1: entry.club1, entry.tie.team2 or "": entry.club2}, w)


def match_namer(m: MatchEntry, w: Words) -> Namer:
    return namer({m.match.home: m.home, m.match.away: m.away}, w)


def tie_title(entry: Entry, multi: bool, w: Words = ENGLISH) -> str:
    """ "2012 · Preliminary round — Simba vs ?" (first-leg home team first, as the source lists)."""
    tie = entry.tie
    name = entry_namer(entry, w)
    other = name(tie.team2) if tie.team2 else w.pgettext("unknown team", "?")
    head = md(season_name(entry.season, multi, w))
    return w._("{season} · {round} — {home} vs {away}", season=head,
               round=round_title(entry.round.name, w), home=name(tie.team1),
               away=other)  # fmt: skip


def outcome_for(entry: Entry, club_key: str | None) -> Outcome:
    side = entry.side(club_key) if club_key else None
    if side is None or entry.tie.winner is None:
        return Outcome.NEUTRAL
    return Outcome.WON if side == entry.tie.winner else Outcome.LOST


def tie_lines(entry: Entry, club_key: str | None = None, w: Words = ENGLISH) -> list[str]:
    """Legs (home team first, leg winner in bold), scorers, the decision, what came next, notes."""
    tie = entry.tie
    name = entry_namer(entry, w)
    lines: list[str] = []
    if tie.team2 is None:
        lines.append(w._("Opponent: not named in the source."))
    for number, leg in enumerate(tie.legs, start=1):
        lines.append(leg_line(leg, number, tie.single_match, w, name))
        lines.extend(scorer_lines(leg, w, name))
    if not tie.legs:
        lines.append(w._("Legs: the source gives only the result, not the matches."))
    elif not any(leg.goals for leg in tie.legs) and any(
        leg.played and (leg.home_goals or leg.away_goals) for leg in tie.legs
    ):
        lines.append(w._("Scorers: not given in the source."))
    lines.append(decision(tie, w, name) + ".")
    after = consequence(entry, club_key, w, name)
    if after:
        lines.append(after)
    if tie.winner_as_stated and tie.winner_as_stated != tie.winner_name:
        said = w._("Note: the source names the winner as {stated} (the legs say {club}).",
                   stated=md(tie.winner_as_stated), club=name(tie.winner_name or ""))  # fmt: skip
        lines.append(said)
    for note in tie.notes:
        lines.append(w._("Note: {note}", note=md(clip(" ".join(note.split()), NOTE_LIMIT))))
    lines.extend(disagreement_line(d, w=w) for d in tie.disagreements)
    return lines


def _disputed(fact: str, w: Words) -> str:
    match fact:
        case "result":
            return w.pgettext("disputed", "the result")
        case "date":
            return w.pgettext("disputed", "the date")
        case "penalties" | "shootout":
            return w.pgettext("disputed", "the shoot-out")
        case "winner":
            return w.pgettext("disputed", "who went through")
        case "aggregate":
            return w.pgettext("disputed", "the aggregate")
        case "legs":
            return w.pgettext("disputed", "how many legs were played")
    return fact


def disagreement_line(d: Disagreement, match: bool = False, w: Words = ENGLISH) -> str:
    """ "The sources disagree on the result of the 2nd leg: cancelled (a.txt:41) vs
    awarded 3–0 (b.txt:28)." (``match``: a group match, not a tie's leg)."""
    what = _disputed(d.fact, w)
    if d.leg is not None and match:
        what = w._("{what} of the match", what=what)
    elif d.leg is not None:
        what = w._("{what} of the {leg}", what=what, leg=leg_name(d.leg, w))

    def value(text: str) -> str:
        if d.fact == "date":
            return date_text_of(text, w)
        words = re.sub(r"(\d)-(\d)", "\\1–\\2", text).replace(" aet", " " + w._("after extra time"))
        return plural(int(words), "leg", w) if d.fact == "legs" and words.isdigit() else words

    said = w.pgettext("between versions", " vs ").join(
        w._("{value} ({source})", value=md(value(v.value)), source=md(str(v.source)))
        for v in d.versions
    )
    return w._("The sources disagree on {what}: {versions}.", what=what, versions=said)


def date_text_of(iso: str, w: Words = ENGLISH) -> str:
    """An ISO date as the legs show dates ("9 Sep 2022"); other text as it is."""
    try:
        return date_text(Leg("", "", None, None, date=dt.date.fromisoformat(iso)), w) or iso
    except ValueError:
        return iso


# A tie reads the same every time it is shown from the same club's side, in one language: its
# blocks are remembered.  Keyed by the entry's identity (hashing an Entry would hash its whole
# season), with the entry kept in the value so that identity cannot be reused while remembered.
_BLOCKS: dict[tuple[int, str | None, bool, str], tuple[Entry, tuple[Block, ...]]] = {}
BLOCKS_MEMO_SIZE = 32768


def forget() -> None:
    """Drop the remembered blocks (a new catalog is being served: the old entries may go)."""
    _BLOCKS.clear()
    _COMPACT.clear()


def tie_blocks(entry: Entry, club_key: str | None, multi: bool, w: Words = ENGLISH) -> list[Block]:
    """A tie in full: its title, and its lines from ``club_key``'s side (when given)."""
    key = (id(entry), club_key, multi, w.lang)
    found = _BLOCKS.get(key)
    if found is not None and found[0] is entry:
        return list(found[1])
    blocks = split_lines(
        tie_title(entry, multi, w), tie_lines(entry, club_key, w), outcome_for(entry, club_key), w
    )
    if len(_BLOCKS) >= BLOCKS_MEMO_SIZE:
        _BLOCKS.clear()
    _BLOCKS[key] = (entry, tuple(blocks))
    return blocks


_COMPACT: dict[tuple[int, bool, bool, str], tuple[Entry, str]] = {}


def compact_line(entry: Entry, multi: bool, with_season: bool = False, w: Words = ENGLISH) -> str:
    """One line per tie for long lists: round, the two clubs, the decision (remembered as
    ``tie_blocks`` are: /decided lists up to 150 of them)."""
    key = (id(entry), multi, with_season, w.lang)
    found = _COMPACT.get(key)
    if found is not None and found[0] is entry:
        return found[1]
    line = _compact_line(entry, multi, with_season, w)
    if len(_COMPACT) >= BLOCKS_MEMO_SIZE:
        _COMPACT.clear()
    _COMPACT[key] = (entry, line)
    return line


def _compact_line(entry: Entry, multi: bool, with_season: bool, w: Words) -> str:
    tie = entry.tie
    name = entry_namer(entry, w)
    other = name(tie.team2) if tie.team2 else w.pgettext("unknown team", "?")
    where = round_title(entry.round.name, w)
    if with_season:
        where = f"{md(season_name(entry.season, multi, w))} · {where}"
    return w._("{where}: {home} v {away} — {decision}", where=where, home=name(tie.team1),
               away=other, decision=decision(tie, w, name))  # fmt: skip


def compact_blocks(
    entries: Sequence[Entry], multi: bool, by_season: bool = True, w: Words = ENGLISH
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
        line = compact_line(entry, multi, not by_season, w)
        budget -= len(line) + 1
        if budget < 0:
            break
        key = id(entry.season) if by_season else 0
        title = md(season_name(entry.season, multi, w)) if by_season else w._("Ties")
        titles.setdefault(key, title)
        groups.setdefault(key, []).append(line)
        shown += 1
    for key, lines in groups.items():
        title = titles[key]
        if by_season:
            title = w._("{title} ({ties})", title=title, ties=plural(len(lines), "tie", w))
        blocks.extend(split_lines(title, lines, w=w))
    return blocks, len(entries) - shown
