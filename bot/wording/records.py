"""/records in words: each record a block, each line citing its tie (season, round, clubs,
score, and the source document and line), and what could not be ranked said plainly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from bot.answering.facts import RecordsFacts
from bot.answering.records import Comeback, Ranked, RecordBook, Scored, Tally
from bot.answering.streaks import Streak
from bot.domain.catalog import Entry
from bot.domain.models import Club
from bot.wording.answer import Answer, Block
from bot.wording.i18n.words import Words
from bot.wording.markdown import cap_blocks, md, split_lines
from bot.wording.sources import footer, source_of
from bot.wording.ties import season_name

T = TypeVar("T")
MAX_CITED = 3  # ties named on one tally line
MAX_SEASONS = 10  # seasons named on one titles line


def _source(entry: Entry) -> str:
    ref = entry.tie.source
    file = ref.file.partition("/")[2] if source_of(ref.file) else ref.file
    return md(f"{file}:{ref.line}")


def _place(entry: Entry, multi: bool) -> str:
    return md(f"{season_name(entry.season, multi)} · {entry.round.name}")


def _name(club: Club | None, w: Words) -> str:
    return md(club.name) if club is not None else w._("an opponent not named in the source")


def _score(entry: Entry, pair: tuple[int, int], w: Words) -> str:
    score = f"{pair[0]}–{pair[1]}"
    if entry.tie.single_match:
        return w._("{score} (single match)", score=score)
    return w._("{score} on aggregate", score=score)


def _win(s: Scored, multi: bool, w: Words) -> str:
    e = s.entry
    return w._("**{winner}** {score} {loser} — {tie} ({source})", winner=_name(e.winner_club, w),
               score=_score(e, s.score, w), loser=_name(e.loser_club, w), tie=_place(e, multi),
               source=_source(e))  # fmt: skip


def _goals(s: Scored, multi: bool, w: Words) -> str:
    e = s.entry
    if e.tie.winner is None:
        first, second = md(e.club1.name), _name(e.club2, w)
    elif s.score[0] < s.score[1]:  # the source's winner is behind on its own aggregate
        first, second = _name(e.winner_club, w), _name(e.loser_club, w)
    else:
        first, second = f"**{_name(e.winner_club, w)}**", _name(e.loser_club, w)
    return w.ngettext("{n} goal: {first} {score} {second} — {tie} ({source})",
                      "{n} goals: {first} {score} {second} — {tie} ({source})", sum(s.score),
                      first=first, score=_score(e, s.score, w), second=second,
                      tie=_place(e, multi), source=_source(e))  # fmt: skip


def _comp(competition: str, wide: bool) -> str:
    return f" ({md(competition)})" if wide else ""


def _tally(t: Tally, multi: bool, w: Words) -> str:
    """A club's shoot-outs: each tie cited names its competition already (when several)."""
    ties = [
        w._("{tie} v {opponent}", tie=_place(e, multi), opponent=_name(e.opponent(t.club.key), w))
        for e in t.entries[:MAX_CITED]
    ]
    if len(t.entries) > MAX_CITED:
        ties.append("…")
    return w._("**{club}** {n}: {ties}", club=md(t.club.name), n=w.number(len(t.entries)),
               ties=w.listing(ties))  # fmt: skip


def _seasons(entries: Sequence[Entry], w: Words) -> str:
    labels = [md(e.season.label) for e in entries[:MAX_SEASONS]]
    return w.listing(labels + (["…"] if len(entries) > MAX_SEASONS else []))


def _titles(t: Tally, wide: bool, w: Words) -> str:
    return w._("**{club}** {n}{competition}: {seasons}", club=md(t.club.name),
               n=w.number(len(t.entries)), competition=_comp(t.competition, wide),
               seasons=_seasons(t.entries, w))  # fmt: skip


def _finals(t: Tally, wide: bool, w: Words) -> str:
    won = sum(1 for e in t.entries if e.winner_club is not None and e.winner_club.key == t.club.key)
    return w._("**{club}** {n} ({won} won){competition}: {seasons}", club=md(t.club.name),
               n=w.number(len(t.entries)), won=w.number(won),
               competition=_comp(t.competition, wide), seasons=_seasons(t.entries, w))  # fmt: skip


def _streak(s: Streak, multi: bool, wide: bool, w: Words) -> str:
    first, last = s.entries[0], s.entries[-1]

    def tie(e: Entry) -> str:
        return w._("{tie} v {opponent}", tie=_place(e, multi), opponent=_name(e.opponent(
            s.club.key), w))  # fmt: skip

    text = w._("**{club}** {n} in a row{competition}: from {first} to {last}", club=md(
        s.club.name), n=w.number(len(s.entries)), competition=_comp(s.competition, wide),
        first=tie(first), last=tie(last))  # fmt: skip
    if s.ended_by is not None:
        text += w._("; ended by {tie}", tie=tie(s.ended_by))
    return text


def _comeback(c: Comeback, multi: bool, w: Words) -> str:
    e = c.entry
    first = f"{c.first_leg[0]}–{c.first_leg[1]}"
    values = {
        "winner": _name(e.winner_club, w),
        "first": first,
        "loser": _name(e.loser_club, w),
        "score": _score(e, c.score, w),
        "tie": _place(e, multi),
        "source": _source(e),
    }
    if c.score[0] == c.score[1]:  # through on away goals or penalties
        return w._("**{winner}** lost the first leg {first} to {loser}, then went through level"
                   " at {score} — {tie} ({source})", **values)  # fmt: skip
    return w._("**{winner}** lost the first leg {first} to {loser}, then won {score} — {tie}"
               " ({source})", **values)  # fmt: skip


def _lines(ranked: Ranked[T], say: Callable[[T], str], w: Words) -> list[str]:
    lines = [say(item) for item in ranked.items] or [w._("None in these seasons.")]
    if ranked.level:
        lines.append(w.ngettext("…and {n} more with the same figure.",
                                "…and {n} more with the same figure.", ranked.level))  # fmt: skip
    return lines


def _summary(book: RecordBook, w: Words) -> str:
    lines = [w.ngettext("Records of {n} tie in the loaded sources.",
                        "Records of {n} ties in the loaded sources.", book.ties)]  # fmt: skip
    if book.undecided:
        lines.append(
            w.ngettext(
                "{n} tie is not decided in the source: it counts for no one.",
                "{n} ties are not decided in the source: they count for no one.",
                book.undecided,
            )
        )
    if book.unscored:
        lines.append(w.ngettext(
            "{n} tie has no score in the source (a summary without one, a walkover, an awarded"
            " or cancelled leg): it is not ranked by goals.",
            "{n} ties have no score in the source (a summary without one, a walkover, an awarded"
            " or cancelled leg): they are not ranked by goals.", book.unscored))  # fmt: skip
    if book.no_first_leg:
        lines.append(w.ngettext(
            "{n} two-legged tie has no first-leg score in the source: a comeback in it cannot"
            " be seen.",
            "{n} two-legged ties have no first-leg score in the source: a comeback in them"
            " cannot be seen.", book.no_first_leg))  # fmt: skip
    return "\n".join(lines)


def records_answer(f: RecordsFacts, multi: bool, w: Words) -> Answer:
    """/records: one block per record, most first."""
    book = f.book
    wide = multi and f.query.competition is None  # tallies name their competition
    blocks: list[Block] = []

    def add(title: str, lines: list[str]) -> None:
        blocks.extend(split_lines(title, lines, w=w))

    add(w._("Biggest wins"), _lines(book.wins, lambda s: _win(s, multi, w), w))
    add(w._("Most goals in a tie"), _lines(book.goals, lambda s: _goals(s, multi, w), w))
    add(w._("Most shoot-outs won"),
        _lines(book.shootouts_won, lambda t: _tally(t, multi, w), w))  # fmt: skip
    add(w._("Most shoot-outs lost"),
        _lines(book.shootouts_lost, lambda t: _tally(t, multi, w), w))  # fmt: skip
    add(w._("Most titles"), _lines(book.titles, lambda t: _titles(t, wide, w), w))
    finals = _lines(book.finals, lambda t: _finals(t, wide, w), w)
    if book.finals_undecided:
        undecided = [
            md(f"{season_name(e.season, multi)} · {e.club1.name} v {e.club2.name}")
            if e.club2 is not None
            else md(season_name(e.season, multi))
            for e in book.finals_undecided
        ]
        finals.append(w._("Not decided in the source: {finals}.", finals=w.listing(undecided)))
    add(w._("Most finals"), finals)
    add(w._("Longest runs of ties won"),
        _lines(book.streaks, lambda s: _streak(s, multi, wide, w), w))  # fmt: skip
    add(w._("Comebacks: won after losing the first leg by two or more"),
        _lines(book.comebacks, lambda c: _comeback(c, multi, w), w))  # fmt: skip
    cited = _cited(book)
    position = {id(e): i for i, e in enumerate(cited)}
    where = f" · {md(f.label)}" if f.label else ""
    comp = f" · {md(f.query.competition)}" if f.query.competition else ""
    return Answer(
        "records",
        w._("Records") + comp + where,
        _summary(book, w),
        cap_blocks(blocks, w=w),
        footer(e.season for e in cited),
        ties=tuple(cited),
        query=f.query.as_dict(),
        data={"records": records_data(book, position)},
    )


def _cited(book: RecordBook) -> list[Entry]:
    """Every tie the records cite, once, in the order they are cited."""
    found: dict[int, Entry] = {}
    for s in (*book.wins.items, *book.goals.items):
        found.setdefault(id(s.entry), s.entry)
    for t in (*book.shootouts_won.items, *book.shootouts_lost.items, *book.titles.items,
              *book.finals.items):  # fmt: skip
        for e in t.entries:
            found.setdefault(id(e), e)
    for st in book.streaks.items:
        for e in (st.entries[0], st.entries[-1], *([st.ended_by] if st.ended_by else [])):
            found.setdefault(id(e), e)
    for c in book.comebacks.items:
        found.setdefault(id(c.entry), c.entry)
    for e in book.finals_undecided:
        found.setdefault(id(e), e)
    return list(found.values())


def records_data(book: RecordBook, at: dict[int, int]) -> dict[str, Any]:
    """The records for ``--json``: counts, and each record's ties as positions in ``ties``."""

    def scored(s: Scored) -> dict[str, Any]:
        return {"tie": at[id(s.entry)], "score": list(s.score)}

    def tally(t: Tally) -> dict[str, Any]:
        won = [
            e for e in t.entries if e.winner_club is not None and e.winner_club.key == t.club.key
        ]
        return {"club": t.club.name, "competition": t.competition, "count": len(t.entries),
                "won": len(won), "ties": [at[id(e)] for e in t.entries]}  # fmt: skip

    def streak(s: Streak) -> dict[str, Any]:
        ended = at[id(s.ended_by)] if s.ended_by is not None else None
        return {"club": s.club.name, "competition": s.competition, "length": len(s.entries),
                "first": at[id(s.entries[0])], "last": at[id(s.entries[-1])],
                "ended_by": ended}  # fmt: skip

    def comeback(c: Comeback) -> dict[str, Any]:
        return {"tie": at[id(c.entry)], "first_leg": list(c.first_leg), "score": list(c.score)}

    ranked: dict[str, tuple[Ranked[Any], Callable[[Any], dict[str, Any]]]] = {
        "biggest_wins": (book.wins, scored),
        "most_goals": (book.goals, scored),
        "shootouts_won": (book.shootouts_won, tally),
        "shootouts_lost": (book.shootouts_lost, tally),
        "titles": (book.titles, tally),
        "finals": (book.finals, tally),
        "runs": (book.streaks, streak),
        "comebacks": (book.comebacks, comeback),
    }
    out: dict[str, Any] = {
        "ties": book.ties,
        "undecided": book.undecided,
        "without_score": book.unscored,
        "without_first_leg_score": book.no_first_leg,
        "finals_undecided": [at[id(e)] for e in book.finals_undecided],
    }
    for name, (found, say) in ranked.items():
        out[name] = [say(item) for item in found.items]
        out[f"{name}_level"] = found.level
    return out
