"""Facts → Answer: the title, summary, blocks and footer of every command's answer.

One function per kind of facts.  ``multi`` (several competitions loaded) is
read from the catalog once, by the caller, and decides whether a season is
named with its competition.
"""

from __future__ import annotations

from bot.answering import facts as F
from bot.wording.answer import Answer
from bot.wording.decisions import method_words
from bot.wording.groups import group_blocks, group_summary
from bot.wording.guide import about_blocks, about_summary, help_blocks
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import (
    cap_blocks,
    listing,
    lower_first,
    md,
    plural,
    split_lines,
)
from bot.wording.refusals import refusal_answer
from bot.wording.rounds import round_title
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
from bot.wording.tieanswer import also_line, tie_answer
from bot.wording.ties import compact_blocks, season_name, tie_blocks

__all__ = [
    "about_answer",
    "club_answer",
    "decided_answer",
    "headtohead_answer",
    "help_answer",
    "refused",
    "season_answer",
    "tie_answer",
]


def club_answer(f: F.ClubFacts, multi: bool, w: Words = ENGLISH) -> Answer:
    summary, blocks = club_sections(f.club, f.runs, f.matches, multi, w)
    if f.also:
        summary = [*summary, also_line(f.also, w)]
    name = md(w.club(f.club))
    title = f"{name} · {md(f.label)}" if f.label else name
    return Answer(
        "club",
        title,
        "\n".join(summary),
        cap_blocks(blocks, what="seasons", w=w),
        footer((r.season for r in f.runs), w),
        ties=f.entries,
        query=f.query.as_dict(),
        matches=f.matches,
    )


def headtohead_answer(f: F.HeadToHeadFacts, multi: bool, w: Words = ENGLISH) -> Answer:
    a, b = f.a, f.b
    one, two = md(w.club(a)), md(w.club(b))
    title = w._("{a} v {b}", a=one, b=two)
    if f.met or f.matches:
        blocks = [blk for e in f.met for blk in tie_blocks(e, a.key, multi, w)]
        blocks += meeting_match_blocks(f.matches, multi, w)
        return Answer(
            "headtohead",
            title,
            "\n".join(meeting_summary(a, b, f.met, f.matches, w)),
            cap_blocks(blocks, w=w),
            footer([*(e.season for e in f.met), *(m.season for m in f.matches)], w),
            ties=f.met,
            query=f.query.as_dict(),
            matches=f.matches,
        )
    if f.open_rounds:
        if w.translated:
            said = (f"{md(s.label)} {lower_first(round_title(r, w))}" for s, r in f.open_rounds)
            rounds = listing(said, 300, w, escape=False)
        else:
            rounds = listing((f"{s.label} {lower_first(r)}" for s, r in f.open_rounds), 300)
        summary = w._("The source names no tie between {a} and {b}, but it cannot rule one out: "
                      "both were in the {rounds}, where it does not name every opponent.", a=one,
                      b=two, rounds=rounds)  # fmt: skip
    else:
        summary = w._("{a} and {b} never met in the loaded seasons ({seasons}).", a=one, b=two,
                      seasons=listing(f.loaded, 300, w))  # fmt: skip
    lines = common_lines(a, b, f.common, w)
    if not lines:
        summary += " " + w._("They have no common opponents in the loaded seasons either.")
    blocks = split_lines(w._("Common opponents"), lines, w=w) if lines else []
    return Answer(
        "headtohead",
        title,
        summary,
        cap_blocks(blocks, what="opponents", w=w),
        footer((e.season for e in f.related), w),
        ties=f.related,
        query=f.query.as_dict(),
    )


def season_answer(f: F.SeasonFacts, multi: bool, w: Words = ENGLISH) -> Answer:
    seasons, round_name = f.seasons, f.round_name
    if round_name is None:
        blocks = [b for v in f.views for b in season_sections(v, multi, w)]
        n_matches = sum(len(g.group.matches) for v in f.views for g in v.groups)
        ties = plural(len(f.entries), "tie", w)
        rounds = plural(sum(len(s.rounds) for s in seasons), "round", w)
        if n_matches:
            first = w._("{ties} and {matches} in the source across {rounds}.", ties=ties,
                        matches=plural(n_matches, "group match", w), rounds=rounds)  # fmt: skip
        else:
            first = w._("{ties} in the source across {rounds}.", ties=ties, rounds=rounds)
        finals = [line for v in f.views if (line := champion_line(v, multi, w))]
        return Answer(
            "season",
            md(" / ".join(season_name(s, multi, w) for s in seasons)),
            "\n".join([first, *finals]),
            cap_blocks(blocks, w=w),
            footer(seasons, w),
            ties=f.entries,
            query=f.query.as_dict(),
        )
    asked = f.rounds or (round_name,)
    covered = w.clauses(coverage(r, w) for s in seasons for r in s.rounds if r.name in asked)
    blocks, hidden = round_blocks(f.entries, multi, w)
    if f.groups:
        blocks = [b for g in f.groups for b in group_blocks(g, multi, w=w)]
        covered = group_summary(f.groups, w)
    having = [s for s in seasons if any(r.name in asked for r in s.rounds)] or list(seasons)
    title = " / ".join(
        f"{md(season_name(s, multi, w))} · "
        f"{round_title(next(r.name for r in s.rounds if r.name in asked), w)}"
        if any(r.name in asked for r in s.rounds)
        else md(season_name(s, multi, w))
        for s in having
    )
    return Answer(
        "season",
        title,
        covered[:1].upper() + covered[1:] + ("" if covered.endswith(".") else "."),
        cap_blocks(blocks, hidden, w=w),
        footer(having, w),
        ties=f.entries,
        query=f.query.as_dict(),
        matches=tuple(m for g in f.groups for m in g.matches),
    )


def decided_answer(f: F.DecidedFacts, multi: bool, w: Words = ENGLISH) -> Answer:
    chosen, label = f.entries, f.label
    how = method_words(f.method, w)
    if chosen:
        ties = plural(len(chosen), "tie", w)
        if label:
            summary = w.ngettext("{ties} in {season} was decided {how}.",
                                 "{ties} in {season} were decided {how}.", len(chosen),
                                 ties=ties, season=md(label), how=how)  # fmt: skip
        else:
            summary = w.ngettext("{ties} in the loaded seasons was decided {how}.",
                                 "{ties} in the loaded seasons were decided {how}.", len(chosen),
                                 ties=ties, how=how)  # fmt: skip
    elif label:
        summary = w._("No tie in {season} was decided {how}.", season=md(label), how=how)
    else:
        summary = w._("No tie in the loaded seasons was decided {how}.", how=how)
    blocks, hidden = compact_blocks(chosen, multi, w=w)
    if label:
        title = w._("Decided {how} · {season}", how=how, season=md(label))
    else:
        title = w._("Decided {how}", how=how)
    return Answer(
        "decided",
        title,
        summary,
        cap_blocks(blocks, hidden, w=w),
        footer((e.season for e in chosen[: len(chosen) - hidden]), w),  # already newest first
        ties=chosen,
        query=f.query.as_dict(),
    )


def about_answer(f: F.AboutFacts, w: Words = ENGLISH) -> Answer:
    cat = f.catalog
    return Answer(
        "about",
        w._("About tiebot"),
        about_summary(cat, w),
        tuple(about_blocks(cat, w)),
        footer(cat.seasons, w),
        query=f.query.as_dict(),
    )


def help_answer(f: F.HelpFacts, w: Words = ENGLISH) -> Answer:
    return Answer("help", w._("tiebot commands"), blocks=tuple(help_blocks(w)))


def refused(f: F.Refusal, w: Words = ENGLISH) -> Answer:
    return refusal_answer(f, w)
