"""Deferred answers: acknowledge at once, send the message later through Discord's REST.

An answer with attachments (a bracket picture, say) can take longer to draw
than the 3 seconds Discord waits for the HTTP response.  So the response is
"thinking…" (type 5), and once the pictures are drawn (in a thread, off the
event loop) the original response is edited over the interaction webhook,
with the files in a multipart body.  The webhook needs the interaction's
token only, never the bot token.  ``Pictures`` is the seam: whoever draws
pictures says which answers want them and draws them.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp

from bot.wording.answer import Answer

log = logging.getLogger(__name__)
DISCORD_API = "https://discord.com/api/v10"
ATTEMPTS = 3
TIMEOUT = aiohttp.ClientTimeout(total=15)


@dataclass(frozen=True, slots=True)
class Attachment:
    """One file sent with an answer."""

    filename: str
    data: bytes
    description: str = ""


class Pictures(Protocol):
    """Draws the pictures of answers that want some."""

    def wants(self, answer: Answer) -> bool:
        """Cheap, on the event loop: does this answer get pictures (and so a deferred reply)?"""
        ...

    def render(self, answer: Answer) -> Sequence[Attachment]:
        """Draw them; runs in a worker thread."""
        ...


class AnswerPictures:
    """The pictures an answer already carries (``Answer.files``, drawn by the Speaker)."""

    def wants(self, answer: Answer) -> bool:
        return bool(answer.files)

    def render(self, answer: Answer) -> Sequence[Attachment]:
        return [Attachment(p.name, p.data, p.description) for p in answer.files]


class FollowUps:
    """Edits deferred responses over the interaction webhooks of ``api_base``."""

    def __init__(self, api_base: str | None = None) -> None:
        self.api_base = (api_base or DISCORD_API).rstrip("/")
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=TIMEOUT)
        return self._session

    async def complete(
        self,
        application_id: str,
        token: str,
        data: dict[str, Any],
        answer: Answer,
        pictures: Pictures,
    ) -> bool:
        """Draw the pictures, then edit the original response; True when Discord took it."""
        try:
            files = list(await asyncio.to_thread(pictures.render, answer))
        except Exception:
            log.exception("drawing the pictures of /%s failed; answering without them",
                          answer.command)  # fmt: skip
            files = []
        url = f"{self.api_base}/webhooks/{application_id}/{token}/messages/@original"
        payload = {
            **data,
            "attachments": [
                {"id": i, "filename": f.filename, "description": f.description[:1024]}
                for i, f in enumerate(files)
            ],
        }
        for attempt in range(1, ATTEMPTS + 1):
            form = aiohttp.FormData()
            form.add_field("payload_json", json.dumps(payload), content_type="application/json")
            for i, f in enumerate(files):
                form.add_field(f"files[{i}]", f.data, filename=f.filename)
            try:
                async with self._client().patch(url, data=form) as response:
                    if response.status < 300:
                        return True
                    wait = await _retry_after(response)
                    log.warning("editing a deferred response got HTTP %d (attempt %d)",
                                response.status, attempt)  # fmt: skip
                    if wait is None:
                        return False
            except (aiohttp.ClientError, TimeoutError) as exc:
                log.warning("editing a deferred response failed (attempt %d): %s", attempt, exc)
                wait = 1.0
            if attempt < ATTEMPTS:
                await asyncio.sleep(min(wait, 5.0))
        return False


async def _retry_after(response: aiohttp.ClientResponse) -> float | None:
    """Seconds to wait before trying again, or None when a retry cannot help."""
    if response.status == 429:
        try:
            body = await response.json(content_type=None)
            return float(body.get("retry_after", 1.0))
        except (ValueError, TypeError, AttributeError, aiohttp.ContentTypeError):
            return 1.0
    return 0.5 if response.status >= 500 else None
