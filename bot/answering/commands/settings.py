"""/settings [language] [scope] [replies]: read the request; the adapter stores it."""

from __future__ import annotations

from bot.answering.context import Context
from bot.answering.options import Options
from bot.answering.preferences import (
    AUTOMATIC,
    LANGUAGES,
    REPLIES,
    SCOPES,
    SettingsFacts,
    SettingsRequest,
    UnknownChoice,
    read_language,
    read_replies,
    read_scope,
)
from bot.answering.problems import Refusal, Refused
from bot.answering.query import Query


def _refuse(option: str, text: str, choices: tuple[str, ...]) -> Refused:
    return Refused(Refusal("settings", UnknownChoice(option, text, choices)))


def answer(ctx: Context, o: Options) -> SettingsFacts:
    raw_language, raw_scope, raw_replies = o.get("language"), o.get("scope"), o.get("replies")
    language = read_language(raw_language)
    if raw_language and raw_language.strip() and language is None:
        raise _refuse("language", raw_language, (*LANGUAGES, AUTOMATIC))
    scope = read_scope(raw_scope)
    if raw_scope and raw_scope.strip() and scope is None:
        raise _refuse("scope", raw_scope, SCOPES)
    replies = read_replies(raw_replies)
    if raw_replies and raw_replies.strip() and replies is None:
        raise _refuse("replies", raw_replies, REPLIES)
    return SettingsFacts(Query(), SettingsRequest(language, scope or "me", replies))
