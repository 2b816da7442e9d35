"""What the Football.TXT reader holds between reading lines and building rounds.

Matches are read first, round by round; ties and groups are built only once the
whole file is read, because who went through a tie is checked against the rounds
that follow it.  A club is keyed by its spelling *and* its country code: the files
hold different clubs with one name ("AS Douanes" of Senegal, Niger and Burkina Faso).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.models import Diagnostic, Leg, Severity, SourceRef, Stage

Team = tuple[str, str]  # (spelling, FIFA code)


@dataclass(slots=True)
class Match:
    """One match line: the leg it states, and the country codes of its two clubs."""

    leg: Leg
    home_code: str
    away_code: str

    @property
    def line(self) -> int:
        return self.leg.line

    @property
    def home(self) -> Team:
        return self.leg.home, self.home_code

    @property
    def away(self) -> Team:
        return self.leg.away, self.away_code


@dataclass(slots=True)
class RoundDraft:
    """A round header and the matches under it, in source order."""

    name: str
    order: int
    line: int
    stage: Stage
    matches: list[Match] = field(default_factory=list)

    def teams(self) -> dict[Team, int]:
        """Every club of the round, with the line it first appears on."""
        seen: dict[Team, int] = {}
        for match in self.matches:
            seen.setdefault(match.home, match.line)
            seen.setdefault(match.away, match.line)
        return seen


class Report:
    """The file's diagnostics, in the order they were found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Diagnostic] = []

    def ref(self, line: int) -> SourceRef:
        """``file:line`` of this file."""
        return SourceRef(self.file, line)

    def warn(self, line: int, message: str, severity: Severity = Severity.WARNING) -> None:
        """Report data kept but inconsistent (or, with ``severity``, anything else)."""
        self.items.append(Diagnostic(self.ref(line), message, severity))

    def unrecognized(self, line: int, message: str) -> None:
        """Report a line the reader does not understand."""
        self.warn(line, message, Severity.UNRECOGNIZED)
