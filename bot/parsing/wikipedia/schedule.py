"""Schedule tables ("| Round | First leg | Second leg |") → leg dates per round.

Wiki tables with a row-spanning cell lose that cell on later rows
("| Second round | 15–17 September 2023 | 29 September – 1 October 2023 | |"
under a "Draw date" column); values are then aligned to the right, which is
where the remaining columns are.
"""

from __future__ import annotations

from bot.domain.names import fold


def _cells(line: str) -> list[str] | None:
    text = line.strip()
    if not (text.startswith("|") and text.endswith("|")) or len(text) < 2:
        return None
    return [c.strip() for c in text[1:-1].split("|")]


def parse_schedule_tables(lines: list[str]) -> dict[str, tuple[str, str]]:
    """Folded round name → (first leg, second leg) from every schedule table."""
    result: dict[str, tuple[str, str]] = {}
    header: list[str] | None = None
    for raw in lines:
        cells = _cells(raw) if len(raw) < 2_000 else None
        if cells is None:
            header = None
            continue
        folded = [fold(c) for c in cells]
        if folded and folded[0] == "round" and any("first leg" in c for c in folded):
            header = folded
            continue
        if header is None or not cells[0]:
            continue
        columns = header[1:]
        values = [v for v in cells[1:] if v]
        if len(values) < len(columns):
            values = [""] * (len(columns) - len(values)) + values
        row = dict(zip(columns, values, strict=False))
        first = next((v for k, v in row.items() if "first leg" in k), "")
        second = next((v for k, v in row.items() if "second leg" in k), "")
        if first or second:
            result[fold(cells[0])] = (first, second)
    return result
