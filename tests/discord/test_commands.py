"""Command callbacks and autocomplete, driven with spec'd interaction doubles."""

from __future__ import annotations

from types import SimpleNamespace

import discord
import pytest
from discord import app_commands

from bot.discord import autocomplete as ac
from bot.discord.commands import METHOD_CHOICES, slash_commands
from bot.discord.views import CandidateView, PagerView
from tests.discord.conftest import make_interaction


def command(engine, name):
    """The generated slash command ``name`` (from the command table)."""
    return {c.name: c for c in slash_commands(engine)}[name]


def silent(mentions: discord.AllowedMentions) -> bool:
    return mentions.to_dict() == {"parse": []}


def sent(interaction):
    interaction.response.send_message.assert_awaited_once()
    return interaction.response.send_message.await_args.kwargs


async def test_tie_answers_publicly_with_an_embed(engine):
    interaction = make_interaction(engine)
    await command(engine, "tie").callback(interaction, club="Kabylie", season="2017", round=None,
                           competition=None)  # fmt: skip
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is False
    assert silent(kwargs["allowed_mentions"])
    assert kwargs["embed"].title == "🇩🇿 JS Kabylie: ties"
    assert "view" not in kwargs
    assert engine.calls[-1] == ("tie", {"club": "Kabylie", "season": "2017", "round": None,
                                        "competition": None})  # fmt: skip


@pytest.mark.parametrize(
    ("name", "args", "call"),
    [
        ("club", {"name": "Masry", "season": None, "competition": None}, "club"),
        ("headtohead", {"club_a": "Masry", "club_b": "Ubah", "competition": None}, "headtohead"),
        ("season", {"season": "2017", "round": "Preliminary round", "competition": None},
         "season"),
    ],
)  # fmt: skip
async def test_each_ties_command_calls_its_engine_method(engine, name, args, call):
    interaction = make_interaction(engine)
    await command(engine, name).callback(interaction, **args)
    assert engine.calls[-1][0] == call
    assert sent(interaction)["embed"].fields


async def test_decided_uses_the_choice_value(engine):
    interaction = make_interaction(engine)
    penalties = next(c for c in METHOD_CHOICES if c.value == "penalties")
    await command(engine, "decided").callback(
        interaction, method=penalties, season=None, competition=None
    )
    assert engine.calls[-1] == ("decided", {"method": "penalties", "season": None})
    assert "Al-Masry" in sent(interaction)["embed"].fields[0].name


async def test_about_and_help(engine):
    for name, title in (("about", "About tiebot"), ("help", "How to ask")):
        interaction = make_interaction(engine)
        await command(engine, name).callback(interaction)
        assert sent(interaction)["embed"].title == title


async def test_not_found_is_ephemeral_and_echo_is_escaped(engine):
    interaction = make_interaction(engine)
    await command(engine, "club").callback(interaction, name="**nobody** @everyone", season=None,
                            competition=None)  # fmt: skip
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True
    description = kwargs["embed"].description
    assert "\\*\\*nobody\\*\\*" in description and "@everyone" not in description


async def test_long_answer_gets_a_pager(engine):
    interaction = make_interaction(engine)
    await command(engine, "tie").callback(interaction, club="many", season=None, round=None,
                           competition=None)  # fmt: skip
    kwargs = sent(interaction)
    assert isinstance(kwargs["view"], PagerView)
    assert len(kwargs["view"].pages) > 1
    assert kwargs["embed"] is kwargs["view"].pages[0]


async def test_ambiguous_name_offers_candidates_and_pick_reruns_same_call(engine):
    interaction = make_interaction(engine)
    await command(engine, "tie").callback(interaction, club="Etoile", season="2017", round=None,
                           competition=None)  # fmt: skip
    view = sent(interaction)["view"]
    assert isinstance(view, CandidateView)
    assert [o.label for o in view.select.options] == ["Étoile du Congo", "Étoile du Sahel"]
    picker = make_interaction(engine)
    view.select._values = ["1"]  # what discord.py fills in from the component payload
    picker.data = {"custom_id": view.select.custom_id, "values": ["1"]}
    await view.select.callback(picker)
    assert engine.calls[-1] == ("tie", {"club": "Étoile du Sahel", "season": "2017",
                                        "round": None, "competition": None})  # fmt: skip
    edited = picker.response.edit_message.await_args.kwargs
    assert edited["embed"].title == "🇹🇳 Étoile du Sahel: ties"
    assert edited["view"] is None and silent(edited["allowed_mentions"])


async def test_club_command_maps_ambiguity_to_its_name_option(engine):
    interaction = make_interaction(engine)
    await command(engine, "club").callback(
        interaction, name="Etoile", season=None, competition=None
    )
    view = sent(interaction)["view"]
    picker = make_interaction(engine)
    view.select._values = ["0"]
    await view.select.callback(picker)
    assert engine.calls[-1] == ("club", {"name": "Étoile du Congo", "season": None,
                                         "competition": None})  # fmt: skip


async def test_already_responded_falls_back_to_followup(engine):
    interaction = make_interaction(engine)
    await interaction.response.defer()
    await command(engine, "tie").callback(interaction, club="Kabylie", season=None, round=None,
                           competition=None)  # fmt: skip
    kwargs = interaction.followup.send.await_args.kwargs
    assert silent(kwargs["allowed_mentions"]) and kwargs["embed"].fields


def test_every_command_and_option_is_described_and_installable_everywhere(engine):
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    for slash in slash_commands(engine):
        tree.add_command(slash)
    payload = [c.to_dict(tree) for c in tree.get_commands()]
    assert {c["name"] for c in payload} == {
        "tie", "club", "headtohead", "season", "decided", "group", "winners", "settings", "bracket",
        "about", "help", "records", "ask",
    }  # fmt: skip
    for command in payload:
        assert command["description"]
        assert sorted(command["integration_types"]) == [0, 1]
        assert sorted(command["contexts"]) == [0, 1, 2]
        for option in command.get("options", []):
            assert option["description"], (command["name"], option["name"])
    tie = next(c for c in payload if c["name"] == "tie")
    assert {o["name"]: o.get("autocomplete", False) for o in tie["options"]} == {
        "club": True,
        "season": True,
        "round": True,
        "competition": True,
    }
    group = next(c for c in payload if c["name"] == "group")
    assert [(o["name"], o.get("required", False), o.get("autocomplete", False))
            for o in group["options"]] == [("season", True, True), ("group", False, True),
                                           ("competition", False, True)]  # fmt: skip
    winners = next(c for c in payload if c["name"] == "winners")
    assert [(o["name"], o.get("required", False), o.get("autocomplete", False))
            for o in winners["options"]] == [("competition", False, True)]  # fmt: skip
    ask = next(c for c in payload if c["name"] == "ask")
    assert [(o["name"], o["type"], o.get("required", False), o.get("autocomplete", False),
             o.get("max_length")) for o in ask["options"]] == [
        ("question", 3, True, False, 100)]  # fmt: skip
    records = next(c for c in payload if c["name"] == "records")
    assert [(o["name"], o.get("required", False), o.get("autocomplete", False))
            for o in records["options"]] == [("competition", False, True),
                                             ("season", False, True)]  # fmt: skip
    decided = next(c for c in payload if c["name"] == "decided")
    method = next(o for o in decided["options"] if o["name"] == "method")
    assert [c["value"] for c in method["choices"]] == ["aggregate", "away_goals", "penalties",
                                                       "walkover", "withdrawal"]  # fmt: skip


async def test_club_autocomplete_uses_engine_index(engine):
    interaction = make_interaction(engine)
    choices = await ac.club(interaction, "etoile")
    assert [c.value for c in choices] == ["Étoile du Sahel", "Étoile du Congo"]


async def test_season_autocomplete_reads_the_typed_club(engine):
    interaction = make_interaction(engine, namespace={"club": "Kabylie"})
    interaction.command = SimpleNamespace(name="tie")
    assert [c.value for c in await ac.season(interaction, "")] == ["2017"]
    assert engine.calls[-1] == ("complete_season", {"text": "", "club": "Kabylie"})
    interaction = make_interaction(engine, namespace={"name": "Nobody FC"})
    interaction.command = SimpleNamespace(name="club")  # /club calls its club option "name"
    assert await ac.season(interaction, "") == []
    assert engine.calls[-1] == ("complete_season", {"text": "", "club": "Nobody FC"})
    interaction = make_interaction(engine, namespace={"club": "Kabylie"})
    interaction.command = SimpleNamespace(name="season")  # no club option: all seasons
    await ac.season(interaction, "20")
    assert engine.calls[-1] == ("complete_season", {"text": "20", "club": None})


async def test_round_and_competition_autocomplete_filter(engine):
    interaction = make_interaction(engine)
    assert next(c.value for c in await ac.round_name(interaction, "round")) == "Preliminary round"
    assert [c.value for c in await ac.round_name(interaction, "play")] == ["Play-off round"]
    assert [c.value for c in await ac.competition(interaction, "conf")] == ["CAF Confederation Cup"]
    assert [c.value for c in await ac.competition(interaction, "C2")] == ["CAF Confederation Cup"]


async def test_group_autocomplete_reads_the_typed_season(engine):
    interaction = make_interaction(engine, namespace={"season": "2017"})
    assert [c.value for c in await ac.group(interaction, "kaby")] == ["JS Kabylie"]
    assert engine.calls[-1] == ("complete_group", {"text": "kaby", "season": "2017"})
    interaction = make_interaction(engine, namespace={})
    await ac.group(interaction, "")
    assert engine.calls[-1] == ("complete_group", {"text": "", "season": None})


def test_choices_are_capped_and_cut():
    names = [f"{i} {'N' * 150}" for i in range(40)] + ["", "dup", "dup"]
    choices = ac.to_choices(names)
    assert len(choices) == 25
    assert all(len(c.name) <= 100 and len(c.value) <= 100 for c in choices)
    assert choices[0].name.endswith("…")


async def test_autocomplete_survives_engine_failure(engine, caplog):
    def broken(*_a, **_k):
        raise RuntimeError("index gone")

    engine.complete_club = broken
    assert await ac.club(make_interaction(engine), "x") == []
    assert "autocomplete for club failed" in caplog.text
