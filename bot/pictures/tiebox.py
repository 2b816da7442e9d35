"""One tie as a box: both clubs with their country codes, the legs, the aggregate, the winner
marked and how the tie was decided ("p 4–3", "a", "w/o").

Shared by the bracket and the qualifying columns, so a tie looks the same in
both.  Scores the source does not give are left blank, an opponent it does
not name is drawn as "unknown": nothing is filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.catalog import Entry
from bot.domain.models import DecidedBy, Side, Tie
from bot.domain.score import aggregate, for_winner, side_in
from bot.pictures.layout import Align, Box, Label, Rect, Role
from bot.pictures.typeface import Typeface
from bot.wording.pictures import PictureWords

ROW = 24  # one club
INFO = 17  # how it was decided
EDGE = 2
PAD = 6
CODE_W = 30
LEG_W = 20
AGG_W = 24
NAME_SIZE = 14
SCORE_SIZE = 14
SMALL = 11
NAME_W = 160
HEIGHT = EDGE + 2 * ROW + INFO + EDGE


def width_for(legs: int) -> int:
    """A box's width with ``legs`` leg columns; the name keeps the rest."""
    return PAD + CODE_W + NAME_W + legs * LEG_W + AGG_W + PAD


@dataclass(frozen=True, slots=True)
class TieBox:
    """What a tie adds to a layout, and the middle of each club's row (for joins)."""

    rect: Rect
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]
    rows: dict[Side, int]


def leg_goals(tie: Tie, side: Side) -> list[str | None]:
    """Each leg's goals for ``side``: None for a leg without a score."""
    out: list[str | None] = []
    for leg in tie.legs:
        home = side_in(leg.home, tie.team1, tie.team2)
        goals = leg.home_goals if home is side else leg.away_goals
        out.append(None if home is None or goals is None else str(goals))
    return out


def marks(tie: Tie, words: PictureWords) -> str:
    """ "aet · p 4–3", "a", "w/o": how the tie was decided, in the picture's words."""
    parts: list[str] = []
    if any(leg.extra_time for leg in tie.legs):
        parts.append(words.extra_time)
    how = tie.decided_by
    if how is DecidedBy.PENALTIES:
        pens = tie.penalties
        shootout = tie.legs[-1].penalties if tie.legs else None
        if pens is None and shootout is not None:  # the last match's own, home-away
            home = side_in(tie.legs[-1].home, tie.team1, tie.team2)
            a, b = shootout
            pens = (a, b) if home is not Side.TWO else (b, a)
        parts.append(words.shootout(None if pens is None else for_winner(pens, tie)))
    elif how is DecidedBy.AWAY_GOALS:
        parts.append(words.away_goals)
    elif how is DecidedBy.WALKOVER:
        parts.append(words.walkover)
    elif how is DecidedBy.WITHDRAWAL:
        parts.append(words.withdrawal)
    elif how is DecidedBy.UNKNOWN:
        parts.append(words.unknown)
    return " · ".join(parts)


def label(
    tf: Typeface,
    text: str,
    slot: Rect,
    size: int,
    within: str,
    *,
    bold: bool = False,
    colour: Role = Role.TEXT,
    align: Align = Align.LEFT,
    tag: str = "",
) -> Label:
    """A label cut to fit ``slot`` (with an ellipsis), measured with the shipped font."""
    fitted, width = tf.fit(text, slot.w, size, bold)
    return Label(fitted, slot, size, width, bold, colour, align, tag, within)


def tie_box(
    entry: Entry | None, tag: str, x: int, y: int, legs: int, words: PictureWords, tf: Typeface
) -> TieBox:
    """The box of ``entry`` (None: a tie the source does not give) at (x, y)."""
    width = width_for(legs)
    rect = Rect(x, y, width, HEIGHT)
    boxes = [Box(rect, Role.PANEL, Role.PANEL_EDGE, 6, tag)]
    labels: list[Label] = []
    rows: dict[Side, int] = {}
    tie = entry.tie if entry is not None else None
    single = tie is not None and tie.single_match
    total = aggregate(tie) if tie is not None and not single else None
    if single and tie is not None and tie.legs:
        leg = tie.legs[0]
        total = None
        if leg.home_goals is not None and leg.away_goals is not None:
            home = side_in(leg.home, tie.team1, tie.team2)
            pair = (leg.home_goals, leg.away_goals)
            total = pair if home is not Side.TWO else (pair[1], pair[0])
    score_x = rect.right - PAD - AGG_W - legs * LEG_W
    name_x = x + PAD + CODE_W
    for i, side in enumerate((Side.ONE, Side.TWO)):
        top = y + EDGE + i * ROW
        rows[side] = top + ROW // 2
        name = tie.team(side) if tie is not None else None
        club = entry.club(side) if entry is not None else None
        won = tie is not None and tie.winner is side
        lost = tie is not None and tie.winner is side.other
        if won:
            boxes.append(Box(Rect(x + 1, top + 3, 4, ROW - 6), Role.WINNER, tag=f"winner:{tag}"))
        code = (tie.code1 if side is Side.ONE else tie.code2) if tie is not None else None
        code = code or (club.country if club is not None else None)
        if code and name:
            slot = Rect(x + PAD, top, CODE_W - 4, ROW)
            labels.append(label(tf, code, slot, SMALL, tag, colour=Role.MUTED))
        shown = (words.club(club) if club is not None else name) or words.unknown
        colour = Role.MUTED if lost or not name else Role.TEXT
        slot = Rect(name_x, top, score_x - name_x - 4, ROW)
        labels.append(label(tf, shown, slot, NAME_SIZE, tag, bold=won, colour=colour))
        goals = leg_goals(tie, side) if tie is not None and not single else []
        for n in range(legs):
            text = goals[n] if n < len(goals) else None
            if n < len(goals) and text is None:
                text = words.no_score
            if text:
                slot = Rect(score_x + n * LEG_W, top, LEG_W, ROW)
                labels.append(
                    label(tf, text, slot, SMALL + 1, tag, colour=Role.MUTED, align=Align.CENTER)
                )
        if total is not None:
            mine = str(total[0] if side is Side.ONE else total[1])
            slot = Rect(rect.right - PAD - AGG_W, top, AGG_W, ROW)
            labels.append(
                label(
                    tf,
                    mine,
                    slot,
                    SCORE_SIZE,
                    tag,
                    bold=True,
                    align=Align.RIGHT,
                    colour=Role.MUTED if lost else Role.TEXT,
                )
            )
    info = Rect(x + PAD, y + EDGE + 2 * ROW, width - 2 * PAD, INFO - 2)
    if tie is not None:
        note = marks(tie, words)
        if legs and not tie.legs and not single:
            note = " · ".join(p for p in (words.legs_unknown, note) if p)
        if note:
            labels.append(label(tf, note, info, SMALL, tag, colour=Role.HEADING, align=Align.RIGHT))
    return TieBox(rect, tuple(boxes), tuple(labels), rows)
