"""Component custom ids that carry their own query, signed, so any replica can handle a click.

A pager button or a club picker is clicked on a message that another worker
(or this one, before a restart) sent; no worker remembers it.  So the id
itself says what to do: the kind of component, the command (its index in the
command table), a number (the page, or which option the picked club fills),
the options as typed, and an HMAC over all of that.  Ids come back from
clients, so a forged or damaged id is refused before anything is run.
Discord allows 100 characters per id; ``encode`` returns None when a query
does not fit, and the caller then shows the answer without components.

Layout: ``<kind><command>|<number base 36>|<option>|…|<mac>`` where options are
in the table's order, empty for "not given", with ``%`` and ``|`` escaped.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.table import COMMANDS

MAX_ID = 100
MAC_BYTES = 9  # 12 characters of base64; a forger must guess 72 bits online, per attempt
PAGE, PICK, COUNTER = "p", "c", "n"
KINDS = frozenset({PAGE, PICK, COUNTER})
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class ComponentId:
    """What a component click asks for: a page of a query, or a pick for one of its options."""

    kind: str
    command: str
    options: tuple[tuple[str, str | None], ...]
    number: int = 0


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _DIGITS[rest] + digits
        if not number:
            return digits


def _escape(value: str | None) -> str:
    return (value or "").replace("%", "%25").replace("|", "%7C")


def _unescape(text: str) -> str | None:
    return text.replace("%7C", "|").replace("%25", "%") or None


class CustomIds:
    """Encodes and checks signed ids with one secret (the same on every replica)."""

    def __init__(self, secret: bytes) -> None:
        self._key = hashlib.sha256(b"tiebot custom id\0" + secret).digest()

    def _mac(self, body: str) -> str:
        digest = hmac.new(self._key, body.encode(), hashlib.sha256).digest()[:MAC_BYTES]
        return base64.urlsafe_b64encode(digest).decode()

    def encode(self, component: ComponentId) -> str | None:
        """The signed id, or None when it would exceed Discord's 100 characters."""
        index = next(i for i, c in enumerate(COMMANDS) if c.name == component.command)
        given = dict(component.options)
        values = [_escape(given.get(o.name)) for o in COMMANDS[index].options]
        while values and not values[-1]:
            values.pop()
        body = "|".join([f"{component.kind}{index}", _base36(component.number), *values])
        custom_id = f"{body}|{self._mac(body)}"
        return custom_id if len(custom_id) <= MAX_ID else None

    def decode(self, custom_id: object) -> ComponentId | None:
        """The component an id describes, or None when it is not one of ours, unsigned or
        damaged."""
        if not isinstance(custom_id, str) or len(custom_id) > MAX_ID:
            return None
        body, _, mac = custom_id.rpartition("|")
        if not body or not hmac.compare_digest(mac.encode(), self._mac(body).encode()):
            return None
        head, number, *values = body.split("|")
        if len(head) < 2 or head[0] not in KINDS or not (head.isascii() and head[1:].isdigit()):
            return None
        index = int(head[1:])
        if index >= len(COMMANDS) or not (number.isascii() and number.isalnum()) or len(number) > 4:
            return None
        spec = COMMANDS[index]
        if len(values) > len(spec.options):
            return None
        options = _options([o.name for o in spec.options], values)
        return ComponentId(head[0], spec.name, options, int(number, 36))


def _options(names: Sequence[str], values: Sequence[str]) -> tuple[tuple[str, str | None], ...]:
    padded = [*values, *[""] * (len(names) - len(values))]
    return tuple((name, _unescape(value)) for name, value in zip(names, padded, strict=True))
