"""Command names, descriptions, options and choices in the user's Discord language.

discord.py asks a ``Translator`` for each text of each command when it builds the payload
it syncs; this one answers from the same gettext catalogs as the answers, so the
``name_localizations`` and ``description_localizations`` Discord receives for ``fr`` and
``pt-BR`` are the translators' work in ``bot/wording/locales``.  Discord has no Arabic locale
(Arabic readers choose it with /settings), and English is the commands' own text.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.discord.preferences import locale_language
from bot.wording.i18n.extract import CHOICE, COMMAND_NAME, OPTION_NAME
from bot.wording.i18n.words import words_for

# Discord's locales with a catalog: only these get localizations in the payload.
LOCALIZED: frozenset[discord.Locale] = frozenset({discord.Locale.french,
                                                  discord.Locale.brazil_portuguese})  # fmt: skip
_CONTEXT: dict[Where, str | None] = {
    Where.command_name: COMMAND_NAME,
    Where.group_name: COMMAND_NAME,
    Where.parameter_name: OPTION_NAME,
    Where.choice_name: CHOICE,
    Where.command_description: None,
    Where.group_description: None,
    Where.parameter_description: None,
}


class CatalogTranslator(app_commands.Translator):
    """Translations of the command table from the message catalogs."""

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: Any
    ) -> str | None:
        return translate(string.message, locale, context.location)


def translate(message: str, locale: discord.Locale, where: Where) -> str | None:
    """The text for ``locale``, or None to keep the English one (no catalog, or no entry)."""
    if locale not in LOCALIZED or where not in _CONTEXT:
        return None
    return words_for(locale_language(locale)).lookup(message, _CONTEXT[where])
