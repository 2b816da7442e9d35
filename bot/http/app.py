"""The aiohttp application: ``POST /interactions``, ``GET /health``, limits and the access log.

Order of checks on ``POST /interactions``: too many requests in flight → 503;
a body over the size limit → 413; a missing, malformed, stale or wrong
signature → 401 (the body is not parsed); then JSON, then the interaction.
Every response names the worker (``X-Tiebot-Worker: <pid>``) so a load
balancer's spread can be seen.  The access log is one ``key=value`` line per
request: method, path, status, milliseconds, the command or interaction kind;
never a header, a token or a signature.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from bot.http.interactions import Reply, Responder
from bot.http.signature import Verifier

try:
    import orjson
except ImportError:  # pragma: no cover - installed with discord.py[speed]
    orjson = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
access = logging.getLogger("tiebot.access")
WORKER_HEADER = "X-Tiebot-Worker"
INFO: web.RequestKey[dict[str, Any]] = web.RequestKey("tiebot_request_info", dict)


@dataclass
class State:
    """What the server tracks while running: in-flight work, follow-ups, stopping or not."""

    max_in_flight: int
    in_flight: int = 0
    stopping: bool = False
    later: set[asyncio.Task[Any]] = field(default_factory=set)
    idle: asyncio.Event = field(default_factory=asyncio.Event)

    def enter(self) -> None:
        self.in_flight += 1
        self.idle.clear()

    def leave(self) -> None:
        self.in_flight -= 1
        if self.in_flight == 0 and not self.later:
            self.idle.set()

    async def drained(self, timeout: float) -> bool:
        """Wait until no request and no follow-up is running; False on timeout."""
        if self.in_flight == 0 and not self.later:
            return True
        try:
            await asyncio.wait_for(self.idle.wait(), timeout)
            return True
        except TimeoutError:
            return False


class AccessLog(AbstractAccessLogger):
    """One structured line per request; nothing from the headers or the body's secrets."""

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        info = request.get(INFO, {})
        extra = " ".join(f"{k}={_field(v)}" for k, v in info.items())
        self.logger.info(
            "method=%s path=%s status=%d ms=%.2f bytes=%d worker=%d%s",
            request.method, _field(request.path), response.status, time * 1000,
            response.body_length, os.getpid(), f" {extra}" if extra else "",
        )  # fmt: skip


def _field(value: object) -> str:
    text = str(value)[:80]
    return json.dumps(text) if not text or any(c in text for c in ' "=\\') else text


def dumps(body: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON: orjson's bytes where installed (discord.py's speed extra; the same
    bytes as ``json`` for every body this worker sends), ``json`` for what orjson refuses."""
    if orjson is not None:
        try:
            return orjson.dumps(body)
        except TypeError:  # a non-str key, an integer over 64 bits
            pass
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _json(body: Mapping[str, Any], status: int = 200) -> web.Response:
    return web.Response(body=dumps(body), status=status, content_type="application/json")


def _refusal(status: int, message: str) -> web.Response:
    return _json({"error": message}, status)


def create_app(
    responder: Responder,
    verifier: Verifier,
    state: State,
    *,
    max_body: int,
    health: Callable[[], dict[str, Any]],
) -> web.Application:
    """The application serving interactions with ``responder`` under ``state``'s limits."""

    async def interactions(request: web.Request) -> web.StreamResponse:
        if state.in_flight >= state.max_in_flight:
            request[INFO] = {"refused": "busy"}
            return web.Response(status=503, headers={"Retry-After": "1"}, text="busy")
        state.enter()
        try:
            return await _interaction(request)
        finally:
            state.leave()

    async def _interaction(request: web.Request) -> web.StreamResponse:
        if request.content_length is not None and request.content_length > max_body:
            return _refusal(413, "request body too large")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _refusal(413, "request body too large")
        problem = verifier.problem(request.headers, body)
        if problem is not None:
            request[INFO] = {"refused": problem}
            return _refusal(401, "invalid request signature")
        try:
            payload = json.loads(body)  # (not orjson: it reads integers over 64 bits as floats)
        except (ValueError, RecursionError):
            return _refusal(400, "the body is not JSON")
        reply = responder.reply(payload) if isinstance(payload, dict) else None
        if reply is None:
            return _refusal(400, "not an interaction")
        request[INFO] = {"what": reply.what, **reply.log}
        response = _json(reply.body)
        if reply.later is not None:  # the ack must reach Discord before the follow-up
            await response.prepare(request)
            await response.write_eof()
            _schedule(state, reply)
        return response

    async def health_check(request: web.Request) -> web.Response:
        if state.stopping:
            return _json({"status": "stopping", "pid": os.getpid()}, 503)
        return _json({"status": "ok", "pid": os.getpid(), "in_flight": state.in_flight,
                      **health()})  # fmt: skip

    async def name_worker(request: web.Request, response: web.StreamResponse) -> None:
        response.headers[WORKER_HEADER] = str(os.getpid())

    app = web.Application(client_max_size=max_body)
    app.router.add_post("/interactions", interactions)
    app.router.add_get("/health", health_check)
    app.on_response_prepare.append(name_worker)
    return app


def _schedule(state: State, reply: Reply) -> None:
    assert reply.later is not None
    started = time.perf_counter()

    async def run() -> None:
        try:
            assert reply.later is not None
            await reply.later()
        except Exception:
            log.exception("a deferred follow-up failed")
        finally:
            access.info("follow-up what=%s ms=%.2f", _field(reply.what),
                        (time.perf_counter() - started) * 1000)  # fmt: skip

    task = asyncio.get_running_loop().create_task(run())
    state.later.add(task)
    state.idle.clear()

    def done(finished: asyncio.Task[Any]) -> None:
        state.later.discard(finished)
        if state.in_flight == 0 and not state.later:
            state.idle.set()

    task.add_done_callback(done)
