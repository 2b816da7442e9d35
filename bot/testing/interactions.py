"""A Discord stand-in for the HTTP transport: signed requests to a worker on 127.0.0.1.

Discord signs every request with the application's Ed25519 key; here a fixed
test key plays that part (its public half goes in ``DISCORD_PUBLIC_KEY``).
``running_server`` runs one worker in-process; ``Client.post`` sends an
interaction the way Discord does and returns the status, the JSON body and
the worker that answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import aiohttp
from nacl.signing import SigningKey

from bot.config import Settings
from bot.http.server import serve
from bot.http.signature import sign
from bot.testing import payloads
from bot.testing.payloads import ASKER_ID, GUILD_ID

SIGNING_KEY = SigningKey(bytes(range(32)))  # fixed: tests and benchmarks agree on it
PUBLIC_KEY = SIGNING_KEY.verify_key.encode().hex()
ID_SECRET = "test-only-secret-for-component-ids"
_ids = iter(range(930000000000000000, 940000000000000000))


def http_settings(state_dir: Path, **changes: Any) -> Settings:
    """Settings for a test worker: the test key, the test id secret, no file watching."""
    base = Settings(log_level="DEBUG", state_dir=state_dir, public_key=PUBLIC_KEY,
                    id_secret=ID_SECRET, http_port=0, reload="off")  # fmt: skip
    return replace(base, **changes)


def command(
    name: str, options: dict[str, Any] | None = None, *, focused: str | None = None,
    user_id: int = ASKER_ID, guild_id: int | None = None,
) -> dict[str, Any]:  # fmt: skip
    """An application command (type 2), or autocomplete (type 4) when ``focused``."""
    data = payloads.command_data(name, options or {}, focused)
    payload = payloads.interaction(next(_ids), 4 if focused else 2, data, user_id=user_id,
                                   in_guild=guild_id is not None)  # fmt: skip
    if guild_id is not None and guild_id != GUILD_ID:
        payload["guild_id"] = str(guild_id)
    return payload


def click(
    message: dict[str, Any], custom_id: str, *, values: list[str] | None = None,
    user_id: int = ASKER_ID, owner_id: int = ASKER_ID,
) -> dict[str, Any]:  # fmt: skip
    """A click on a component of ``message`` (the data a worker answered with), by
    ``user_id``, on a message that ``owner_id``'s command posted."""
    data = payloads.component_data(custom_id, values)
    payload = payloads.interaction(next(_ids), 3, data, user_id=user_id, in_guild=False)
    payload["message"] = {
        "id": str(next(_ids)), "channel_id": str(payloads.CHANNEL_ID),
        "embeds": message.get("embeds", []), "components": message.get("components", []),
        "interaction_metadata": {"id": str(next(_ids)), "type": 2,
                                 "user": payloads.user(owner_id, "fan")},
    }  # fmt: skip
    return payload


def custom_ids(message: dict[str, Any]) -> list[str]:
    """Every component id of a message's data, in order."""
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


@dataclass
class Answered:
    """What a worker answered: status, JSON body (or None), the worker's pid."""

    status: int
    body: Any
    worker: str | None


class Client:
    """Posts interactions to a worker as Discord would."""

    def __init__(self, url: str, session: aiohttp.ClientSession) -> None:
        self.url = url
        self.session = session

    async def post(
        self, payload: Any, *, headers: dict[str, str] | None = None, signed: bool = True,
        timestamp: int | None = None,
    ) -> Answered:  # fmt: skip
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        sent = {"Content-Type": "application/json"}
        if signed:
            sent.update(sign(SIGNING_KEY, body, timestamp))
        sent.update(headers or {})
        async with self.session.post(f"{self.url}/interactions", data=body,
                                     headers=sent) as response:  # fmt: skip
            text = await response.text()
            try:
                parsed = json.loads(text) if text else None
            except ValueError:
                parsed = text
            return Answered(response.status, parsed, response.headers.get("X-Tiebot-Worker"))

    async def health(self) -> Answered:
        async with self.session.get(f"{self.url}/health") as response:
            body = await response.json(content_type=None)
            return Answered(response.status, body, response.headers.get("X-Tiebot-Worker"))


@dataclass
class Worker:
    """A running in-process worker: its URL, a client, its stop switch and task."""

    url: str
    client: Client
    stop: asyncio.Event
    task: asyncio.Task[int]


@contextlib.asynccontextmanager
async def running_server(
    engine: Any, state_dir: Path, *, pictures: Any = None, health: Any = dict, **changes: Any
) -> AsyncIterator[Worker]:
    """Start ``serve`` on an ephemeral port of 127.0.0.1; yield once it listens; stop it."""
    settings = http_settings(state_dir, **changes)
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(serve(settings, engine, host="127.0.0.1", port=0, stop=stop,
                                     on_ready=ready.set_result, health=health,
                                     pictures=pictures))  # fmt: skip
    try:
        await asyncio.wait({task, ready}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        if not ready.done():
            raise RuntimeError("the HTTP worker did not start")
        url = f"http://127.0.0.1:{ready.result()}"
        async with aiohttp.ClientSession() as session:
            yield Worker(url, Client(url, session), stop, task)
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
