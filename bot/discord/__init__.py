"""The Discord adapter: client, cogs, slash commands, embeds. It only calls the engine."""
