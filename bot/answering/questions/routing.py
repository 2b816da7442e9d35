"""Which console lines are questions in plain words, and the console form of ``/records``.

A line is a command when it starts with "/" or with a command word of the table
("tie Simba 2012", or "!tie Simba", a command word mistyped); any other line is
a question ("who won 2019").  ``/ask QUESTION`` and ``ask QUESTION`` are
questions too, taken whole, quotes and all.  A line that starts with a command
word but reads as no command ("champions league winners": /winners does not
know the competition "league winners") may still be a question: the engine asks
``is_bare_command`` before trying it as one.
"""

from __future__ import annotations

from bot.answering.grammar import Call, Parsed, Resolver
from bot.answering.questions.reading import SEASONISH
from bot.answering.table import BY_NAME, BY_WORD

ASK_WORDS = frozenset({"ask", *BY_NAME["ask"].aliases})


def _first_word(line: str) -> tuple[str, str]:
    body = line.strip().removeprefix("/").lstrip()
    word, _, rest = body.partition(" ")
    return word.lower().replace("-", "").replace("_", ""), rest.strip()


def question_of(line: str) -> str | None:
    """The question a line asks in plain words, or None for a command line."""
    text = line.strip()
    if not text:
        return None
    word, rest = _first_word(text)
    if word in ASK_WORDS:
        return rest
    if text.startswith("/") or word.strip("!./\\?¿¡") in BY_WORD:
        return None
    return text


def is_bare_command(line: str) -> bool:
    """A line with no "/" whose first word is exactly a command word: it may be a question
    when it reads as no command ("champions league winners", "record of Simba")."""
    text = line.strip()
    return not text.startswith("/") and _first_word(text)[0] in BY_WORD


def records_call(parsed: Parsed, resolver: Resolver) -> Call:
    """``/records [competition] [season]``: a season word anywhere, the other words the
    competition ("/records CL 2014", "/records 2014 Champions League")."""
    season = parsed.options.get("season")
    competition = parsed.options.get("competition")
    words = []
    for token in parsed.positional:
        seasonish = SEASONISH.match(token.text) or resolver.is_season(token.text)
        if season is None and not token.quoted and seasonish:
            season = token.text
        else:
            words.append(token.text)
    competition = competition or " ".join(words) or None
    return Call("records", {"competition": competition, "season": season})
