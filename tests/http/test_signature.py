"""Only Discord's signed, fresh requests are answered; everything else is 401 before parsing."""

from __future__ import annotations

import json

import pytest
from nacl.signing import SigningKey

from bot.http.signature import SIGNATURE, TIMESTAMP, Verifier, sign
from bot.testing.interactions import PUBLIC_KEY, SIGNING_KEY, command, running_server

NOW = 1_800_000_000
BODY = b'{"type":1}'


def verifier(max_age: float = 60) -> Verifier:
    return Verifier(PUBLIC_KEY, max_age, clock=lambda: NOW)


def test_a_valid_signature_passes():
    assert verifier().problem(sign(SIGNING_KEY, BODY, NOW), BODY) is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda h, b: ({**h, SIGNATURE: "0" * 128}, b), "bad signature"),
        (lambda h, b: (h, b + b" "), "bad signature"),  # tampered body
        (lambda h, b: (h, b.replace(b"1", b"2")), "bad signature"),
        (lambda h, b: ({**h, TIMESTAMP: str(NOW + 1)}, b), "bad signature"),  # tampered stamp
        (lambda h, b: ({k: v for k, v in h.items() if k != SIGNATURE}, b), "missing"),
        (lambda h, b: ({k: v for k, v in h.items() if k != TIMESTAMP}, b), "missing"),
        (lambda h, b: ({}, b), "missing"),
        (lambda h, b: ({**h, SIGNATURE: "zz" * 64}, b), "malformed signature"),
        (lambda h, b: ({**h, SIGNATURE: h[SIGNATURE][:-2]}, b), "malformed signature"),
        (lambda h, b: ({**h, TIMESTAMP: "12a"}, b), "malformed timestamp"),
        (lambda h, b: ({**h, TIMESTAMP: "١٢٣"}, b), "malformed timestamp"),
    ],
)
def test_anything_else_is_refused(change, reason):
    headers, body = change(sign(SIGNING_KEY, BODY, NOW), BODY)
    assert reason in (verifier().problem(headers, body) or "")


def test_another_key_is_refused():
    other = SigningKey(bytes(32))
    assert verifier().problem(sign(other, BODY, NOW), BODY) == "bad signature"


@pytest.mark.parametrize("age", [61, -61, 10_000])
def test_a_stale_or_future_timestamp_is_refused_even_when_signed(age):
    headers = sign(SIGNING_KEY, BODY, NOW - age)
    assert verifier().problem(headers, BODY) == "stale timestamp"


def test_within_the_window_passes():
    assert verifier().problem(sign(SIGNING_KEY, BODY, NOW - 59), BODY) is None


async def test_the_endpoint_refuses_with_401_before_parsing(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path) as w:
        good = await w.client.post({"type": 1})
        assert (good.status, good.body) == (200, {"type": 1})
        not_json = b"this is not JSON {"
        for answered in (
            await w.client.post({"type": 1}, signed=False),
            await w.client.post(not_json, signed=False),  # 401, not 400: never parsed
            await w.client.post(not_json, headers={SIGNATURE: "00" * 64, TIMESTAMP: "1"}),
            await w.client.post({"type": 1}, timestamp=1_000_000_000),
            await w.client.post(command("tie", {"club": "Simba"}), headers={SIGNATURE: "ab" * 64}),
        ):
            assert answered.status == 401
            assert answered.body == {"error": "invalid request signature"}
        assert (await w.client.post(not_json)).status == 400  # signed garbage: parsed, refused


async def test_the_access_log_names_no_token_or_signature(real_engine, tmp_path, caplog):
    caplog.set_level("DEBUG")
    async with running_server(real_engine, tmp_path) as w:
        payload = command("tie", {"club": "Simba", "season": "2012"})
        body = json.dumps(payload).encode()
        headers = sign(SIGNING_KEY, body)
        answered = await w.client.post(body, headers=headers, signed=False)
        refused = await w.client.post(body, headers={**headers, SIGNATURE: "cd" * 64},
                                      signed=False)  # fmt: skip
    assert (answered.status, refused.status) == (200, 401)
    text = caplog.text
    assert "what=tie" in text and 'refused="bad signature"' in text
    for secret in (headers[SIGNATURE], "cd" * 64, payload["token"], PUBLIC_KEY):
        assert secret not in text
