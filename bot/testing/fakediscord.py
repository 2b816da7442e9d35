"""A fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests and load benchmarks.

It implements just enough of the API for discord.py 2.x to log in, sync
commands, connect and resume the gateway, receive INTERACTION_CREATE and
answer through the interaction callback and webhook endpoints.  Everything
the bot sends is recorded.  Faults are scriptable: drop the websocket, answer
a callback with 429 (``retry_after``) or 5xx/4xx, or take the REST API
(``rest_down``) or the gateway (``gateway_down``) down for a while.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.testing import payloads
from bot.testing.bodies import json_response as _json
from bot.testing.bodies import read_body
from bot.testing.gateway import FakeGateway
from bot.testing.payloads import API, APP_ID, ASKER_ID, BOT_USER, Fault, Message, Recorded

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class FakeDiscord(FakeGateway):
    """One fake application with one guild; start() it, point the bot at api_base/gateway_url."""

    def __init__(self, token: str, *, heartbeat_ms: int = 45000) -> None:
        super().__init__(token, heartbeat_ms)
        self.requests: list[Recorded] = []
        self.unauthorized: list[str] = []
        self.callbacks: dict[int, list[dict[str, Any]]] = {}
        self.followups: list[dict[str, Any]] = []
        self.uploads: list[tuple[str, payloads.Upload]] = []  # (token, file) of multipart uploads
        self.edits: list[dict[str, Any]] = []
        self.messages: dict[int, Message] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.command_puts: list[str] = []
        self.faults: deque[Fault] = deque()
        self.rest_down: int | None = None  # an HTTP status: every REST request gets it
        self.rest_refusals = 0
        self._ids = itertools.count(910000000000000000)
        self._waiters: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._component_message: dict[int, int] = {}
        self._original: dict[str, int] = {}  # interaction token → its first message (O(1))
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.app = self._build_app()

    # -- lifecycle -------------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        app = web.Application(middlewares=[self._outage])
        r = app.router
        r.add_get(f"{API}/users/@me", self._me)
        r.add_get(f"{API}/oauth2/applications/@me", self._application)
        r.add_get(f"{API}/gateway", self._gateway_info)
        r.add_get(f"{API}/gateway/bot", self._gateway_info)
        r.add_route("*", f"{API}/applications/{{app}}/commands", self._commands)
        r.add_route("*", f"{API}/applications/{{app}}/guilds/{{guild}}/commands", self._commands)
        r.add_post(f"{API}/interactions/{{iid}}/{{itoken}}/callback", self._callback)
        r.add_post(f"{API}/webhooks/{{app}}/{{itoken}}", self._followup)
        r.add_route("*", f"{API}/webhooks/{{app}}/{{itoken}}/messages/{{mid}}", self._message)
        r.add_get("/gateway", self._websocket)
        return app

    async def start(self) -> FakeDiscord:
        """Listen on an ephemeral port of 127.0.0.1."""
        self._runner = web.AppRunner(self.app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def close(self) -> None:
        """Close every gateway connection, then the server."""
        await self.close_sockets()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """The REST base to give the bot (``DISCORD_API_BASE``)."""
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        """The gateway address to give the bot (``DISCORD_GATEWAY_URL``)."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- REST --------------------------------------------------------------------------------

    @web.middleware
    async def _outage(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.rest_down is None or not request.path.startswith(API):
            return await handler(request)
        self.rest_refusals += 1
        self._record(request, None, self.rest_down)
        return web.Response(status=self.rest_down, text="Discord is down (fake)")

    def _record(self, request: web.Request, body: Any, status: int = 200) -> None:
        now, r = asyncio.get_running_loop().time(), request
        self.requests.append(Recorded(r.method, r.path, body, status, now, r.host))

    def _authorized(self, request: web.Request) -> bool:
        ok = request.headers.get("Authorization") == f"Bot {self.token}"
        if not ok:
            self.unauthorized.append(request.path)
        return ok

    async def _me(self, request: web.Request) -> web.Response:
        self._record(request, None)
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return _json(BOT_USER)

    async def _application(self, request: web.Request) -> web.Response:
        self._record(request, None)
        self._authorized(request)
        return _json(payloads.application())

    async def _gateway_info(self, request: web.Request) -> web.Response:
        self._record(request, None)
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _commands(self, request: web.Request) -> web.Response:
        target = (
            f"guild:{request.match_info['guild']}" if "guild" in request.match_info else "global"
        )
        self._authorized(request)
        if request.method == "PUT":
            payload = await request.json()
            self._record(request, payload)
            self.command_puts.append(target)
            self.commands[target] = [
                {**cmd, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"}
                for cmd in payload
            ]
        else:
            self._record(request, None)
        return _json(self.commands.get(target, []))

    def _new_message(self, token: str, body: dict[str, Any]) -> Message:
        message = Message(next(self._ids), token, dict(body))
        self.messages[message.id] = message
        self._original.setdefault(token, message.id)
        return message

    def message_payload(self, message: Message) -> dict[str, Any]:
        """The message object Discord returns for ``message``."""
        return payloads.message_payload(message)

    async def _callback(self, request: web.Request) -> web.Response:
        iid = int(request.match_info["iid"])
        body, files = await read_body(request, self.uploads)
        fault = self._take_fault(iid)
        if fault is not None:
            self._record(request, body, fault.status)
            if fault.status == 429:
                return _json(
                    {"message": "You are being rate limited.", "retry_after": fault.retry_after,
                     "global": False},
                    status=429, headers={"Via": "1.1 google", "Retry-After": "1"},
                )  # fmt: skip
            return _json({"message": "fault", "code": 0}, status=fault.status)
        self._record(request, body)
        self.callbacks.setdefault(iid, []).append(body)
        kind, data = body.get("type"), body.get("data") or {}
        interaction: dict[str, Any] = {"id": str(iid), "type": 2}
        resource: dict[str, Any] | None = None
        token = request.match_info["itoken"]
        message: Message | None = None
        if kind in (4, 5):
            message = self._new_message(token, data)
            interaction["response_message_loading"] = kind == 5
            interaction["response_message_ephemeral"] = bool((data.get("flags") or 0) & 64)
        elif kind == 7:
            message = self._edit_component_message(iid, data)
        if message is not None:
            message.uploads = files or message.uploads  # an edit without files keeps them
            interaction["response_message_id"] = str(message.id)
            resource = {"type": kind, "message": payloads.message_payload(message)}
        waiter = self._waiters.get(iid)
        if waiter is not None and not waiter.done():
            waiter.set_result(body)
        return _json({"interaction": interaction, "resource": resource})

    def _edit_component_message(self, iid: int, data: dict[str, Any]) -> Message | None:
        mid = self._component_message.get(iid)
        message = self.messages.get(mid) if mid is not None else None
        if message is not None:
            message.body.update(data)
            message.edits.append(data)
        return message

    def _take_fault(self, iid: int) -> Fault | None:
        for fault in list(self.faults):
            if fault.interaction_id in (None, iid):
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    async def _followup(self, request: web.Request) -> web.Response:
        body, files = await read_body(request, self.uploads)
        self._record(request, body)
        message = self._new_message(request.match_info["itoken"], body)
        message.uploads = files
        self.followups.append(body)
        return _json(payloads.message_payload(message))

    async def _message(self, request: web.Request) -> web.Response:
        token, mid = request.match_info["itoken"], request.match_info["mid"]
        number = self._original.get(token, -1) if mid == "@original" else mid
        message = self.messages.get(int(number) if str(number).isdigit() else -1)
        if request.method == "PATCH":
            body, files = await read_body(request, self.uploads)
            self._record(request, body)
            self.edits.append(body)
            if message is None and mid == "@original" and token not in self._original:
                message = self._new_message(token, {})  # acknowledged over HTTP (type 5)
            if message is not None:
                message.uploads = files or message.uploads
                message.body.update(body)
                message.edits.append(body)
        else:
            self._record(request, None)
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        if request.method == "DELETE":
            return web.Response(status=204)
        return _json(payloads.message_payload(message))

    # -- interactions ------------------------------------------------------------------------

    def fail_next_callback(
        self, status: int, *, retry_after: float = 0.0, interaction_id: int | None = None,
        times: int = 1,
    ) -> None:  # fmt: skip
        """Answer the next matching interaction callback(s) with ``status`` instead."""
        self.faults.append(Fault(status, retry_after, interaction_id, times))

    def new_id(self) -> int:
        """A fresh snowflake."""
        return next(self._ids)

    def command(
        self, name: str, options: dict[str, Any] | None = None, *, focused: str | None = None,
        user_id: int = ASKER_ID, in_guild: bool = False,
    ) -> dict[str, Any]:  # fmt: skip
        """An application command (type 2), or autocomplete (type 4) when ``focused``."""
        data = payloads.command_data(name, options or {}, focused)
        kind = 4 if focused else 2
        return payloads.interaction(self.new_id(), kind, data, user_id=user_id, in_guild=in_guild)

    def component(
        self, message_id: int, custom_id: str, *, values: list[str] | None = None,
        user_id: int = ASKER_ID,
    ) -> dict[str, Any]:  # fmt: skip
        """A button click (values None) or a select pick on a recorded message."""
        data = payloads.component_data(custom_id, values)
        payload = payloads.interaction(self.new_id(), 3, data, user_id=user_id, in_guild=False)
        payload["message"] = payloads.message_payload(self.messages[message_id])
        self._component_message[int(payload["id"])] = message_id
        return payload

    async def interact(self, payload: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        """Send INTERACTION_CREATE on its guild's shard; the first successful callback body."""
        iid = int(payload["id"])
        waiter: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiters[iid] = waiter
        try:
            await self.dispatch("INTERACTION_CREATE", payload, self.shard_of(payload))
            return await asyncio.wait_for(waiter, timeout)
        finally:
            self._waiters.pop(iid, None)

    def response_message(self, callback_iid: int) -> Message:
        """The message a type-4 callback created (to click its components)."""
        return self.messages[self._original[f"itoken-{callback_iid}"]]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Poll ``predicate`` every 10 ms until it holds (TimeoutError after ``timeout``)."""

        async def poll() -> None:
            while not predicate():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(poll(), timeout)
