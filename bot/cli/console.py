"""The local console: the same answers as Discord, one per input line.

It reads from a terminal (with a ``tiebot>`` prompt) or from a pipe (no
prompt, so the output is just the answers), which makes it the quickest way
to try the bot without a token and to script it.  A piped file may hold bytes
that are not valid in the input's encoding (even when Python was told to be
strict about it): each line is decoded on its own, leniently, so every other
line is still answered, and the unreadable one is named on stderr.
"""

from __future__ import annotations

import codecs
import contextlib
import io
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
    def ask(self, line: str, lang: str | None = None) -> Answer: ...


def answer_line(engine: Asker, line: str, lang: str | None = None) -> str:
    """The Markdown answer to one line (in ``lang``); an engine failure becomes a polite line."""
    if len(line) > MAX_LINE:
        return f"That line is too long ({len(line)} characters); try `/help`."
    try:  # a command, with or without its "/", or a question in plain words
        return engine.ask(line, lang).to_markdown()
    except Exception:
        log.exception("the engine failed on %r", line[:200])
        return SORRY


class LineReader:
    """Input lines, numbered from 1, decoded one at a time with replacement characters
    where the bytes are not valid (reading the binary buffer under the text stream, when
    there is one, so a strict decoder cannot stop the console)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        buffer = getattr(stream, "buffer", None)
        self.buffer = buffer if isinstance(buffer, io.BufferedIOBase) else None
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self.encoding = codecs.lookup(encoding).name
        except LookupError:
            self.encoding = "utf-8"
        self.number = 0

    def readline(self) -> tuple[str, str | None]:
        """The next line ("" at the end) and, when it could not be read, why."""
        self.number += 1
        if self.buffer is None:
            try:
                return self.stream.readline(), None
            except UnicodeDecodeError as exc:
                return "\n", self.unreadable(exc)
        data = self.buffer.readline()
        try:
            return data.decode(self.encoding), None
        except UnicodeDecodeError as exc:
            return data.decode(self.encoding, errors="replace"), self.unreadable(exc)

    def unreadable(self, exc: UnicodeDecodeError) -> str:
        bad = exc.object[exc.start : exc.start + 1].hex() or "?"
        return (
            f"line {self.number}: not valid {exc.encoding} (byte 0x{bad} at byte {exc.start + 1});"
            " read with U+FFFD in its place"
        )


def run_console(
    engine: Asker,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    max_lines: int = 1_000_000,
    stderr: TextIO | None = None,
    lang: str | None = None,
) -> int:
    """Answer lines until ``exit``/``quit``/EOF (or Ctrl-C); always returns 0."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    interactive = _isatty(stdin) and _isatty(stdout)
    terminal = interactive and stdin is sys.stdin and stdout is sys.stdout
    if terminal:
        _enable_line_editing()
    if interactive:
        stdout.write("tiebot console: type /help for the commands, or a question in plain words"
                     " (who won 2019?); exit or Ctrl-D to leave.\n")  # fmt: skip
    reader = LineReader(stdin)
    try:
        for _ in range(max_lines):
            if terminal:
                reader.number += 1
                raw, problem = _input(reader.number)
            else:
                if interactive:
                    stdout.write(PROMPT)
                    stdout.flush()
                raw, problem = reader.readline()
            if problem is not None:
                stderr.write(f"tiebot: {problem}\n")
                stderr.flush()
            if not raw:
                if interactive:
                    stdout.write("\n")
                break
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.lower() in EXIT_WORDS:
                break
            stdout.write(answer_line(engine, line, lang) + "\n\n")
            stdout.flush()
    except KeyboardInterrupt:
        stdout.write("\n")
    return 0


def _input(number: int) -> tuple[str, str | None]:
    """A line from the real terminal, with line editing; "" at EOF (Ctrl-D)."""
    try:
        return input(PROMPT) + "\n", None
    except EOFError:
        return "", None
    except UnicodeDecodeError as exc:
        return "\n", f"line {number}: not valid {exc.encoding}; type it again"


def _enable_line_editing() -> None:
    """Arrow keys and history in ``input()`` where the platform has readline."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (importing it is what enables it)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
