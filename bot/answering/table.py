"""The command table: each command declared once, with its options and the function answering it.

The console grammar, the Discord slash commands, autocomplete and the help
text are all generated from this table, so a command or an option cannot
exist in one place and be missing (or spelled differently) in another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.answering.commands import about, club, decided, headtohead, season, settings, tie
from bot.answering.context import Context
from bot.answering.facts import Facts
from bot.answering.options import Options


class Kind(StrEnum):
    """What an option holds: decides its autocomplete and how the console recognises it."""

    CLUB = "club"
    SEASON = "season"
    ROUND = "round"
    COMPETITION = "competition"
    METHOD = "method"
    CHOICE = "choice"  # one of the option's fixed ``choices``


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    kind: Kind
    description: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (label, value) for Kind.CHOICE


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str
    options: tuple[Option, ...]
    answer: Callable[[Context, Options], Facts]
    aliases: tuple[str, ...] = ()  # other words the console accepts ("h2h", "ties")

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    def of_kind(self, kind: Kind) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.kind is kind)


COMPETITION = Option(
    "competition", Kind.COMPETITION, "Competition (only needed when several are loaded)"
)
SEASON = "Season, e.g. 2012 or 2023-24"
ROUND = "Round, e.g. First round"

COMMANDS: tuple[Command, ...] = (
    Command(
        "tie",
        "How a club's knockout tie went",
        (
            Option("club", Kind.CLUB, "Club name (any spelling)", required=True),
            Option("season", Kind.SEASON, SEASON),
            Option("round", Kind.ROUND, ROUND),
            COMPETITION,
        ),
        tie.answer,
        ("ties",),
    ),
    Command(
        "club",
        "Every knockout tie of a club",
        (
            Option("name", Kind.CLUB, "Club name (any spelling)", required=True),
            Option("season", Kind.SEASON, SEASON),
            COMPETITION,
        ),
        club.answer,
        ("team",),
    ),
    Command(
        "headtohead",
        "Every tie between two clubs",
        (
            Option("club_a", Kind.CLUB, "First club", required=True),
            Option("club_b", Kind.CLUB, "Second club", required=True),
            COMPETITION,
        ),
        headtohead.answer,
        ("head2head", "h2h", "vs"),
    ),
    Command(
        "season",
        "All ties of a season, or of one round",
        (
            Option("season", Kind.SEASON, SEASON, required=True),
            Option("round", Kind.ROUND, ROUND),
            COMPETITION,
        ),
        season.answer,
    ),
    Command(
        "decided",
        "Ties decided a given way",
        (
            Option("method", Kind.METHOD, "How the tie was decided", required=True),
            Option("season", Kind.SEASON, SEASON),
            COMPETITION,
        ),
        decided.answer,
    ),
    Command(
        "settings",
        "Your language, or this server's language and reply visibility",
        (
            Option(
                "language",
                Kind.CHOICE,
                "The language answers are written in",
                choices=(
                    ("English", "en"),
                    ("Français (French)", "fr"),
                    ("العربية (Arabic)", "ar"),
                    ("Português (Portuguese)", "pt"),
                    ("Automatic: the server's or Discord's language", "auto"),
                ),
            ),
            Option(
                "scope",
                Kind.CHOICE,
                "Whose language: yours (default) or the whole server's",
                choices=(("Just me", "me"), ("This server (Manage Server)", "server")),
            ),
            Option(
                "replies",
                Kind.CHOICE,
                "Whether answers in this server are shown to everyone (Manage Server)",
                choices=(
                    ("Public: everyone sees answers", "public"),
                    ("Private: only the asker sees answers", "private"),
                ),
            ),
        ),
        settings.answer,
        ("preferences", "language", "lang"),
    ),
    Command("about", "Which seasons and competitions the bot knows", (), about.about, ("info",)),
    Command("help", "How to ask about ties, clubs and seasons", (), about.help, ("commands",)),
)

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
BY_WORD: dict[str, Command] = {w: c for c in COMMANDS for w in (c.name, *c.aliases)}
