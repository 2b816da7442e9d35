"""One RSSSF tie line (plus its dates and footnotes) → a checked Tie.

RSSSF prints both leg scores from team1's side, so the second leg (at team2's
ground) is turned round here into home–away goals.  Who went through is read
from the source's own markers: an award ("awd" and its footnote), a shoot-out,
an away-goals star (``*2-2`` team1, ``2-2*`` team2), else the larger total.
It is then checked against the legs with ``score.py``; a disagreement is a
warning citing the line, and the source's marker stands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.models import DecidedBy, Leg, LegStatus, Side, SourceRef, Tie
from bot.domain.names import fold, significant_words
from bot.domain.score import away_totals, flip, leg_totals
from bot.parsing.rsssf.lines import Pair, Score, TieLine, split_city

Warn = Callable[[int, str], None]
_AWARD = re.compile(
    r"\b(?P<which>both legs|(?:1st|first|2nd|second) leg|match)\s+(?:was\s+|were\s+)?"
    r"awarded\s+(?P<x>\d{1,2})-(?P<y>\d{1,2})\s+to\s+(?P<team>.+?)"
    r"(?=\s+(?:after|as|because|when)\b|[.;,]|$)",
    re.I,
)
_REASON = re.compile(r"\b(?:after|as|because|when)\s+(?P<reason>.+?)\.?$", re.I)
_WHICH = {"both legs": (0, 1), "1st leg": (0,), "first leg": (0,), "match": (0,)}
_WHICH |= {"2nd leg": (1,), "second leg": (1,)}


@dataclass(slots=True)
class Footnote:
    """A lettered note under a round; ``lines`` holds its continuation lines too."""

    mark: str
    text: str
    lines: list[int]
    used: bool = False


@dataclass(slots=True)
class PendingTie:
    parsed: TieLine
    line: int
    code1: str | None
    code2: str | None
    dates: tuple[dt.date | None, ...] = ()  # as printed above the tie: one or two dates
    date_line: int | None = None
    venue: str | None = None


def side_named(name: str, team1: str, team2: str) -> Side | None:
    """Which team a footnote names ("Horoya" for "Horoya AC (Conakry)"), if exactly one."""
    words = set(significant_words(fold(name)))
    hits = [
        side
        for side, team in ((Side.ONE, team1), (Side.TWO, team2))
        if fold(name) in (fold(team), fold(split_city(team)[0]))
        or (words and words <= set(fold(split_city(team)[0]).split()))
    ]
    return hits[0] if len(hits) == 1 else None


class TieReader:
    """Builds the Ties of one round; ``warn`` receives (line, message)."""

    def __init__(self, file: str, round_name: str, warn: Warn) -> None:
        self.file, self.round_name, self.warn = file, round_name, warn

    def build(self, pending: PendingTie, index: int, footnotes: dict[str, Footnote]) -> Tie:
        p, line = pending.parsed, pending.line
        single = len(p.scores) == 1
        leg_scores = p.scores[:1] if single else p.scores[:2]
        total = p.scores[2] if len(p.scores) == 3 else None
        notes: list[str] = []
        sources = [SourceRef(self.file, n) for n in (pending.date_line,) if n]
        awards: dict[int, tuple[Side, Pair]] = {}
        award_side: Side | None = None
        reason: str | None = None
        for mark in dict.fromkeys(s.footnote for s in p.scores if s.footnote):
            note = footnotes.get(mark)
            if note is None:
                self.warn(line, f"footnote '{mark}' is not given under this round")
                continue
            note.used = True
            notes.append(note.text)
            sources += [SourceRef(self.file, n) for n in note.lines]
            for side, which, pair in self._awards(note, p):
                award_side = side
                for i in which:
                    awards[i] = (side, pair)
            if (rm := _REASON.search(note.text)) and any(s.awarded for s in p.scores):
                reason = rm["reason"]
        if pending.venue:
            notes.append(f"Venue: {pending.venue}")
        legs = self._legs(pending, leg_scores, total, awards)
        aggregate = total.goals if total is not None else None
        tie = Tie(
            round_name=self.round_name,
            index=index,
            team1=p.team1,
            team2=p.team2,
            winner=None,
            decided_by=DecidedBy.UNKNOWN,
            source=SourceRef(self.file, line),
            code1=pending.code1,
            code2=pending.code2,
            legs=tuple(legs),
            aggregate=aggregate,
            penalties=p.penalties,
            notes=tuple(notes),
            reason=reason,
            single_match=single,
            sources=tuple(dict.fromkeys(sources)),
        )
        winner, how = self._decide(tie, p, award_side)
        return dataclasses.replace(tie, winner=winner, decided_by=how)

    def _awards(self, note: Footnote, p: TieLine) -> list[tuple[Side, tuple[int, ...], Pair]]:
        found = []
        for m in _AWARD.finditer(note.text):
            side = side_named(m["team"], p.team1, p.team2)
            if side is None:
                self.warn(note.lines[0], f"'{m['team']}' is not a team of the tie it annotates")
                continue
            found.append((side, _WHICH[m["which"].lower()], (int(m["x"]), int(m["y"]))))
        return found

    def _legs(
        self,
        pending: PendingTie,
        scores: tuple[Score, ...],
        total: Score | None,
        awards: dict[int, tuple[Side, Pair]],
    ) -> list[Leg]:
        p, line = pending.parsed, pending.line
        dates = self._dates(pending, len(scores))
        views: list[Pair | None] = []  # each leg's goals from team1's side
        for i, score in enumerate(scores):
            if i in awards and not score.awarded:
                self.warn(line, f"a footnote awards leg {i + 1}, but its score is not 'awd'")
            if score.awarded and i in awards:
                side, (x, y) = awards[i]
                views.append((x, y) if side is Side.ONE else (y, x))
            else:
                views.append(score.goals)
        missing = [i for i, v in enumerate(views) if v is None]
        known = [v for v in views if v is not None]
        if len(missing) == 1 and total is not None and total.goals is not None:
            rest = (sum(v[0] for v in known), sum(v[1] for v in known))
            views[missing[0]] = (total.goals[0] - rest[0], total.goals[1] - rest[1])
        elif missing:
            self.warn(line, "an awarded leg's score is given neither by a footnote nor the total")
        legs = []
        for i, (score, view) in enumerate(zip(scores, views, strict=True)):
            home, away = (p.team1, p.team2) if i == 0 else (p.team2, p.team1)
            goals = view if i == 0 or view is None else flip(view)
            pens = None
            if p.penalties is not None and i == len(scores) - 1:
                pens = p.penalties if i == 0 else flip(p.penalties)
            status = LegStatus.AWARDED if score.awarded else LegStatus.PLAYED
            legs.append(
                Leg(
                    home, away, goals[0] if goals else None, goals[1] if goals else None,
                    status, dates[i], line=line, extra_time=score.extra_time, penalties=pens,
                )
            )  # fmt: skip
        return legs

    def _dates(self, pending: PendingTie, count: int) -> tuple[dt.date | None, ...]:
        if len(pending.dates) == count:
            return pending.dates
        if pending.dates:
            self.warn(
                pending.line,
                f"{len(pending.dates)} date(s) given above for {count} leg(s); dates not assigned",
            )
        return (None,) * count

    def _decide(
        self, tie: Tie, p: TieLine, award_side: Side | None
    ) -> tuple[Side | None, DecidedBy]:
        line = tie.source.line
        as_played = [
            leg if leg.played else dataclasses.replace(leg, status=LegStatus.PLAYED)
            for leg in tie.legs
        ]
        totals = leg_totals(as_played, tie.team1, tie.team2)
        stated = tie.aggregate
        if stated is not None and totals is not None and stated != totals:
            self.warn(
                line,
                f"the legs add up to {totals[0]}-{totals[1]}, the total printed is "
                f"{stated[0]}-{stated[1]}",
            )
        agg = stated or totals
        star: Side | None = None
        starred = [i for i, s in enumerate(p.scores) if s.star_before or s.star_after]
        if starred == [2] and not (p.scores[2].star_before and p.scores[2].star_after):
            star = Side.ONE if p.scores[2].star_before else Side.TWO
        elif starred:
            self.warn(line, "an away-goals star that does not mark one side of the total; ignored")
        level = agg is not None and agg[0] == agg[1]
        if any(leg.status is LegStatus.AWARDED for leg in tie.legs):
            winner = award_side or _ahead(agg)
            if winner is None:
                self.warn(line, "awarded, but neither the footnote nor the total names a winner")
                return None, DecidedBy.UNKNOWN
            if agg is not None and _ahead(agg) not in (None, winner):
                self.warn(line, "the award's winner is behind on the total")
            return winner, DecidedBy.WALKOVER
        if tie.penalties is not None:
            pens = tie.penalties
            if not level:
                self.warn(line, "a shoot-out is printed, but the total is not level")
            away = away_totals(tie.legs, tie.team1, tie.team2)
            if away is not None and away[0] != away[1] and not tie.single_match:
                self.warn(
                    line,
                    f"a shoot-out is printed, but away goals were not level ({away[0]}-{away[1]})",
                )
            if _ahead(pens) is None:
                self.warn(line, f"the shoot-out {pens[0]}-{pens[1]} names no winner")
            return _ahead(pens), DecidedBy.PENALTIES if _ahead(pens) else DecidedBy.UNKNOWN
        if star is not None:
            away = away_totals(tie.legs, tie.team1, tie.team2)
            if not level:
                self.warn(line, "an away-goals star, but the total is not level")
            elif away is not None and _ahead(away) is not star:
                self.warn(
                    line, f"marked through on away goals, but away goals were {away[0]}-{away[1]}"
                )
            return star, DecidedBy.AWAY_GOALS
        winner = _ahead(agg) if agg is not None else None
        if winner is None:
            self.warn(line, "the score is level and the source marks no winner")
            return None, DecidedBy.UNKNOWN
        return winner, DecidedBy.SINGLE_MATCH if tie.single_match else DecidedBy.AGGREGATE


def _ahead(pair: Pair | None) -> Side | None:
    if pair is None or pair[0] == pair[1]:
        return None
    return Side.ONE if pair[0] > pair[1] else Side.TWO
