"""The Arabic picture words, from the Arabic catalog (as the bot draws for Arabic readers)."""

from __future__ import annotations

from bot.wording.pictures import words_for

ARABIC = words_for("ar")
