"""Slash commands about ties: /tie, /club, /headtohead, /season, /decided.

The optional ``competition`` option is always present (Discord cannot show
an option conditionally without a re-sync); it autocompletes from the loaded
competitions and may be left empty when only one is loaded.  ``round``
autocompletes from the loaded round names; ``method`` offers fixed choices.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import autocomplete as ac
from bot.discord.ports import EngineLike
from bot.discord.reply import Query, respond
from bot.domain.models import DecidedBy

Text = app_commands.Range[str, 1, 100]
METHOD_LABELS = {
    DecidedBy.AGGREGATE: "Aggregate score",
    DecidedBy.AWAY_GOALS: "Away goals",
    DecidedBy.PENALTIES: "Penalty shoot-out",
    DecidedBy.WALKOVER: "Walkover",
    DecidedBy.WITHDRAWAL: "Withdrawal",
}
METHOD_CHOICES = [app_commands.Choice(name=METHOD_LABELS[m], value=m.value) for m in METHOD_LABELS]
COMPETITION = "Competition (only needed when several are loaded)"
SEASON = "Season, e.g. 2012 or 2023-24"
ROUND = "Round, e.g. First round"
installs = app_commands.allowed_installs(guilds=True, users=True)
contexts = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)


class TiesCog(commands.Cog, name="Ties"):
    """Commands that look up ties; each builds a Query and lets ``respond`` answer."""

    def __init__(self, engine: EngineLike) -> None:
        self.engine = engine

    @app_commands.command(name="tie", description="How a club's knockout tie went")
    @app_commands.describe(club="Club name (any spelling)", season=SEASON, round=ROUND,
                           competition=COMPETITION)  # fmt: skip
    @app_commands.autocomplete(club=ac.club, season=ac.season, round=ac.round_name,
                               competition=ac.competition)  # fmt: skip
    @installs
    @contexts
    async def tie(
        self,
        interaction: discord.Interaction[Any],
        club: Text,
        season: Text | None = None,
        round: Text | None = None,
        competition: Text | None = None,
    ) -> None:
        query = Query.of("tie", club=club, season=season, round=round, competition=competition)
        await respond(interaction, self.engine, query)

    @app_commands.command(name="club", description="Every knockout tie of a club")
    @app_commands.describe(name="Club name (any spelling)", season=SEASON, competition=COMPETITION)
    @app_commands.autocomplete(name=ac.club, season=ac.season, competition=ac.competition)
    @installs
    @contexts
    async def club(
        self,
        interaction: discord.Interaction[Any],
        name: Text,
        season: Text | None = None,
        competition: Text | None = None,
    ) -> None:
        query = Query.of("club", name=name, season=season, competition=competition)
        await respond(interaction, self.engine, query)

    @app_commands.command(name="headtohead", description="Every tie between two clubs")
    @app_commands.describe(club_a="First club", club_b="Second club", competition=COMPETITION)
    @app_commands.autocomplete(club_a=ac.club, club_b=ac.club, competition=ac.competition)
    @installs
    @contexts
    async def headtohead(
        self,
        interaction: discord.Interaction[Any],
        club_a: Text,
        club_b: Text,
        competition: Text | None = None,
    ) -> None:
        query = Query.of("headtohead", club_a=club_a, club_b=club_b, competition=competition)
        await respond(interaction, self.engine, query)

    @app_commands.command(name="season", description="All ties of a season, or of one round")
    @app_commands.describe(season=SEASON, round=ROUND, competition=COMPETITION)
    @app_commands.autocomplete(season=ac.season, round=ac.round_name, competition=ac.competition)
    @installs
    @contexts
    async def season(
        self,
        interaction: discord.Interaction[Any],
        season: Text,
        round: Text | None = None,
        competition: Text | None = None,
    ) -> None:
        query = Query.of("season", season=season, round=round, competition=competition)
        await respond(interaction, self.engine, query)

    @app_commands.command(name="decided", description="Ties decided a given way")
    @app_commands.describe(method="How the tie was decided", season=SEASON,
                           competition=COMPETITION)  # fmt: skip
    @app_commands.choices(method=METHOD_CHOICES)
    @app_commands.autocomplete(season=ac.season, competition=ac.competition)
    @installs
    @contexts
    async def decided(
        self,
        interaction: discord.Interaction[Any],
        method: app_commands.Choice[str],
        season: Text | None = None,
        competition: Text | None = None,
    ) -> None:
        query = Query.of("decided", method=method.value, season=season, competition=competition)
        await respond(interaction, self.engine, query)
