"""A season's knockout stage as a layout: a bracket down to the final, or qualifying columns.

Bracket: the final's two clubs are traced back to the ties they won, round
by round, so each winner is drawn beside the tie it went on to and joined to
its own row there.  A slot no tie of the source fills is drawn as unknown.
Columns (documents with qualifying rounds only): each round a column of its
ties, each ordered by where its winners went next, and a winner is joined to
the next column only where the source names it in a tie there.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answering.facts import BracketKind, SeasonBracket
from bot.domain.catalog import Entry
from bot.domain.models import Round, Side
from bot.pictures.layout import Align, Box, Label, Layout, Line, Rect, Role, mirrored
from bot.pictures.tiebox import HEIGHT, TieBox, label, tie_box, width_for
from bot.pictures.typeface import Typeface
from bot.wording.pictures import PictureWords

MARGIN = 16
TITLE_H = 26
SUBTITLE_H = 18
HEADER_H = 24
GAP_X = 34  # between columns: room for the joins
GAP_Y = 12  # between two boxes of the first column
FOOTER_H = 22
CHAMPION_H = 26  # below the final: who won it
MIN_WIDTH = 420
MAX_LEGS = 3
STUB = 6
SWEEPS = 2  # ordering passes over the qualifying columns


def tie_tag(rnd: Round, slot: int) -> str:
    return f"tie:{rnd.name}:{slot}"


def _legs(entries: list[Entry | None]) -> int:
    counts = [len(e.tie.legs) for e in entries if e is not None and not e.tie.single_match]
    return min(max(counts, default=0), MAX_LEGS)


def bracket_slots(b: SeasonBracket) -> list[list[Entry | None]]:
    """Per round (first to final), its ties in drawing order; None where the source has none."""
    by_round = [[e for e in b.entries if e.round.name == r.name] for r in b.rounds]
    slots: list[list[Entry | None]] = [[] for _ in b.rounds]
    slots[-1] = [by_round[-1][0] if by_round[-1] else None]
    for k in range(len(b.rounds) - 2, -1, -1):
        pool = list(by_round[k])
        placed: list[Entry | None] = []
        for target in slots[k + 1]:
            for side in (Side.ONE, Side.TWO):
                club = target.club(side) if target is not None else None
                found = next(
                    (e for e in pool if club and e.winner_club and e.winner_club.key == club.key),
                    None,
                )
                if found is not None:
                    pool.remove(found)
                placed.append(found)
        for i, entry in enumerate(placed):
            if entry is None and pool:
                placed[i] = pool.pop(0)
        slots[k] = [*placed, *pool]  # more ties than slots cannot happen; never drop one
    return slots


def column_slots(b: SeasonBracket) -> list[list[Entry]]:
    """Per round, its ties top to bottom, each round ordered by the rows of the ties its
    winners came from and went on to (a few barycentre sweeps, from document order), so
    joins run nearly level and do not cross; a tie joined to nothing keeps its place."""
    cols = [[e for e in b.entries if e.round.name == r.name] for r in b.rounds]

    def row(j: int, count: int, side: Side) -> float:  # a club's row, 0 (top) to 1
        return (j + (0.3 if side is Side.ONE else 0.7)) / count

    def reorder(k: int, position: Callable[[Entry], float | None]) -> None:
        here = {id(e): (i + 0.5) / len(cols[k]) for i, e in enumerate(cols[k])}

        def key(entry: Entry) -> float:
            found = position(entry)
            return here[id(entry)] if found is None else found

        cols[k] = sorted(cols[k], key=key)

    def went_to(k: int) -> Callable[[Entry], float | None]:
        def position(entry: Entry) -> float | None:
            nxt = cols[k + 1]
            rows = [row(j, len(nxt), s) for j, t in enumerate(nxt) if (s := _feeds(entry, t))]
            return rows[0] if rows else None

        return position

    def came_from(k: int) -> Callable[[Entry], float | None]:
        def position(entry: Entry) -> float | None:
            prev = cols[k - 1]
            rows = [(i + 0.5) / len(prev) for i, e in enumerate(prev) if _feeds(e, entry)]
            return sum(rows) / len(rows) if rows else None

        return position

    for _ in range(SWEEPS):
        for k in range(len(cols) - 2, -1, -1):
            reorder(k, went_to(k))
        for k in range(1, len(cols)):
            reorder(k, came_from(k))
    for k in range(len(cols) - 2, -1, -1):  # last: sources in their targets' row order
        reorder(k, went_to(k))
    return cols


def _feeds(entry: Entry | None, target: Entry | None) -> Side | None:
    """The row of ``target`` that ``entry``'s winner plays in, if the source names it there."""
    if entry is None or target is None:
        return None
    winner = entry.winner_club
    return None if winner is None else target.side(winner.key)


def _join(src: TieBox, entry: Entry, dst: TieBox, side: Side, tag: str, elbow: bool) -> Line:
    """From the winner's row to its row in the next tie: a bracket's elbow, or (columns,
    where several joins share a gap) a slanted line that cannot merge with another."""
    win = entry.tie.winner
    assert win is not None
    y1, y2 = src.rows[win], dst.rows[side]
    a, b = src.rect.right, dst.rect.x
    if elbow:
        mid = a + (b - a) // 2
        return Line(((a, y1), (mid, y1), (mid, y2), (b, y2)), Role.JOIN, 2, tag)
    return Line(((a, y1), (a + STUB, y1), (b - STUB, y2), (b, y2)), Role.JOIN, 2, tag)


def season_layout(b: SeasonBracket, words: PictureWords, tf: Typeface) -> Layout:
    """The picture of one season's knockout stage."""
    if b.kind is BracketKind.BRACKET:
        columns: list[list[Entry | None]] = bracket_slots(b)
    else:
        columns = [list(c) for c in column_slots(b)]
    widths = [width_for(_legs(col)) for col in columns]
    content_w = sum(widths) + GAP_X * (len(columns) - 1)
    width = max(MIN_WIDTH, content_w + 2 * MARGIN)
    left = (width - content_w) // 2
    top = MARGIN + TITLE_H + (SUBTITLE_H if b.kind is BracketKind.COLUMNS else 0) + HEADER_H
    tallest = max(len(col) for col in columns)
    pitch = HEIGHT + GAP_Y
    body_h = tallest * pitch - GAP_Y
    crowned = b.kind is BracketKind.BRACKET
    height = top + body_h + (CHAMPION_H if crowned else 0) + FOOTER_H + MARGIN

    labels: list[Label] = []
    boxes: list[Box] = [Box(Rect(0, 0, width, height), Role.BACKGROUND, Role.FRAME, 0, "canvas")]
    lines: list[Line] = []
    inner = Rect(MARGIN, MARGIN, width - 2 * MARGIN, TITLE_H)
    labels.append(label(tf, words.season_title(b.season), inner, 18, "", bold=True, tag="title"))
    if b.kind is BracketKind.COLUMNS:
        sub = Rect(MARGIN, MARGIN + TITLE_H, width - 2 * MARGIN, SUBTITLE_H)
        labels.append(label(tf, words.columns_note, sub, 12, "", colour=Role.MUTED, tag="note"))

    drawn: list[list[TieBox | None]] = []
    centres: list[list[float]] = []
    x = left
    for k, (rnd, col) in enumerate(zip(b.rounds, columns, strict=True)):
        head = Rect(x, top - HEADER_H, widths[k], HEADER_H - 4)
        labels.append(
            label(
                tf,
                words.round_name(rnd.name),
                head,
                13,
                "",
                bold=True,
                colour=Role.HEADING,
                align=Align.CENTER,
                tag=f"round:{rnd.name}",
            )
        )
        if b.kind is BracketKind.BRACKET and k > 0:
            prev = centres[-1]
            mids = [(prev[2 * j] + prev[2 * j + 1]) / 2 for j in range(len(col))]
        else:
            step = body_h / len(col) if b.kind is BracketKind.COLUMNS else pitch
            first = step / 2 if b.kind is BracketKind.COLUMNS else HEIGHT / 2
            mids = [top + first + j * step for j in range(len(col))]
        centres.append(mids)
        row: list[TieBox | None] = []
        for j, entry in enumerate(col):
            y = round(mids[j] - HEIGHT / 2)
            box = tie_box(entry, tie_tag(rnd, j), x, y, _legs(col), words, tf)
            boxes.extend(box.boxes)
            labels.extend(box.labels)
            row.append(box)
        drawn.append(row)
        x += widths[k] + GAP_X

    for k in range(len(columns) - 1):
        for i, entry in enumerate(columns[k]):
            src = drawn[k][i]
            for j, target in enumerate(columns[k + 1]):
                side = _feeds(entry, target)
                dst = drawn[k + 1][j]
                if side is None or src is None or dst is None or entry is None:
                    continue
                tag = f"join:{tie_tag(b.rounds[k], i)}>{tie_tag(b.rounds[k + 1], j)}"
                lines.append(_join(src, entry, dst, side, tag, b.kind is BracketKind.BRACKET))
                break

    final = columns[-1][0] if crowned and columns[-1] else None
    last = drawn[-1][0] if drawn[-1] else None
    if final is not None and final.winner_club is not None and last is not None:
        slot = Rect(last.rect.x, last.rect.bottom + 6, last.rect.w, CHAMPION_H - 8)
        text = words.champion(final.winner_club)
        labels.append(
            label(
                tf,
                text,
                slot,
                13,
                "",
                bold=True,
                colour=Role.CHAMPIONS,
                align=Align.CENTER,
                tag="champions",
            )
        )
    foot = Rect(MARGIN, height - MARGIN - FOOTER_H + 6, width - 2 * MARGIN, FOOTER_H - 6)
    source = words.source(b.season.source_file)
    labels.append(label(tf, source, foot, 11, "", colour=Role.MUTED, tag="source"))
    alt = words.bracket_alt(words.season_title(b.season))
    layout = Layout(width, height, tuple(boxes), tuple(lines), tuple(labels), alt)
    return mirrored(layout) if words.rtl else layout
