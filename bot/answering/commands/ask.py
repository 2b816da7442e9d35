"""/ask question: a question in plain words, answered by the command of the table it maps to.

The question is read by the phrase tables (``bot.answering.questions``); the
command it maps to runs exactly as if typed, through ``run`` (the table's own
entry, handed in by ``table`` so this module needs no import of it).  A question
no phrase reads is never guessed at: the facts carry the closest commands instead.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answering.context import Context
from bot.answering.facts import AskFacts, Facts
from bot.answering.options import Options
from bot.answering.questions.suggest import suggest
from bot.answering.questions.understand import understand

Run = Callable[[str, Options], Facts]


def answer(ctx: Context, o: Options, run: Run) -> AskFacts:
    question = " ".join((o.get("question") or "").split())
    if not question:
        return AskFacts(question)
    found = understand(ctx, question)
    if found is None:
        return AskFacts(question, suggestions=suggest(ctx, question))
    return AskFacts(question, found, run(found.command, dict(found.options)))
