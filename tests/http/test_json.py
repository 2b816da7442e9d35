"""The worker's JSON out: orjson where installed, with exactly the bytes of ``json``."""

from __future__ import annotations

import json

from bot.http.app import dumps


def test_the_same_bytes_as_json():
    body = {
        "type": 4,
        "data": {
            "embeds": [{"title": "🇹🇳 Espérance 2–1 الأهلي", "color": 0x57F287, "fields": [
                {"name": "a\u0000b\u001f\"\\\n\t", "value": "\u2028/", "inline": False}]}],
            "allowed_mentions": {"parse": []},
            "n": [0, -1, 2**63 - 1, 1.5, None, True],
        },
    }  # fmt: skip
    assert dumps(body) == json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    assert dumps({1: 2**70}) == b'{"1":1180591620717411303424}'  # what orjson refuses
