"""A picture as data: boxes, lines and labels with their positions, before any pixel.

Layouts are computed first and drawn second, so tests can check a layout
exactly (every tie present, winners joined, no label wider than its slot,
nothing outside the canvas) and the drawing separately.  Colours are roles;
the theme turns them into RGB.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum


class Role(StrEnum):
    """What a colour is for; ``theme.PALETTE`` gives each one its RGB."""

    BACKGROUND = "background"
    FRAME = "frame"
    PANEL = "panel"
    PANEL_EDGE = "panel_edge"
    TEXT = "text"
    MUTED = "muted"
    HEADING = "heading"
    WINNER = "winner"
    JOIN = "join"
    TRACK = "track"
    REACHED = "reached"
    CHAMPIONS = "champions"
    RUNNER_UP = "runner_up"
    OUT = "out"
    THROUGH = "through"
    UNKNOWN = "unknown"


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


@dataclass(frozen=True, slots=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def middle(self) -> int:
        return self.y + self.h // 2

    def contains(self, other: Rect) -> bool:
        """``other`` lies wholly inside this rectangle (edges may touch)."""
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


@dataclass(frozen=True, slots=True)
class Box:
    """A filled rectangle; ``tag`` names what it stands for ("tie:Final:0")."""

    rect: Rect
    fill: Role
    edge: Role | None = None
    radius: int = 0
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """A polyline; joins are tagged "join:<from box tag>><to box tag>"."""

    points: tuple[tuple[int, int], ...]
    colour: Role
    width: int = 2
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """One line of text, already cut to fit: drawn inside ``slot``, ``width`` pixels wide."""

    text: str
    slot: Rect
    size: int
    width: int
    bold: bool = False
    colour: Role = Role.TEXT
    align: Align = Align.LEFT
    tag: str = ""
    within: str = ""  # the tag of the box the slot belongs to ("" : the canvas)


@dataclass(frozen=True, slots=True)
class Layout:
    """A whole picture: its size, and what is drawn in order (boxes, lines, labels)."""

    width: int
    height: int
    boxes: tuple[Box, ...] = ()
    lines: tuple[Line, ...] = ()
    labels: tuple[Label, ...] = ()
    description: str = ""

    @property
    def canvas(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    def box(self, tag: str) -> Box | None:
        return next((b for b in self.boxes if b.tag == tag), None)

    def labels_in(self, tag: str) -> Iterator[Label]:
        return (lab for lab in self.labels if lab.within == tag)


_FLIP = {Align.LEFT: Align.RIGHT, Align.RIGHT: Align.LEFT, Align.CENTER: Align.CENTER}


def mirrored(layout: Layout) -> Layout:
    """The layout flipped left to right, for a language read right to left: brackets then
    run from the right, and each label keeps to the mirrored side of its slot."""
    w = layout.width

    def flip(r: Rect) -> Rect:
        return Rect(w - r.right, r.y, r.w, r.h)

    return replace(
        layout,
        boxes=tuple(replace(b, rect=flip(b.rect)) for b in layout.boxes),
        lines=tuple(
            replace(ln, points=tuple((w - x, y) for x, y in ln.points)) for ln in layout.lines
        ),
        labels=tuple(
            replace(lab, slot=flip(lab.slot), align=_FLIP[lab.align]) for lab in layout.labels
        ),
    )
