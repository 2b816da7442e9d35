"""Reading one round section: a small state machine over its lines.

Dates, leg lines, scorer lines and notes accumulate until a result summary
closes the tie; a ``----`` separator ends a tie's block.  Every line that is
neither data nor known residue is reported, so nothing is silently dropped.
Lines arrive one at a time as the document streams by; the cheap first- and
last-character tests before each recogniser only skip ones that cannot match.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.domain.models import Diagnostic, Severity, SourceRef, Tie
from bot.parsing.wikipedia import lines as L
from bot.parsing.wikipedia.results import Summary, parse_summary
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


Mark = tuple[int, int, int]


class RoundReader:
    """Holds the per-document state while rounds are read.

    ``doc_has_codes`` is asked only for a tie whose sides it decides (rare), since it
    reads the whole document.  Countries and aliases are kept once each, in the order
    first seen; strings and dates repeated across ties are shared (``names``, ``dates``).
    """

    def __init__(self, file: str, doc_has_codes: Callable[[], bool]) -> None:
        self.file = file
        self.doc_has_codes = functools.cache(doc_has_codes)  # no reference back: no cycle
        self.diags: list[Diagnostic] = []
        self.countries: dict[tuple[str, str], None] = {}
        self.aliases: dict[tuple[str, str], None] = {}
        self.names: dict[str, str] = {}
        self.dates: dict[dt.date, dt.date] = {}
        self.builder = TieBuilder(file, self.doc_has_codes, self.names)

    def report(self, line: int, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diags.append(Diagnostic(SourceRef(self.file, line), message, severity))

    def mark(self) -> Mark:
        """Where the findings stand, to forget a section that turns out not to be a round."""
        return len(self.diags), len(self.countries), len(self.aliases)

    def forget(self, mark: Mark) -> None:
        """Drop every finding made since ``mark`` (dicts pop their newest entries first)."""
        del self.diags[mark[0] :]
        for found, size in ((self.countries, mark[1]), (self.aliases, mark[2])):
            while len(found) > size:
                found.popitem()

    def close_legs(self, draft: Draft) -> None:
        if draft.legs:
            first = draft.legs[0].line
            self.report(first, "leg lines with no result line after them; tie skipped (truncated?)")
            draft.legs = []

    def read_line(self, draft: Draft, number: int, raw: str) -> None:
        """One line of the round's section, in document order."""
        if len(raw) > L.MAX_LINE:
            self.report(
                number, f"line too long ({len(raw):,} characters); skipped", Severity.UNRECOGNIZED
            )
            return
        line = L.clean(raw) if "<" in raw else raw.rstrip()  # clean() without the call
        text = line.strip()
        if not text:
            return
        first = text[0]
        if first in "|{!;" and L.is_residue(text):
            return
        if first == "-":
            if L.SEPARATOR.match(text):
                self.close_legs(draft)
                draft.closed = False
                return
            if seed := L.parse_seed(text):
                self.countries[seed] = None
                return
            if text.startswith("- "):
                return  # list items in round prose: draw pots, seeding explanations
        if first in "Ff" and (schedule := L.parse_schedule(text)) is not None:
            draft.schedule = schedule
            return
        if first in "Nn" and (note := L.parse_note(text)) is not None:
            if draft.closed and not draft.legs and draft.ties:
                last = draft.ties[-1]
                draft.ties[-1] = _with_note(last, note)
            else:
                draft.notes.append(note)
            return
        if text[-1].isdecimal() and (date := L.parse_date(text)) is not None:
            if draft.date is not None:
                self.report(draft.date[0], "a date line not followed by a leg")
            draft.date = (number, self.dates.setdefault(date, date))
            return
        scorer = L.parse_scorer_line(line) if line[0].isspace() else None  # indented only
        if scorer is not None and draft.legs:
            draft.legs[-1].scorer_lines.append((number, *scorer))
            return
        if not line.endswith((".", ":")) and (leg := L.parse_leg(line)) is not None:  # as it would
            if len(draft.legs) >= 2:
                self.close_legs(draft)
            when = draft.date[1] if draft.date else None
            draft.legs.append(PendingLeg(leg, number, when))
            draft.date, draft.closed = None, False
            return
        if (summary := parse_summary(text)) is not None:
            self._tie(draft, summary, number)
            return
        if not draft.ties and not draft.legs and L.is_prose(text):
            draft.description.append(text)
            return
        self.report(number, f"line not understood: {text[:120]}", Severity.UNRECOGNIZED)

    def end_round(self, draft: Draft) -> None:
        """After the section's last line: what is left open is reported."""
        self.close_legs(draft)
        if draft.date is not None:
            self.report(draft.date[0], "a date line not followed by a leg")

    def _tie(self, draft: Draft, summary: Summary, number: int) -> None:
        facts = self.builder.build(
            draft.name, len(draft.ties) + 1, draft.legs, summary, number, draft.notes
        )
        for line_no, message in facts.warnings:
            self.report(line_no, message)
        draft.ties.append(facts.tie)
        if facts.countries:
            self.countries.update(dict.fromkeys(facts.countries))
        if facts.aliases:
            self.aliases.update(dict.fromkeys(facts.aliases))
        draft.legs, draft.notes, draft.closed = [], [], True


def _with_note(tie: Tie, note: str) -> Tie:
    return replace(tie, notes=(*tie.notes, note))
