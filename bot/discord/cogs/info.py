"""/about and /help: what the bot knows and how to ask it."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.ports import EngineLike
from bot.discord.reply import Query, respond

installs = app_commands.allowed_installs(guilds=True, users=True)
contexts = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)


class InfoCog(commands.Cog, name="Info"):
    def __init__(self, engine: EngineLike) -> None:
        self.engine = engine

    @app_commands.command(name="about", description="Which seasons and competitions the bot knows")
    @installs
    @contexts
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, self.engine, Query.of("about"))

    @app_commands.command(name="help", description="How to ask about ties, clubs and seasons")
    @installs
    @contexts
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, self.engine, Query.of("help"))
