"""How a question was understood: the command of the table, its options, and what it is about.

Data only, so the facts of ``/ask`` can carry it and the wording layer can show
it ("Understood as `/tie Simba 2012`") without reading the question again.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.catalog import Entry
from bot.domain.models import Club


@dataclass(frozen=True, slots=True)
class Understood:
    """A command and its option values (as the command receives them), the language whose
    phrase matched, and for a "who knocked out" question the club and the ties it lost in
    the seasons asked (newest first; ``lost`` is None for other questions)."""

    command: str
    options: tuple[tuple[str, str], ...] = ()
    lang: str = "en"
    pattern: str = ""
    focus: str | None = None
    club: Club | None = None
    lost: tuple[Entry, ...] | None = None

    def option(self, name: str) -> str | None:
        return dict(self.options).get(name)

    def with_option(self, name: str, value: str) -> Understood:
        kept = tuple((k, v) for k, v in self.options if k != name)
        return Understood(self.command, (*kept, (name, value)), self.lang, self.pattern,
                          self.focus, self.club, self.lost)  # fmt: skip
