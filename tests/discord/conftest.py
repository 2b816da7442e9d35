"""Spec'd interaction doubles for the adapter's unit tests."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from tests.discord.fakeengine import FakeEngine


def make_interaction(
    engine: Any = None,
    *,
    user_id: int = 1,
    name: str = "fan",
    namespace: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    kind: discord.InteractionType = discord.InteractionType.application_command,
) -> MagicMock:
    interaction = MagicMock(spec=discord.Interaction)
    interaction.type = kind
    interaction.user = MagicMock(spec=discord.User)
    interaction.user.id = user_id
    interaction.user.display_name = name
    interaction.response = MagicMock(spec=discord.InteractionResponse)
    done = {"value": False}

    def responded(*_: Any, **__: Any) -> None:
        if done["value"]:
            raise discord.InteractionResponded(interaction)
        done["value"] = True

    for method in ("send_message", "edit_message", "autocomplete", "defer"):
        setattr(interaction.response, method, AsyncMock(side_effect=responded))
    interaction.response.is_done = MagicMock(side_effect=lambda: done["value"])
    interaction.followup = MagicMock(spec=discord.Webhook)
    interaction.followup.send = AsyncMock()
    interaction.edit_original_response = AsyncMock()
    interaction.namespace = SimpleNamespace(**(namespace or {}))
    interaction.client = SimpleNamespace(engine=engine)
    interaction.data = data or {"name": "tie", "options": [{"name": "club", "value": "x"}]}
    return interaction


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()
