"""5,000 hostile bodies at the HTTP endpoint: never a 500, never an answer without a signature.

Bodies are random bytes, random JSON, and real interactions bent out of shape
(keys dropped, values swapped for other types, options nested deep, huge or
invisible strings, forged component ids).  Each is sent signed, unsigned,
signed by another key, signed then altered, or signed too long ago.  Only a
correctly signed, fresh request may get a 200 (or a 400 when it is not an
interaction); every other one must get a 401; the responder itself must
never fail (no "interaction failed" in the log).  ``TIEBOT_FUZZ_BODIES`` sets
the count, ``TIEBOT_FUZZ_SEED`` the seed; a failure names both.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import random
import time
from typing import Any

import pytest
from nacl.signing import SigningKey

from bot.http.signature import sign
from bot.testing.interactions import SIGNING_KEY, click, command, running_server

BODIES = int(os.environ.get("TIEBOT_FUZZ_BODIES", "5000"))
SEED = int(os.environ.get("TIEBOT_FUZZ_SEED", "15"))
CONCURRENCY = 8
TIME_LIMIT = 90.0
OTHER_KEY = SigningKey(bytes([7]) * 32)
MODES = ("valid", "valid", "valid", "none", "other key", "tampered", "stale", "half headers")
NASTY = ["", " ", "\u202e", "\u200b" * 50, "@everyone", "<@123>", "x" * 6000, "' OR 1=1 --",
         "\x00", "Simba", "2012", "penalties", "é" * 101, "🏆", "|%7C|",
         "p0|0|x|AAAAAAAAAAAA"]  # fmt: skip
ODD = [None, True, 0, -1, 2**70, 1.5, [], {}, [1, [2]], {"a": {"b": None}}]


def value(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(NASTY)
    if roll < 0.8:
        return copy.deepcopy(rng.choice(ODD))  # a fresh one: bend() alters what it finds
    return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 40)))


def bend(rng: random.Random, thing: Any, depth: int = 0) -> Any:
    """Alter a JSON value in place at random spots."""
    if isinstance(thing, dict):
        for key in list(thing):
            roll = rng.random()
            if roll < 0.1:
                del thing[key]
            elif roll < 0.25:
                thing[key] = value(rng)
            elif depth < 6:
                thing[key] = bend(rng, thing[key], depth + 1)
        if rng.random() < 0.1:
            thing[rng.choice(["options", "type", "data", "values", "focused"])] = value(rng)
    elif isinstance(thing, list):
        return [bend(rng, item, depth + 1) for item in thing] + (
            [value(rng)] if rng.random() < 0.1 else []
        )
    return thing


def body_of(rng: random.Random, message: dict[str, Any], ids: list[str]) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300)))
    if roll < 0.2:
        return json.dumps(value(rng)).encode()
    if roll < 0.3:  # deep nesting
        depth = rng.randint(10, 3000)
        return ("[" * depth + "]" * depth).encode()
    name = rng.choice(["tie", "club", "headtohead", "season", "decided", "about", "help", "x"])
    names = ["club", "name", "season", "round", "club_a", "club_b", "method", "competition"]
    options = {o: value(rng) for o in rng.sample(names, 2)}
    kind = rng.random()
    if kind < 0.35:
        payload = command(name, options)
    elif kind < 0.6:
        payload = command(name, options, focused=next(iter(options)))
    else:
        custom_id = rng.choice([*ids, *NASTY])
        payload = click(message, custom_id, values=rng.choice([None, ["0"], ["99"], [value(rng)]]))
    if rng.random() < 0.5:
        payload = bend(rng, payload)
    return json.dumps(payload).encode()


def headers_of(rng: random.Random, body: bytes) -> tuple[str, dict[str, str], bytes]:
    mode = rng.choice(MODES)
    now = int(time.time())
    if mode == "valid":
        return mode, sign(SIGNING_KEY, body, now), body
    if mode == "none":
        return mode, {}, body
    if mode == "other key":
        return mode, sign(OTHER_KEY, body, now), body
    if mode == "tampered":
        return mode, sign(SIGNING_KEY, body, now), body + b" " if rng.random() < 0.5 else body[:-1]
    if mode == "stale":
        return mode, sign(SIGNING_KEY, body, now - 3600), body
    signed = sign(SIGNING_KEY, body, now)
    key = rng.choice(list(signed))
    return mode, {key: signed[key]}, body


@pytest.mark.slow
async def test_fuzzed_bodies(real_engine, tmp_path, caplog):
    rng = random.Random(SEED)
    caplog.set_level("INFO")
    replay = f"TIEBOT_FUZZ_SEED={SEED} TIEBOT_FUZZ_BODIES={BODIES}"
    problems: list[str] = []
    counts: dict[tuple[str, int], int] = {}
    async with running_server(real_engine, tmp_path, http_concurrency=1000) as w:
        asked = await w.client.post(command("decided", {"method": "aggregate"}))
        message = asked.body["data"]
        ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
        queue = [headers_of(rng, body_of(rng, message, ids)) for _ in range(BODIES)]
        started = time.monotonic()

        async def sender() -> None:
            while queue and time.monotonic() - started < TIME_LIMIT:
                mode, headers, body = queue.pop()
                answered = await w.client.post(body, headers=headers, signed=False)
                counts[mode, answered.status] = counts.get((mode, answered.status), 0) + 1
                fresh = mode == "valid"
                ok = answered.status in (200, 400) if fresh else answered.status == 401
                if answered.status == 200 and answered.body.get("type") not in (1, 4, 5, 6, 7, 8):
                    ok = False
                if not ok:
                    problems.append(f"{mode}: {answered.status} for {body[:120]!r}")

        await asyncio.gather(*(sender() for _ in range(CONCURRENCY)))
    assert not queue, f"time limit reached with {len(queue)} bodies unsent ({replay})"
    assert not problems, f"{len(problems)} problems ({replay}): {problems[:5]}"
    assert "interaction failed" not in caplog.text, replay
    assert sum(counts.values()) == BODIES
    assert counts.get(("valid", 200), 0) > BODIES / 10  # the fuzz reached the answering code
    assert all(status == 401 for (mode, status) in counts if mode != "valid")
