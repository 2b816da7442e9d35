"""Sections of the multi-tie answers: a club's seasons, a meeting of two clubs, a season.

Each function gets already-resolved facts (clubs, runs, entries, groups)
and returns the summary lines and blocks; ``answers`` wraps them into an
Answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.analysis import club_record, match_record, method_counts, widest_margin, won
from bot.answering.facts import CommonOpponent, SeasonView
from bot.answering.progress import SeasonRun
from bot.answering.tournament import GroupView, ReachKind, is_final
from bot.domain.catalog import Entry, MatchEntry
from bot.domain.models import Club, Round, Season
from bot.domain.score import aggregate, for_winner
from bot.wording.answer import Block
from bot.wording.decisions import METHOD_WORDS, decision, went_on
from bot.wording.groups import matches_text
from bot.wording.legs import leg_line
from bot.wording.markdown import lower_first, md, plural, split_lines
from bot.wording.rounds import reach_text, the_round
from bot.wording.runs import record_lines, season_path, short_result
from bot.wording.ties import compact_blocks, season_name, tie_blocks

FULL_TIES_LIMIT = 40


def club_sections(
    club: Club, runs: Sequence[SeasonRun], matches: Sequence[MatchEntry], multi: bool
) -> tuple[list[str], list[Block]]:
    """Identity lines, one path block per season (newest first, titled with how far the club
    went), then the record."""
    summary = []
    if club.country:
        summary.append(f"Country: {md(club.country)}")
    if club.aliases:
        shown = ", ".join(md(a) for a in club.aliases[:12])
        more = f" and {len(club.aliases) - 12} more" if len(club.aliases) > 12 else ""
        summary.append(f"Also known as: {shown}{more}")
    blocks: list[Block] = []
    every: list[Entry] = []
    titles: dict[str, list[str]] = {}
    for run in runs:
        every.extend(run.entries)
        if run.reach.kind is ReachKind.CHAMPIONS:
            titles.setdefault(run.season.competition, []).append(run.season.label)
        title = f"{md(season_name(run.season, multi))} — {reach_text(run.reach)}"
        blocks.extend(split_lines(title, season_path(run, club.key, club.name)))
    rec = club_record(every, club.key)
    won = [f"{md(comp)} ({', '.join(md(x) for x in labels)})" for comp, labels in titles.items()]
    count = sum(len(labels) for labels in titles.values())
    lines = record_lines(rec, club.key, match_record(matches, club.key), won, count)
    blocks.extend(split_lines("Record", lines))
    return summary, blocks


def meeting_summary(
    a: Club, b: Club, met: Sequence[Entry], matches: Sequence[MatchEntry] = ()
) -> list[str]:
    """The tally of ties and, where known, of legs, group matches and goals."""
    lines = []
    if met:
        a_ties = sum(1 for e in met if won(e, a.key))
        open_ties = sum(1 for e in met if e.tie.winner is None)
        undecided = f", {open_ties} undecided in the source" if open_ties else ""
        lines.append(
            f"{len(met)} tie{'s' if len(met) != 1 else ''} between them: "
            f"{md(a.name)} won {a_ties}, {md(b.name)} won {len(met) - a_ties - open_ties}"
            f"{undecided}."
        )
        rec = club_record(met, a.key)
        if rec.legs_known:
            lines.append(
                f"Legs (where the source gives them): {md(a.name)} won {rec.legs_won}, "
                f"{rec.legs_drawn} drawn, {md(b.name)} won {rec.legs_lost}; "
                f"goals {rec.goals_for}–{rec.goals_against}."
            )
    if matches:
        g = match_record(matches, a.key)
        lines.append(
            f"{matches_text(len(matches))} in group stages: {md(a.name)} won {g.won}, "
            f"{g.drawn} drawn, {md(b.name)} won {g.lost}; goals {g.goals_for}–{g.goals_against}."
        )
    return lines


def meeting_match_blocks(matches: Sequence[MatchEntry], multi: bool) -> list[Block]:
    """The group matches between two clubs, a block per season's group."""
    by_group: dict[int, list[MatchEntry]] = {}
    for m in matches:
        by_group.setdefault(id(m.group), []).append(m)
    blocks: list[Block] = []
    for found in by_group.values():
        first = found[0]
        title = f"{md(season_name(first.season, multi))} · {md(first.round.name)} — group matches"
        lines = [leg_line(m.match, i) for i, m in enumerate(found, start=1)]
        blocks.extend(split_lines(title, lines))
    return blocks


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
    """ "16 of the 20 first-round ties are in the source", "4 groups and 48 matches"."""
    if rnd.groups:
        n = sum(len(g.matches) for g in rnd.groups)
        return f"{plural(len(rnd.groups), 'group')} and {matches_text(n)} in the source"
    n = len(rnd.ties)
    name = lower_first(md(rnd.name))
    if not name.endswith(" round"):
        return f"{n} tie{'s' if n != 1 else ''} in the source"
    adjective = name[: -len(" round")] + "-round"
    if rnd.expected_ties is None:
        return f"{n} {adjective} tie{'s' if n != 1 else ''} in the source"
    if n >= rnd.expected_ties:
        if rnd.expected_ties == 1:
            return f"the only {adjective} tie is in the source"
        both = "both" if rnd.expected_ties == 2 else f"all {rnd.expected_ties}"
        return f"{both} {adjective} ties are in the source"
    verb = "is" if n == 1 else "are"
    return f"{n} of the {rnd.expected_ties} {adjective} ties {verb} in the source"


def champion_line(view: SeasonView, multi: bool) -> str | None:
    """ "CAF Champions League 2023–24 final: … — **Al Ahly SC** won 1–0 on aggregate."."""
    final = view.final
    if final is None:
        return None
    head = md(season_name(view.season, multi))
    tie = final.tie
    other = md(tie.team2) if tie.team2 else "?"
    if tie.winner is None:
        return f"{head} final: {md(tie.team1)} v {other} — the source does not say who won it."
    text = f"{head} final: {md(tie.team1)} v {other} — {decision(tie)}."
    return text + f" Champions: **{md(tie.winner_name)}**."


def season_sections(view: SeasonView, multi: bool) -> list[Block]:
    """Rounds and coverage, how ties were decided, the groups, the final or who qualified, and
    the widest margin."""
    season, entries = view.season, view.entries
    head = md(season_name(season, multi))
    rounds = [f"{md(r.name)}: {coverage(r)}" for r in season.rounds]
    counts = method_counts(entries)
    methods = [
        f"{METHOD_WORDS[m][:1].upper()}{METHOD_WORDS[m][1:]}: {counts[m]}"
        for m in METHOD_WORDS
        if counts.get(m)
    ] or ["No ties in the source."]
    blocks = split_lines(f"{head} · Rounds", rounds)
    blocks += split_lines(f"{head} · How ties were decided", methods)
    if view.groups:
        blocks += split_lines(f"{head} · Groups", [_group_line(g) for g in view.groups])
    if view.final is None and season.rounds and not season.rounds[-1].groups:
        blocks += _qualified(season, entries, head)
    margin, widest = widest_margin(entries)
    if widest:
        lines = [_margin_line(e) for e in widest[:5]]
        if len(widest) > 5:
            lines.append(f"… and {len(widest) - 5} more ties with a {margin}-goal margin")
        blocks += split_lines(f"{head} · Widest aggregate margin ({plural(margin, 'goal')})", lines)
    return blocks


def _group_line(view: GroupView) -> str:
    """A group's final order with points; named only when its source names it."""
    table = ", ".join(f"{md(r.team)} {r.points}" for r in view.table)
    return f"{md(view.name)}: {table}" if view.name else table


def _qualified(season: Season, entries: Sequence[Entry], head: str) -> list[Block]:
    last = season.rounds[-1]
    last_entries = [e for e in entries if e.round is last or e.round.name == last.name]
    if not last_entries or is_final(last):
        return []
    stage = went_on(last_entries[0]).split(" ", 1)[1]
    names = ", ".join(md(e.winner_club.name) if e.winner_club else "?" for e in last_entries)
    text = f"From {the_round(last.name)}, {stage}: {names}"
    if last.expected_ties and len(last_entries) < last.expected_ties:
        text += f" ({coverage(last)})"
    return split_lines(f"{head} · Qualified", [text])


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
