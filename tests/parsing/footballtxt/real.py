"""Where the shipped Football.TXT files are, and how the tests read them (CRLF kept)."""

from __future__ import annotations

from pathlib import Path

from bot.domain.models import Season
from bot.parsing.footballtxt.document import parse
from tests.paths import ROOT

DATA = ROOT / "data" / "seasons" / "football-txt"
FILES = sorted(DATA.rglob("*.txt"))


def text_of(path: Path) -> str:
    """The file as the bot reads it: bytes decoded, so the CRLF endings reach the reader."""
    return path.read_bytes().decode("utf-8")


def read_all() -> dict[str, Season]:
    """Every shipped season, keyed by its path under ``data/seasons/football-txt``."""
    found = {}
    for path in FILES:
        (season,) = parse(text_of(path), path.name)
        found[path.relative_to(DATA).as_posix()] = season
    return found
