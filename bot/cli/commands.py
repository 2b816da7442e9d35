"""One function per subcommand of ``python -m bot``; each returns the exit code.

Settings arrive already read and validated (once, in ``main``); these
functions only orchestrate: build or read the database, call the engine,
print.  Everything that can fail for a user reason says so in one line.
"""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.cli.console import SORRY, run_console
from bot.cli.errors import StartupError
from bot.cli.export import (
    entry_to_dict,
    match_to_dict,
    matches_to_csv,
    matches_to_json,
    to_csv,
    to_json,
)
from bot.cli.reports import print_report
from bot.cli.startup import load_catalog, load_engine, prepare_database, use_fast_event_loop
from bot.config import Settings
from bot.pipeline.build import build_database, check_documents
from bot.pipeline.report import LoadError
from bot.storage.errors import StorageError
from bot.wording.answer import Answer, AnswerKind, Picture

log = logging.getLogger("tiebot")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
NO_TOKEN = "no DISCORD_TOKEN set — starting the local console"


def cmd_run(settings: Settings) -> int:
    """The bot on Discord when a token is set, otherwise the local console.

    On Discord, new or changed documents are loaded without a restart (``bot.cli.reload``).
    """
    if settings.token is None:
        engine = load_engine(settings)
        log.warning(NO_TOKEN)
        return run_console(engine)
    from bot.cli.reload import load_live, reloading
    from bot.discord.client import run_bot  # discord.py is only imported when needed

    loop = use_fast_event_loop()
    live = load_live(settings)  # answers with pictures, reloaded when the documents change
    log.debug("event loop: %s", loop)
    return asyncio.run(reloading(settings, live, lambda: run_bot(settings, live)))


def cmd_console(settings: Settings, lang: str = "en") -> int:
    return run_console(load_engine(settings), lang=lang)


def answer_json(answer: Answer) -> dict[str, Any]:
    """The ``ask --json`` object: the resolved query, every tie and group match shown (export
    shapes), the text.

    Every field but ``text`` is the same in every language (names as the source spells
    them, codes, numbers)."""
    shown = {
        "command": answer.command,
        "kind": answer.kind.value,
        "query": dict(answer.query),
        "ties": [entry_to_dict(entry) for entry in answer.ties],
        "matches": [match_to_dict(m) for m in answer.matches],
        "candidates": list(answer.candidates),
        "text": answer.to_markdown(),
    }
    return {**shown, **answer.data}  # "records" for /records


def cmd_ask(
    settings: Settings,
    line: str,
    as_json: bool,
    out: TextIO,
    lang: str = "en",
    pictures: Path | None = None,
) -> int:
    """One answer (in ``lang``) on stdout; exit 2 only when the line itself is malformed.  With
    ``pictures`` (``--out FILE``), the answer's pictures are drawn and written there."""
    engine = load_engine(settings)
    if pictures is not None:
        from bot.pictures.speaker import with_pictures

        engine = with_pictures(engine)
    text = line.strip()  # a command, with or without its "/", or a question in plain words
    try:
        answer = engine.ask(text, lang)
    except Exception:
        log.exception("the engine failed on %r", text[:200])
        out.write(SORRY + "\n")
        return EXIT_FAIL
    written: list[dict[str, Any]] = []
    if pictures is not None:
        try:
            written = write_pictures(answer.files, pictures)
        except OSError as exc:
            out.write(f"cannot write {pictures}: {exc.strerror or exc}\n")
            return EXIT_FAIL
        if not answer.files:
            log.warning("this answer has no picture; nothing written to %s", pictures)
    if as_json:
        shown = {**answer_json(answer), "lang": lang}  # the language of ``text``
        if pictures is not None:
            shown["files"] = written
        json.dump(shown, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    else:
        out.write(answer.to_markdown() + "\n")
        for item in written:
            out.write(f"wrote {item['path']} ({item['width']}×{item['height']} px)\n")
    return EXIT_USAGE if answer.kind is AnswerKind.INVALID else EXIT_OK


def write_pictures(files: Sequence[Picture], path: Path) -> list[dict[str, Any]]:
    """Each picture to ``path`` (the second to ``NAME-2.png``…); what was written, as JSON."""
    written = []
    for number, picture in enumerate(files, start=1):
        target = path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
        target.write_bytes(picture.data)
        written.append(
            {"path": str(target), "name": picture.name, "width": picture.width,
             "height": picture.height, "bytes": len(picture.data),
             "description": picture.description}
        )  # fmt: skip
    return written


def cmd_load(settings: Settings, out: TextIO) -> int:
    """Build the database now (atomically) and report what was loaded."""
    try:
        report = build_database(
            settings.data_dir, settings.db_path, settings.clubs_file, settings.max_document_bytes
        )
    except LoadError as exc:
        if exc.report is None:
            out.write(f"nothing loaded: {exc}\n")
        else:
            print_report(exc.report, out)
            out.write(f"nothing loaded: {exc.reason}; database left unchanged\n")
        return EXIT_FAIL
    except StorageError as exc:
        out.write(f"{exc}\n")
        return EXIT_FAIL
    print_report(report, out)
    return EXIT_OK


def cmd_check(settings: Settings, out: TextIO) -> int:
    """Parse the documents as ``load`` would, write nothing; 1 when any file failed."""
    try:
        report = check_documents(
            settings.data_dir, settings.clubs_file, settings.max_document_bytes
        )
    except LoadError as exc:
        if exc.report is None:
            out.write(f"nothing to check: {exc}\n")
        else:
            print_report(exc.report, out, check=True)
            out.write(f"nothing to check: {exc.reason}\n")
        return EXIT_FAIL
    print_report(report, out, check=True)
    return EXIT_FAIL if report.failed else EXIT_OK


def cmd_export(settings: Settings, fmt: str, out: TextIO, matches: bool = False) -> int:
    """Every tie (``matches``: every group match) of the database; the database is built first
    only when missing."""
    if not settings.db_path.is_file():
        prepare_database(settings)
    catalog = load_catalog(settings, build=False)
    if matches:
        found = catalog.matches
        out.write(matches_to_csv(found) if fmt == "csv" else matches_to_json(found))
    else:
        out.write(to_csv(catalog.entries) if fmt == "csv" else to_json(catalog.entries))
    return EXIT_OK


def cmd_sync(settings: Settings, guild_id: int | None) -> int:
    """Push the slash commands to Discord now (to one server, or globally)."""
    if settings.token is None:
        raise StartupError("sync needs DISCORD_TOKEN (see .env.example)")
    engine = load_engine(settings)
    from bot.discord.client import sync_commands

    return asyncio.run(sync_commands(settings, engine, guild_id))


def cmd_bench(args: list[str], out: TextIO) -> int:
    """Run ``benchmarks/`` of a source checkout (they are not installed with the package)."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (root / "benchmarks" / "__main__.py").is_file():
            command = [sys.executable, "-m", "benchmarks", *args]
            return subprocess.run(command, cwd=root, check=False, timeout=3600).returncode
    out.write("benchmarks are not available here: run `tiebot bench` from a source checkout\n")
    return EXIT_FAIL
