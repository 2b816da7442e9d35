"""Dates without years ("Sep 10", "Feb 11") placed in the season they belong to.

RSSSF prints month and day only.  A split season (2022/23) runs across a new
year, and each group restarts its dates, so neither "the month went backwards"
nor a fixed cut-off month is safe (seasons have started in August and ended in
October or November of the next year).  Dates come in page order, so each one
takes the year of the season that puts it nearest the latest date seen so far,
a step back counting double (pages step back only when a group restarts its
dates, a few weeks); the first date of a page is in the season's first year.  A
date that only fits after the season's last year is reported.
"""

from __future__ import annotations

import datetime as dt

from bot.domain.competitions import season_label

MONTHS = {
    name: number
    for number, name in enumerate(
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1
    )
}
_BACK_WEIGHT = 2


class Calendar:
    """Resolves month/day pairs of one competition's season, in page order."""

    def __init__(self, start_year: int, end_year: int) -> None:
        self.start_year, self.end_year = start_year, end_year
        self.latest: dt.date | None = None

    def _distance(self, date: dt.date) -> int:
        if self.latest is None:
            return 0
        days = (date - self.latest).days
        return days if days >= 0 else -days * _BACK_WEIGHT

    def resolve(self, month: str, day: int) -> dt.date | str:
        """The date, or a message saying why it cannot be one of this season."""
        number = MONTHS.get(month)
        if number is None:
            return f"'{month}' is not a month"
        options = []
        for year in range(self.start_year, self.end_year + 2):
            try:
                options.append(dt.date(year, number, day))
            except ValueError:
                continue
        if not options:
            return f"'{month} {day}' is not a date"
        date = min(options, key=self._distance)  # the earliest year on a draw
        if date.year > self.end_year:
            return (
                f"'{month} {day}' falls after the season "
                f"{season_label(self.start_year, self.end_year)} (dates are read in page order)"
            )
        self.latest = date if self.latest is None else max(self.latest, date)
        return date
