"""Schedule tables ("| Round | First leg | Second leg |") → leg dates per round.

Wiki tables with a row-spanning cell lose that cell on later rows
("| Second round | 15–17 September 2023 | 29 September – 1 October 2023 | |"
under a "Draw date" column); values are then aligned to the right, which is
where the remaining columns are.  The tables are collected while the document
streams by, one line at a time, so no list of lines is needed.
"""

from __future__ import annotations

from bot.domain.names import fold


def _cells(line: str) -> list[str] | None:
    text = line.strip()
    if not (text.startswith("|") and text.endswith("|")) or len(text) < 2:
        return None
    return [c.strip() for c in text[1:-1].split("|")]


class ScheduleTables:
    """Folded round name → (first leg, second leg), from every schedule table fed so far."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[str, str]] = {}
        self.header: list[str] | None = None

    def feed(self, raw: str) -> None:
        """One line of the document, in order (every line: a table ends at a line that is
        not a row)."""
        cells = _cells(raw) if "|" in raw and len(raw) < 2_000 else None
        if cells is None:
            self.header = None
            return
        folded = [fold(c) for c in cells]
        if folded and folded[0] == "round" and any("first leg" in c for c in folded):
            self.header = folded
            return
        if self.header is None or not cells[0]:
            return
        columns = self.header[1:]
        values = [v for v in cells[1:] if v]
        if len(values) < len(columns):
            values = [""] * (len(columns) - len(values)) + values
        row = dict(zip(columns, values, strict=False))
        first = next((v for k, v in row.items() if "first leg" in k), "")
        second = next((v for k, v in row.items() if "second leg" in k), "")
        if first or second:
            self.found[fold(cells[0])] = (first, second)
