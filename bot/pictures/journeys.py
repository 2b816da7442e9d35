"""A club's journey as a layout: one row per season and competition, newest first.

Each row shows the season's rounds as a track of segments (the rounds the
club played filled in, the last one it reached in the colour of how the
season ended), then the name of that round and the ending in words.  A
legend names the colours the picture uses.
"""

from __future__ import annotations

from bot.domain.competitions import competition_named
from bot.domain.models import Club
from bot.pictures.layout import Box, Label, Layout, Rect, Role, mirrored
from bot.pictures.runs import SeasonRun
from bot.pictures.tiebox import label
from bot.pictures.typeface import Typeface
from bot.wording.pictures import Ending, PictureWords

MARGIN = 16
TITLE_H = 26
SUBTITLE_H = 20
ROW_H = 26
SEASON_W = 66
COMP_W = 44
SEG_W = 24
SEG_GAP = 3
SEG_H = 12
ROUND_W = 150
ENDING_W = 104
LEGEND_H = 30
FOOTER_H = 20
GAP = 10
MIN_WIDTH = 560
MAX_ROWS = 60  # a picture taller than this is no longer readable on a phone

ENDING_ROLES: dict[Ending, Role] = {
    Ending.CHAMPIONS: Role.CHAMPIONS,
    Ending.RUNNER_UP: Role.RUNNER_UP,
    Ending.OUT: Role.OUT,
    Ending.THROUGH: Role.THROUGH,
    Ending.UNKNOWN: Role.UNKNOWN,
}


def _swatch(ending: Ending) -> tuple[Role, Role | None]:
    """Fill and edge of the segment where a run ended: hollow when how it ended is unknown
    (so it cannot be taken for the runner-up's silver)."""
    if ending is Ending.UNKNOWN:
        return Role.TRACK, Role.UNKNOWN
    return ENDING_ROLES[ending], None


def row_tag(run: SeasonRun) -> str:
    return f"row:{run.season.key}"


def _short(competition: str) -> str:
    found = competition_named(competition)
    return found.short if found is not None else competition


def journey_layout(
    club: Club, runs: tuple[SeasonRun, ...], words: PictureWords, tf: Typeface
) -> Layout:
    """The picture of a club's runs (newest first, at most ``MAX_ROWS`` of them)."""
    shown = runs[:MAX_ROWS]
    most = max((len(r.rounds) for r in shown), default=1)
    track_w = most * (SEG_W + SEG_GAP) - SEG_GAP
    content_w = SEASON_W + COMP_W + track_w + ROUND_W + ENDING_W + 4 * GAP
    width = max(MIN_WIDTH, content_w + 2 * MARGIN)
    top = MARGIN + TITLE_H + SUBTITLE_H + 6
    height = top + len(shown) * ROW_H + LEGEND_H + FOOTER_H + MARGIN

    boxes: list[Box] = [Box(Rect(0, 0, width, height), Role.BACKGROUND, Role.FRAME, 0, "canvas")]
    labels: list[Label] = []
    title = words.club(club)
    if club.country:
        title = f"{title} · {club.country}"
    head = Rect(MARGIN, MARGIN, width - 2 * MARGIN, TITLE_H)
    labels.append(label(tf, title, head, 18, "", bold=True, tag="title"))
    sub = Rect(MARGIN, MARGIN + TITLE_H, width - 2 * MARGIN, SUBTITLE_H)
    labels.append(label(tf, words.seasons(len(runs)), sub, 12, "", colour=Role.MUTED, tag="note"))

    x_comp = MARGIN + SEASON_W + GAP
    x_track = x_comp + COMP_W + GAP
    x_round = x_track + track_w + GAP
    x_end = x_round + ROUND_W + GAP
    for n, run in enumerate(shown):
        y = top + n * ROW_H
        tag = row_tag(run)
        fill = Role.PANEL if n % 2 == 0 else Role.BACKGROUND
        boxes.append(Box(Rect(MARGIN - 6, y, width - 2 * MARGIN + 12, ROW_H), fill, None, 4, tag))
        cells = (
            (run.season.label, Rect(MARGIN, y, SEASON_W, ROW_H), True, Role.TEXT),
            (_short(run.season.competition), Rect(x_comp, y, COMP_W, ROW_H), False, Role.MUTED),
        )
        for text, slot, bold, colour in cells:
            labels.append(label(tf, text, slot, 13, tag, bold=bold, colour=colour))
        role = ENDING_ROLES[run.ending]
        for i in range(len(run.rounds)):
            seg = Rect(x_track + i * (SEG_W + SEG_GAP), y + (ROW_H - SEG_H) // 2, SEG_W, SEG_H)
            colour, edge = Role.TRACK, None
            if i == run.reached:
                colour, edge = _swatch(run.ending)
            elif i in run.played and i < run.reached:
                colour = Role.REACHED
            boxes.append(Box(seg, colour, edge, 3, f"seg:{run.season.key}:{i}"))
        reached = words.round_name(run.rounds[run.reached].name)
        labels.append(label(tf, reached, Rect(x_round, y, ROUND_W, ROW_H), 13, tag))
        labels.append(
            label(
                tf,
                words.ending(run.ending),
                Rect(x_end, y, ENDING_W, ROW_H),
                13,
                tag,
                bold=True,
                colour=role,
            )
        )

    y = top + len(shown) * ROW_H + 8
    x = MARGIN
    for ending in Ending:
        if not any(r.ending is ending for r in shown):
            continue
        text = words.ending(ending)
        text_w = min(tf.measure(text, 12), ENDING_W)
        if x + 14 + text_w > width - MARGIN:
            break
        fill, edge = _swatch(ending)
        boxes.append(Box(Rect(x, y + 7, 10, 10), fill, edge, 2, f"key:{ending}"))
        labels.append(
            label(
                tf,
                text,
                Rect(x + 14, y, text_w, 24),
                12,
                "",
                colour=Role.MUTED,
                tag=f"legend:{ending}",
            )
        )
        x += 14 + text_w + 16

    files = ", ".join(dict.fromkeys(r.season.source_file for r in shown))
    if len({r.season.source_file for r in shown}) > 2:
        files = words.many_sources(len({r.season.source_file for r in shown}))
    foot = Rect(MARGIN, height - MARGIN - FOOTER_H + 4, width - 2 * MARGIN, FOOTER_H - 4)
    labels.append(label(tf, words.source(files), foot, 11, "", colour=Role.MUTED, tag="source"))
    alt = words.journey_alt(club)
    layout = Layout(width, height, tuple(boxes), (), tuple(labels), alt)
    return mirrored(layout) if words.rtl else layout
