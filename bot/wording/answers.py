"""Facts → Answer: the title, summary, blocks and footer of every command's answer.

One function per kind of facts.  ``multi`` (several competitions loaded) is
read from the catalog once, by the caller, and decides whether a season is
named with its competition.
"""

from __future__ import annotations

from bot.answering import facts as F
from bot.wording.answer import Answer, Outcome
from bot.wording.decisions import METHOD_WORDS
from bot.wording.guide import about_blocks, about_summary, help_blocks
from bot.wording.markdown import cap_blocks, listing, lower_first, md, plural, split_lines
from bot.wording.refusals import refusal_answer
from bot.wording.runs import gap_text
from bot.wording.sections import (
    club_sections,
    common_lines,
    coverage,
    meeting_summary,
    round_blocks,
    season_sections,
)
from bot.wording.ties import compact_blocks, footer, outcome_for, season_name, tie_blocks


def tie_answer(f: F.TieFacts, multi: bool) -> Answer:
    club, label, round_name, chosen = f.club, f.label, f.round_name, f.entries
    notes = []
    for gap in f.gaps:
        where = f"In {md(season_name(gap.season, multi))}: " if label is None else ""
        notes.append(where + gap_text(club.name, gap.reached, gap.seen_next))
    blocks = [b for e in chosen for b in tie_blocks(e, club.key, multi)]
    where = f" in {md(label)}" if label else ""
    what = f"{lower_first(round_name)} tie" if round_name else "tie"
    summary = [f"The source has {plural(len(chosen), what)} of {md(club.name)}{where}.", *notes]
    if f.also:
        summary.append(f"Other clubs with a similar name: {listing(c.name for c in f.also)}.")
    outcome = outcome_for(chosen[0], club.key) if len(chosen) == 1 else Outcome.NEUTRAL
    title = " · ".join(p for p in (club.name, label, round_name) if p)
    if not label and not round_name:
        title = f"{club.name} · ties"
    return Answer(
        "tie",
        md(title),
        "\n".join(summary),
        cap_blocks(blocks),
        footer(e.season for e in chosen),
        outcome=outcome,
        ties=chosen,
        query=f.query.as_dict(),
    )


def club_answer(f: F.ClubFacts, multi: bool) -> Answer:
    per_season = [(s, list(es)) for s, es in f.by_season]
    summary, blocks = club_sections(f.club, per_season, multi)
    if f.also:
        summary = [*summary, f"Other clubs with a similar name: {listing(c.name for c in f.also)}."]
    title = f"{f.club.name} · {f.label}" if f.label else f.club.name
    return Answer(
        "club",
        md(title),
        "\n".join(summary),
        cap_blocks(blocks, what="seasons"),
        footer(s for s, _ in f.by_season),
        ties=f.entries,
        query=f.query.as_dict(),
    )


def headtohead_answer(f: F.HeadToHeadFacts, multi: bool) -> Answer:
    a, b = f.a, f.b
    title = md(f"{a.name} v {b.name}")
    if f.met:
        blocks = [blk for e in f.met for blk in tie_blocks(e, a.key, multi)]
        return Answer(
            "headtohead",
            title,
            "\n".join(meeting_summary(a, b, f.met)),
            cap_blocks(blocks),
            footer(e.season for e in f.met),
            ties=f.met,
            query=f.query.as_dict(),
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
        blocks = [b for s, es in f.by_season for b in season_sections(s, es, multi)]
        total = plural(len(f.entries), "tie")
        rounds = plural(sum(len(s.rounds) for s in seasons), "round")
        return Answer(
            "season",
            md(" / ".join(season_name(s, multi) for s in seasons)),
            f"{total} in the source across {rounds}.",
            cap_blocks(blocks),
            footer(seasons),
            ties=f.entries,
            query=f.query.as_dict(),
        )
    covered = "; ".join(coverage(r) for s in seasons for r in s.rounds if r.name == round_name)
    blocks, hidden = round_blocks(f.entries, multi)
    title = md(" / ".join(f"{season_name(s, multi)} · {round_name}" for s in seasons))
    return Answer(
        "season",
        title,
        covered[:1].upper() + covered[1:] + ".",
        cap_blocks(blocks, hidden),
        footer(seasons),
        ties=f.entries,
        query=f.query.as_dict(),
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
