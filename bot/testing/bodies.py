"""Bodies: requests as the bot sends them (JSON, or a multipart upload when files go with
it) and JSON responses as Discord sends them.

discord.py sends a message with files as ``multipart/form-data``: the JSON
body in a ``payload_json`` part and each file in a ``files[N]`` part.  The
fake reads both the way Discord does.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import BodyPartReader, web

from bot.testing.payloads import Upload


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """A JSON response whose Content-Type is exactly ``application/json`` (discord.py checks)."""
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(data).encode(), status=status, headers=all_headers)


async def read_body(
    request: web.Request, record: list[tuple[str, Upload]]
) -> tuple[dict[str, Any], list[Upload]]:
    """The JSON body and the uploaded files (none for an ``application/json`` request); each
    file is also appended to ``record`` with the interaction token of the request."""
    if not request.content_type.startswith("multipart/"):
        body: dict[str, Any] = await request.json()
        return body, []
    body = {}
    files: list[Upload] = []
    async for part in await request.multipart():
        if not isinstance(part, BodyPartReader):
            continue
        if part.name == "payload_json":
            body = json.loads(await part.text())
        else:
            kind = part.headers.get("Content-Type", "application/octet-stream")
            files.append(Upload(part.name or "", part.filename or "", kind, await part.read()))
    record.extend((request.match_info.get("itoken", ""), f) for f in files)
    # The files also ride in the recorded body, as a test of one request reads them.
    body["files"] = [{"filename": f.filename, "size": len(f.data), "data": f.data} for f in files]
    return body, files
