"""Wording: the only place that turns facts into sentences and Markdown.

Every message the bot writes is built here, one function per message, so a
language can be plugged in at one seam (``speaker.Speaker``).
"""
