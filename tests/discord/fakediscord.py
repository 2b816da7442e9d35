"""A fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests of the real client.

It implements just enough of the API for discord.py 2.x to log in, sync
commands, connect and resume the gateway, receive INTERACTION_CREATE and
answer through the interaction callback and webhook endpoints.  Everything
the bot sends is recorded.  Faults are scriptable: drop the websocket,
answer a callback with 429 (``retry_after``) or 5xx/4xx.

Gateway frames are plain JSON text: discord.py asks for ``zlib-stream`` in
the URL but only decompresses binary frames, so text frames just work.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
APP_ID = 900000000000000001
GUILD_ID = 900000000000000002
CHANNEL_ID = 900000000000000003
ASKER_ID = 900000000000000004
OTHER_ID = 900000000000000005
BOT_USER = {
    "id": str(APP_ID),
    "username": "tiebot",
    "discriminator": "0",
    "global_name": "tiebot",
    "avatar": None,
    "bot": True,
    "flags": 0,
}
TIMESTAMP = "2024-01-01T00:00:00.000000+00:00"


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response whose Content-Type is exactly ``application/json`` (discord.py checks)."""
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(data).encode(), status=status, headers=all_headers)


def user(uid: int = ASKER_ID, name: str = "fan") -> dict[str, Any]:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name,
            "avatar": None}  # fmt: skip


@dataclass
class Fault:
    """What the next matching callback request gets instead of success."""

    status: int
    retry_after: float = 0.0
    interaction_id: int | None = None  # None: the next callback, whoever it is for
    times: int = 1


@dataclass
class Recorded:
    method: str
    path: str
    body: Any
    status: int
    at: float = 0.0


@dataclass
class Message:
    id: int
    token: str
    body: dict[str, Any]
    edits: list[dict[str, Any]] = field(default_factory=list)


class FakeDiscord:
    """One fake application with one guild; start() it, point the bot at api_base/gateway_url."""

    def __init__(self, token: str, *, heartbeat_ms: int = 45000) -> None:
        self.token = token
        self.heartbeat_ms = heartbeat_ms
        self.requests: list[Recorded] = []
        self.unauthorized: list[str] = []
        self.callbacks: dict[int, list[dict[str, Any]]] = {}
        self.followups: list[dict[str, Any]] = []
        self.edits: list[dict[str, Any]] = []
        self.messages: dict[int, Message] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.command_puts: list[str] = []
        self.faults: deque[Fault] = deque()
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.sockets: dict[int, web.WebSocketResponse] = {}
        self.ready = asyncio.Event()
        self.resumed = asyncio.Event()
        self.seq = 0
        self.session_id = "fake-session-1"
        self._pending: list[dict[str, Any]] = []
        self._ids = itertools.count(910000000000000000)
        self._waiters: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._component_message: dict[int, int] = {}
        self._transports: dict[int, asyncio.Transport] = {}
        self._original: dict[str, int] = {}  # interaction token → its first message (O(1))
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.app = self._build_app()

    # -- lifecycle -------------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        app = web.Application()
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
        self._runner = web.AppRunner(self.app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        for ws in list(self.sockets.values()):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- REST --------------------------------------------------------------------------------

    def _record(self, request: web.Request, body: Any, status: int = 200) -> None:
        now = asyncio.get_running_loop().time()
        self.requests.append(Recorded(request.method, request.path, body, status, now))

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
        return _json({
            "id": str(APP_ID), "name": "tiebot", "icon": None, "description": "fake",
            "bot_public": True, "bot_require_code_grant": False, "owner": user(ASKER_ID, "owner"),
            "verify_key": "00", "flags": 0, "summary": "",
        })  # fmt: skip

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

    def _new_message(self, token: str, body: dict[str, Any], mid: int | None = None) -> Message:
        message = Message(mid or next(self._ids), token, dict(body))
        self.messages[message.id] = message
        self._original.setdefault(token, message.id)
        return message

    def message_payload(self, message: Message) -> dict[str, Any]:
        body = message.body
        return {
            "id": str(message.id), "channel_id": str(CHANNEL_ID), "author": BOT_USER,
            "content": body.get("content") or "", "timestamp": TIMESTAMP, "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
            "attachments": [], "embeds": body.get("embeds") or [], "pinned": False, "type": 20,
            "flags": body.get("flags") or 0, "components": body.get("components") or [],
            "webhook_id": str(APP_ID), "application_id": str(APP_ID),
        }  # fmt: skip

    async def _callback(self, request: web.Request) -> web.Response:
        iid = int(request.match_info["iid"])
        body = await request.json()
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
        kind = body.get("type")
        data = body.get("data") or {}
        interaction: dict[str, Any] = {"id": str(iid), "type": 2}
        resource: dict[str, Any] | None = None
        token = request.match_info["itoken"]
        if kind in (4, 5):
            message = self._new_message(token, data)
            interaction["response_message_id"] = str(message.id)
            interaction["response_message_loading"] = kind == 5
            interaction["response_message_ephemeral"] = bool((data.get("flags") or 0) & 64)
            resource = {"type": kind, "message": self.message_payload(message)}
        elif kind == 7:
            message = self._edit_component_message(token, iid, data)
            if message is not None:
                interaction["response_message_id"] = str(message.id)
                resource = {"type": kind, "message": self.message_payload(message)}
        waiter = self._waiters.get(iid)
        if waiter is not None and not waiter.done():
            waiter.set_result(body)
        return _json({"interaction": interaction, "resource": resource})

    def _edit_component_message(self, token: str, iid: int, data: dict[str, Any]) -> Message | None:
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
        body = await request.json()
        self._record(request, body)
        message = self._new_message(request.match_info["itoken"], body)
        self.followups.append(body)
        return _json(self.message_payload(message))

    async def _message(self, request: web.Request) -> web.Response:
        token, mid = request.match_info["itoken"], request.match_info["mid"]
        if mid == "@original":
            message = self.messages.get(self._original.get(token, -1))
        else:
            message = self.messages.get(int(mid) if mid.isdigit() else -1)
        if request.method == "PATCH":
            body = await request.json()
            self._record(request, body)
            self.edits.append(body)
            if message is not None:
                message.body.update(body)
                message.edits.append(body)
        else:
            self._record(request, None)
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        if request.method == "DELETE":
            return web.Response(status=204)
        return _json(self.message_payload(message))

    # -- gateway -----------------------------------------------------------------------------

    async def _send(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        await ws.send_str(json.dumps(payload))

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await self._send(ws, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_ms}})
        shard = 0
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op, d = frame.get("op"), frame.get("d") or {}
            if op == 1:
                await self._send(ws, {"op": 11})
            elif op == 2:
                if d.get("token") != self.token:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                shard, count = (d.get("shard") or [0, 1])[:2]
                self.identifies.append({k: v for k, v in d.items() if k != "token"})
                self._attach(shard, ws, request)
                self.seq += 1
                ready = {
                    "v": 10, "user": BOT_USER, "guilds": [], "session_id": self.session_id,
                    "resume_gateway_url": self.gateway_url, "shard": [shard, count],
                    "application": {"id": str(APP_ID), "flags": 0},
                }  # fmt: skip
                await self._send(ws, {"op": 0, "t": "READY", "s": self.seq, "d": ready})
                self.ready.set()
            elif op == 6:
                ok = d.get("token") == self.token and d.get("session_id") == self.session_id
                if not ok:
                    await self._send(ws, {"op": 9, "d": False})
                    continue
                self.resumes.append({k: v for k, v in d.items() if k != "token"})
                self._attach(shard, ws, request)
                self.seq += 1
                await self._send(ws, {"op": 0, "t": "RESUMED", "s": self.seq, "d": {}})
                pending, self._pending = self._pending, []
                for event in pending:  # Discord replays what was missed while away
                    await self._send(ws, event)
                self.resumed.set()
        if self.sockets.get(shard) is ws:
            del self.sockets[shard]
        return ws

    def _attach(self, shard: int, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.sockets[shard] = ws
        if isinstance(request.transport, asyncio.Transport):
            self._transports[shard] = request.transport

    async def dispatch(self, event: str, data: dict[str, Any], shard: int = 0) -> None:
        self.seq += 1
        frame = {"op": 0, "t": event, "s": self.seq, "d": data}
        ws = self.sockets.get(shard)
        if ws is None or ws.closed:
            self._pending.append(frame)
        else:
            await self._send(ws, frame)

    async def drop(self, code: int = 4000, shard: int = 0, *, abort: bool = False) -> None:
        """Close the gateway connection as Discord does on a server-side reconnect
        (``abort``: cut the TCP connection without a close frame, like a network failure)."""
        self.resumed.clear()
        ws = self.sockets.pop(shard, None)
        transport = self._transports.pop(shard, None)
        if abort and transport is not None:
            transport.abort()
        elif ws is not None:
            await ws.close(code=code, message=b"dropped by test")

    # -- interactions ------------------------------------------------------------------------

    def fail_next_callback(
        self, status: int, *, retry_after: float = 0.0, interaction_id: int | None = None,
        times: int = 1,
    ) -> None:  # fmt: skip
        self.faults.append(Fault(status, retry_after, interaction_id, times))

    def new_id(self) -> int:
        return next(self._ids)

    def command(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        focused: str | None = None,
        user_id: int = ASKER_ID,
        in_guild: bool = False,
    ) -> dict[str, Any]:
        """An application command (type 2), or autocomplete (type 4) when ``focused``."""
        opts = []
        for key, value in (options or {}).items():
            option: dict[str, Any] = {"name": key, "type": 3, "value": value}
            if key == focused:
                option["focused"] = True
            opts.append(option)
        data: dict[str, Any] = {"id": str(APP_ID + 7), "name": name, "type": 1, "options": opts}
        return self._interaction(4 if focused else 2, data, user_id=user_id, in_guild=in_guild)

    def component(
        self, message_id: int, custom_id: str, *, values: list[str] | None = None,
        user_id: int = ASKER_ID,
    ) -> dict[str, Any]:  # fmt: skip
        """A button click (values None) or a select pick on a recorded message."""
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
        if values is not None:
            data = {"custom_id": custom_id, "component_type": 3, "values": values}
        payload = self._interaction(3, data, user_id=user_id, in_guild=False)
        payload["message"] = self.message_payload(self.messages[message_id])
        self._component_message[int(payload["id"])] = message_id
        return payload

    def _interaction(
        self, kind: int, data: dict[str, Any], *, user_id: int, in_guild: bool
    ) -> dict[str, Any]:
        iid = self.new_id()
        payload: dict[str, Any] = {
            "id": str(iid), "application_id": str(APP_ID), "type": kind, "data": data,
            "token": f"itoken-{iid}", "version": 1, "channel_id": str(CHANNEL_ID),
            "app_permissions": "0", "locale": "en-US", "entitlements": [],
            "attachment_size_limit": 8388608,
        }  # fmt: skip
        asker = user(user_id, "fan" if user_id == ASKER_ID else "someone")
        if in_guild:
            payload.update(guild_id=str(GUILD_ID), guild_locale="en-US", context=0,
                           authorizing_integration_owners={"0": str(GUILD_ID)})  # fmt: skip
            payload["member"] = {"user": asker, "roles": [], "joined_at": TIMESTAMP, "flags": 0,
                                 "deaf": False, "mute": False, "permissions": "0"}  # fmt: skip
        else:
            payload.update(user=asker, context=1,
                           authorizing_integration_owners={"1": str(user_id)})  # fmt: skip
        return payload

    async def interact(self, payload: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        """Send INTERACTION_CREATE and return the first successful callback body."""
        iid = int(payload["id"])
        waiter: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiters[iid] = waiter
        try:
            await self.dispatch("INTERACTION_CREATE", payload)
            return await asyncio.wait_for(waiter, timeout)
        finally:
            self._waiters.pop(iid, None)

    def response_message(self, callback_iid: int) -> Message:
        """The message a type-4 callback created (to click its components)."""
        return self.messages[self._original[f"itoken-{callback_iid}"]]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        async def poll() -> None:
            while not predicate():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(poll(), timeout)
