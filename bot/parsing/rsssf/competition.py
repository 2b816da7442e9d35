"""One ``== Competition season`` section of an RSSSF page → a Season.

The section is read line by line: a round heading ("Second Round", "Final
(Jun 4 and 11)"), date brackets that hold for the tie lines below them, tie
and bye lines, lettered footnotes under a round (an indented line continues
one), and group sections ("Group A", dated matches, a printed table).  Every
line is either understood or reported as ``file:line`` (UNRECOGNIZED).

Byes are not ties: a club with a bye played no one, and recording it as a
one-sided tie would count a tie that never happened and say the club "won".
They are kept in the round's description ("Byes: …") and their countries in
``Season.countries``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.domain.competitions import canonical_name, competition_named, season_label
from bot.domain.models import Diagnostic, Round, Season, Severity, SourceRef, Stage
from bot.parsing.rsssf import lines as L
from bot.parsing.rsssf.countries import fifa_code
from bot.parsing.rsssf.dates import Calendar
from bot.parsing.rsssf.groups import GroupDraft, GroupReader
from bot.parsing.rsssf.knockout import Footnote, PendingTie, TieReader

GROUP_STAGE = "Group Stage"  # the name of a group stage the page gives no heading of its own


@dataclass(slots=True)
class RoundDraft:
    name: str
    line: int
    stage: Stage = Stage.KNOCKOUT
    ties: list[PendingTie] = field(default_factory=list)
    byes: list[str] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    groups: list[GroupDraft] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.ties or self.byes or self.groups)


class CompetitionReader:
    """Reads one competition section; ``season()`` returns what it understood."""

    def __init__(self, file: str, name: str, start: int, end: int) -> None:
        self.file, self.name, self.start, self.end = file, name, start, end
        self.competition = competition_named(name)
        self.calendar = Calendar(start, end)
        self.diags: list[Diagnostic] = []
        self.countries: list[tuple[str, str]] = []
        self.groups = GroupReader(file, self.report)
        self.drafts: list[RoundDraft] = []
        self.dates: tuple[tuple[dt.date | None, ...], int, str | None] | None = None
        self.note: Footnote | None = None

    def report(self, line: int, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diags.append(Diagnostic(SourceRef(self.file, line), message, severity))

    @property
    def current(self) -> RoundDraft | None:
        return self.drafts[-1] if self.drafts else None

    def read(self, body: list[tuple[int, str]]) -> None:
        """Read the section's lines (1-based numbers of the file)."""
        for number, raw in body:
            if len(raw) > L.MAX_LINE:
                self.note = None
                self.report(number, f"line too long ({len(raw):,} characters); skipped",
                            Severity.UNRECOGNIZED)  # fmt: skip
                continue
            line = raw.rstrip()
            if self.note is not None and line[:1].isspace() and L.table_row(line) is None:
                self.note.text = f"{self.note.text} {line.strip()}"
                self.note.lines.append(number)
                continue
            self.note = None
            if line.strip():
                self._line(number, line)

    def _line(self, number: int, line: str) -> None:
        if (row := L.table_row(line)) is not None:
            self._table_row(number, row)
        elif (match := L.match_line(line)) is not None:
            self._match(number, match)
        elif (name := L.group_header(line)) is not None:
            self._group(number, name)
        elif (dates := L.date_line(line)) is not None:
            self._set_dates(number, dates[0])
        elif (tie := L.tie_line(line)) is not None:
            self._tie(number, tie)
        elif (bye := L.bye_line(line)) is not None:
            self._bye(number, *bye)
        elif (note := L.footnote(line)) is not None and self.current is not None:
            self.note = Footnote(note[0], note[1], [number])
            if note[0] in self.current.footnotes:
                self.report(number, f"footnote '{note[0]}' given twice in this round")
            self.current.footnotes[note[0]] = self.note
        elif (header := L.round_header(line)) is not None:
            self.drafts.append(RoundDraft(header[0], number))
            self.dates = None
            if header[1] is not None:
                self._set_dates(number, header[1])
        elif self.competition is not None and competition_named(line) is self.competition:
            pass  # the competition's name repeated over its group stage
        else:
            self.report(number, f"line not understood: {line.strip()[:80]}", Severity.UNRECOGNIZED)

    def _round_for(self, number: int, what: str, stage: Stage) -> RoundDraft | None:
        draft = self.current
        if draft is None or (draft.stage is not stage and not draft.empty):
            self.report(
                number, f"{what} outside a round of its kind; skipped", Severity.UNRECOGNIZED
            )
            return None
        draft.stage = stage
        return draft

    def _set_dates(self, number: int, spec: L.DateSpec) -> None:
        resolved: list[dt.date | None] = []
        for month, day in (spec.first, spec.second) if spec.second else (spec.first,):
            date = self.calendar.resolve(month, day)
            if isinstance(date, str):
                self.report(number, date)
            resolved.append(None if isinstance(date, str) else date)
        self.dates = (tuple(resolved), number, spec.venue)

    def _codes(self, number: int, *abbreviations: str) -> list[str | None]:
        codes = []
        for abbr in abbreviations:
            code = fifa_code(abbr)
            if code is None:
                self.report(number, f"unknown country abbreviation '{abbr}'")
            codes.append(code)
        return codes

    def _tie(self, number: int, tie: L.TieLine | str) -> None:
        if isinstance(tie, str):
            self.report(number, tie, Severity.UNRECOGNIZED)
            return
        draft = self._round_for(number, "a tie line", Stage.KNOCKOUT)
        if draft is None:
            return
        code1, code2 = self._codes(number, tie.abbr1, tie.abbr2)
        self.countries += [(t, c) for t, c in ((tie.team1, code1), (tie.team2, code2)) if c]
        pending = PendingTie(tie, number, code1, code2)
        if self.dates is not None:
            pending.dates, pending.date_line, pending.venue = self.dates
        draft.ties.append(pending)

    def _bye(self, number: int, team: str, abbr: str) -> None:
        draft = self._round_for(number, "a bye line", Stage.KNOCKOUT)
        if draft is None:
            return
        (code,) = self._codes(number, abbr)
        if code:
            self.countries.append((team, code))
        draft.byes.append(team)

    def _group(self, number: int, name: str) -> None:
        draft = self.current
        if draft is None or (draft.stage is Stage.KNOCKOUT and not draft.empty):
            draft = RoundDraft(GROUP_STAGE, number)
            self.drafts.append(draft)
        draft.stage = Stage.GROUP
        draft.groups.append(GroupDraft(name, number))

    def _open_group(self, number: int, what: str) -> GroupDraft | None:
        draft = self.current
        if draft is None or draft.stage is not Stage.GROUP or not draft.groups:
            self.report(number, f"{what} outside a group; skipped", Severity.UNRECOGNIZED)
            return None
        return draft.groups[-1]

    def _match(self, number: int, match: L.MatchLine) -> None:
        group = self._open_group(number, "a group match")
        if group is None:
            return
        date = self.calendar.resolve(match.month, match.day)
        if isinstance(date, str):
            self.report(number, date)
        group.matches.append((number, match, None if isinstance(date, str) else date))

    def _table_row(self, number: int, row: L.TableRow | str) -> None:
        if isinstance(row, str):
            self.report(number, row, Severity.UNRECOGNIZED)
        elif (group := self._open_group(number, "a table row")) is not None:
            group.rows.append((number, row))

    def season(self) -> Season:
        """The Season of everything read (rounds in page order)."""
        rounds = [self._finish(draft, order) for order, draft in enumerate(self.drafts, start=1)]
        if self.competition is None:
            message = f"'{self.name}' is not a known competition; kept under that name"
            self.report(self.drafts[0].line if self.drafts else 1, message)
        return Season(
            competition=canonical_name(self.name),
            label=season_label(self.start, self.end),
            rounds=tuple(rounds),
            source_file=self.file,
            start_year=self.start,
            end_year=self.end,
            countries=tuple(dict.fromkeys(self.countries)),
            aliases=tuple(dict.fromkeys(self.groups.aliases)),
            diagnostics=tuple(sorted(self.diags, key=lambda d: d.source.line)),
        )

    def _finish(self, draft: RoundDraft, order: int) -> Round:
        if draft.stage is Stage.GROUP:
            groups = tuple(self.groups.build(g) for g in draft.groups)
            return Round(draft.name, order, line=draft.line, stage=Stage.GROUP, groups=groups)
        reader = TieReader(self.file, draft.name, lambda n, m: self.report(n, m))
        ties = tuple(reader.build(p, i, draft.footnotes) for i, p in enumerate(draft.ties, 1))
        for note in draft.footnotes.values():
            if not note.used:
                self.report(note.lines[0], f"footnote '{note.mark}' is not referenced by any tie")
        byes = f"Byes: {', '.join(draft.byes)}." if draft.byes else None
        return Round(draft.name, order, ties, description=byes, line=draft.line)
