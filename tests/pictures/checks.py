"""Checks every layout must pass: inside the canvas, labels inside their slots and boxes."""

from __future__ import annotations

from bot.pictures.layout import Layout, Rect


def _points_inside(canvas: Rect, points: tuple[tuple[int, int], ...]) -> bool:
    return all(0 <= x <= canvas.right and 0 <= y <= canvas.bottom for x, y in points)


def layout_problems(layout: Layout) -> list[str]:
    """Everything wrong with a layout's geometry, as readable lines (empty: all good)."""
    canvas = layout.canvas
    problems: list[str] = []
    boxes = {b.tag: b for b in layout.boxes if b.tag}
    for box in layout.boxes:
        if not canvas.contains(box.rect):
            problems.append(f"box {box.tag} {box.rect} outside the canvas")
    for line in layout.lines:
        if not _points_inside(canvas, line.points):
            problems.append(f"line {line.tag} outside the canvas")
    for lab in layout.labels:
        where = f"label {lab.text!r} ({lab.tag or lab.within})"
        if lab.width > lab.slot.w:
            problems.append(f"{where} is {lab.width}px wide in a {lab.slot.w}px slot")
        if lab.slot.h < lab.size:
            problems.append(f"{where}: slot {lab.slot.h}px high for {lab.size}px text")
        if not canvas.contains(lab.slot):
            problems.append(f"{where} outside the canvas")
        if lab.within:
            box = boxes.get(lab.within)
            if box is None:
                problems.append(f"{where} names no box")
            elif not box.rect.contains(lab.slot):
                problems.append(f"{where} overflows its box {box.rect}")
    return problems


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def overlapping_labels(layout: Layout) -> list[str]:
    """Pairs of labels whose slots overlap (text drawn over text)."""
    labels = [lab for lab in layout.labels if lab.text]
    found = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if _overlap(a.slot, b.slot):
                found.append(f"{a.text!r} {a.slot} and {b.text!r} {b.slot}")
    return found
