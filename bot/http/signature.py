"""Request signatures: only Discord may talk to the interactions endpoint.

Discord signs ``X-Signature-Timestamp`` + the raw body with the application's
Ed25519 key and checks that our endpoint rejects anything else (it sends
deliberately bad signatures when the URL is saved in the Developer Portal).
The check runs on the raw bytes, before any parsing, so a forged request
costs one signature verification and nothing more; a stale timestamp is
refused too, so a captured request cannot be replayed later.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

SIGNATURE = "X-Signature-Ed25519"
TIMESTAMP = "X-Signature-Timestamp"
_HEX = frozenset("0123456789abcdefABCDEF")


class Verifier:
    """Checks one request's signature and age against the application's public key."""

    def __init__(
        self, public_key_hex: str, max_age: float, clock: Callable[[], float] = time.time
    ) -> None:
        self._key = VerifyKey(bytes.fromhex(public_key_hex))
        self.max_age = max_age
        self._clock = clock

    def problem(self, headers: Mapping[str, str], body: bytes) -> str | None:
        """None when the request is Discord's and fresh; otherwise why not (for the log).

        The reason never quotes the signature itself.
        """
        signature = headers.get(SIGNATURE)
        stamp = headers.get(TIMESTAMP)
        if not signature or not stamp:
            return "missing signature headers"
        if len(signature) != 128 or not _HEX.issuperset(signature):
            return "malformed signature"
        if not stamp.isascii() or not stamp.isdigit() or len(stamp) > 12:
            return "malformed timestamp"
        if abs(self._clock() - int(stamp)) > self.max_age:
            return "stale timestamp"
        try:
            self._key.verify(stamp.encode() + body, bytes.fromhex(signature))
        except (BadSignatureError, ValueError):
            return "bad signature"
        return None


def sign(private_key: SigningKey, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """The two headers Discord would send with ``body`` (for tests, benchmarks, the fake)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = private_key.sign(stamp.encode() + body).signature.hex()
    return {SIGNATURE: signature, TIMESTAMP: stamp}
