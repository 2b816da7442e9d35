"""Start ``python -m bot`` as a real process for the multi-process tests, and stop it surely."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import sys
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

import aiohttp

from bot.testing.interactions import ID_SECRET, PUBLIC_KEY
from tests.paths import CLUBS, SEASONS

CLEARED = ("DISCORD_TOKEN", "DEV_GUILD_ID", "SHARD_COUNT", "SHARD_IDS", "DISCORD_API_BASE",
           "DISCORD_GATEWAY_URL", "TIEBOT_HTTP_WORKERS", "TIEBOT_HTTP_PORT")  # fmt: skip


def free_port() -> int:
    """A port of 127.0.0.1 free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def environment(home: Path, **extra: str) -> dict[str, str]:
    """A child's environment: the four seeds copied under ``home``, its own database and
    state, the test key and id secret, no file watching unless asked."""
    data = home / "seasons"
    if not data.exists():
        shutil.copytree(SEASONS, data)
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(TIEBOT_DATA=str(data), TIEBOT_DB=str(home / "tiebot.sqlite3"),
               TIEBOT_CLUBS=str(CLUBS), TIEBOT_STATE=str(home / "state"),
               DISCORD_PUBLIC_KEY=PUBLIC_KEY, TIEBOT_ID_SECRET=ID_SECRET,
               TIEBOT_RELOAD="off", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")  # fmt: skip
    env.update(extra)
    return env


@contextlib.asynccontextmanager
async def started(
    args: list[str], env: Mapping[str, str], cwd: Path, *, stop_timeout: float = 20.0
) -> AsyncIterator[asyncio.subprocess.Process]:
    """``python -m bot ARGS``; SIGTERM at the end (SIGKILL when it hangs), its group too."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=dict(env), cwd=cwd,
        stdin=asyncio.subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), stop_timeout)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                await process.wait()


async def wait_healthy(url: str, process: asyncio.subprocess.Process, timeout: float) -> None:
    """Poll ``url``/health until 200; fail early when the process ended."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with aiohttp.ClientSession() as session:
        while loop.time() < deadline:
            if process.returncode is not None:
                raise RuntimeError(f"the server exited with {process.returncode}")
            try:
                async with session.get(f"{url}/health") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"{url} not healthy after {timeout} s")
