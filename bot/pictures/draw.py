"""Layout → PNG bytes with Pillow: boxes, then lines, then labels, in the shipped fonts.

Drawing reads nothing but the layout, the theme and the typeface, so the
same layout always gives the same pixels.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from bot.pictures.layout import Align, Layout, Role
from bot.pictures.theme import PALETTE
from bot.pictures.typeface import Typeface, is_rtl

ANCHORS = {Align.LEFT: "lm", Align.RIGHT: "rm", Align.CENTER: "mm"}


def render(layout: Layout, tf: Typeface) -> Image.Image:
    """The layout drawn on an RGB image of exactly its size."""
    image = Image.new("RGB", (layout.width, layout.height), PALETTE[Role.BACKGROUND])
    draw = ImageDraw.Draw(image)
    for box in layout.boxes:
        r = box.rect
        shape = (r.x, r.y, r.right - 1, r.bottom - 1)
        outline = PALETTE[box.edge] if box.edge is not None else None
        if box.radius:
            draw.rounded_rectangle(shape, box.radius, fill=PALETTE[box.fill], outline=outline)
        else:
            draw.rectangle(shape, fill=PALETTE[box.fill], outline=outline)
    for line in layout.lines:
        draw.line(line.points, fill=PALETTE[line.colour], width=line.width, joint="curve")
    for lab in layout.labels:
        if not lab.text:
            continue
        slot = lab.slot
        align = lab.align
        if align is Align.LEFT and is_rtl(lab.text):
            align = Align.RIGHT  # right-to-left text starts at the slot's right edge
        x = {Align.LEFT: slot.x, Align.RIGHT: slot.right, Align.CENTER: slot.x + slot.w // 2}
        font = tf.font(lab.size, lab.bold)
        draw.text(
            (x[align], slot.y + slot.h / 2),
            tf.prepare(lab.text),
            fill=PALETTE[lab.colour],
            font=font,
            anchor=ANCHORS[align],
        )
    return image


Z_RLE = 3  # zlib's run-length strategy: flat panels and text compress as well, twice as fast


def png(layout: Layout, tf: Typeface) -> bytes:
    """The layout as PNG bytes (RGB: every colour exactly the theme's)."""
    out = io.BytesIO()
    render(layout, tf).save(out, format="PNG", compress_level=1, compress_type=Z_RLE)
    return out.getvalue()
