"""Facts → Answer: the title, summary, blocks and footer of every command's answer.

One function per kind of facts.  ``multi`` (several competitions loaded) is
read from the catalog once, by the caller, and decides whether a season is
named with its competition.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering import facts as F
from bot.answering.tournament import GroupView
from bot.domain.catalog import Entry
from bot.wording.answer import Answer, Block, Outcome
from bot.wording.decisions import METHOD_WORDS
from bot.wording.groups import group_blocks, group_outcome, group_summary
from bot.wording.guide import about_blocks, about_summary, help_blocks
from bot.wording.markdown import (
    MAX_BLOCKS,
    cap_blocks,
    listing,
    lower_first,
    md,
    plural,
    split_lines,
)
from bot.wording.refusals import refusal_answer
from bot.wording.runs import gap_text
from bot.wording.sections import (
    champion_line,
    club_sections,
    common_lines,
    coverage,
    meeting_match_blocks,
    meeting_summary,
    round_blocks,
    season_sections,
)
from bot.wording.sources import footer
from bot.wording.ties import compact_blocks, outcome_for, season_name, tie_blocks


def _competitions_line(entries: Sequence[Entry], groups: Sequence[GroupView]) -> str | None:
    """ "Competitions: CAF Champions League (3 ties), …" when an answer spans several."""
    counted: dict[str, int] = {}
    for e in entries:
        counted[e.season.competition] = counted.get(e.season.competition, 0) + 1
    for g in groups:
        counted.setdefault(g.season.competition, 0)
    if len(counted) < 2:
        return None
    parts = [f"{md(c)} ({plural(n, 'tie')})" if n else md(c) for c, n in counted.items()]
    return f"Competitions: {', '.join(parts)}."


def tie_answer(f: F.TieFacts, multi: bool) -> Answer:
    club, label, round_name, chosen = f.club, f.label, f.round_name, f.entries
    notes = []
    for gap in f.gaps:
        where = f"In {md(season_name(gap.season, multi))}: " if label is None else ""
        notes.append(where + gap_text(club.name, gap.reached, gap.seen_next))
    blocks, hidden = _tie_and_group_blocks(f, multi)
    where = f" in {md(label)}" if label else ""
    what = f"{lower_first(round_name)} tie" if round_name and " / " not in round_name else "tie"
    if round_name and " / " in round_name:  # one round, named its own way by each competition
        where += f" ({md(round_name)})"
    summary = [f"The source has {plural(len(chosen), what)} of {md(club.name)}{where}."]
    its = "its group" if len(f.groups) == 1 else f"its {len(f.groups)} groups"
    if f.groups and round_name is None:
        if chosen:
            summary[0] = summary[0][:-1] + f", and {its}."
        else:
            summary[0] = f"The source has no tie of {md(club.name)}{where}, only {its}."
    elif f.groups:
        summary[0] = f"The source has {md(club.name)}'s group{where}."
    comps = _competitions_line(chosen, f.groups)
    summary += [*([comps] if comps else []), *notes]
    if f.also:
        summary.append(f"Other clubs with a similar name: {listing(c.name for c in f.also)}.")
    outcome = (
        outcome_for(chosen[0], club.key) if len(chosen) == 1 and not f.groups else (Outcome.NEUTRAL)
    )
    title = " · ".join(p for p in (club.name, label, round_name) if p)
    if not label and not round_name:
        title = f"{club.name} · ties"
    seasons = [*(e.season for e in chosen), *(g.season for g in f.groups)]
    return Answer(
        "tie",
        md(title),
        "\n".join(summary),
        cap_blocks(blocks, hidden, what="ties and groups"),
        footer(seasons),
        outcome=outcome,
        ties=chosen,
        query=f.query.as_dict(),
        matches=tuple(m for g in f.groups for m in g.matches if m.side(club.key) is not None),
    )


def _tie_and_group_blocks(f: F.TieFacts, multi: bool) -> tuple[list[Block], int]:
    """Ties and groups together: newest season first, stages in order within a season.

    Returns the blocks and how many ties and groups were left out (more than an answer shows).
    """
    seen = {s.key: s for s in [*(e.season for e in f.entries), *(g.season for g in f.groups)]}
    first = {key: i for i, key in enumerate(seen)}
    rank = {k: (-s.start_year, -s.end_year, first[k]) for k, s in seen.items()}
    items: list[tuple[tuple[int, int, int], int, int, Entry | GroupView]] = [
        (rank[e.season.key], e.round.order, e.tie.index, e) for e in f.entries
    ]
    items += [(rank[g.season.key], g.round.order, g.number, g) for g in f.groups]
    blocks: list[Block] = []
    ordered = sorted(items, key=lambda t: t[:3])
    for shown, (_, _, _, item) in enumerate(ordered):
        if len(blocks) >= MAX_BLOCKS:  # the rest would be cut: count it instead of writing it
            return blocks, len(ordered) - shown
        if isinstance(item, GroupView):
            after = group_outcome(
                item, f.club, next((r for r in f.runs if r.season is item.season), None)
            )
            blocks.extend(group_blocks(item, multi, f.club.key, after))
        else:
            blocks.extend(tie_blocks(item, f.club.key, multi))
    return blocks, 0


def club_answer(f: F.ClubFacts, multi: bool) -> Answer:
    summary, blocks = club_sections(f.club, f.runs, f.matches, multi)
    if f.also:
        summary = [*summary, f"Other clubs with a similar name: {listing(c.name for c in f.also)}."]
    title = f"{f.club.name} · {f.label}" if f.label else f.club.name
    return Answer(
        "club",
        md(title),
        "\n".join(summary),
        cap_blocks(blocks, what="seasons"),
        footer(r.season for r in f.runs),
        ties=f.entries,
        query=f.query.as_dict(),
        matches=f.matches,
    )


def headtohead_answer(f: F.HeadToHeadFacts, multi: bool) -> Answer:
    a, b = f.a, f.b
    title = md(f"{a.name} v {b.name}")
    if f.met or f.matches:
        blocks = [blk for e in f.met for blk in tie_blocks(e, a.key, multi)]
        blocks += meeting_match_blocks(f.matches, multi)
        return Answer(
            "headtohead",
            title,
            "\n".join(meeting_summary(a, b, f.met, f.matches)),
            cap_blocks(blocks),
            footer([*(e.season for e in f.met), *(m.season for m in f.matches)]),
            ties=f.met,
            query=f.query.as_dict(),
            matches=f.matches,
        )
    if f.open_rounds:
        where = listing((f"{s.label} {lower_first(r)}" for s, r in f.open_rounds), 300)
        summary = (
            f"The source names no tie between {md(a.name)} and {md(b.name)}, but it cannot rule "
            f"one out: both were in the {where}, where it does not name every opponent."
        )
    else:
        loaded = listing(f.loaded, 300)
        summary = f"{md(a.name)} and {md(b.name)} never met in the loaded seasons ({loaded})."
    lines = common_lines(a, b, f.common)
    if not lines:
        summary += " They have no common opponents in the loaded seasons either."
    blocks = split_lines("Common opponents", lines) if lines else []
    return Answer(
        "headtohead",
        title,
        summary,
        cap_blocks(blocks, what="opponents"),
        footer(e.season for e in f.related),
        ties=f.related,
        query=f.query.as_dict(),
    )


def season_answer(f: F.SeasonFacts, multi: bool) -> Answer:
    seasons, round_name = f.seasons, f.round_name
    if round_name is None:
        blocks = [b for v in f.views for b in season_sections(v, multi)]
        n_matches = sum(len(g.group.matches) for v in f.views for g in v.groups)
        total = plural(len(f.entries), "tie")
        if n_matches:
            total += f" and {n_matches} group match{'es' if n_matches != 1 else ''}"
        rounds = plural(sum(len(s.rounds) for s in seasons), "round")
        finals = [line for v in f.views if (line := champion_line(v, multi))]
        return Answer(
            "season",
            md(" / ".join(season_name(s, multi) for s in seasons)),
            "\n".join([f"{total} in the source across {rounds}.", *finals]),
            cap_blocks(blocks),
            footer(seasons),
            ties=f.entries,
            query=f.query.as_dict(),
        )
    asked = f.rounds or (round_name,)
    covered = "; ".join(coverage(r) for s in seasons for r in s.rounds if r.name in asked)
    blocks, hidden = round_blocks(f.entries, multi)
    if f.groups:
        blocks = [b for g in f.groups for b in group_blocks(g, multi)]
        covered = group_summary(f.groups)
    having = [s for s in seasons if any(r.name in asked for r in s.rounds)] or list(seasons)
    title = md(
        " / ".join(
            f"{season_name(s, multi)} · {next(r.name for r in s.rounds if r.name in asked)}"
            if any(r.name in asked for r in s.rounds)
            else season_name(s, multi)
            for s in having
        )
    )
    return Answer(
        "season",
        title,
        covered[:1].upper() + covered[1:] + ("" if covered.endswith(".") else "."),
        cap_blocks(blocks, hidden),
        footer(having),
        ties=f.entries,
        query=f.query.as_dict(),
        matches=tuple(m for g in f.groups for m in g.matches),
    )


def decided_answer(f: F.DecidedFacts, multi: bool) -> Answer:
    chosen, label = f.entries, f.label
    where = f" in {md(label)}" if label else " in the loaded seasons"
    words = METHOD_WORDS[f.method]
    if chosen:
        verb = "was" if len(chosen) == 1 else "were"
        summary = f"{plural(len(chosen), 'tie')}{where} {verb} decided {words}."
    else:
        summary = f"No tie{where} was decided {words}."
    blocks, hidden = compact_blocks(chosen, multi)
    return Answer(
        "decided",
        f"Decided {words}" + (f" · {md(label)}" if label else ""),
        summary,
        cap_blocks(blocks, hidden),
        footer(e.season for e in chosen[: len(chosen) - hidden]),  # already newest first
        ties=chosen,
        query=f.query.as_dict(),
    )


def about_answer(f: F.AboutFacts) -> Answer:
    cat = f.catalog
    return Answer(
        "about",
        "About tiebot",
        about_summary(cat),
        tuple(about_blocks(cat)),
        footer(cat.seasons),
        query=f.query.as_dict(),
    )


def help_answer(f: F.HelpFacts) -> Answer:
    return Answer("help", "tiebot commands", blocks=tuple(help_blocks()))


def refused(f: F.Refusal) -> Answer:
    return refusal_answer(f)
