"""Languages and reply settings as data: what ``/settings`` asks for, and what is in force.

The engine only reads and checks the request (so the console and Discord accept the
same words); storing it is the adapter's job, and the wording layer says what happened.
Nothing here knows where settings are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answering.query import Query
from bot.domain.names import fold

SOURCE_LANGUAGE = "en"
# CAF's working languages; English is the language the messages are written in.
LANGUAGES: tuple[str, ...] = ("en", "fr", "ar", "pt")
AUTOMATIC = "auto"  # a language choice that removes the choice (follow the server or Discord)
SCOPES: tuple[str, ...] = ("me", "server")
REPLIES: tuple[str, ...] = ("public", "private")

# How fans may type a language in the console: code, English, French, Portuguese or own name.
_LANGUAGE_WORDS: dict[str, str] = {
    **{code: code for code in LANGUAGES},
    "english": "en", "anglais": "en", "ingles": "en", "انجليزيه": "en", "انكليزيه": "en",
    "french": "fr", "francais": "fr", "frances": "fr", "فرنسيه": "fr",
    "arabic": "ar", "arabe": "ar", "عربيه": "ar",
    "portuguese": "pt", "portugais": "pt", "portugues": "pt", "برتغاليه": "pt",
    "pt-br": "pt", "pt-pt": "pt", "pt_br": "pt", "pt_pt": "pt",
    AUTOMATIC: AUTOMATIC, "automatic": AUTOMATIC, "default": AUTOMATIC, "reset": AUTOMATIC,
}  # fmt: skip
_SCOPE_WORDS = {"me": "me", "user": "me", "mine": "me", "server": "server", "guild": "server"}
_REPLY_WORDS = {"public": "public", "everyone": "public", "private": "private",
                "ephemeral": "private", "me": "private"}  # fmt: skip


def read_language(text: str | None) -> str | None:
    """``fr``, "Français", "arabic", "العربية", "auto"… → a code of LANGUAGES or AUTOMATIC."""
    if text is None:
        return None
    raw = text.strip().lower()
    return _LANGUAGE_WORDS.get(raw) or _LANGUAGE_WORDS.get(fold(raw).replace(" ", ""))


def read_scope(text: str | None) -> str | None:
    return _SCOPE_WORDS.get(fold(text or "").replace(" ", "")) if text else None


def read_replies(text: str | None) -> str | None:
    return _REPLY_WORDS.get(fold(text or "").replace(" ", "")) if text else None


@dataclass(frozen=True, slots=True)
class SettingsRequest:
    """What ``/settings`` asked: each field None when not given.

    ``language`` is a code of LANGUAGES or AUTOMATIC; ``scope`` says whose language
    ("me" or "server"); ``replies`` is "public" or "private" (always the server's).
    """

    language: str | None = None
    scope: str = "me"
    replies: str | None = None

    @property
    def changes(self) -> bool:
        return self.language is not None or self.replies is not None


@dataclass(frozen=True, slots=True)
class SettingsState:
    """The settings in force for one asker, as the adapter that stores them found them.

    ``source`` says where ``language`` came from: "user", "server", "locale" (the
    interaction's language) or "default".  ``problem`` is why a change was not made:
    "not_manager", "no_server" or "unavailable" (the settings file cannot be used).
    """

    language: str
    source: str
    user_language: str | None = None
    server_language: str | None = None
    private: bool = False
    in_server: bool = False
    saved: bool = False
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class SettingsFacts:
    """``/settings``: the request, and (from the adapter) the settings in force after it."""

    query: Query
    request: SettingsRequest
    state: SettingsState | None = None  # None where nothing stores settings (the console)


@dataclass(frozen=True, slots=True)
class UnknownChoice:
    """An option of fixed choices got a value that is none of them."""

    option: str  # "language", "scope" or "replies"
    text: str
    choices: tuple[str, ...]
