"""The load report as lines: the one rendering ``load``, ``check`` and start-up's log share.

Findings are printed as ``file:line: ...`` so editors and CI logs can jump
to the line; seasons and counts come first so a host sees at a glance what
was loaded.  Each line carries a log level, so start-up can log the very
lines ``load`` prints (problems at WARNING).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TextIO

from bot.pipeline.report import Dispute, LoadReport, RoundCoverage, SeasonLoaded
from bot.wording.markdown import plural
from bot.wording.ties import disagreement_line

INFO, WARNING = logging.INFO, logging.WARNING


def season_line(season: SeasonLoaded) -> str:
    """``CAF Confederation Cup 2012 (file.txt): 4 rounds, 48 ties`` (a season merged from
    several sources names each, its leading source first)."""
    counts = f"{plural(len(season.rounds), 'round')}, {plural(season.ties, 'tie')}"
    if season.matches:
        counts += f", {season.matches} group match{'es' if season.matches != 1 else ''}"
    files = " + ".join((season.file, *season.merged_from))
    return f"{season.competition} {season.label} ({files}): {counts}"


def dispute_line(dispute: Dispute) -> str:
    """``CAF Champions League 2022–23, Qual. Round 1, Hawks v Horoya: The sources disagree …``."""
    home, away = dispute.teams
    said = disagreement_line(dispute.disagreement, match=dispute.match).replace("\\", "")
    return f"  {dispute.season}, {dispute.round}, {home} v {away or '?'}: {said}"


def identity_lines(report: LoadReport) -> Iterator[tuple[int, str]]:
    """Every identity question (``file:line: identity question: …``), or that none is open."""
    for question in report.questions:
        yield WARNING, str(question)
    count = len(report.questions)
    yield (
        INFO,
        (
            "club identity: no question open"
            if not count
            else f"club identity: {plural(count, 'question')} open (settle each in clubs.toml)"
        ),
    )


def dispute_lines(report: LoadReport) -> Iterator[tuple[int, str]]:
    """Every fact two sources of a season give differently, citing both."""
    if not report.disputes:
        return
    seasons = len({d.season for d in report.disputes})
    yield (
        INFO,
        (
            f"sources disagree on {plural(len(report.disputes), 'fact')} in "
            f"{plural(seasons, 'season')} (each answer about them says so):"
        ),
    )
    for dispute in report.disputes:
        yield INFO, dispute_line(dispute)


def round_coverage(rnd: RoundCoverage) -> str:
    """``First round 16/20`` when the prose says how many ties there were, else ``... 16``."""
    total = f"{rnd.ties}/{rnd.expected}" if rnd.expected is not None else str(rnd.ties)
    return f"{rnd.name} {total}"


def report_lines(report: LoadReport, *, check: bool = False) -> Iterator[tuple[int, str]]:
    """(level, text) per line: seasons (with round coverage for a check), then every
    skipped file as ``file: error: reason``, every finding, and a summary."""
    for season in report.seasons:
        if check:
            yield INFO, season_line(season)
            for rnd in season.rounds:
                yield INFO, f"  {round_coverage(rnd)}"
        else:
            yield INFO, f"loaded  {season_line(season)}"
    for failure in report.failed:
        yield WARNING, str(failure)
    for diagnostic in report.diagnostics:
        yield WARNING, str(diagnostic)
    yield from identity_lines(report)
    if check:
        yield from dispute_lines(report)
    if check:
        parsed = len({s.file for s in report.seasons})
        yield (
            INFO,
            (
                f"{parsed} of {report.documents} documents parsed, "
                f"{report.ties} ties, {len(report.diagnostics)} diagnostics"
            ),
        )
    elif report.db_path is not None:
        yield (
            INFO,
            (
                f"{len(report.seasons)} seasons, {report.ties} ties loaded; "
                f"{len(report.failed)} files failed; {len(report.diagnostics)} diagnostics; "
                f"{report.elapsed:.2f}s -> {report.db_path}"
            ),
        )


def print_report(report: LoadReport, out: TextIO, *, check: bool = False) -> None:
    """The report on the console, one line each."""
    for _, line in report_lines(report, check=check):
        out.write(line + "\n")


def log_report(report: LoadReport, logger: logging.Logger) -> None:
    """The same lines in the log: what was loaded at INFO, every problem at WARNING."""
    for level, line in report_lines(report):
        logger.log(level, "%s", line)
