"""An RSSSF page → one Season per ``== Competition season`` section.

An RSSSF page such as "African Club Competitions 2022/23" holds several
competitions, each under a ``== Name 2022/23  ‹§anchor›`` heading, plus
sections that hold no results (the page title, its contents menu, "About this
document").  A section is a competition when it holds result lines; the others
are prose and are skipped whole.  Result lines outside a competition are
reported, never dropped.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field

from bot.domain.models import Diagnostic, Season, Severity, SourceRef, Stage
from bot.domain.names import fold
from bot.parsing.errors import ParseError
from bot.parsing.rsssf import lines as L
from bot.parsing.rsssf.competition import CompetitionReader

_SCAN_LINES = 2_000  # ``looks_like`` decides from the head of the file


@dataclass(slots=True)
class _Section:
    title: str
    line: int
    body: list[tuple[int, str]] = field(default_factory=list)


def _is_result(line: str) -> bool:
    if len(line) > L.MAX_LINE:
        return False
    return any(
        found is not None
        for found in (L.tie_line(line), L.bye_line(line), L.match_line(line), L.table_row(line))
    )


def looks_like(text: str) -> bool:
    """RSSSF text: a ``== Title`` heading without closing ``==``, and a tie or group line."""
    heading = result = False
    for line in itertools.islice(io.StringIO(text), _SCAN_LINES):
        line = line.rstrip("\r\n")
        if len(line) > L.MAX_LINE:
            continue
        heading = heading or L.heading(line) is not None
        result = result or (heading and _is_result(line))
        if heading and result:
            return True
    return False


def _sections(lines: list[str]) -> tuple[_Section, list[_Section]]:
    preamble = _Section("", 1)
    sections: list[_Section] = []
    current = preamble
    for number, raw in enumerate(lines, start=1):
        title = L.heading(raw) if len(raw) <= L.MAX_LINE else None
        if title is not None:
            current = _Section(title, number)
            sections.append(current)
        else:
            current.body.append((number, raw))
    return preamble, sections


def parse(text: str, file_name: str) -> tuple[Season, ...]:
    """Every competition season on the page; ParseError when it is not RSSSF text at all."""
    if not looks_like(text):
        raise ParseError(
            SourceRef(file_name, 1),
            "not an RSSSF page: no '== Competition 2022/23' heading followed by results",
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    preamble, sections = _sections(lines)
    loose: list[Diagnostic] = []
    for number, raw in preamble.body:
        if _is_result(raw):
            loose.append(_unrecognized(file_name, number, "a result line before any == heading"))
    seasons: list[Season] = []
    for section in sections:
        if not any(_is_result(raw) for _, raw in section.body):
            continue  # a title, contents or "about" section: prose, no results
        parsed = L.season_title(section.title)
        if parsed is None:
            message = f"results under '{section.title[:60]}', a heading with no season year"
            loose += [
                _unrecognized(file_name, n, message) for n, raw in section.body if _is_result(raw)
            ]
            continue
        reader = CompetitionReader(file_name, *parsed)
        reader.read(section.body)
        seasons.append(_check_progress(reader.season()))
    if not seasons:
        raise ParseError(SourceRef(file_name, 1), "no competition section with results")
    first = seasons[0]
    seasons[0] = Season(
        first.competition, first.label, first.rounds, first.source_file, first.start_year,
        first.end_year, first.countries, first.aliases,
        tuple(sorted((*loose, *first.diagnostics), key=lambda d: d.source.line)),
    )  # fmt: skip
    return tuple(seasons)


def _unrecognized(file: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(SourceRef(file, line), message, Severity.UNRECOGNIZED)


def _key(team: str) -> str:
    return fold(L.split_city(team)[0])


def _check_progress(season: Season) -> Season:
    """Warn when a tie's loser plays the next round and its winner does not."""
    found: list[Diagnostic] = []
    rounds = season.rounds
    for here, after in itertools.pairwise(rounds):
        lines: dict[str, int] = {}
        for tie in after.ties:
            lines.setdefault(_key(tie.team1), tie.source.line)
            lines.setdefault(_key(tie.team2 or ""), tie.source.line)
        for group in after.groups if after.stage is Stage.GROUP else ():
            for match in group.matches:
                lines.setdefault(_key(match.home), match.line)
                lines.setdefault(_key(match.away), match.line)
        for tie in here.ties:
            loser = tie.loser_name
            if loser is None or _key(loser) not in lines or _key(tie.winner_name) in lines:
                continue
            found.append(
                Diagnostic(
                    tie.source,
                    f"{tie.winner_name} went through by the source, but {loser} plays the "
                    f"{after.name} (line {lines[_key(loser)]}) and {tie.winner_name} does not",
                )
            )
    if not found:
        return season
    return Season(
        season.competition, season.label, season.rounds, season.source_file, season.start_year,
        season.end_year, season.countries, season.aliases,
        tuple(sorted((*season.diagnostics, *found), key=lambda d: d.source.line)),
    )  # fmt: skip
