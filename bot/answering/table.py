"""The command table: each command declared once, with its options and the function answering it.

The console grammar, the Discord slash commands, autocomplete and the help
text are all generated from this table, so a command or an option cannot
exist in one place and be missing (or spelled differently) in another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.answering.commands import (
    about,
    ask,
    bracket,
    club,
    decided,
    group,
    headtohead,
    records,
    season,
    settings,
    tie,
    winners,
)
from bot.answering.context import Context
from bot.answering.facts import Facts
from bot.answering.options import Options
from bot.answering.problems import Refused


class Kind(StrEnum):
    """What an option holds: decides its autocomplete and how the console recognises it."""

    CLUB = "club"
    SEASON = "season"
    ROUND = "round"
    COMPETITION = "competition"
    METHOD = "method"
    GROUP = "group"  # a club in the group, or the group's own name ("Group A")
    CHOICE = "choice"  # one of the option's fixed ``choices``
    TEXT = "text"  # free text: a question in plain words (/ask)


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
    "competition", Kind.COMPETITION, "Competition, e.g. CL, CC, AFL (default: all loaded)"
)
SEASON = "Season, e.g. 2012 or 2023-24"
ROUND = "Round, e.g. First round"

COMMANDS: tuple[Command, ...] = (
    Command(
        "tie",
        "How a club's ties (and its group) went",
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
        "A club's path through each season and how far it went",
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
        "Every tie and group match between two clubs",
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
        "A season's stages and champion, or one round",
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
        "group",
        "Group tables and matches of a season",
        (
            Option("season", Kind.SEASON, SEASON, required=True),
            Option("group", Kind.GROUP, "A club in the group, or the group's name (e.g. A)"),
            COMPETITION,
        ),
        group.answer,
        ("groups", "standings", "table"),
    ),
    Command(
        "winners",
        "Each season's final, winner and runner-up; most titles",
        (COMPETITION,),
        winners.answer,
        ("champions", "finals", "honours", "roll"),
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
    Command(  # a picture: the adapters attach it (bot.pictures), the text names what it shows
        "bracket",
        "A season's knockout bracket as a picture",
        (Option("season", Kind.SEASON, SEASON, required=True), COMPETITION),
        bracket.answer,
        ("brackets",),
    ),
    Command("about", "Which seasons and competitions the bot knows", (), about.about, ("info",)),
    Command("help", "How to ask about ties, clubs and seasons", (), about.help, ("commands",)),
    Command(
        "records",
        "Biggest wins, most goals, shoot-outs, titles, runs of wins, comebacks",
        (COMPETITION, Option("season", Kind.SEASON, SEASON)),
        records.answer,
        ("record",),
    ),
    Command(  # runs the command of this table its question maps to (see _ask)
        "ask",
        "A question in plain words, answered by the command it maps to",
        (
            Option(
                "question",
                Kind.TEXT,
                "e.g. who knocked out Simba in 2012, Wydad vs Raja, final 2023-24",
                required=True,
            ),
        ),
        lambda ctx, o: _ask(ctx, o),
        ("question",),
    ),
)

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
BY_WORD: dict[str, Command] = {w: c for c in COMMANDS for w in (c.name, *c.aliases)}


def _run(ctx: Context, command: str, options: Options) -> Facts:
    """A command of this table, its refusal as facts (as the engine would answer it)."""
    try:
        return BY_NAME[command].answer(ctx, options)
    except Refused as refused:
        return refused.refusal


def _ask(ctx: Context, o: Options) -> Facts:
    """/ask: the question is mapped to a command of this very table, which answers it."""
    return ask.answer(ctx, o, lambda command, options: _run(ctx, command, options))
