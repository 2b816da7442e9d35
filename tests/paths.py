"""Where the repository's real data lives, for tests that read the seeds."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEASONS = ROOT / "data" / "seasons"
CLUBS = ROOT / "data" / "clubs.toml"
