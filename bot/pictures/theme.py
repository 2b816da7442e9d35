"""The colours: one dark card that reads the same on Discord's dark and light themes.

The picture brings its own opaque background and a frame, so its contrast
does not depend on the theme around it; every text colour keeps a WCAG
contrast of at least 4.5 against the panels it is drawn on (a test checks).
"""

from __future__ import annotations

from bot.pictures.layout import Role

RGB = tuple[int, int, int]


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


PALETTE: dict[Role, RGB] = {
    Role.BACKGROUND: hex_rgb("#12161c"),
    Role.FRAME: hex_rgb("#3a4350"),
    Role.PANEL: hex_rgb("#1f252e"),
    Role.PANEL_EDGE: hex_rgb("#38414d"),
    Role.TEXT: hex_rgb("#eef2f6"),
    Role.MUTED: hex_rgb("#a3adb9"),
    Role.HEADING: hex_rgb("#8cc4ff"),
    Role.WINNER: hex_rgb("#3fb950"),
    Role.JOIN: hex_rgb("#5b6b80"),
    Role.TRACK: hex_rgb("#394350"),
    Role.REACHED: hex_rgb("#4d8ee8"),
    Role.CHAMPIONS: hex_rgb("#f2c14e"),
    Role.RUNNER_UP: hex_rgb("#c9d1db"),
    Role.OUT: hex_rgb("#ff7b72"),
    Role.THROUGH: hex_rgb("#56d364"),
    Role.UNKNOWN: hex_rgb("#9aa3ad"),
}

# Discord's own chat backgrounds, which the frame must stand out from.
DISCORD_DARK = hex_rgb("#313338")
DISCORD_LIGHT = hex_rgb("#ffffff")


def luminance(rgb: RGB) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
