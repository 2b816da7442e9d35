"""The shipped fonts, measured and drawn the same way on every machine.

Fonts are found next to this module (``fonts/``), so a checkout, CI and the
Docker image use the very same files.  Arabic needs shaping (joined letter
forms) and right-to-left ordering: Pillow does both through libraqm when it
is available (``PIL.features.check("raqm")``; Debian needs ``libfribidi0``
beside Pillow's wheel).  Without it, the documented fallback prepares such
text with ``arabic-reshaper`` (letter forms) and ``python-bidi`` (visual
order) and draws it with Pillow's basic layout.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from PIL import ImageFont, features

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = FONT_DIR / "DejaVuSansCondensed.ttf"
BOLD = FONT_DIR / "DejaVuSansCondensed-Bold.ttf"
ELLIPSIS = "…"
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def raqm_available() -> bool:
    """Pillow can shape complex scripts itself (libraqm with FriBiDi and HarfBuzz)."""
    return bool(features.check("raqm"))


def is_rtl(text: str) -> bool:
    """The first letter with a direction reads right to left (Arabic, Hebrew…)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class Typeface:
    """The two weights at any size; ``shaping`` None: use libraqm when Pillow has it."""

    def __init__(self, shaping: bool | None = None) -> None:
        self.shaping = raqm_available() if shaping is None else shaping
        self.engine = ImageFont.Layout.RAQM if self.shaping else ImageFont.Layout.BASIC
        self._font = lru_cache(maxsize=64)(self._load)
        self._measure = lru_cache(maxsize=8192)(self._length)

    def _load(self, size: int, bold: bool) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(BOLD if bold else REGULAR), size, layout_engine=self.engine)

    def font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        return self._font(size, bold)

    def prepare(self, text: str) -> str:
        """The string to hand to Pillow: as it is with libraqm; shaped and in visual order
        (the fallback) when it holds right-to-left letters and libraqm is missing."""
        if self.shaping or not _RTL.search(text):
            return text
        shaped: str = arabic_reshaper.reshape(text)
        visual: str = get_display(shaped)
        return visual

    def _length(self, text: str, size: int, bold: bool) -> int:
        return int(-(-self.font(size, bold).getlength(self.prepare(text)) // 1))

    def measure(self, text: str, size: int, bold: bool = False) -> int:
        """The drawn width of ``text`` in pixels (rounded up)."""
        return self._measure(text, size, bold)

    def fit(self, text: str, width: int, size: int, bold: bool = False) -> tuple[str, int]:
        """``text`` cut with an ellipsis until it is at most ``width`` pixels; and its width."""
        full = self.measure(text, size, bold)
        if full <= width:
            return text, full
        lo, hi = 0, len(text)
        while lo < hi:  # the longest prefix that fits with the ellipsis
            mid = (lo + hi + 1) // 2
            if self.measure(text[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
                lo = mid
            else:
                hi = mid - 1
        cut = text[:lo].rstrip() + ELLIPSIS if lo else ""
        return cut, self.measure(cut, size, bold) if cut else 0
