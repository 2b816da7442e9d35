"""Football.TXT dates: day headers without a year, fixed by their weekday and the season's span.

Day headers read ``[Sat Aug/10]``.  "The year changes when the month goes
back" is wrong for these files: group-stage dates restart for every group, and
a round may list Apr/1 before Mar/31.  The ``# Date`` header gives the span of
the whole file (its start year is often left out), and within a span of up to
a few years the weekday leaves exactly one candidate date.  When it leaves
none or several, the date stays unknown and the reader says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date as written: weekday (0 = Monday), month, day and, when given, year."""

    weekday: int
    month: int
    day: int
    year: int | None

    def __str__(self) -> str:
        text = f"{WEEKDAYS[self.weekday]} {MONTHS[self.month - 1]}/{self.day}"
        return text if self.year is None else f"{text} {self.year}"


@dataclass(frozen=True, slots=True)
class Span:
    """First and last day of the file's matches, both included."""

    start: dt.date
    end: dt.date


def stamp(weekday: str, month: str, day: str, year: str | None) -> Stamp | str:
    """A Stamp from a header's words, or why they are not a date."""
    if weekday not in WEEKDAYS:
        return f"unknown weekday '{weekday}'"
    if month not in MONTHS:
        return f"unknown month '{month}'"
    return Stamp(WEEKDAYS.index(weekday), MONTHS.index(month) + 1, int(day), _int(year))


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _date(year: int, s: Stamp) -> dt.date | None:
    try:
        return dt.date(year, s.month, s.day)
    except ValueError:
        return None


def header_span(first: Stamp, last: Stamp | None, days: int | None) -> Span | str:
    """The span a ``# Date`` header gives, or why it gives none.

    The last day carries the year; the first day's year, when missing, is the one
    that makes its weekday (and the stated day count) come out right.
    """
    last = last or first
    if last.year is None:
        return f"the date range's last day ({last}) has no year"
    end = _date(last.year, last)
    if end is None or end.weekday() != last.weekday:
        return f"{last} is not a real date"
    years = [first.year] if first.year is not None else [last.year, last.year - 1]
    fits = [
        d
        for y in years
        if (d := _date(y, first)) is not None and d <= end and d.weekday() == first.weekday
    ]
    counted = [d for d in fits if days is None or (end - d).days == days]
    chosen = counted or fits
    if not chosen:
        return f"no {first} falls on or before {end.isoformat()}"
    return Span(chosen[0], end)


def resolve(s: Stamp, span: Span) -> dt.date | str:
    """The one date within ``span`` that has the stamp's month, day and weekday."""
    years = [s.year] if s.year is not None else range(span.start.year, span.end.year + 1)
    found = [
        d
        for y in years
        if (d := _date(y, s)) is not None
        and d.weekday() == s.weekday
        and span.start <= d <= span.end
    ]
    if len(found) == 1:
        return found[0]
    where = f"between {span.start.isoformat()} and {span.end.isoformat()}"
    if not found:
        return f"no {s} falls {where}; date left unknown"
    return f"{s} fits {len(found)} dates {where}; date left unknown"
