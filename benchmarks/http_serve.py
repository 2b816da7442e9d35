"""Serving side of the HTTP benchmark: the floor worker, our worker, and start-up timing.

The floor is the least any HTTP interactions worker must do per request:
aiohttp receives it, the Ed25519 signature is verified, the JSON is parsed and
a constant answer is written.  Our figures read as a ratio to it.  Each worker
runs in its own process (as in production), found by its pid for CPU figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from aiohttp import web

from benchmarks import variant
from bot.http.signature import Verifier
from bot.testing.harness import TOKEN
from bot.testing.interactions import ID_SECRET, PUBLIC_KEY

READY_TIMEOUT = 180.0
_TEXT = {"content": "Simba won 3–2 on aggregate.", "allowed_mentions": {"parse": []}}
_MESSAGE = json.dumps({"type": 4, "data": _TEXT}).encode()
_CHOICES = json.dumps({"type": 8, "data": {"choices": [{"name": "Simba", "value": "Simba"}]}})


def floor_app() -> web.Application:
    """Verify, parse, answer a constant: what every HTTP worker pays per interaction."""
    verifier = Verifier(PUBLIC_KEY, 60)

    async def interactions(request: web.Request) -> web.Response:
        body = await request.read()
        if verifier.problem(request.headers, body) is not None:
            return web.Response(status=401)
        payload = json.loads(body)
        if payload.get("type") == 1:
            return web.json_response({"type": 1})
        text = _CHOICES.encode() if payload.get("type") == 4 else _MESSAGE
        return web.Response(body=text, content_type="application/json")

    async def health(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "pid": os.getpid()})

    app = web.Application()
    app.router.add_post("/interactions", interactions)
    app.router.add_get("/health", health)
    return app


def serve_floor(port: int) -> None:
    """Child entry: the floor worker until SIGTERM, on the event loop ``serve`` uses."""
    from bot.cli.startup import use_fast_event_loop

    use_fast_event_loop()
    web.run_app(floor_app(), host="127.0.0.1", port=port, access_log=None, print=None)


def environment(data: Path, db: Path, state: Path, **extra: str) -> dict[str, str]:
    """Our worker's settings: the test key and secret, the data of the scale, no watching."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TIEBOT_", "DISCORD_"))}
    env.update(DISCORD_PUBLIC_KEY=PUBLIC_KEY, TIEBOT_ID_SECRET=ID_SECRET, TIEBOT_DATA=str(data),
               TIEBOT_DB=str(db), TIEBOT_STATE=str(state), TIEBOT_RELOAD="off",
               LOG_LEVEL="WARNING", TIEBOT_HTTP_CONCURRENCY="10000")  # fmt: skip
    env.update(extra)
    return env


def cpu_of(pid: int) -> Callable[[], float]:
    """utime + stime of a process from /proc (Linux), in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    stat = Path(f"/proc/{pid}/stat")

    def read() -> float:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / tick

    return read


async def healthy(url: str, process: asyncio.subprocess.Process, timeout: float) -> float:
    """Poll ``url``/health every 10 ms until 200; the loop time it first answered."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with aiohttp.ClientSession() as session:
        while loop.time() < deadline:
            if process.returncode is not None:
                raise RuntimeError(f"the worker exited with {process.returncode}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{url}/health") as response:
                    if response.status == 200:
                        return loop.time()
            await asyncio.sleep(0.01)
    raise TimeoutError(f"{url} did not become healthy in {timeout} s")


@dataclass
class Served:
    """A running worker: its URL and the CPU seconds it has used so far."""

    label: str
    url: str
    cpu: Callable[[], float]


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 20)
        except TimeoutError:
            process.kill()
            await process.wait()


@contextlib.asynccontextmanager
async def served(
    kind: str, port: int, env: dict[str, str], without: Sequence[str] = ()
) -> AsyncIterator[Served]:
    """``kind`` "floor" or "ours" listening on ``port`` in its own process, the speed-ups
    ``without`` names hidden from it (``benchmarks.variant``)."""
    if kind == "floor":
        args = variant.command("benchmarks.bench_http", ["--serve-floor", str(port)], without)
    else:
        args = variant.command("bot", ["serve", "--workers", "1", "--host", "127.0.0.1",
                                       "--port", str(port)], without)  # fmt: skip
    child = await asyncio.create_subprocess_exec(*args, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        await healthy(url, child, READY_TIMEOUT)
        yield Served(kind, url, cpu_of(child.pid))
    finally:
        await _stop(child)


async def start_up_serve(env: dict[str, str], port: int) -> tuple[float, float]:
    """Seconds from spawning ``python -m bot serve`` to its first healthy answer, and the CPU
    seconds it used until then (what a busy machine does not inflate)."""
    args = ["-m", "bot", "serve", "--workers", "1", "--host", "127.0.0.1", "--port", str(port)]
    started = asyncio.get_running_loop().time()
    child = await asyncio.create_subprocess_exec(sys.executable, *args, env=env)
    try:
        ready = await healthy(f"http://127.0.0.1:{port}", child, READY_TIMEOUT) - started
        return ready, cpu_of(child.pid)()
    finally:
        await _stop(child)


async def start_up_gateway(env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning ``python -m bot run`` to the fake Discord sending READY, and the
    CPU seconds it used until then."""
    from bot.testing.fakediscord import FakeDiscord

    fake = await FakeDiscord(TOKEN).start()
    env = {**env, "DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": fake.api_base,
           "DISCORD_GATEWAY_URL": fake.gateway_url}  # fmt: skip
    loop = asyncio.get_running_loop()
    started = loop.time()
    child = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env)
    try:
        await asyncio.wait_for(fake.ready.wait(), READY_TIMEOUT)
        return loop.time() - started, cpu_of(child.pid)()
    finally:
        await _stop(child)
        await fake.close()
