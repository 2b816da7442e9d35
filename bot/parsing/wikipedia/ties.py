"""Assemble a Tie from its leg lines and result summary, and check it.

Two decisions happen here rather than per line: whether a tie's leg lines
carry country codes (an upper-case word can be a code or part of a club
name: "KVZ ZAN 2-1 BDI Le Messager Ngozi" vs "JKU 2-0 Singida Fountain Gate"),
settled by the mirror symmetry of the two legs; and which team the summary
names as winner, which may be spelled differently from the legs.
Inconsistencies become warnings, never exceptions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.domain.countries import FIFA_CODES
from bot.domain.models import DecidedBy, Goal, Leg, LegStatus, Side, SourceRef, Tie
from bot.domain.names import fold
from bot.domain.score import away_totals, leg_totals, maybe_from_side
from bot.parsing.wikipedia.lines import RawLeg, parse_scorers, split_code
from bot.parsing.wikipedia.results import Summary


@dataclass(slots=True)
class PendingLeg:
    raw: RawLeg
    line: int
    date: dt.date | None
    scorer_lines: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class TieFacts:
    """A built tie plus what it taught about the document (codes, aliases, warnings)."""

    tie: Tie
    warnings: list[tuple[int, str]]
    countries: list[tuple[str, str]]
    aliases: list[tuple[str, str]]


Sides = list[tuple[str, str | None, str, str | None]]  # home, code, away, code


def _with_codes(legs: list[PendingLeg]) -> Sides | None:
    out: Sides = []
    for leg in legs:
        home, hc = split_code(leg.raw.left, code_last=True)
        away, ac = split_code(leg.raw.right, code_last=False)
        if hc is None or ac is None:
            return None
        out.append((home, hc, away, ac))
    return out


def _mirrors(sides: Sides) -> bool:
    if len(sides) < 2:
        return True
    (h1, hc1, a1, ac1), (h2, hc2, a2, ac2) = sides[0], sides[1]
    return fold(h1) == fold(a2) and fold(a1) == fold(h2) and hc1 == ac2 and ac1 == hc2


def choose_sides(legs: list[PendingLeg], doc_has_codes: Callable[[], bool]) -> tuple[Sides, bool]:
    """The legs' (team, code) sides, and whether they mirror each other.

    ``doc_has_codes`` (the whole document's habit) is asked only when it decides.
    """
    plain: Sides = [(leg.raw.left, None, leg.raw.right, None) for leg in legs]
    coded = _with_codes(legs)
    if coded is None:  # what the rules below come to when no side has a code
        return plain, len(legs) < 2 or _mirrors(plain)
    known = coded is not None and all(s[1] in FIFA_CODES and s[3] in FIFA_CODES for s in coded)
    if len(legs) < 2:
        return (coded if coded is not None and (known or doc_has_codes()) else plain), True
    if coded is not None and _mirrors(coded) and (known or not _mirrors(plain)):
        return coded, True
    if _mirrors(plain):
        return plain, True
    if coded is not None and (known or doc_has_codes()):
        return coded, False
    return plain, False


def _team_of(part: str, home: str, away: str) -> str | None:
    """Which leg team a scorer line's "Team CODE" / "CODE Team" prefix names."""
    keys = (fold(home), fold(away))
    # the prefix as written, else without a trailing code, else without a leading one
    key = fold(part)
    if key not in keys:
        key = fold(split_code(part, code_last=True)[0])
        if key not in keys:
            key = fold(split_code(part, code_last=False)[0])
    if key == keys[0]:
        return home
    return away if key == keys[1] else None


def _match_side(name: str, team1: str, team2: str | None) -> tuple[int | None, float]:
    if fold(name) == fold(team1):
        return 1, 100.0
    if team2 is not None and fold(name) == fold(team2):
        return 2, 100.0
    s1 = fuzz.token_set_ratio(fold(name), fold(team1))
    s2 = fuzz.token_set_ratio(fold(name), fold(team2)) if team2 else -1.0
    return (1, s1) if s1 >= s2 else (2, s2)


_SIDE = (Side.ONE, Side.ONE, Side.TWO)  # by the 1 or 2 a tie's winner is counted as
_NO_AGGREGATE = (DecidedBy.WALKOVER, DecidedBy.WITHDRAWAL)


class TieBuilder:
    """Builds the Ties of one document; ``warn`` collects (line, message) for the parser.

    ``names`` is the document's string pool: a club's name is one string however many
    legs, ties and goals spell it, which keeps a large season's models small.
    """

    def __init__(self, file: str, doc_has_codes: Callable[[], bool], names: dict[str, str]) -> None:
        self.file = file
        self.doc_has_codes = doc_has_codes
        self.names = names
        self.warnings: list[tuple[int, str]] = []

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))

    def build(
        self,
        round_name: str,
        index: int,
        legs: list[PendingLeg],
        summary: Summary,
        line: int,
        notes: list[str],
    ) -> TieFacts:
        """The ``index``-th tie of ``round_name``, closed by ``summary`` on ``line``."""
        self.warnings = []
        sides, mirrored = choose_sides(legs, self.doc_has_codes)
        if not mirrored:
            self.warn(legs[1].line, "the two legs do not mirror each other (home/away teams)")
        name = self.names.setdefault
        built_legs: list[Leg] = []
        countries: list[tuple[str, str]] = []
        codes: list[tuple[str | None, str | None]] = []
        for pending, (home, hc, away, ac) in zip(legs, sides, strict=True):
            home, away = name(home, home), name(away, away)
            if hc:
                hc = name(hc, hc)
                countries.append((home, hc))
            if ac:
                ac = name(ac, ac)
                countries.append((away, ac))
            codes.append((hc, ac))
            built_legs.append(self._leg(pending, home, away))
        aliases: list[tuple[str, str]] = []
        team2: str | None
        if built_legs:
            team1, team2 = built_legs[0].home, built_legs[0].away
            code1, code2 = codes[0]
            side, score = _match_side(summary.winner, team1, team2)
            winner = side or 1
            if score < 100.0:
                stated = summary.winner
                chosen = team1 if winner == 1 else team2
                aliases.append((stated, chosen))
                self.warn(
                    line,
                    f"winner '{stated}' is not a team of this tie's legs; "
                    f"taken as '{chosen}' (closest name) and recorded as an alias",
                )
        else:
            team1, team2, code1, code2, winner = summary.winner, summary.loser, None, None, 1
        stated_as = (
            summary.winner
            if fold(summary.winner) != fold(team1 if winner == 1 else team2 or "")
            else None
        )
        won = _SIDE[winner]
        tie = Tie(
            round_name=round_name,
            index=index,
            team1=team1,
            team2=team2,
            winner=won,
            decided_by=summary.decided_by,
            source=SourceRef(self.file, legs[0].line if legs else line),
            code1=code1,
            code2=code2,
            legs=tuple(built_legs),
            aggregate=self._aggregate(built_legs, summary, won, line),
            penalties=maybe_from_side(summary.penalties, won),
            notes=tuple(notes),
            reason=summary.reason and name(summary.reason, summary.reason),
            winner_as_stated=stated_as,
            advanced_to=summary.advanced_to and name(summary.advanced_to, summary.advanced_to),
            single_match=summary.single_match or len(built_legs) == 1,
        )
        self._check(tie, summary, line, any(p.raw.cancelled for p in legs))
        return TieFacts(tie, self.warnings, countries, aliases)

    def _leg(self, pending: PendingLeg, home: str, away: str) -> Leg:
        raw = pending.raw
        name = self.names.setdefault
        goals: list[Goal] = []
        for line, part, text in pending.scorer_lines:
            team = _team_of(part, home, away)
            parsed = parse_scorers(text)
            if team is None or parsed is None:
                what = "team" if team is None else "scorers"
                self.warn(line, f"scorer line not understood ({what}): {part}: {text}")
                continue
            conceded = raw.home_goals if team == home else raw.away_goals
            if conceded is not None and len(parsed) > conceded:
                self.warn(line, f"{len(parsed)} scorers listed for {team}, who scored {conceded}")
            for g in parsed:
                player = name(g.player, g.player)
                goals.append(Goal(team, player, g.minute, g.added_time, g.penalty, g.own_goal))
        status = LegStatus.CANCELLED if raw.cancelled else LegStatus.PLAYED
        return Leg(
            home,
            away,
            raw.home_goals,
            raw.away_goals,
            status,
            pending.date,
            tuple(goals),
            pending.line,
        )

    def _aggregate(
        self, legs: list[Leg], summary: Summary, winner: Side, line: int
    ) -> tuple[int, int] | None:
        if summary.decided_by in _NO_AGGREGATE:
            return None
        stated = maybe_from_side(summary.aggregate, winner)
        computed = leg_totals(legs, legs[0].home, legs[0].away) if legs else None
        if stated and computed and stated != computed:
            self.warn(
                line,
                f"legs add up to {computed[0]}–{computed[1]}, "
                f"summary states {stated[0]}–{stated[1]}",
            )
        return stated or computed

    def _check(self, tie: Tie, summary: Summary, line: int, cancelled: bool) -> None:
        """``cancelled``: a leg was not played.  Away goals are counted only when they matter."""
        w, lo = (0, 1) if tie.winner == 1 else (1, 0)
        agg, how = tie.aggregate, tie.decided_by
        if summary.loser and tie.team2 and fold(summary.loser) != fold(tie.loser_name or ""):
            self.warn(line, f"'{summary.loser}' withdrew but is not the losing team of this tie")
        if how is DecidedBy.AGGREGATE and agg and agg[w] <= agg[lo]:
            self.warn(
                line, f"decided on aggregate, but the winner did not score more ({agg[0]}–{agg[1]})"
            )
        if how in (DecidedBy.AWAY_GOALS, DecidedBy.PENALTIES) and agg and agg[0] != agg[1]:
            self.warn(
                line, f"decided by {how.value}, but the aggregate is not level ({agg[0]}–{agg[1]})"
            )
        away = (
            away_totals(tie.legs, tie.team1, tie.team2)
            if len(tie.legs) == 2 and how in (DecidedBy.AWAY_GOALS, DecidedBy.PENALTIES)
            else None
        )
        if how is DecidedBy.AWAY_GOALS and away and away[w] <= away[lo]:
            self.warn(line, f"won on away goals, but away goals were {away[w]}–{away[lo]}")
        if how is DecidedBy.PENALTIES and away and len(tie.legs) == 2 and away[0] != away[1]:
            self.warn(
                line, f"went to penalties, but away goals were not level ({away[0]}–{away[1]})"
            )
        if tie.penalties and tie.penalties[w] <= tie.penalties[lo]:
            self.warn(line, "the shoot-out winner did not score more penalties")
        if cancelled and how not in (DecidedBy.WALKOVER, DecidedBy.WITHDRAWAL):
            self.warn(line, "a leg was cancelled but the tie is not a walkover or withdrawal")
        if how is DecidedBy.WALKOVER and tie.legs and not cancelled:
            self.warn(line, "walkover stated, but every leg was played")
