"""Reading one round section: a small state machine over its lines.

Dates, leg lines, scorer lines and notes accumulate until a result summary
closes the tie; a ``----`` separator ends a tie's block.  Every line that is
neither data nor known residue is reported, so nothing is silently dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from bot.domain.models import Diagnostic, Severity, SourceRef, Tie
from bot.parsing.wikipedia import lines as L
from bot.parsing.wikipedia.results import parse_summary
from bot.parsing.wikipedia.ties import PendingLeg, TieBuilder


@dataclass
class Draft:
    """A round being read: ties so far plus the state of the tie being built."""

    name: str
    order: int
    line: int
    ties: list[Tie] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    schedule: tuple[str, str] | None = None
    legs: list[PendingLeg] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    date: tuple[int, dt.date] | None = None
    closed: bool = False  # a summary closed the last tie and no separator came yet


class RoundReader:
    """Holds the per-document state while rounds are read."""

    def __init__(self, file: str, doc_has_codes: bool) -> None:
        self.file = file
        self.doc_has_codes = doc_has_codes
        self.diags: list[Diagnostic] = []
        self.countries: list[tuple[str, str]] = []
        self.aliases: list[tuple[str, str]] = []

    def report(self, line: int, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diags.append(Diagnostic(SourceRef(self.file, line), message, severity))

    def close_legs(self, draft: Draft) -> None:
        if draft.legs:
            first = draft.legs[0].line
            self.report(first, "leg lines with no result line after them; tie skipped (truncated?)")
            draft.legs = []

    def read_round(self, draft: Draft, body: list[tuple[int, str]]) -> None:
        for number, raw in body:
            if len(raw) > L.MAX_LINE:
                self.report(
                    number,
                    f"line too long ({len(raw):,} characters); skipped",
                    Severity.UNRECOGNIZED,
                )
                continue
            self._line(draft, number, L.clean(raw))
        self.close_legs(draft)
        if draft.date is not None:
            self.report(draft.date[0], "a date line not followed by a leg")

    def _line(self, draft: Draft, number: int, line: str) -> None:
        text = line.strip()
        if not text or L.is_residue(line):
            return
        if L.SEPARATOR.match(text):
            self.close_legs(draft)
            draft.closed = False
            return
        if seed := L.parse_seed(text):
            self.countries.append(seed)
            return
        if text.startswith("- "):
            return  # list items in round prose: draw pots, seeding explanations
        if (schedule := L.parse_schedule(text)) is not None:
            draft.schedule = schedule
            return
        if (note := L.parse_note(text)) is not None:
            if draft.closed and not draft.legs and draft.ties:
                last = draft.ties[-1]
                draft.ties[-1] = _with_note(last, note)
            else:
                draft.notes.append(note)
            return
        if (date := L.parse_date(text)) is not None:
            if draft.date is not None:
                self.report(draft.date[0], "a date line not followed by a leg")
            draft.date = (number, date)
            return
        if (scorer := L.parse_scorer_line(line)) is not None and draft.legs:
            draft.legs[-1].scorer_lines.append((number, *scorer))
            return
        if (leg := L.parse_leg(line)) is not None:
            if len(draft.legs) >= 2:
                self.close_legs(draft)
            when = draft.date[1] if draft.date else None
            draft.legs.append(PendingLeg(leg, number, when))
            draft.date, draft.closed = None, False
            return
        if (summary := parse_summary(text)) is not None:
            builder = TieBuilder(self.file, draft.name, len(draft.ties) + 1, self.doc_has_codes)
            facts = builder.build(draft.legs, summary, number, draft.notes)
            for line_no, message in facts.warnings:
                self.report(line_no, message)
            draft.ties.append(facts.tie)
            self.countries.extend(facts.countries)
            self.aliases.extend(facts.aliases)
            draft.legs, draft.notes, draft.closed = [], [], True
            return
        if not draft.ties and not draft.legs and L.is_prose(text):
            draft.description.append(text)
            return
        self.report(number, f"line not understood: {text[:120]}", Severity.UNRECOGNIZED)


def _with_note(tie: Tie, note: str) -> Tie:
    return replace(tie, notes=(*tie.notes, note))
