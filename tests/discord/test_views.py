"""Pager and candidate views, and the one error handler."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from unittest.mock import AsyncMock

import discord
import pytest
from discord import app_commands

from bot.discord.embeds import notice
from bot.discord.errors import APOLOGY, TieTree, describe
from bot.discord.views import CandidateView, PagerView
from tests.discord.conftest import make_interaction


def pages(n):
    return [notice(f"page {i}") for i in range(n)]


async def test_pager_pages_for_its_owner():
    owner = make_interaction(user_id=1).user
    view = PagerView(pages(3), owner)
    assert view.previous.disabled and not view.next.disabled and view.counter.label == "1/3"
    click = make_interaction(user_id=1)
    assert await view.interaction_check(click)
    await view.next.callback(click)
    kwargs = click.response.edit_message.await_args.kwargs
    assert kwargs["embed"].title == "page 1" and view.counter.label == "2/3"
    for _ in range(3):
        await view.next.callback(make_interaction(user_id=1))
    assert view.index == 2 and view.next.disabled and not view.previous.disabled


async def test_pager_refuses_others_ephemerally_without_pinging():
    view = PagerView(pages(2), make_interaction(user_id=1, name="**Bob** @everyone").user)
    other = make_interaction(user_id=2)
    assert not await view.interaction_check(other)
    kwargs = other.response.send_message.await_args.kwargs
    text = other.response.send_message.await_args.args[0]
    assert kwargs["ephemeral"] is True
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert text.startswith("Only \\*\\*Bob\\*\\*") and "@everyone" not in text
    assert "page through" in text


async def test_timeout_disables_components_on_the_message():
    asker = make_interaction(user_id=1)
    view = PagerView(pages(2), asker.user)
    view.bind(asker)
    await view.on_timeout()
    assert all(item.disabled for item in view.children)
    asker.edit_original_response.assert_awaited_once()
    followup_message = AsyncMock(spec=discord.WebhookMessage)
    view.bind(asker, followup_message)
    await view.on_timeout()
    followup_message.edit.assert_awaited_once()


async def test_timeout_edit_failure_is_swallowed():
    asker = make_interaction(user_id=1)
    response = AsyncMock(status=404, reason="gone")
    asker.edit_original_response.side_effect = discord.NotFound(response, "Unknown Message")
    view = CandidateView(["A"], asker.user, AsyncMock())
    view.bind(asker)
    await view.on_timeout()  # the 404 is swallowed, not raised
    asker.edit_original_response.assert_awaited_once()  # the edit was attempted
    assert all(item.disabled for item in view.children)  # and the view still disabled itself


async def test_candidate_view_caps_options_and_guards_bad_values():
    on_pick = AsyncMock()
    names = [f"Club {i}" for i in range(30)] + ["Club 1", "X" * 150]
    view = CandidateView(names, make_interaction(user_id=1).user, on_pick)
    assert len(view.select.options) == 25
    assert all(len(o.label) <= 100 for o in view.select.options)
    picker = make_interaction(user_id=1)
    view.select._values = ["99"]
    await view.select.callback(picker)
    on_pick.assert_not_awaited()
    assert picker.response.send_message.await_args.kwargs["ephemeral"] is True
    view.select._values = ["3"]
    await view.select.callback(make_interaction(user_id=1))
    assert on_pick.await_args.args[1] == "Club 3"


async def test_view_error_is_logged_and_apologised(caplog):
    view = PagerView(pages(2), make_interaction(user_id=1).user)
    interaction = make_interaction(user_id=1, data={"custom_id": "abc", "component_type": 2})
    await view.on_error(interaction, RuntimeError("kaput"), view.next)
    assert "component Button failed" in caplog.text and "kaput" in caplog.text
    assert APOLOGY in interaction.response.send_message.await_args.kwargs["embed"].description


@pytest.fixture
def tree():
    return TieTree(discord.Client(intents=discord.Intents.none()))


async def test_tree_logs_command_and_options_and_apologises(tree, caplog):
    data = {"name": "tie", "options": [{"name": "club", "type": 3, "value": "Simba"}]}
    interaction = make_interaction(data=data)
    command = SimpleNamespace(name="tie")
    try:
        raise ValueError("bad")
    except ValueError as exc:
        error = app_commands.CommandInvokeError(command, exc)  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR):
        await tree.on_error(interaction, error)
    assert "command /tie {'club': 'Simba'} failed" in caplog.text
    assert "ValueError: bad" in caplog.text
    kwargs = interaction.response.send_message.await_args.kwargs
    assert kwargs["ephemeral"] is True and kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_tree_uses_followup_when_already_responded(tree):
    interaction = make_interaction()
    await interaction.response.defer()
    await tree.on_error(interaction, app_commands.AppCommandError("x"))
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True


async def test_tree_answers_autocomplete_failures_with_no_choices(tree):
    interaction = make_interaction(kind=discord.InteractionType.autocomplete)
    await tree.on_error(interaction, app_commands.CommandNotFound("gone", []))
    interaction.response.autocomplete.assert_awaited_once_with([])


async def test_tree_survives_a_failing_apology(tree, caplog):
    interaction = make_interaction()
    response = AsyncMock(status=500, reason="boom")
    interaction.response.send_message.side_effect = discord.HTTPException(response, "boom")
    await tree.on_error(interaction, app_commands.AppCommandError("x"))
    assert "could not send an error reply" in caplog.text


async def test_transformer_and_check_errors_are_polite(tree):
    interaction = make_interaction()
    await tree.on_error(interaction, app_commands.CheckFailure("nope <@1>"))
    embed = interaction.response.send_message.await_args.kwargs["embed"]
    assert embed.title == "That did not work" and "<@1>" not in (embed.description or "")


def test_describe_component_interaction():
    interaction = make_interaction(data={"custom_id": "x1", "values": ["2"]})
    assert describe(interaction) == "component 'x1' values=['2']"
