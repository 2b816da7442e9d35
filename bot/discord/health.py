"""Liveness for ``python -m bot health``: a heartbeat file the bot refreshes.

While the gateway is up the bot rewrites ``state_dir/heartbeat`` every ~10 s
with a timestamp and "connected"; on disconnect it writes "disconnected"; at
start "starting", and "unreachable" (with the reason) while it retries a
Discord it cannot reach.
A supervisor (Docker HEALTHCHECK, systemd) runs ``python -m bot health``
(``health_status``): healthy only when the file says connected and is recent.
This module imports no discord.py, so that check stays light.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)
HEARTBEAT_FILE = "heartbeat"
INTERVAL = 10.0
DEFAULT_MAX_AGE = 60.0  # seconds: several heartbeat intervals


def write_heartbeat(
    state_dir: Path,
    connected: bool,
    now: float | None = None,
    *,
    status: str | None = None,
    detail: str = "",
) -> None:
    """Atomically write ``<unix time> <status> [detail]``; the status is ``connected`` or
    ``disconnected`` unless given (one word), the detail one line for ``health``."""
    state_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.time() if now is None else now
    word = status or ("connected" if connected else "disconnected")
    line = " ".join(f"{stamp:.3f} {word} {detail}".split())
    tmp = state_dir / f".{HEARTBEAT_FILE}.tmp"
    tmp.write_text(line + "\n", encoding="utf-8")
    os.replace(tmp, state_dir / HEARTBEAT_FILE)


def report(state_dir: Path, status: str, detail: str = "") -> None:
    """Write a not-connected ``status`` (starting, unreachable); a failed write only warns."""
    try:
        write_heartbeat(state_dir, False, status=status, detail=detail)
    except OSError as exc:  # a full disk or a read-only state dir must not stop the bot
        log.warning("could not write heartbeat: %s", exc)


def _read(state_dir: Path) -> tuple[float, str, str] | None:
    try:
        parts = (state_dir / HEARTBEAT_FILE).read_text(encoding="utf-8").split(maxsplit=2)
        return float(parts[0]), parts[1], parts[2].strip() if len(parts) > 2 else ""
    except (OSError, ValueError, IndexError):
        return None


def read_heartbeat(state_dir: Path) -> tuple[float, str] | None:
    """(unix time, status) of the last heartbeat, or None when there is none readable."""
    beat = _read(state_dir)
    return None if beat is None else beat[:2]


def health_status(
    state_dir: Path, max_age: float = DEFAULT_MAX_AGE, now: float | None = None
) -> tuple[bool, str]:
    """(healthy, one-line reason): connected, and the heartbeat at most ``max_age`` s old."""
    beat = _read(state_dir)
    if beat is None:
        where = state_dir / HEARTBEAT_FILE
        return False, f"unhealthy: no readable heartbeat at {where} (is the bot running?)"
    stamp, status, detail = beat
    age = (time.time() if now is None else now) - stamp
    if status != "connected":
        why = f": {detail}" if detail else ""
        return False, f"unhealthy: the bot reports '{status}' ({age:.0f}s ago){why}"
    if age > max_age:
        return False, f"unhealthy: last heartbeat {age:.0f}s ago (limit {max_age:.0f}s)"
    if age < -5.0:
        return False, f"unhealthy: heartbeat is {-age:.0f}s in the future (clock changed?)"
    return True, f"healthy: connected, last heartbeat {age:.0f}s ago"


class Heartbeat:
    """Rewrites the heartbeat file every ``interval`` seconds with the current state."""

    def __init__(
        self, state_dir: Path, is_connected: Callable[[], bool], interval: float = INTERVAL
    ) -> None:
        self.state_dir = state_dir
        self.is_connected = is_connected
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    def beat(self, connected: bool | None = None) -> None:
        state = self.is_connected() if connected is None else connected
        try:
            write_heartbeat(self.state_dir, state)
        except OSError as exc:  # a full disk must not take the bot down
            log.warning("could not write heartbeat: %s", exc)

    async def _run(self) -> None:
        while True:
            self.beat()
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="heartbeat")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self.beat(connected=False)
