"""What every reply to hostile input must satisfy: Discord's limits, no mention, no apology.

``request_problems`` lists everything wrong with one request the bot made to
the fake Discord: a message or an embed over Discord's limits, a mention
Discord would parse, a NUL byte, an answer from the error handler, an
autocomplete reply that Discord would reject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.testing.payloads import Recorded

# A mention Discord would parse: not defused by a zero-width space after "<@"/"<#".
MENTION = re.compile(r"@everyone|@here|<@(?!\u200b)|<#(?!\u200b)")
# The error handler's notices (bot/discord/errors.py): fuzz input must never reach them.
ERROR_TITLES = ("Something went wrong", "That did not work", "Unknown command")
LIMITS = {"title": 256, "description": 4096, "fields": 25, "name": 256, "value": 1024,
          "footer": 2048, "author": 256, "total": 6000, "embeds": 10, "content": 2000}  # fmt: skip


def _texts(embed: dict[str, Any]) -> Iterable[str]:
    yield embed.get("title") or ""
    yield embed.get("description") or ""
    yield (embed.get("footer") or {}).get("text") or ""
    yield (embed.get("author") or {}).get("name") or ""
    for f in embed.get("fields") or []:
        yield f.get("name") or ""
        yield f.get("value") or ""


def embed_problems(embed: dict[str, Any]) -> list[str]:
    found: list[str] = []
    fields = embed.get("fields") or []
    sizes = {
        "title": len(embed.get("title") or ""),
        "description": len(embed.get("description") or ""),
        "footer": len((embed.get("footer") or {}).get("text") or ""),
        "author": len((embed.get("author") or {}).get("name") or ""),
        "fields": len(fields),
        "name": max((len(f.get("name") or "") for f in fields), default=0),
        "value": max((len(f.get("value") or "") for f in fields), default=0),
        "total": sum(len(t) for t in _texts(embed)),
    }
    found += [f"embed {k} {n} > {LIMITS[k]}" for k, n in sizes.items() if n > LIMITS[k]]
    found += [f"empty field {k}" for f in fields for k in ("name", "value") if not f.get(k)]
    return found


def component_problems(rows: list[dict[str, Any]]) -> list[str]:
    found = [f"{len(rows)} component rows > 5"] if len(rows) > 5 else []
    for row in rows:
        items = row.get("components") or []
        if len(items) > 5:
            found.append(f"{len(items)} components in a row > 5")
        for item in items:
            options = item.get("options") or []
            found += [f"{len(options)} select options > 25"] if len(options) > 25 else []
            texts = [item.get("custom_id") or ""]
            texts += [o.get(k) or "" for o in options for k in ("label", "value", "description")]
            found += [f"component text over 100: {t[:40]!r}…" for t in texts if len(t) > 100]
            if len(item.get("label") or "") > 80:  # a button's label
                found.append(f"button label over 80: {item['label'][:40]!r}…")
            if len(item.get("placeholder") or "") > 150:
                found.append("select placeholder over 150")
    return found


def message_problems(data: dict[str, Any]) -> list[str]:
    """A message (callback data, follow-up or edit): silent, within limits, no apology."""
    found: list[str] = []
    if data.get("allowed_mentions") != {"parse": []}:
        found.append(f"allowed_mentions is {data.get('allowed_mentions')!r}")
    content = data.get("content") or ""
    embeds = data.get("embeds") or []
    if len(content) > LIMITS["content"] or len(embeds) > LIMITS["embeds"]:
        found.append(f"content {len(content)} chars, {len(embeds)} embeds")
    texts = [content, *(t for e in embeds for t in _texts(e))]
    if sum(len(t) for t in texts) - len(content) > LIMITS["total"]:
        found.append("the embeds together exceed 6,000 characters")
    found += [f"raw mention in {t[:80]!r}" for t in texts if MENTION.search(t)]
    found += [f"NUL byte in {t[:80]!r}" for t in texts if "\x00" in t]
    for embed in embeds:
        found += embed_problems(embed)
        if (embed.get("title") or "") in ERROR_TITLES:
            found.append(f"error handler answered: {embed.get('description')!r}")
    return found + component_problems(data.get("components") or [])


def choice_problems(data: dict[str, Any]) -> list[str]:
    choices = data.get("choices")
    if not isinstance(choices, list):
        return [f"autocomplete without a choice list: {data!r}"]
    found = [f"{len(choices)} choices > 25"] if len(choices) > 25 else []
    for c in choices:
        name, value = c.get("name"), c.get("value")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            found.append(f"choice name {name!r}")
        if not isinstance(value, str) or len(value) > 100:
            found.append(f"choice value {value!r}")
    return found


def request_problems(request: Recorded) -> list[str]:
    """What is wrong with one request the bot made to the fake Discord."""
    if request.status >= 400:
        return [f"{request.method} {request.path} got {request.status}"]
    body = request.body if isinstance(request.body, dict) else {}
    if "/callback" in request.path:
        kind = body.get("type")
        if kind == 8:
            return choice_problems(body.get("data") or {})
        if kind in (4, 7):
            return message_problems(body.get("data") or {})
        return [] if kind in (5, 6) else [f"callback type {kind!r}"]
    if "/webhooks/" in request.path and request.method in ("POST", "PATCH"):
        return message_problems(body)
    return []
