"""The local console: the same answers as Discord, one per input line.

It reads from a terminal (with a ``tiebot>`` prompt) or from a pipe (no
prompt, so the output is just the answers), which makes it the quickest way
to try the bot without a token and to script it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import Protocol, TextIO

from bot.wording.answer import Answer

log = logging.getLogger(__name__)

PROMPT = "tiebot> "
EXIT_WORDS = frozenset({"exit", "quit", "/exit", "/quit", ":q"})
SORRY = "Sorry, something went wrong answering that. Try `/help`."
MAX_LINE = 2000  # Discord's own message limit; longer input is certainly not a command


class Asker(Protocol):
    def ask(self, line: str) -> Answer: ...


def answer_line(engine: Asker, line: str) -> str:
    """The Markdown answer to one line; an engine failure becomes a polite line."""
    if len(line) > MAX_LINE:
        return f"That line is too long ({len(line)} characters); try `/help`."
    if not line.startswith("/"):
        line = "/" + line
    try:
        return engine.ask(line).to_markdown()
    except Exception:
        log.exception("the engine failed on %r", line[:200])
        return SORRY


def run_console(
    engine: Asker,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    max_lines: int = 1_000_000,
) -> int:
    """Answer lines until ``exit``/``quit``/EOF (or Ctrl-C); always returns 0."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    interactive = _isatty(stdin) and _isatty(stdout)
    terminal = interactive and stdin is sys.stdin and stdout is sys.stdout
    if terminal:
        _enable_line_editing()
    if interactive:
        stdout.write("tiebot console: type /help for the commands, exit or Ctrl-D to leave.\n")
    try:
        for _ in range(max_lines):
            if terminal:
                raw = _input()
            else:
                if interactive:
                    stdout.write(PROMPT)
                    stdout.flush()
                raw = stdin.readline()
            if not raw:
                if interactive:
                    stdout.write("\n")
                break
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.lower() in EXIT_WORDS:
                break
            stdout.write(answer_line(engine, line) + "\n\n")
            stdout.flush()
    except KeyboardInterrupt:
        stdout.write("\n")
    return 0


def _input() -> str:
    """A line from the real terminal, with line editing; "" at EOF (Ctrl-D)."""
    try:
        return input(PROMPT) + "\n"
    except EOFError:
        return ""


def _enable_line_editing() -> None:
    """Arrow keys and history in ``input()`` where the platform has readline."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (importing it is what enables it)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
