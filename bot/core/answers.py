"""The commands' answers, built from resolved inputs and the precomputed lookups.

Each function resolves its inputs through ``Lookup`` (which raises ``Reply``
with a polite answer when something does not match) and then assembles the
Answer: title, summary, blocks, footer, the ties it is about and the query.
"""

from __future__ import annotations

from bot.core.answer import Answer, AnswerKind, Outcome
from bot.core.compose import compact_blocks, footer, outcome_for, season_name, tie_blocks
from bot.core.explain import METHOD_WORDS, lower_first
from bot.core.lookup import Lookup, Reply, listing, query, refusal
from bot.core.render import cap_blocks, md, plural, quoted, split_lines
from bot.core.reports import (
    club_sections,
    common_opponents,
    coverage,
    meeting_summary,
    round_blocks,
    season_sections,
)
from bot.core.stats import gap_text, gaps, possible_meetings
from bot.domain.catalog import Entry


def tie_answer(
    lk: Lookup, text: str, season: str | None, rnd: str | None, comp_text: str | None
) -> Answer:
    comp = lk.competition(comp_text, "tie")
    club = lk.club(text, "club", "tie", comp)
    label, seasons = lk.seasons(season, comp, "tie", [club])
    round_name = lk.round(rnd, seasons, "tie", [club], label, comp)
    q = query([club], label, round_name, comp)
    mine = lk.club_entries(club.key, seasons, narrowed=label is not None or comp is not None)
    notes = []
    for s in lk.seasons_newest_first(e.season for e in mine):
        for reached, seen in gaps(s, [e for e in mine if e.season is s], club.key):
            if round_name is None or reached == round_name:
                where = f"In {md(season_name(s, lk.multi))}: " if label is None else ""
                notes.append(where + gap_text(club.name, reached, seen))
    chosen = lk.newest_first(e for e in mine if round_name in (None, e.round.name))
    if not chosen and not notes:
        raise Reply(lk.no_ties("tie", club, label, round_name, q))
    blocks = [b for e in chosen for b in tie_blocks(e, club.key, lk.multi)]
    where = f" in {md(label)}" if label else ""
    what = f"{lower_first(round_name)} tie" if round_name else "tie"
    summary = [
        f"The source has {plural(len(chosen), what)} of {md(club.name)}{where}.",
        *notes,
    ]
    if also := lk.also_named(text, club):
        summary.append(also)
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
        ties=tuple(chosen),
        query=q,
    )


def club_answer(lk: Lookup, text: str, season: str | None, comp_text: str | None) -> Answer:
    comp = lk.competition(comp_text, "club")
    club = lk.club(text, "name", "club", comp)
    label, seasons = lk.seasons(season, comp, "club", [club])
    q = query([club], label, None, comp)
    mine = lk.club_entries(club.key, seasons, narrowed=label is not None or comp is not None)
    if not mine:
        raise Reply(lk.no_ties("club", club, label, None, q))
    per_season = [
        (s, [e for e in mine if e.season is s])
        for s in lk.seasons_newest_first(e.season for e in mine)
    ]
    summary, blocks = club_sections(club, per_season, lk.multi)
    if also := lk.also_named(text, club):
        summary = [*summary, also]
    title = f"{club.name} · {label}" if label else club.name
    return Answer(
        "club",
        md(title),
        "\n".join(summary),
        cap_blocks(blocks, what="seasons"),
        footer(s for s, _ in per_season),
        ties=tuple(lk.newest_first(mine)),
        query=q,
    )


def h2h_answer(lk: Lookup, text_a: str, text_b: str, comp_text: str | None) -> Answer:
    comp = lk.competition(comp_text, "headtohead")
    a = lk.club(text_a, "club_a", "headtohead", comp)
    b = lk.club(text_b, "club_b", "headtohead", comp)
    q = query([a, b], None, None, comp)
    if a.key == b.key:
        text = f"{quoted(text_a)} and {quoted(text_b)} are both {md(a.name)}; name two clubs."
        raise Reply(refusal("headtohead", text, q=q))

    def ties_of(club_key: str) -> list[Entry]:
        entries = lk.catalog.entries_for(club_key)
        return [e for e in entries if comp in (None, e.season.competition)]

    a_ties, b_ties = ties_of(a.key), ties_of(b.key)
    title = md(f"{a.name} v {b.name}")
    met = lk.newest_first(e for e in a_ties if e.side(b.key) is not None)
    if met:
        blocks = [blk for e in met for blk in tie_blocks(e, a.key, lk.multi)]
        return Answer(
            "headtohead",
            title,
            "\n".join(meeting_summary(a, b, met)),
            cap_blocks(blocks),
            footer(e.season for e in met),
            ties=tuple(met),
            query=q,
        )
    loaded = listing(lk.labels_in(comp), 300)
    maybe = possible_meetings(a_ties, b_ties, a.key, b.key)
    if maybe:
        where = listing((f"{s.label} {lower_first(r)}" for s, r in maybe), 300)
        summary = (
            f"The source names no tie between {md(a.name)} and {md(b.name)}, but it cannot rule "
            f"one out: both were in the {where}, where it does not name every opponent."
        )
    else:
        summary = f"{md(a.name)} and {md(b.name)} never met in the loaded seasons ({loaded})."
    lines, related = common_opponents(a, b, a_ties, b_ties)
    if not lines:
        summary += " They have no common opponents in the loaded seasons either."
    blocks = split_lines("Common opponents", lines) if lines else []
    return Answer(
        "headtohead",
        title,
        summary,
        cap_blocks(blocks, what="opponents"),
        footer(e.season for e in related),
        ties=tuple(lk.newest_first(related)),
        query=q,
    )


def season_answer(lk: Lookup, text: str, rnd: str | None, comp_text: str | None) -> Answer:
    comp = lk.competition(comp_text, "season")
    if text is None or not str(text).strip():
        body = f"Which season? Loaded: {listing(reversed(lk.labels_in(comp)))}."
        raise Reply(refusal("season", body, AnswerKind.NOT_FOUND))
    label, seasons = lk.seasons(text, comp, "season")
    round_name = lk.round(rnd, seasons, "season", (), label, comp)
    q = query([], label, round_name, comp)
    entries = [e for s in seasons for e in lk.by_season.get(s.key, [])]
    if round_name is None:
        blocks = [
            b for s in seasons for b in season_sections(s, lk.by_season.get(s.key, []), lk.multi)
        ]
        total = plural(len(entries), "tie")
        rounds = plural(sum(len(s.rounds) for s in seasons), "round")
        summary = f"{total} in the source across {rounds}."
        title = md(" / ".join(season_name(s, lk.multi) for s in seasons))
        return Answer(
            "season",
            title,
            summary,
            cap_blocks(blocks),
            footer(seasons),
            ties=tuple(entries),
            query=q,
        )
    chosen = [e for e in entries if e.round.name == round_name]
    covered = "; ".join(coverage(r) for s in seasons for r in s.rounds if r.name == round_name)
    summary = covered[:1].upper() + covered[1:] + "."
    blocks, hidden = round_blocks(chosen, lk.multi)
    title = md(" / ".join(f"{season_name(s, lk.multi)} · {round_name}" for s in seasons))
    return Answer(
        "season",
        title,
        summary,
        cap_blocks(blocks, hidden),
        footer(seasons),
        ties=tuple(chosen),
        query=q,
    )


def decided_answer(lk: Lookup, text: str, season: str | None, comp_text: str | None) -> Answer:
    comp = lk.competition(comp_text, "decided")
    method = lk.method(text, "decided")
    label, seasons = lk.seasons(season, comp, "decided")
    every = lk.by_method[method]  # already newest first
    if label is None and comp is None:
        chosen = every
    else:
        ids = {id(s) for s in seasons}
        chosen = [e for e in every if id(e.season) in ids]
    q = query([], label, None, comp)
    q["method"] = method.value
    where = f" in {md(label)}" if label else " in the loaded seasons"
    words = METHOD_WORDS[method]
    if chosen:
        verb = "was" if len(chosen) == 1 else "were"
        summary = f"{plural(len(chosen), 'tie')}{where} {verb} decided {words}."
    else:
        summary = f"No tie{where} was decided {words}."
    blocks, hidden = compact_blocks(chosen, lk.multi)
    title = f"Decided {words}" + (f" · {md(label)}" if label else "")
    return Answer(
        "decided",
        title,
        summary,
        cap_blocks(blocks, hidden),
        footer(lk.seasons_newest_first(e.season for e in chosen[: len(chosen) - hidden])),
        ties=tuple(chosen),
        query=q,
    )
