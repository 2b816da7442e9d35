"""Drawing, checked apart from layout: a real PNG of the layout's size, ink where each label
is, nothing where nothing is; the shipped fonts; Arabic shaped and ordered by either path."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from bot.answering.commands.bracket import season_bracket
from bot.answering.engine import Engine
from bot.pictures import typeface as typeface_module
from bot.pictures.brackets import MARGIN, season_layout
from bot.pictures.draw import png
from bot.pictures.journeys import journey_layout
from bot.pictures.layout import Layout, Role
from bot.pictures.runs import club_runs
from bot.pictures.theme import DISCORD_DARK, DISCORD_LIGHT, PALETTE, contrast
from bot.pictures.typeface import BOLD, REGULAR, Typeface, is_rtl, raqm_available
from bot.wording.pictures import ENGLISH
from tests.pictures.arabic import ARABIC

WORD = "الأبطال"  # "the champions": joined letters, read right to left


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    image.load()
    return image.convert("RGB")


def bracket(engine: Engine, key: str) -> Layout:
    season = next(s for s in engine.catalog.seasons if s.key == key)
    return season_layout(season_bracket(engine.ctx, season), ENGLISH, Typeface())


def fill_under(layout: Layout, within: str) -> tuple[int, int, int]:
    box = layout.box(within) if within else None
    return PALETTE[box.fill if box is not None else Role.BACKGROUND]


def test_png_has_the_layout_size_and_ink_in_every_label(full_engine: Engine) -> None:
    layout = bracket(full_engine, "CAF Champions League 2022–23")
    image = decode(png(layout, Typeface()))
    assert image.size == (layout.width, layout.height)
    assert len(image.getcolors(maxcolors=1 << 16) or ()) > 50  # antialiased text: not blank
    for lab in layout.labels:
        s = lab.slot
        region = image.crop((s.x, s.y, s.right, s.bottom))
        plain = Image.new("RGB", region.size, fill_under(layout, lab.within))
        assert ImageChops.difference(region, plain).getbbox() is not None, lab.text
    margin = image.crop((2, 2, MARGIN - 2, layout.height - 2))  # inside the frame, outside all
    assert margin.getcolors() == [(margin.width * margin.height, PALETTE[Role.BACKGROUND])]


def test_same_layout_same_bytes(full_engine: Engine) -> None:
    layout = bracket(full_engine, "CAF Super Cup 2023")
    assert png(layout, Typeface()) == png(layout, Typeface())


def test_fonts_ship_with_the_package_and_cover_arabic(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # found next to the module, whatever the working directory
    for path in (REGULAR, BOLD):
        assert path.is_file() and path.parent == typeface_module.FONT_DIR
        font = ImageFont.truetype(str(path), 20)
        for ch in "éèçñãÉ" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي":
            assert font.getmask(ch).getbbox() is not None, ch
    assert (typeface_module.FONT_DIR / "LICENSE").is_file()


def test_colours_read_on_both_discord_themes() -> None:
    for role in (Role.TEXT, Role.MUTED, Role.HEADING, Role.CHAMPIONS, Role.RUNNER_UP, Role.OUT,
                 Role.THROUGH, Role.UNKNOWN):  # fmt: skip
        for under in (Role.PANEL, Role.BACKGROUND):
            assert contrast(PALETTE[role], PALETTE[under]) >= 4.5, (role, under)
    # The card brings its own background: set apart from Discord's dark and light themes.
    assert contrast(PALETTE[Role.BACKGROUND], DISCORD_DARK) >= 1.3
    assert contrast(PALETTE[Role.BACKGROUND], DISCORD_LIGHT) >= 10


def ink(text: str, tf: Typeface, *, raw: bool = False) -> Image.Image:
    """``text`` drawn black on white; ``raw``: Pillow's basic layout with no preparation."""
    image = Image.new("L", (220, 60), 255)
    font = tf.font(32)
    if raw:
        font = ImageFont.truetype(str(REGULAR), 32, layout_engine=ImageFont.Layout.BASIC)
    ImageDraw.Draw(image).text((200, 30), text if raw else tf.prepare(text), fill=0, font=font,
                               anchor="rm")  # fmt: skip
    return image.point(lambda v: 255 if v > 128 else 0)


def overlap(a: Image.Image, b: Image.Image) -> float:
    """Intersection over union of the dark pixels of two drawings."""
    both = ImageChops.lighter(a, b).histogram()[0]
    either = ImageChops.darker(a, b).histogram()[0]
    return both / either


def test_arabic_fallback_shapes_and_orders_like_raqm() -> None:
    fallback = Typeface(shaping=False)
    assert fallback.prepare(WORD) != WORD  # joined presentation forms, in visual order
    assert fallback.prepare("Al-Ahly") == "Al-Ahly"
    naive = ink(WORD, fallback, raw=True)  # unjoined letters, left to right: wrong
    if raqm_available():
        shaped = ink(WORD, Typeface(shaping=True))
        assert overlap(shaped, ink(WORD, fallback)) > 0.7  # measured 0.83 (kerning differs)
        assert overlap(shaped, naive) < 0.5
    else:  # pragma: no cover - the image and CI install libfribidi0 for raqm
        assert overlap(ink(WORD, fallback), naive) < 0.5


@pytest.mark.parametrize("shaping", [True, False])
def test_arabic_picture_renders(full_engine: Engine, shaping: bool) -> None:
    if shaping and not raqm_available():
        pytest.skip("Pillow without libraqm")
    tf = Typeface(shaping=shaping)
    ahly = full_engine.ctx.resolution("Al Ahly").club
    assert ahly is not None
    layout = journey_layout(ahly, club_runs(full_engine.catalog, ahly), ARABIC, tf)
    image = decode(png(layout, tf))
    assert image.size == (layout.width, layout.height)
    champions = [lab for lab in layout.labels if lab.text == "البطل" and lab.within]
    assert champions and is_rtl(champions[0].text)
    s = champions[0].slot
    region = image.crop((s.x, s.y, s.right, s.bottom))
    gold = PALETTE[Role.CHAMPIONS]
    assert gold in [c for _, c in region.getcolors(1 << 16) or ()]  # the champions' colour
