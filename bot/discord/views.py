"""Interactive components: a pager for long answers and a picker for ambiguous names.

Only the person who asked may page or pick (others get an ephemeral note);
when a view times out its components are disabled on the message so nobody
clicks a dead button.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.discord.embeds import NO_MENTIONS
from bot.discord.errors import apologise, describe
from bot.domain.names import clip

log = logging.getLogger(__name__)
VIEW_TIMEOUT = 180.0
SELECT_MAX = 25


def _display(user: discord.abc.User) -> str:
    """A user's name, safe to echo: no Markdown, no mentions."""
    name = discord.utils.escape_markdown(user.display_name)
    return discord.utils.escape_mentions(name)


class OwnedView(discord.ui.View):
    """A view only its owner may use; disables itself on timeout."""

    def __init__(self, owner: discord.abc.User, *, timeout: float | None = VIEW_TIMEOUT) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner.id
        self.owner_name = _display(owner)
        self.bound: discord.Interaction[Any] | None = None
        self.message: discord.WebhookMessage | None = None
        self.verb = "use"

    def bind(
        self, interaction: discord.Interaction[Any], message: discord.WebhookMessage | None = None
    ) -> None:
        """Remember where this view is shown (to edit it on timeout): the interaction's
        original response, or a follow-up ``message`` when it was sent as one."""
        self.bound = interaction
        self.message = message

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            f"Only {self.owner_name} can {self.verb} these results.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    def disable_all(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True

    async def on_timeout(self) -> None:
        self.disable_all()
        try:
            if self.message is not None:
                await self.message.edit(view=self, allowed_mentions=NO_MENTIONS)
            elif self.bound is not None:
                await self.bound.edit_original_response(view=self, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:  # message deleted, token expired: nothing to do
            log.debug("could not disable an expired view: %s", exc)

    async def on_error(
        self,
        interaction: discord.Interaction[Any],
        error: Exception,
        item: discord.ui.Item[Any],
        /,
    ) -> None:
        log.error("component %s failed (%s)", type(item).__name__, describe(interaction),
                  exc_info=error)  # fmt: skip
        await apologise(interaction)


class PagerView(OwnedView):
    """◀ / ▶ buttons over pre-built embeds; a disabled middle button shows the page."""

    def __init__(
        self,
        pages: Sequence[discord.Embed],
        owner: discord.abc.User,
        *,
        timeout: float | None = VIEW_TIMEOUT,
    ) -> None:
        super().__init__(owner, timeout=timeout)
        self.verb = "page through"
        self.pages = list(pages)
        self.index = 0
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def _show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._sync()
        self.bind(interaction)
        await interaction.response.edit_message(
            embed=self.pages[self.index], view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:  # pragma: no cover - disabled, Discord never sends a click
        await interaction.response.defer()

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, self.index + 1)


Picked = Callable[[discord.Interaction[Any], str], Awaitable[None]]


class CandidateView(OwnedView):
    """A select menu of the clubs an ambiguous name could mean; picking re-asks the engine."""

    def __init__(
        self,
        candidates: Sequence[str],
        owner: discord.abc.User,
        on_pick: Picked,
        *,
        placeholder: str = "Which club did you mean?",
        timeout: float | None = VIEW_TIMEOUT,
    ) -> None:
        super().__init__(owner, timeout=timeout)
        self.verb = "choose from"
        self.candidates = list(dict.fromkeys(c for c in candidates if c))[:SELECT_MAX]
        self.on_pick = on_pick
        self.select: discord.ui.Select[Any] = discord.ui.Select(
            placeholder=clip(placeholder, 150),
            options=[
                discord.SelectOption(label=clip(name, 100), value=str(i))
                for i, name in enumerate(self.candidates)
            ],
        )
        self.select.callback = self._picked  # type: ignore[method-assign]
        self.add_item(self.select)

    async def _picked(self, interaction: discord.Interaction[Any]) -> None:
        try:
            choice = self.candidates[int(self.select.values[0])]
        except (IndexError, ValueError):
            await interaction.response.send_message(
                "That choice is no longer available.", ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        self.stop()
        await self.on_pick(interaction, choice)
