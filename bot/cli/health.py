"""``tiebot health``: is the running bot connected?  Read from its heartbeat file.

The Discord client rewrites ``state_dir/heartbeat`` (``<unix time> connected``)
every few seconds (``bot.discord.health``).  Docker's HEALTHCHECK runs this in
a separate process every 30 s, so it stays light: no discord.py, no database.
"""

from __future__ import annotations

import time
from pathlib import Path

from bot.discord.health import HEARTBEAT_FILE, read_heartbeat

DEFAULT_MAX_AGE = 60.0  # seconds: several heartbeat intervals


def check_health(
    state_dir: Path, max_age: float = DEFAULT_MAX_AGE, now: float | None = None
) -> tuple[bool, str]:
    """(healthy, one-line reason) from the heartbeat in ``state_dir``."""
    path = state_dir / HEARTBEAT_FILE
    beat = read_heartbeat(state_dir)
    if beat is None:
        return False, f"unhealthy: no readable heartbeat at {path} (is the bot running?)"
    stamp, status = beat
    age = (time.time() if now is None else now) - stamp
    if status != "connected":
        return False, f"unhealthy: the bot reports '{status}' ({age:.0f}s ago)"
    if age > max_age:
        return False, f"unhealthy: last heartbeat {age:.0f}s ago (limit {max_age:.0f}s)"
    if age < -5.0:
        return False, f"unhealthy: heartbeat is {-age:.0f}s in the future (clock changed?)"
    return True, f"healthy: connected, last heartbeat {age:.0f}s ago"
