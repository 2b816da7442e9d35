"""One RSSSF group (dated matches and a printed table) → a checked Group.

A match line joins home and away with a hyphen, and club names hold hyphens
too ("FC Saint-Eloi Lupopo-Marumo Gallants"), so a line is split where both
halves are teams of the group's printed table (matched with or without their
city: the table prints "JS Kabylie (Tizi Ouzou)", the matches "JS Kabylie").
Without a table, the split whose halves recur most in the group's other lines
wins.  The table is then recomputed from the matches by CAF's rules and every
difference from the printed one, head-to-head brackets included, is a warning.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.domain.models import Group, Leg, LegStatus, Severity, SourceRef, StandingRow
from bot.domain.names import fold
from bot.domain.standings import head_to_head, standings
from bot.parsing.rsssf.lines import MatchLine, TableRow, split_city

Report = Callable[[int, str, Severity], None]


@dataclass(slots=True)
class GroupDraft:
    name: str
    line: int
    matches: list[tuple[int, MatchLine, dt.date | None]] = field(default_factory=list)
    rows: list[tuple[int, TableRow]] = field(default_factory=list)


def _keys(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((fold(name), fold(split_city(name)[0]))))


def _splits(teams: str) -> list[tuple[str, str]]:
    """Every way to cut ``teams`` at a hyphen into two names (a trailing stray hyphen dropped)."""
    found = []
    for i, char in enumerate(teams):
        if char != "-":
            continue
        left, right = teams[:i].strip(), teams[i + 1 :].strip().rstrip("-").rstrip()
        if left and right and not left.endswith("-"):
            found.append((left, right))
    return found


def _numbers(row: StandingRow) -> tuple[int, ...]:
    return (
        row.played, row.won, row.drawn, row.lost, row.goals_for, row.goals_against, row.points,
    )  # fmt: skip


def _show(numbers: tuple[int, ...]) -> str:
    p, w, d, lost, gf, ga, pts = numbers
    return f"{p} {w} {d} {lost} {gf}-{ga} {pts}"


class GroupReader:
    """Builds Groups; ``report`` receives (line, message, severity)."""

    def __init__(self, file: str, report: Report) -> None:
        self.file, self.report = file, report
        self.aliases: list[tuple[str, str]] = []

    def build(self, draft: GroupDraft) -> Group:
        index: dict[str, int | None] = {}
        for i, (_, row) in enumerate(draft.rows):
            for key in _keys(row.team):
                index[key] = i if key not in index else None  # a shared key is no key
        spelled: dict[int | str, str] = {}  # table row (or folded name) → the matches' spelling
        matches: list[Leg] = []
        votes = Counter(fold(n) for _, m, _ in draft.matches for s in _splits(m.teams) for n in s)
        for number, match, date in draft.matches:
            pair = self._split(match.teams, index, votes, bool(draft.rows))
            if pair is None:
                message = f"cannot tell the two teams apart in '{match.teams}'"
                self.report(number, message, Severity.UNRECOGNIZED)
                continue
            home, away = (self._spelling(name, index, spelled) for name in pair)
            status = LegStatus.AWARDED if match.flag == "awd" else LegStatus.PLAYED
            extra = match.flag == "aet"
            src = SourceRef(self.file, number)
            matches.append(
                Leg(
                    home,
                    away,
                    *match.goals,
                    status,
                    date,
                    line=number,
                    extra_time=extra,
                    source=src,
                )
            )
        teams = tuple(dict.fromkeys(t for m in matches for t in (m.home, m.away)))
        table = tuple(_row(r, n) for n, r in draft.rows)
        row_team = [spelled.get(i, r.team) for i, r in enumerate(table)]
        for i, team in enumerate(row_team):
            if team not in teams:
                self.report(table[i].line, f"'{table[i].team}' plays no match of {draft.name}",
                            Severity.WARNING)  # fmt: skip
            elif fold(team) != fold(table[i].team):
                self.aliases.append((table[i].team, team))
        if table:
            self._compare(draft, table, row_team, matches, teams)
        return Group(teams, tuple(matches), draft.name, table, draft.line)

    def _split(
        self, text: str, index: dict[str, int | None], votes: Counter[str], has_table: bool
    ) -> tuple[str, str] | None:
        options = _splits(text)

        def row(name: str) -> int | None:
            return next((index[k] for k in _keys(name) if index.get(k) is not None), None)

        if has_table:
            fits = [
                o for o in options if None not in (ra := row(o[0]), rb := row(o[1])) and ra != rb
            ]
            return fits[0] if len(fits) == 1 else None
        scored = sorted(((min(votes[fold(a)], votes[fold(b)]), (a, b)) for a, b in options),
                        reverse=True)  # fmt: skip
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        return scored[0][1]

    @staticmethod
    def _spelling(name: str, index: dict[str, int | None], spelled: dict[int | str, str]) -> str:
        key: int | str = next(
            (i for k in _keys(name) if (i := index.get(k)) is not None), fold(name)
        )
        return spelled.setdefault(key, name)

    def _compare(
        self,
        draft: GroupDraft,
        table: tuple[StandingRow, ...],
        row_team: list[str],
        matches: list[Leg],
        teams: tuple[str, ...],
    ) -> None:
        computed = standings(matches, row_team)
        if len(computed) != len(table):
            message = f"{draft.name}: the table has {len(table)} teams, the matches {len(teams)}"
            self.report(draft.line, message, Severity.WARNING)
        for k, (printed, mine) in enumerate(zip(table, computed, strict=False)):
            if row_team[k] != mine.team or _numbers(printed) != _numbers(mine):
                self.report(
                    printed.line,
                    f"{draft.name}: printed {k + 1}. {printed.team} {_show(_numbers(printed))}; "
                    f"computed from the matches {k + 1}. {mine.team} {_show(_numbers(mine))}",
                    Severity.WARNING,
                )
        self._check_brackets(draft, row_team, matches)

    def _check_brackets(self, draft: GroupDraft, row_team: list[str], matches: list[Leg]) -> None:
        bracketed = [(i, n, r) for i, (n, r) in enumerate(draft.rows) if r.head_to_head]
        by_points: dict[int, list[int]] = {}
        for i, _, row in bracketed:
            by_points.setdefault(row.numbers[-1], []).append(i)
        for rows in by_points.values():
            teams = [row_team[i] for i in rows]
            if len(rows) < 2:
                line = draft.rows[rows[0]][0]
                message = "a head-to-head bracket, but no other team level on points has one"
                self.report(line, message, Severity.WARNING)
                continue
            for i, mine in zip(rows, head_to_head(matches, teams), strict=True):
                line, row = draft.rows[i]
                if row.head_to_head is not None and row.head_to_head != _numbers(mine):
                    printed = _show(row.head_to_head)
                    self.report(
                        line,
                        f"{draft.name}: head-to-head of {row.team} printed [{printed}], computed "
                        f"from the matches [{_show(_numbers(mine))}]",
                        Severity.WARNING,
                    )


def _row(row: TableRow, line: int) -> StandingRow:
    p, w, d, lost, gf, ga, pts = row.numbers
    return StandingRow(row.team, p, w, d, lost, gf, ga, pts, line)
