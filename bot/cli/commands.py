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
from pathlib import Path
from typing import Any, TextIO

from bot.cli.console import SORRY, run_console
from bot.cli.errors import StartupError
from bot.cli.export import entry_to_dict, to_csv, to_json
from bot.cli.reports import print_report
from bot.cli.startup import load_catalog, load_engine, prepare_database
from bot.config import Settings
from bot.pipeline.build import build_database, check_documents
from bot.pipeline.report import LoadError
from bot.storage.errors import StorageError
from bot.wording.answer import Answer, AnswerKind

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

    live = load_live(settings)
    return asyncio.run(reloading(settings, live, lambda: run_bot(settings, live)))


def cmd_console(settings: Settings) -> int:
    return run_console(load_engine(settings))


def answer_json(answer: Answer) -> dict[str, Any]:
    """The ``ask --json`` object: the resolved query, every tie (export shape), the text."""
    return {
        "command": answer.command,
        "kind": answer.kind.value,
        "query": dict(answer.query),
        "ties": [entry_to_dict(entry) for entry in answer.ties],
        "candidates": list(answer.candidates),
        "text": answer.to_markdown(),
    }


def cmd_ask(settings: Settings, line: str, as_json: bool, out: TextIO) -> int:
    """One answer on stdout; exit 2 only when the line itself is malformed."""
    engine = load_engine(settings)
    text = line.strip()
    if not text.startswith("/"):
        text = "/" + text
    try:
        answer = engine.ask(text)
    except Exception:
        log.exception("the engine failed on %r", text[:200])
        out.write(SORRY + "\n")
        return EXIT_FAIL
    if as_json:
        json.dump(answer_json(answer), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    else:
        out.write(answer.to_markdown() + "\n")
    return EXIT_USAGE if answer.kind is AnswerKind.INVALID else EXIT_OK


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


def cmd_export(settings: Settings, fmt: str, out: TextIO) -> int:
    """Every tie of the database; the database is built first only when missing."""
    if not settings.db_path.is_file():
        prepare_database(settings)
    entries = load_catalog(settings, build=False).entries
    out.write(to_csv(entries) if fmt == "csv" else to_json(entries))
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
