"""What a build (or a check) found: the one report ``load``, ``check`` and start-up show.

Plain data only: the CLI turns it into lines (``bot.cli.reports``), once, for
the console and the log alike, so the three can never drift apart again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.domain.models import Diagnostic, Disagreement, Season


@dataclass(frozen=True, slots=True)
class RoundCoverage:
    """How many ties of a round the source holds, and how many the prose says there were."""

    name: str
    ties: int
    expected: int | None


@dataclass(frozen=True, slots=True)
class SeasonLoaded:
    """One season accepted from a document, with its size."""

    competition: str
    label: str
    file: str
    rounds: tuple[RoundCoverage, ...]
    ties: int
    merged_from: tuple[str, ...] = ()  # further sources of the season
    matches: int = 0

    @classmethod
    def of(cls, season: Season) -> SeasonLoaded:
        coverage = tuple(RoundCoverage(r.name, len(r.ties), r.expected_ties) for r in season.rounds)
        return cls(
            season.competition, season.label, season.source_file, coverage, len(season.ties),
            season.merged_from, len(season.matches),
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Dispute:
    """Where a merged season's sources disagree: the season, the tie or match, the fact."""

    season: str
    round: str
    teams: tuple[str, str | None]  # the tie's (or match's) teams, as the answer spells them
    disagreement: Disagreement
    match: bool = False  # a group match, not a tie

    @classmethod
    def found_in(cls, seasons: Iterable[Season]) -> tuple[Dispute, ...]:
        found: list[Dispute] = []
        for season in seasons:
            for rnd in season.rounds:
                for tie in rnd.ties:
                    teams = (tie.team1, tie.team2)
                    found += [cls(season.key, rnd.name, teams, d) for d in tie.disagreements]
                for group in rnd.groups:
                    for d in group.disagreements:
                        m = group.matches[(d.leg or 1) - 1]
                        found.append(cls(season.key, rnd.name, (m.home, m.away), d, True))
        return tuple(found)


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file that was skipped, and why; ``line`` is 0 when no line is to blame."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line > 0 else self.file
        return f"{where}: error: {self.reason}"


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Seasons accepted, files skipped, every finding and the time taken.

    ``db_path`` is the database written, or None for a check (nothing written);
    ``documents`` is how many season files were looked at.
    """

    db_path: Path | None
    documents: int
    seasons: tuple[SeasonLoaded, ...]
    failed: tuple[FileFailure, ...]
    diagnostics: tuple[Diagnostic, ...]
    elapsed: float
    questions: tuple[Diagnostic, ...] = ()  # club identity only curated data can settle
    disputes: tuple[Dispute, ...] = ()  # where two sources of a season disagree

    @property
    def ties(self) -> int:
        return sum(s.ties for s in self.seasons)


class LoadError(Exception):
    """Nothing could be loaded; the previous database was left untouched.

    The message is one line with every detail (for a log or a start-up error);
    ``report`` (when given) holds those details line by line, and ``reason`` is the
    message without them, to close a printed report.
    """

    def __init__(self, reason: str, report: LoadReport | None = None, details: str = "") -> None:
        super().__init__(f"{reason}: {details}" if details else reason)
        self.reason = reason
        self.report = report
