"""Sections of the multi-tie answers: a club's seasons, a meeting of two clubs, a season, a method.

Each function gets already-resolved inputs (clubs, seasons, entries) and
returns the summary lines and blocks; the engine wraps them into an Answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.analysis import club_record, method_counts, widest_margin, won
from bot.answering.facts import CommonOpponent
from bot.domain.catalog import Entry
from bot.domain.models import Club, Round, Season
from bot.domain.score import aggregate, for_winner
from bot.wording.answer import Block
from bot.wording.decisions import METHOD_WORDS, went_on
from bot.wording.markdown import lower_first, md, plural, split_lines
from bot.wording.runs import record_lines, season_path, short_result
from bot.wording.ties import compact_blocks, season_name, tie_blocks

FULL_TIES_LIMIT = 40


def club_sections(
    club: Club, by_season: Sequence[tuple[Season, list[Entry]]], multi: bool
) -> tuple[list[str], list[Block]]:
    """Identity lines, one path block per season (newest first), then the record."""
    summary = []
    if club.country:
        summary.append(f"Country: {md(club.country)}")
    if club.aliases:
        shown = ", ".join(md(a) for a in club.aliases[:12])
        more = f" and {len(club.aliases) - 12} more" if len(club.aliases) > 12 else ""
        summary.append(f"Also known as: {shown}{more}")
    blocks: list[Block] = []
    every: list[Entry] = []
    for season, entries in by_season:
        every.extend(entries)
        path = season_path(season, entries, club.key, club.name)
        blocks.extend(split_lines(md(season_name(season, multi)), path))
    blocks.extend(split_lines("Record", record_lines(club_record(every, club.key), club.key)))
    return summary, blocks


def meeting_summary(a: Club, b: Club, met: Sequence[Entry]) -> list[str]:
    """The tally of ties and, where legs are known, of legs and goals."""
    a_ties = sum(1 for e in met if won(e, a.key))
    rec = club_record(met, a.key)
    lines = [
        f"{len(met)} tie{'s' if len(met) != 1 else ''} between them: "
        f"{md(a.name)} won {a_ties}, {md(b.name)} won {len(met) - a_ties}."
    ]
    if rec.legs_known:
        lines.append(
            f"Legs (where the source gives them): {md(a.name)} won {rec.legs_won}, "
            f"{rec.legs_drawn} drawn, {md(b.name)} won {rec.legs_lost}; "
            f"goals {rec.goals_for}–{rec.goals_against}."
        )
    return lines


def common_lines(a: Club, b: Club, common: Sequence[CommonOpponent]) -> list[str]:
    """One line per club both have met: each one's results against it."""

    def results(entries: Sequence[Entry], club_key: str) -> str:
        return "; ".join(
            f"{short_result(e, club_key, name_opponent=False)} "
            f"({md(e.season.label)} · {md(e.round.name)})"
            for e in entries
        )

    return [
        f"**{md(c.opponent.name)}** — {md(a.name)}: {results(c.ties_a, a.key)} | "
        f"{md(b.name)}: {results(c.ties_b, b.key)}"
        for c in common
    ]


def coverage(rnd: Round) -> str:
    """ "16 of the 20 first-round ties are in the source"."""
    n = len(rnd.ties)
    adjective = lower_first(md(rnd.name))
    if adjective.endswith(" round"):
        adjective = adjective[: -len(" round")] + "-round"
    if rnd.expected_ties is None:
        return f"{n} {adjective} tie{'s' if n != 1 else ''} in the source"
    if n >= rnd.expected_ties:
        if rnd.expected_ties == 1:
            return f"the only {adjective} tie is in the source"
        both = "both" if rnd.expected_ties == 2 else f"all {rnd.expected_ties}"
        return f"{both} {adjective} ties are in the source"
    verb = "is" if n == 1 else "are"
    return f"{n} of the {rnd.expected_ties} {adjective} ties {verb} in the source"


def season_sections(season: Season, entries: Sequence[Entry], multi: bool) -> list[Block]:
    """Rounds and coverage, how ties were decided, who qualified, the widest margin."""
    head = md(season_name(season, multi))
    rounds = [f"{md(r.name)}: {coverage(r)}" for r in season.rounds]
    counts = method_counts(entries)
    methods = [
        f"{METHOD_WORDS[m].capitalize()}: {counts[m]}" for m in METHOD_WORDS if counts.get(m)
    ] or ["No ties in the source."]
    blocks = split_lines(f"{head} · Rounds", rounds)
    blocks += split_lines(f"{head} · How ties were decided", methods)
    if season.rounds:
        last = season.rounds[-1]
        last_entries = [e for e in entries if e.round is last or e.round.name == last.name]
        if last_entries:
            stage = went_on(last_entries[0]).split(" ", 1)[1]
            names = ", ".join(
                md(e.winner_club.name) if e.winner_club else "?" for e in last_entries
            )
            text = f"From the {md(lower_first(last.name))}, {stage}: {names}"
            if last.expected_ties and len(last_entries) < last.expected_ties:
                text += f" ({coverage(last)})"
            blocks += split_lines(f"{head} · Qualified", [text])
    margin, widest = widest_margin(entries)
    if widest:
        lines = [_margin_line(e) for e in widest[:5]]
        if len(widest) > 5:
            lines.append(f"… and {len(widest) - 5} more ties with a {margin}-goal margin")
        blocks += split_lines(f"{head} · Widest aggregate margin ({plural(margin, 'goal')})", lines)
    return blocks


def _margin_line(entry: Entry) -> str:
    agg = aggregate(entry.tie)
    winner, loser = entry.winner_club, entry.loser_club
    score = ""
    if agg is not None:
        hi, lo = for_winner(agg, entry.tie)
        score = f"{hi}–{lo} "
    loser_name = md(loser.name) if loser else "an opponent not named in the source"
    return (
        f"{score}— **{md(winner.name) if winner else '?'}** beat {loser_name} "
        f"({md(entry.round.name)})"
    )


def round_blocks(entries: Sequence[Entry], multi: bool) -> tuple[list[Block], int]:
    """A round's ties in full when few, one line each when many."""
    if len(entries) <= FULL_TIES_LIMIT:
        blocks: list[Block] = []
        for entry in entries:
            blocks.extend(tie_blocks(entry, None, multi))
        return blocks, 0
    return compact_blocks(entries, multi, by_season=False)
