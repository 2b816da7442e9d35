"""What the fake Discord sends and keeps: users, messages and interactions as Discord shapes
them, the faults it was told to inject and the requests it recorded.

Kept apart from the server so the shapes can be read (and corrected) in one place.
The ids are fixed so tests can name the application, guild, channel and users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


def user(uid: int = ASKER_ID, name: str = "fan") -> dict[str, Any]:
    """A user object."""
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name,
            "avatar": None}  # fmt: skip


@dataclass
class Upload:
    """A file the bot sent in a multipart request (``files[N]``)."""

    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class Message:
    """A message the bot created (a callback reply or a follow-up), with its later edits."""

    id: int
    token: str
    body: dict[str, Any]
    edits: list[dict[str, Any]] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)


@dataclass
class Fault:
    """What the next matching callback request gets instead of success."""

    status: int
    retry_after: float = 0.0
    interaction_id: int | None = None  # None: the next callback, whoever it is for
    times: int = 1


@dataclass
class Recorded:
    """One REST request the bot made, and the status it got."""

    method: str
    path: str
    body: Any
    status: int
    at: float = 0.0
    host: str = ""  # the Host header: tells apart bots given different addresses of the fake


def message_payload(message: Message) -> dict[str, Any]:
    """The message object Discord returns for ``message``."""
    body = message.body
    return {
        "id": str(message.id), "channel_id": str(CHANNEL_ID), "author": BOT_USER,
        "content": body.get("content") or "", "timestamp": TIMESTAMP, "edited_timestamp": None,
        "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
        "attachments": attachments(message), "embeds": body.get("embeds") or [],
        "pinned": False, "type": 20,
        "flags": body.get("flags") or 0, "components": body.get("components") or [],
        "webhook_id": str(APP_ID), "application_id": str(APP_ID),
    }  # fmt: skip


def attachments(message: Message) -> list[dict[str, Any]]:
    """The attachment objects of the files uploaded with (or since) the message."""
    return [
        {"id": str(APP_ID + 100 + n), "filename": u.filename, "size": len(u.data),
         "url": f"https://cdn.invalid/{u.filename}", "proxy_url": f"https://cdn.invalid/{u.filename}",
         "content_type": u.content_type}
        for n, u in enumerate(message.uploads)
    ]  # fmt: skip


def command_data(name: str, options: dict[str, Any], focused: str | None) -> dict[str, Any]:
    """The ``data`` of a slash command with string options (``focused``: autocomplete)."""
    opts = []
    for key, value in options.items():
        option: dict[str, Any] = {"name": key, "type": 3, "value": value}
        if key == focused:
            option["focused"] = True
        opts.append(option)
    return {"id": str(APP_ID + 7), "name": name, "type": 1, "options": opts}


def component_data(custom_id: str, values: list[str] | None) -> dict[str, Any]:
    """The ``data`` of a button click (``values`` None) or a select pick."""
    if values is None:
        return {"custom_id": custom_id, "component_type": 2}
    return {"custom_id": custom_id, "component_type": 3, "values": values}


def interaction(
    iid: int, kind: int, data: dict[str, Any], *, user_id: int, in_guild: bool
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload, sent in a guild or in a DM (user install)."""
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


def application() -> dict[str, Any]:
    """``GET /oauth2/applications/@me``."""
    return {
        "id": str(APP_ID), "name": "tiebot", "icon": None, "description": "fake",
        "bot_public": True, "bot_require_code_grant": False, "owner": user(ASKER_ID, "owner"),
        "verify_key": "00", "flags": 0, "summary": "",
    }  # fmt: skip
