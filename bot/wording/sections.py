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
from bot.wording.decisions import METHODS, decision, method_words, next_stage_words
from bot.wording.groups import matches_text
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.legs import leg_line
from bot.wording.markdown import lower_first, md, plural, split_lines
from bot.wording.rounds import competition_name, group_label, reach_text, round_title, the_round
from bot.wording.runs import record_lines, season_path, short_result
from bot.wording.ties import (
    compact_blocks,
    entry_namer,
    match_namer,
    namer,
    season_name,
    tie_blocks,
)

FULL_TIES_LIMIT = 40


def club_sections(
    club: Club,
    runs: Sequence[SeasonRun],
    matches: Sequence[MatchEntry],
    multi: bool,
    w: Words = ENGLISH,
) -> tuple[list[str], list[Block]]:
    """Identity lines, one path block per season (newest first, titled with how far the club
    went), then the record."""
    summary = []
    if club.country:
        summary.append(w._("Country: {country}", country=md(club.country)))
    if club.aliases:
        shown = w.separator.join(md(a) for a in club.aliases[:12])
        if len(club.aliases) > 12:
            summary.append(w._("Also known as: {names} and {n} more", names=shown,
                               n=len(club.aliases) - 12))  # fmt: skip
        else:
            summary.append(w._("Also known as: {names}", names=shown))
    blocks: list[Block] = []
    every: list[Entry] = []
    titles: dict[str, list[str]] = {}
    for run in runs:
        every.extend(run.entries)
        if run.reach.kind is ReachKind.CHAMPIONS:
            titles.setdefault(run.season.competition, []).append(run.season.label)
        title = f"{md(season_name(run.season, multi, w))} — {reach_text(run.reach, w)}"
        blocks.extend(split_lines(title, season_path(run, club.key, w.club(club), w), w=w))
    rec = club_record(every, club.key)
    won = [
        f"{md(competition_name(comp, w))} ({w.separator.join(md(x) for x in labels)})"
        for comp, labels in titles.items()
    ]
    count = sum(len(labels) for labels in titles.values())
    lines = record_lines(rec, club.key, match_record(matches, club.key), won, count, w)
    blocks.extend(split_lines(w._("Record"), lines, w=w))
    return summary, blocks


def meeting_summary(
    a: Club, b: Club, met: Sequence[Entry], matches: Sequence[MatchEntry] = (), w: Words = ENGLISH
) -> list[str]:
    """The tally of ties and, where known, of legs, group matches and goals."""
    lines = []
    one, two = md(w.club(a)), md(w.club(b))
    if met:
        a_ties = sum(1 for e in met if won(e, a.key))
        open_ties = sum(1 for e in met if e.tie.winner is None)
        ties = plural(len(met), "tie", w)
        if open_ties:
            lines.append(w._("{ties} between them: {a} won {a_won}, {b} won {b_won}, {open} "
                             "undecided in the source.", ties=ties, a=one, a_won=a_ties, b=two,
                             b_won=len(met) - a_ties - open_ties, open=open_ties))  # fmt: skip
        else:
            lines.append(w._("{ties} between them: {a} won {a_won}, {b} won {b_won}.", ties=ties,
                             a=one, a_won=a_ties, b=two, b_won=len(met) - a_ties))  # fmt: skip
        rec = club_record(met, a.key)
        if rec.legs_known:
            lines.append(w._("Legs (where the source gives them): {a} won {a_won}, {drawn}, "
                             "{b} won {b_won}; goals {goals}.", a=one, a_won=rec.legs_won,
                             drawn=plural(rec.legs_drawn, "drawn", w), b=two, b_won=rec.legs_lost,
                             goals=f"{rec.goals_for}–{rec.goals_against}"))  # fmt: skip
    if matches:
        g = match_record(matches, a.key)
        lines.append(w._("{matches} in group stages: {a} won {a_won}, {drawn}, {b} won "
                         "{b_won}; goals {goals}.", matches=matches_text(len(matches), w), a=one,
                         a_won=g.won, drawn=plural(g.drawn, "drawn", w), b=two, b_won=g.lost,
                         goals=f"{g.goals_for}–{g.goals_against}"))  # fmt: skip
    return lines


def meeting_match_blocks(
    matches: Sequence[MatchEntry], multi: bool, w: Words = ENGLISH
) -> list[Block]:
    """The group matches between two clubs, a block per season's group."""
    by_group: dict[int, list[MatchEntry]] = {}
    for m in matches:
        by_group.setdefault(id(m.group), []).append(m)
    blocks: list[Block] = []
    for found in by_group.values():
        first = found[0]
        title = w._("{season} · {round} — group matches",
                    season=md(season_name(first.season, multi, w)),
                    round=round_title(first.round.name, w))  # fmt: skip
        lines = [leg_line(m.match, i, False, w, match_namer(m, w)) for i, m in enumerate(found, 1)]
        blocks.extend(split_lines(title, lines, w=w))
    return blocks


def common_lines(
    a: Club, b: Club, common: Sequence[CommonOpponent], w: Words = ENGLISH
) -> list[str]:
    """One line per club both have met: each one's results against it."""

    def results(entries: Sequence[Entry], club_key: str) -> str:
        return w.clauses(
            f"{short_result(e, club_key, name_opponent=False, w=w)} "
            f"({md(e.season.label)} · {round_title(e.round.name, w)})"
            for e in entries
        )

    return [
        w._(
            "{opponent} — {a}: {a_results} | {b}: {b_results}",
            opponent=f"**{md(w.club(c.opponent))}**",
            a=md(w.club(a)),
            a_results=results(c.ties_a, a.key),
            b=md(w.club(b)),
            b_results=results(c.ties_b, b.key),
        )
        for c in common
    ]


def coverage(rnd: Round, w: Words = ENGLISH) -> str:
    """ "16 of the 20 first-round ties are in the source", "4 groups and 48 matches"."""
    if rnd.groups:
        n = sum(len(g.matches) for g in rnd.groups)
        return w._("{groups} and {matches} in the source",
                   groups=plural(len(rnd.groups), "group", w),
                   matches=matches_text(n, w))  # fmt: skip
    n = len(rnd.ties)
    name = lower_first(md(rnd.name))
    if w.translated:
        return _coverage(n, rnd.expected_ties, w)
    if not name.endswith(" round"):
        return w.ngettext("{n} tie in the source", "{n} ties in the source", n)
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


def _coverage(n: int, expected: int | None, w: Words) -> str:
    """How many of a round's ties the source has, the round named by its heading."""
    if expected is None or n < expected:
        found = w.ngettext("{n} tie in the source", "{n} ties in the source", n)
        if expected is None:
            return found
        return w.ngettext("{found}, of {n} in the round", "{found}, of {n} in the round",
                          expected, found=found)  # fmt: skip
    if expected == 1:
        return w._("the only tie is in the source")
    return w.ngettext("all {n} ties are in the source", "all {n} ties are in the source", expected)


def champion_line(view: SeasonView, multi: bool, w: Words = ENGLISH) -> str | None:
    """ "CAF Champions League 2023–24 final: … — **Al Ahly SC** won 1–0 on aggregate."."""
    final = view.final
    if final is None:
        return None
    head = md(season_name(view.season, multi, w))
    tie = final.tie
    name = entry_namer(final, w)
    other = name(tie.team2) if tie.team2 else w.pgettext("unknown team", "?")
    if tie.winner is None:
        return w._("{season} final: {home} v {away} — the source does not say who won it.",
                   season=head, home=name(tie.team1), away=other)  # fmt: skip
    return w._("{season} final: {home} v {away} — {decision}. Champions: {club}.", season=head,
               home=name(tie.team1), away=other, decision=decision(tie, w, name),
               club=f"**{name(tie.winner_name or '')}**")  # fmt: skip


def season_sections(view: SeasonView, multi: bool, w: Words = ENGLISH) -> list[Block]:
    """Rounds and coverage, how ties were decided, the groups, the final or who qualified, and
    the widest margin."""
    season, entries = view.season, view.entries
    head = md(season_name(season, multi, w))
    rounds = [w.labelled(round_title(r.name, w), coverage(r, w)) for r in season.rounds]
    counts = method_counts(entries)
    methods = [
        w.labelled(_capital(method_words(m, w)), str(counts[m])) for m in METHODS if counts.get(m)
    ] or [w._("No ties in the source.")]
    blocks = split_lines(w._("{season} · Rounds", season=head), rounds, w=w)
    blocks += split_lines(w._("{season} · How ties were decided", season=head), methods, w=w)
    if view.groups:
        lines = [_group_line(g, w) for g in view.groups]
        blocks += split_lines(w._("{season} · Groups", season=head), lines, w=w)
    if view.final is None and season.rounds and not season.rounds[-1].groups:
        blocks += _qualified(season, entries, head, w)
    margin, widest = widest_margin(entries)
    if widest:
        lines = [_margin_line(e, w) for e in widest[:5]]
        if len(widest) > 5:
            lines.append(w.ngettext("… and {n} more tie with a {margin}-goal margin",
                                    "… and {n} more ties with a {margin}-goal margin",
                                    len(widest) - 5, margin=margin))  # fmt: skip
        title = w._("{season} · Widest aggregate margin ({goals})", season=head,
                    goals=plural(margin, "goal", w))  # fmt: skip
        blocks += split_lines(title, lines, w=w)
    return blocks


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _group_line(view: GroupView, w: Words) -> str:
    """A group's final order with points; named only when its source names it."""
    clubs = dict(zip((r.team for r in view.table), view.clubs, strict=True))
    name = namer(clubs, w)
    table = w.separator.join(f"{name(r.team)} {r.points}" for r in view.table)
    return w.labelled(group_label(view.name, w), table) if view.name else table


def _qualified(season: Season, entries: Sequence[Entry], head: str, w: Words) -> list[Block]:
    last = season.rounds[-1]
    last_entries = [e for e in entries if e.round is last or e.round.name == last.name]
    if not last_entries or is_final(last):
        return []
    unknown = w.pgettext("unknown team", "?")
    names = w.separator.join(
        md(w.club(e.winner_club)) if e.winner_club else unknown for e in last_entries
    )
    stage, group = next_stage_words(last_entries[0], w)
    if group:
        text = w._("From {round}, for {stage}: {clubs}", round=the_round(last.name, w),
                   stage=stage, clubs=names)  # fmt: skip
    else:
        text = w._("From {round}, to {stage}: {clubs}", round=the_round(last.name, w),
                   stage=stage, clubs=names)  # fmt: skip
    if last.expected_ties and len(last_entries) < last.expected_ties:
        text += f" ({coverage(last, w)})"
    return split_lines(w._("{season} · Qualified", season=head), [text], w=w)


def _margin_line(entry: Entry, w: Words) -> str:
    agg = aggregate(entry.tie)
    winner, loser = entry.winner_club, entry.loser_club
    score = ""
    if agg is not None:
        hi, lo = for_winner(agg, entry.tie)
        score = f"{hi}–{lo} "
    loser_name = md(w.club(loser)) if loser else w._("an opponent not named in the source")
    return score + w._("— {club} beat {other} ({round})",
                       club=f"**{md(w.club(winner)) if winner else '?'}**", other=loser_name,
                       round=round_title(entry.round.name, w))  # fmt: skip


def round_blocks(
    entries: Sequence[Entry], multi: bool, w: Words = ENGLISH
) -> tuple[list[Block], int]:
    """A round's ties in full when few, one line each when many."""
    if len(entries) <= FULL_TIES_LIMIT:
        blocks: list[Block] = []
        for entry in entries:
            blocks.extend(tie_blocks(entry, None, multi, w))
        return blocks, 0
    return compact_blocks(entries, multi, by_season=False, w=w)
