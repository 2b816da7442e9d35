"""/tie in words: the summary of a club's ties and groups, and the blocks in season order.

Kept apart from ``answers`` because /tie mixes both kinds of stage (ties and groups) in
one answer, newest season first, and its summary says what the source leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering import facts as F
from bot.answering.tournament import GroupView
from bot.domain.catalog import Entry
from bot.domain.models import Club
from bot.wording.answer import Answer, Block, Outcome
from bot.wording.groups import group_blocks, group_outcome
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import MAX_BLOCKS, cap_blocks, listing, lower_first, md, plural
from bot.wording.rounds import competition_name, round_title
from bot.wording.runs import gap_text
from bot.wording.sources import footer
from bot.wording.ties import outcome_for, season_name, tie_blocks


def _competitions_line(
    entries: Sequence[Entry], groups: Sequence[GroupView], w: Words
) -> str | None:
    """ "Competitions: CAF Champions League (3 ties), …" when an answer spans several."""
    counted: dict[str, int] = {}
    for e in entries:
        counted[e.season.competition] = counted.get(e.season.competition, 0) + 1
    for g in groups:
        counted.setdefault(g.season.competition, 0)
    if len(counted) < 2:
        return None
    parts = [
        f"{md(competition_name(c, w))} ({plural(n, 'tie', w)})" if n else md(competition_name(c, w))
        for c, n in counted.items()
    ]
    return w._("Competitions: {competitions}.", competitions=w.separator.join(parts))


def also_line(clubs: Sequence[Club], w: Words) -> str:
    return w._("Other clubs with a similar name: {clubs}.",
               clubs=listing((w.club(c) for c in clubs), w=w))  # fmt: skip


def _tie_summary(f: F.TieFacts, multi: bool, w: Words) -> str:
    """ "The source has 4 ties of Al-Ahly in 2023–24, and its group." and what it leaves out."""
    club, label, round_name, chosen = md(w.club(f.club)), f.label, f.round_name, f.entries
    one_round = round_name is not None and " / " not in round_name
    where = ""
    if round_name and not one_round:  # one round, named its own way by each competition
        if label:
            where = " " + w._("in {season} ({round})", season=md(label), round=md(round_name))
        else:
            where = f" ({md(round_name)})"
    elif label:
        where = " " + w._("in {season}", season=md(label))
    ties = plural(len(chosen), "tie", w)
    if one_round and round_name:
        ties = _round_ties(len(chosen), round_name, w)
    groups = len(f.groups)
    if f.groups and round_name is None and chosen:
        if groups == 1:
            first = w._("The source has {ties} of {club}{where}, and its group.", ties=ties,
                        club=club, where=where)  # fmt: skip
        else:
            first = w._("The source has {ties} of {club}{where}, and its {n} groups.", ties=ties,
                        club=club, where=where, n=groups)  # fmt: skip
    elif f.groups and round_name is None:
        if groups == 1:
            first = w._("The source has no tie of {club}{where}, only its group.", club=club,
                        where=where)  # fmt: skip
        else:
            first = w._("The source has no tie of {club}{where}, only its {n} groups.",
                        club=club, where=where, n=groups)  # fmt: skip
    elif f.groups:
        first = w._("The source has {club}'s group{where}.", club=club, where=where)
    else:
        first = w._("The source has {ties} of {club}{where}.", ties=ties, club=club,
                    where=where)  # fmt: skip
    summary = [first]
    comps = _competitions_line(chosen, f.groups, w)
    if comps:
        summary.append(comps)
    for gap in f.gaps:
        text = gap_text(w.club(f.club), gap.reached, gap.seen_next, False, w)
        if label is None:
            text = w._("In {season}: {text}", season=md(season_name(gap.season, multi, w)),
                       text=text)  # fmt: skip
        summary.append(text)
    if f.also:
        summary.append(also_line(f.also, w))
    return "\n".join(summary)


def _round_ties(n: int, round_name: str, w: Words) -> str:
    """ "2 first round ties": a count of one round's ties."""
    if not w.translated:
        return plural(n, f"{lower_first(round_name)} tie")
    return w.ngettext("{n} tie ({round})", "{n} ties ({round})", n,
                      round=round_title(round_name, w))  # fmt: skip


def tie_answer(f: F.TieFacts, multi: bool, w: Words = ENGLISH) -> Answer:
    club, label, round_name, chosen = f.club, f.label, f.round_name, f.entries
    blocks, hidden = _tie_and_group_blocks(f, multi, w)
    outcome = (
        outcome_for(chosen[0], club.key) if len(chosen) == 1 and not f.groups else (Outcome.NEUTRAL)
    )
    shown_round = round_title(round_name, w) if round_name else None
    title = " · ".join(p for p in (md(w.club(club)), md(label or ""), shown_round) if p)
    if not label and not round_name:
        title = w._("{club} · ties", club=md(w.club(club)))
    seasons = [*(e.season for e in chosen), *(g.season for g in f.groups)]
    return Answer(
        "tie",
        title,
        _tie_summary(f, multi, w),
        cap_blocks(blocks, hidden, what="ties and groups", w=w),
        footer(seasons, w),
        outcome=outcome,
        ties=chosen,
        query=f.query.as_dict(),
        matches=tuple(m for g in f.groups for m in g.matches if m.side(club.key) is not None),
    )


def _tie_and_group_blocks(f: F.TieFacts, multi: bool, w: Words) -> tuple[list[Block], int]:
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
            run = next((r for r in f.runs if r.season is item.season), None)
            after = group_outcome(item, f.club, run, w)
            blocks.extend(group_blocks(item, multi, f.club.key, after, w))
        else:
            blocks.extend(tie_blocks(item, f.club.key, multi, w))
    return blocks, 0
