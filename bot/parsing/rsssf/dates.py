"""Dates without years ("Sep 10", "Feb 11") placed in the season they belong to.

RSSSF prints month and day only.  A split season (2022/23) runs across a new
year, and each group restarts its dates, so neither "the month went backwards"
nor a fixed cut-off month is safe (seasons have started in August and ended in
October of the next year).  The rule here: dates come in document order, in the
season's first year; a date more than half a year before the latest date seen
moves on to the next year; a date past the season's last year is reported.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    name: number
    for number, name in enumerate(
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1
    )
}
_BACKWARDS = dt.timedelta(days=183)


class Calendar:
    """Resolves month/day pairs of one competition's season, in document order."""

    def __init__(self, start_year: int, end_year: int) -> None:
        self.start_year, self.end_year = start_year, end_year
        self.year = start_year
        self.latest: dt.date | None = None

    def resolve(self, month: str, day: int) -> dt.date | str:
        """The date, or a message saying why it cannot be one of this season."""
        number = MONTHS.get(month)
        if number is None:
            return f"'{month}' is not a month"
        try:
            date = dt.date(self.year, number, day)
            if self.latest is not None and date < self.latest - _BACKWARDS:
                date = dt.date(self.year + 1, number, day)
        except ValueError:
            return f"'{month} {day}' is not a date"
        if date.year > self.end_year:
            return (
                f"'{month} {day}' comes before the previous date, and the season "
                f"{self.start_year}–{self.end_year} has no later year"
            )
        self.year = date.year
        self.latest = date if self.latest is None else max(self.latest, date)
        return date
