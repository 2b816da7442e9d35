"""``tiebot health``: is the running bot alive?  Read from its heartbeat file.

The Discord client rewrites the heartbeat while it is connected; Docker's
HEALTHCHECK runs this in a separate process, so a file (not a port) is the
cheapest signal that needs no network and no open socket.
"""

from __future__ import annotations

import time
from pathlib import Path

DEFAULT_MAX_AGE = 120.0  # seconds; a few heartbeat intervals


def heartbeat_age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the last beat: the file's timestamp content, else its mtime."""
    try:
        text = path.read_text(encoding="utf-8").strip()
        mtime = path.stat().st_mtime
    except (OSError, UnicodeDecodeError):
        return None
    try:
        stamp = float(text.split()[0]) if text else mtime
    except ValueError:
        stamp = mtime
    return max(0.0, (time.time() if now is None else now) - stamp)


def check_health(path: Path, max_age: float = DEFAULT_MAX_AGE) -> tuple[bool, str]:
    """(healthy, one-line reason) for the heartbeat at ``path``."""
    age = heartbeat_age(path)
    if age is None:
        return False, f"unhealthy: no heartbeat at {path} (is the bot running with a token?)"
    if age > max_age:
        return False, f"unhealthy: last heartbeat {age:.0f}s ago (limit {max_age:.0f}s)"
    return True, f"healthy: last heartbeat {age:.0f}s ago"
