"""Human-readable output of ``tiebot load`` and ``tiebot check``.

Findings are printed as ``file:line: ...`` so editors and CI logs can jump
to the line; counts come first so a host sees at a glance what was loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.domain.models import Diagnostic, Round, Season
from bot.storage.build import LoadReport, season_files
from bot.wording.markdown import plural


def print_load_report(report: LoadReport, out: TextIO) -> None:
    """Seasons loaded with their counts, then skipped files, then every finding."""
    for season in report.seasons:
        out.write(f"loaded  {season}\n")
    for failure in report.failed:
        out.write(f"FAILED  {failure}\n")
    for diagnostic in report.diagnostics:
        out.write(f"{diagnostic}\n")
    out.write(
        f"{len(report.seasons)} seasons, {report.ties} ties loaded; "
        f"{len(report.failed)} files failed; {len(report.diagnostics)} diagnostics; "
        f"{report.elapsed:.2f}s -> {report.db_path}\n"
    )


def round_coverage(rnd: Round) -> str:
    """``First round 16/20`` when the prose says how many ties there were, else ``... 16``."""
    count = len(rnd.ties)
    total = f"{count}/{rnd.expected_ties}" if rnd.expected_ties is not None else str(count)
    return f"{rnd.name} {total}"


def print_season(season: Season, out: TextIO) -> None:
    out.write(
        f"{season.competition} {season.label} ({season.source_file}): "
        f"{plural(len(season.rounds), 'round')}, {plural(len(season.ties), 'tie')}\n"
    )
    for rnd in season.rounds:
        out.write(f"  {round_coverage(rnd)}\n")


def check_documents(data_dir: Path, clubs_file: Path, out: TextIO) -> int:
    """Parse every document (no database); 1 when a file failed or there is none."""
    from bot.parsing.documents import ParseError, parse_file

    if not data_dir.is_dir():
        out.write(f"{data_dir}: no such directory\n")
        return 1
    files = season_files(data_dir)
    if not files:
        out.write(f"{data_dir}: no season documents (*.txt)\n")
        return 1
    seasons: list[Season] = []
    failures: list[str] = []
    for path in files:
        try:
            seasons.extend(parse_file(path))
        except ParseError as exc:
            failures.append(f"{exc.source}: error: {exc.message}")
        except (OSError, UnicodeError) as exc:
            failures.append(f"{path.name}:0: error: cannot read file: {exc}")
    for season in seasons:
        print_season(season, out)
    diagnostics: list[Diagnostic] = [d for s in seasons for d in s.diagnostics]
    diagnostics += _club_diagnostics(seasons, clubs_file, failures)
    for line in failures:
        out.write(line + "\n")
    for diagnostic in diagnostics:
        out.write(f"{diagnostic}\n")
    out.write(
        f"{len(seasons)} of {len(files)} documents parsed, "
        f"{sum(len(s.ties) for s in seasons)} ties, {len(diagnostics)} diagnostics\n"
    )
    return 1 if failures else 0


def _club_diagnostics(
    seasons: Sequence[Season], clubs_file: Path, failures: list[str]
) -> list[Diagnostic]:
    """What club identity finds (conflicting countries, unknown aliases...)."""
    if not seasons:
        return []
    from bot.clubs.registry import CuratedClub, build_registry, load_curated

    curated: tuple[CuratedClub, ...] = ()
    if clubs_file.is_file():
        try:
            curated = load_curated(clubs_file)
        except (OSError, ValueError) as exc:
            failures.append(f"{clubs_file.name}:0: error: cannot read clubs file: {exc}")
    return list(build_registry(seasons, curated).diagnostics)
