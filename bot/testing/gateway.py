"""The fake Discord's gateway: HELLO, IDENTIFY → READY, RESUME → RESUMED, events, drops, outages.

Frames are compressed as the URL asks, as Discord does (``compress=zlib-stream``: one zlib
stream per connection, each frame flushed; ``zstd-stream``: the same with zstandard, which
discord.py asks for when ``zstandard`` is installed), so a bot pays for decompression here as
it would on Discord; without ``compress``, frames are plain JSON text.  Events dispatched
while the bot is away are replayed after its RESUME, as Discord does.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from bot.testing.payloads import APP_ID, BOT_USER

Compress = Callable[[bytes], bytes]
COMPRESS = web.ResponseKey[Compress | None]("compress")  # the connection's compression


class FakeGateway:
    """Gateway state and handler; ``FakeDiscord`` adds the REST side and the address."""

    def __init__(self, token: str, heartbeat_ms: int) -> None:
        self.token = token
        self.heartbeat_ms = heartbeat_ms
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.sockets: dict[int, web.WebSocketResponse] = {}
        self.ready = asyncio.Event()
        self.ready_shards: set[int] = set()  # shards that identified and got READY
        self.shard_count = 1  # as the bots identified: events are routed by guild over them
        self.resumed = asyncio.Event()
        self.seq = 0
        self.session_id = "fake-session-1"
        self.gateway_down: int | None = None  # an HTTP status: refuse every handshake with it
        self.gateway_attempts = 0  # handshakes tried, refused ones included
        self._pending: list[dict[str, Any]] = []
        self._transports: dict[int, asyncio.Transport] = {}

    @property
    def gateway_url(self) -> str:
        """Where the bot connects; the server that listens knows it (``FakeDiscord``)."""
        raise NotImplementedError

    async def _send(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        compress = ws.get(COMPRESS)
        text = json.dumps(payload)
        if compress is None:
            await ws.send_str(text)
        else:
            await ws.send_bytes(compress(text.encode()))

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        self.gateway_attempts += 1
        if self.gateway_down is not None:  # as a load balancer answers while Discord is down
            return web.Response(status=self.gateway_down, text="gateway down (fake)")
        ws = web.WebSocketResponse(autoping=True)
        ws[COMPRESS] = compressor(request.query.get("compress"))
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
                shard = await self._identify(ws, request, d)
            elif op == 6:
                await self._resume(ws, request, d, shard)
        if self.sockets.get(shard) is ws:
            del self.sockets[shard]
        return ws

    async def _identify(
        self, ws: web.WebSocketResponse, request: web.Request, d: dict[str, Any]
    ) -> int:
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
        self.shard_count = max(1, int(count))
        self.ready_shards.add(int(shard))
        self.ready.set()
        return int(shard)

    async def _resume(
        self, ws: web.WebSocketResponse, request: web.Request, d: dict[str, Any], shard: int
    ) -> None:
        if d.get("token") != self.token or d.get("session_id") != self.session_id:
            await self._send(ws, {"op": 9, "d": False})
            return
        self.resumes.append({k: v for k, v in d.items() if k != "token"})
        self._attach(shard, ws, request)
        self.seq += 1
        await self._send(ws, {"op": 0, "t": "RESUMED", "s": self.seq, "d": {}})
        pending, self._pending = self._pending, []
        for event in pending:  # Discord replays what was missed while away
            await self._send(ws, event)
        self.resumed.set()

    def _attach(self, shard: int, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.sockets[shard] = ws
        if isinstance(request.transport, asyncio.Transport):
            self._transports[shard] = request.transport

    def shard_of(self, payload: dict[str, Any]) -> int:
        """The shard Discord sends an event about ``payload``'s guild to: ``(guild_id >> 22) %
        shard_count``; events outside a guild (DMs) go to shard 0."""
        guild = payload.get("guild_id")
        return (int(guild) >> 22) % self.shard_count if guild else 0

    async def dispatch(self, event: str, data: dict[str, Any], shard: int = 0) -> None:
        """Send an event now, or keep it for replay after the next RESUME."""
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

    async def close_sockets(self) -> None:
        """Close every open gateway connection."""
        for ws in list(self.sockets.values()):
            await ws.close()


def compressor(kind: str | None) -> Compress | None:
    """One connection's transport compression, as Discord does it for ``compress=kind``."""
    if kind == "zlib-stream":
        stream = zlib.compressobj()
        return lambda data: stream.compress(data) + stream.flush(zlib.Z_SYNC_FLUSH)
    if kind == "zstd-stream":
        import zstandard

        zstream = zstandard.ZstdCompressor().compressobj()
        flush = zstandard.COMPRESSOBJ_FLUSH_BLOCK
        return lambda data: zstream.compress(data) + zstream.flush(flush)
    return None
