"""Where the repository's real data lives, for tests that read the seeds."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "seasons"  # every shipped document, one folder per source
SEASONS = DATA / "wikipedia"  # the four Wikipedia seeds the project started from
CLUBS = ROOT / "data" / "clubs.toml"
