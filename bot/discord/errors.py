"""The one error path: log what failed with its options, apologise briefly, keep running."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.discord.embeds import NO_MENTIONS, notice

log = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong while answering. It has been logged; please try again."


def _flatten(options: Any, out: dict[str, Any]) -> None:
    for option in options or ():
        if isinstance(option, dict):
            if "value" in option:
                out[str(option.get("name"))] = option["value"]
            _flatten(option.get("options"), out)


def describe(interaction: discord.Interaction[Any]) -> str:
    """``/command {options}`` (or the component id) for a log line."""
    data: Any = interaction.data or {}
    options: dict[str, Any] = {}
    _flatten(data.get("options"), options)
    if "name" in data:
        return f"/{data['name']} {options!r}"
    return f"component {data.get('custom_id', '?')!r} values={data.get('values', [])!r}"


async def reply_ephemeral(interaction: discord.Interaction[Any], embed: discord.Embed) -> None:
    """Send an ephemeral embed whether or not the interaction was already answered."""
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            if not interaction.response.is_done():
                await interaction.response.autocomplete([])
            return
        if interaction.response.is_done():
            await interaction.followup.send(
                embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
        else:
            try:
                await interaction.response.send_message(
                    embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
            except discord.InteractionResponded:
                await interaction.followup.send(
                    embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
    except discord.HTTPException as exc:
        log.warning("could not send an error reply for %s: %s", describe(interaction), exc)


async def apologise(interaction: discord.Interaction[Any]) -> None:
    await reply_ephemeral(interaction, notice("Something went wrong", APOLOGY))


class TieTree(app_commands.CommandTree[Any]):
    """A command tree whose ``on_error`` answers politely instead of failing silently."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /
    ) -> None:
        if isinstance(error, app_commands.CommandNotFound):
            log.warning("unknown command %s (stale command list?)", describe(interaction))
            await reply_ephemeral(
                interaction,
                notice("Unknown command", "This command is not available any more; try /help."),
            )
            return
        if isinstance(error, app_commands.TransformerError | app_commands.CheckFailure):
            log.info("rejected %s: %s", describe(interaction), error)
            await reply_ephemeral(
                interaction,
                notice("That did not work", "One of the options has a value I cannot use."),
            )
            return
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        log.error("command %s failed", describe(interaction), exc_info=original)
        await apologise(interaction)
