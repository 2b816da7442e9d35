"""``python -m bot serve``: HTTP interaction workers, one or several on one port.

With ``--workers 1`` this process is the worker.  With more, it prepares the
database once, then starts that many worker processes (``python -m bot serve
--workers 1``) that all listen on the same port with ``SO_REUSEPORT``, so the
kernel spreads connections over them.  It forwards SIGTERM/SIGINT (graceful
stop) and SIGHUP (reload) to them, restarts a worker that dies (with backoff),
and gives up when a worker keeps failing at start (a taken port, a bad
setting): restarting that would only loop.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import FrameType

from bot.cli.errors import StartupError
from bot.cli.reload import LiveSpeaker, load_live, reloading
from bot.cli.startup import prepare_database, stop_on_sigterm, use_fast_event_loop
from bot.config import Settings

log = logging.getLogger("tiebot")
STOP_TIMEOUT = 15.0
QUICK_FAILURE = 5.0  # a worker that dies this soon after starting failed to start
MAX_QUICK_FAILURES = 3
POLL = 0.2


@dataclass(frozen=True, slots=True)
class Plan:
    """Where to listen and how many workers; ``passthrough`` are the global options."""

    host: str
    port: int
    workers: int
    passthrough: tuple[str, ...] = ()
    group: bool = False  # one of several workers: listen with SO_REUSEPORT


def cmd_serve(settings: Settings, plan: Plan) -> int:
    """Serve HTTP interactions until stopped; the exit code."""
    from bot.http.server import ServeError, id_secret

    try:
        if not settings.public_key:
            raise ServeError(
                "serve needs DISCORD_PUBLIC_KEY (Developer Portal, General Information)"
            )
        id_secret(settings)  # fail before any work when ids could not be signed
    except ServeError as exc:
        raise StartupError(str(exc)) from exc
    if plan.workers > 1:
        if plan.port == 0:
            raise StartupError("--workers needs a fixed --port (0 would give each its own port)")
        with stop_on_sigterm():
            prepare_database(settings)  # once, before the workers all look at it
        return Supervisor(plan).run()
    loop = use_fast_event_loop()
    live = load_live(settings)
    log.debug("event loop: %s", loop)
    return asyncio.run(_worker(settings, live, plan))


async def _worker(settings: Settings, live: LiveSpeaker, plan: Plan) -> int:
    from bot.discord.logs import configure_logging, remove_filter
    from bot.http.followup import AnswerPictures
    from bot.http.server import ServeError, serve

    token_filter = configure_logging(settings.log_level, settings.token)
    try:

        async def main() -> int:
            return await serve(settings, live, host=plan.host, port=plan.port,
                               reuse_port=plan.group, health=live.describe,
                               pictures=AnswerPictures())  # fmt: skip

        return await reloading(settings, live, main)
    except ServeError as exc:
        raise StartupError(str(exc)) from exc
    finally:
        remove_filter(token_filter)


@dataclass
class Worker:
    slot: int
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    quick_failures: int = 0
    next_start: float = 0.0


@dataclass
class Supervisor:
    """Runs ``plan.workers`` worker processes until told to stop."""

    plan: Plan
    workers: list[Worker] = field(default_factory=list)
    stopping: bool = False
    failed: str | None = None

    def command(self) -> list[str]:
        p = self.plan
        return [sys.executable, "-m", "bot", *p.passthrough, "serve", "--workers", "1",
                "--host", p.host, "--port", str(p.port), "--in-group"]  # fmt: skip

    def start(self, worker: Worker) -> None:
        worker.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL)
        worker.started = time.monotonic()
        log.info("worker %d started (pid %d)", worker.slot, worker.process.pid)

    def signal_all(self, sig: signal.Signals) -> None:
        for worker in self.workers:
            if worker.process is not None and worker.process.poll() is None:
                worker.process.send_signal(sig)

    def run(self) -> int:
        """Supervise until SIGTERM/SIGINT; 0 after a clean stop, 1 when workers kept failing."""
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT,
                                                           signal.SIGHUP)}  # fmt: skip

        def stop(signum: int, frame: FrameType | None) -> None:
            self.stopping = True

        def reload(signum: int, frame: FrameType | None) -> None:
            self.signal_all(signal.SIGHUP)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGHUP, reload)
        try:
            self.workers = [Worker(slot) for slot in range(self.plan.workers)]
            for worker in self.workers:
                self.start(worker)
            while not self.stopping:
                time.sleep(POLL)
                self._check()
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if self.failed:
            raise StartupError(self.failed)
        return 0

    def _check(self) -> None:
        now = time.monotonic()
        for worker in self.workers:
            process = worker.process
            if process is not None and process.poll() is not None:
                code = process.returncode
                quick = now - worker.started < QUICK_FAILURE
                worker.quick_failures = worker.quick_failures + 1 if quick else 0
                if worker.quick_failures >= MAX_QUICK_FAILURES:
                    self.failed = (f"worker {worker.slot} failed {MAX_QUICK_FAILURES} times at"
                                   f" start (last exit code {code}); stopping")  # fmt: skip
                    self.stopping = True
                    return
                delay = min(30.0, 2.0**worker.quick_failures)
                log.warning("worker %d (pid %d) exited with %s; restarting in %.0f s",
                            worker.slot, process.pid, code, delay)  # fmt: skip
                worker.process, worker.next_start = None, now + delay
            if worker.process is None and now >= worker.next_start:
                self.start(worker)

    def _stop_all(self) -> None:
        self.signal_all(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        for worker in self.workers:
            process = worker.process
            if process is None:
                continue
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("worker %d did not stop in time; killing it", worker.slot)
                process.kill()
                process.wait()
        log.info("all workers stopped")


def passthrough(env_file: object, log_level: object) -> Sequence[str]:
    """The global options a worker must be started with to read the same settings."""
    args: list[str] = []
    if env_file is not None:
        args += ["--env-file", str(env_file)]
    if log_level:
        args += ["--log-level", str(log_level)]
    return args
