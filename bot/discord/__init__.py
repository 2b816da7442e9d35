"""The Discord adapter: client, slash commands from the command table, embeds, views.

It only calls the Speaker (``bot.wording.speaker``); it never reads storage.
"""
