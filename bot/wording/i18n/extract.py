"""Messages of the command table for the catalogs: a Babel extraction method.

Discord shows command and option names, descriptions and choices in the user's
language, so they are catalog messages like any sentence.  They are declared once, as
data, in ``bot.answering.table`` (and the /decided choices in ``bot.wording.guide``), so
this method reads them from there instead of asking for markers around each string.
``babel.cfg`` maps ``bot/answering/table.py`` to it.  Names carry a context ("command
name", "option name") because Discord allows them only lowercase, without spaces, at most
32 characters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

COMMAND_NAME = "command name"
OPTION_NAME = "option name"
CHOICE = "choice"
NAME_RULE = "Discord name: lowercase letters, digits, - or _, no spaces, at most 32 characters."

Extracted = tuple[int, str, Any, list[str]]


def command_messages() -> Iterator[tuple[str | None, str, str]]:
    """(context, message, note for translators) for every text the slash commands show."""
    from bot.answering.table import COMMANDS, Kind
    from bot.wording.guide import METHOD_LABELS

    for command in COMMANDS:
        yield COMMAND_NAME, command.name, NAME_RULE
        yield None, command.description, f"Description of /{command.name} (100 characters)."
        for option in command.options:
            yield OPTION_NAME, option.name, NAME_RULE
            yield None, option.description, f"/{command.name} {option.name} (100 characters)."
            for label, _value in option.choices:
                yield CHOICE, label, f"A choice of /{command.name} {option.name}."
            if option.kind is Kind.METHOD:
                for label in METHOD_LABELS.values():
                    yield CHOICE, label, f"A choice of /{command.name} {option.name}."


def extract_commands(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's extractor interface: (line, function, message(s), translator comments)."""
    source = fileobj.read().decode("utf-8")
    seen: set[tuple[str | None, str]] = set()
    for context, message, note in command_messages():
        if (context, message) in seen:
            continue
        seen.add((context, message))
        at = source.find(repr(message)[1:-1])
        line = source.count("\n", 0, at) + 1 if at >= 0 else 0
        if context is None:
            yield line, "gettext", message, [note]
        else:
            yield line, "pgettext", (context, message), [note]
