"""Over HTTP, every interaction gets the gateway bot's answer: same table, Speaker and embeds.

The parity test sends the same interactions to the real discord.py client
(through the fake Discord) and to an HTTP worker and compares what each would
show.  Components are then clicked on another worker with the same secret:
nothing about a message lives in a worker's memory.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.testing.harness import running_bot
from bot.testing.interactions import click, command, custom_ids, running_server
from bot.testing.payloads import OTHER_ID

ASKED = [
    ("tie", {"club": "Simba", "season": "2012"}),
    ("tie", {"club": "Etoile du Sahl", "season": "2014", "round": "first"}),
    ("club", {"name": "JSK"}),
    ("club", {"name": "Leopards"}),
    ("headtohead", {"club_a": "ASEC", "club_b": "Horoya"}),
    ("season", {"season": "2023-24"}),
    ("season", {"season": "2017", "round": "playoff"}),
    ("decided", {"method": "penalties"}),
    ("decided", {"method": "walkover", "season": "2017"}),
    ("tie", {"club": "xyzzy"}),
    ("tie", {"club": "@everyone <@1> **bold**"}),
    ("season", {"season": "1850"}),
    ("about", {}),
    ("help", {}),
    ("ask", {"question": "who knocked out Simba in 2012"}),
    ("ask", {"question": "Etoile 2014"}),
    ("ask", {"question": "what is the weather"}),
    ("records", {}),
    ("records", {"competition": "CC", "season": "2014"}),
]
COMPLETED = [
    ("tie", {"club": "Sim"}, "club"),
    ("tie", {"club": "Simba", "season": "20"}, "season"),
    ("season", {"season": "2012", "round": "fi"}, "round"),
    ("headtohead", {"club_a": "", "club_b": "Hor"}, "club_b"),
]
KEYS = ("type", "style", "label", "disabled", "placeholder", "min_values", "max_values")


def shown(body: dict[str, Any]) -> dict[str, Any]:
    """What a person sees of a response: embeds, privacy, components (ids aside), mentions."""
    if body["type"] == 8:
        return body
    data = body["data"]
    rows = [
        [{**{k: c[k] for k in KEYS if k in c},
          "options": [(o["label"], o["value"]) for o in c.get("options", [])]}
         for c in row["components"]]
        for row in data.get("components") or []
    ]  # fmt: skip
    return {"type": body["type"], "embeds": data["embeds"], "rows": rows,
            "private": bool((data.get("flags") or 0) & 64),
            "mentions": data["allowed_mentions"]}  # fmt: skip


async def test_answers_are_the_gateway_bots(real_engine, tmp_path):
    async with running_bot(real_engine, tmp_path / "gw") as h, \
            running_server(real_engine, tmp_path / "http") as w:  # fmt: skip
        for name, options in ASKED:
            gateway = await h.fake.interact(h.fake.command(name, options))
            http = await w.client.post(command(name, options))
            assert http.status == 200
            assert shown(http.body) == shown(gateway), (name, options)
            assert http.body["data"]["allowed_mentions"] == {"parse": []}
        for name, options, focused in COMPLETED:
            gateway = await h.fake.interact(h.fake.command(name, options, focused=focused))
            http = await w.client.post(command(name, options, focused=focused))
            assert http.body == gateway, (name, options, focused)
            assert http.body["data"]["choices"]


async def test_pages_turn_on_any_replica(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path / "a") as a, \
            running_server(real_engine, tmp_path / "b") as b:  # fmt: skip
        first = (await a.client.post(command("decided", {"method": "aggregate"}))).body["data"]
        _, _, following = custom_ids(first)
        footer = first["embeds"][0]["footer"]["text"]
        assert footer.endswith("page 1/3")
        turned = (await b.client.post(click(first, following))).body
        assert turned["type"] == 7  # the message is updated in place
        page2 = turned["data"]
        assert page2["embeds"][0]["footer"]["text"].endswith("page 2/3")
        assert [c["label"] for c in page2["components"][0]["components"]] == ["◀", "2/3", "▶"]
        back = (await a.client.post(click(page2, custom_ids(page2)[0]))).body["data"]
        assert back["embeds"] == first["embeds"]
        last = (await a.client.post(click(page2, custom_ids(page2)[2]))).body["data"]
        assert [c["disabled"] for c in last["components"][0]["components"]] == [False, True, True]


async def test_a_club_picked_on_another_replica_answers_with_that_club(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path / "a") as a, \
            running_server(real_engine, tmp_path / "b") as b:  # fmt: skip
        asked = (await a.client.post(command("club", {"name": "Leopards"}))).body["data"]
        menu = asked["components"][0]["components"][0]
        royal = next(o["value"] for o in menu["options"] if o["label"] == "Royal Leopards")
        picked = (await b.client.post(click(asked, menu["custom_id"], values=[royal]))).body
        direct = (await a.client.post(command("club", {"name": "Royal Leopards"}))).body
        assert picked["type"] == 7
        assert picked["data"]["embeds"] == direct["data"]["embeds"]
        stale = await b.client.post(click(asked, menu["custom_id"], values=["99"]))
        assert stale.body["data"] == {"content": "That choice is no longer available.",
                                      "allowed_mentions": {"parse": []}, "flags": 64}  # fmt: skip


async def test_a_club_picked_for_a_question_reruns_what_it_was_understood_as(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path / "a") as a, \
            running_server(real_engine, tmp_path / "b") as b:  # fmt: skip
        asked = (await a.client.post(command("ask", {"question": "Etoile"}))).body["data"]
        assert asked["embeds"][0]["description"].startswith("Understood as `/club Etoile`.")
        menu = asked["components"][0]["components"][0]
        sahel = next(o["value"] for o in menu["options"] if o["label"] == "Étoile du Sahel")
        picked = (await b.client.post(click(asked, menu["custom_id"], values=[sahel]))).body
        direct = await a.client.post(command("club", {"name": "Étoile du Sahel"}))
        assert picked["type"] == 7
        assert picked["data"]["embeds"] == direct.body["data"]["embeds"]


async def test_only_the_asker_may_page_and_forged_ids_are_refused(real_engine, tmp_path):
    async with running_server(real_engine, tmp_path) as w:
        first = (await w.client.post(command("decided", {"method": "aggregate"}))).body["data"]
        following = custom_ids(first)[2]
        other = (await w.client.post(click(first, following, user_id=OTHER_ID))).body
        assert other["type"] == 4 and other["data"]["flags"] == 64
        assert other["data"]["content"] == "Only fan can page through these results."
        forged = following[:-12] + "A" * 12
        other_page = following.replace("|1|", "|9|", 1)
        assert other_page != following
        for custom_id in (forged, other_page, "not ours"):
            refused = (await w.client.post(click(first, custom_id))).body
            assert refused["data"]["content"] == "That choice is no longer available."
        other_secret = tmp_path / "other"
        async with running_server(real_engine, other_secret, id_secret="x" * 32) as elsewhere:
            refused = (await elsewhere.client.post(click(first, following))).body
            assert refused["data"]["content"] == "That choice is no longer available."


@pytest.mark.parametrize(
    ("payload", "title"),
    [
        (command("nosuchcommand"), "Unknown command"),
        (command("tie", {"club": "x" * 101}), "That did not work"),
        (command("tie", {"club": 12}), "That did not work"),
        (command("decided", {"method": "coin toss"}), "That did not work"),
    ],
)
async def test_bad_input_gets_a_polite_private_answer(real_engine, tmp_path, payload, title):
    async with running_server(real_engine, tmp_path) as w:
        answered = await w.client.post(payload)
    assert answered.status == 200
    assert answered.body["data"]["embeds"][0]["title"] == title
    assert answered.body["data"]["flags"] == 64


class Broken:
    """An engine that fails on everything."""

    def __getattr__(self, name: str) -> Any:
        def fail(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("the engine broke")

        return fail


async def test_an_engine_failure_is_logged_and_apologised_for(tmp_path, caplog):
    async with running_server(Broken(), tmp_path) as w:
        asked = await w.client.post(command("tie", {"club": "Simba"}))
        completed = await w.client.post(command("tie", {"club": "Sim"}, focused="club"))
        still = await w.client.post({"type": 1})
    assert asked.status == 200 and asked.body["data"]["flags"] == 64
    assert asked.body["data"]["embeds"][0]["title"] == "Something went wrong"
    assert completed.body == {"type": 8, "data": {"choices": []}}
    assert still.body == {"type": 1}
    assert "interaction failed: /tie {'club': 'Simba'}" in caplog.text


@pytest.mark.parametrize("body", [b"[]", b"null", b'{"type": 99}', b'{"type": 2}', b'"x"'])
async def test_signed_non_interactions_are_400(real_engine, tmp_path, body):
    async with running_server(real_engine, tmp_path) as w:
        assert (await w.client.post(body)).status == 400
