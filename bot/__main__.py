"""``tiebot`` / ``python -m bot``: run the bot, the console, and the data tools.

Settings are read once here and passed down.  Every failure a host can cause
(bad setting, no documents, unreadable database) ends as one line on stderr
and a non-zero exit; a traceback is shown only with LOG_LEVEL=DEBUG.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from bot.answering.preferences import LANGUAGES
from bot.cli.errors import StartupError, Stopped
from bot.config import ConfigError, Settings

log = logging.getLogger("tiebot")

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tiebot",
        description="Answers about two-legged knockout ties in CAF club competitions.",
    )
    parser.add_argument("--version", action="version", version=f"tiebot {__version__}")
    parser.add_argument(
        "--env-file",
        type=Path,
        default=None,
        help="settings file to read (default: ./.env when present)",
    )
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="overrides LOG_LEVEL",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("run", help="run the Discord bot (the local console without DISCORD_TOKEN)")
    console = sub.add_parser("console", help="answer commands typed or piped in, one per line")
    _lang_option(console)

    serve = sub.add_parser("serve", help="answer HTTP interactions (an interactions endpoint URL)")
    serve.add_argument("--host", help="address to listen on (default: TIEBOT_HTTP_HOST)")
    serve.add_argument("--port", type=_port, help="port (default: TIEBOT_HTTP_PORT)")
    serve.add_argument(
        "--workers", type=_workers, help="processes sharing the port (default: TIEBOT_HTTP_WORKERS)"
    )
    serve.add_argument("--in-group", action="store_true", help=argparse.SUPPRESS)

    ask = sub.add_parser("ask", help="answer one command line, e.g. ask '/tie Simba 2012'")
    ask.add_argument("line", nargs="+", help="the command, e.g. /tie Simba 2012")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    _lang_option(ask)
    ask.add_argument(
        "--out", type=Path, metavar="FILE.png", help="write the answer's picture (/bracket, /club)"
    )

    load = sub.add_parser("load", help="(re)build the database from the season documents")
    _data_options(load, db=True)

    check = sub.add_parser("check", help="parse the documents and list every finding")
    _data_options(check, db=False)

    export = sub.add_parser("export", help="print every tie (or group match) as JSON or CSV")
    export.add_argument("--db", type=Path, help="database file (default: TIEBOT_DB)")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument(
        "--matches", action="store_true", help="the group-stage matches instead of the ties"
    )

    sync = sub.add_parser("sync", help="push the slash commands to Discord now")
    sync.add_argument("--guild", type=_guild_id, help="a server ID (default: DEV_GUILD_ID)")

    health = sub.add_parser("health", help="exit 0 when the running bot's heartbeat is fresh")
    health.add_argument(
        "--max-age", type=float, default=60.0, help="seconds (default: %(default)s)"
    )
    health.add_argument("--url", help="check an HTTP worker instead: GET this /health URL")

    bench = sub.add_parser("bench", help="run the benchmarks (source checkout only)")
    bench.add_argument("args", nargs=argparse.REMAINDER, help="passed to the benchmarks")
    return parser


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="the language of the answers (default: %(default)s)",
    )


def _data_options(parser: argparse.ArgumentParser, *, db: bool) -> None:
    parser.add_argument("--data", type=Path, help="season documents (default: TIEBOT_DATA)")
    parser.add_argument("--clubs", type=Path, help="curated clubs (default: TIEBOT_CLUBS)")
    if db:
        parser.add_argument("--db", type=Path, help="database file (default: TIEBOT_DB)")


def _guild_id(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"a server ID is a positive number, got {text!r}")
    return int(text)


def _port(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, got {text!r}")
    return int(text)


def _workers(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"--workers is a number from 1 to 64, got {text!r}")
    return int(text)


def _absolute(path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def read_settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment and .env, then command-line overrides."""
    env_file: Path | None = args.env_file
    if env_file is not None and not env_file.is_file():
        raise ConfigError(f"--env-file {env_file}: no such file")
    settings = Settings.from_env(os.environ, env_file or Path(".env"))
    overrides: dict[str, object] = {}
    for option, name in (("data", "data_dir"), ("db", "db_path"), ("clubs", "clubs_file")):
        value = getattr(args, option, None)
        if value is not None:
            overrides[name] = _absolute(value)
    if args.log_level:
        overrides["log_level"] = args.log_level
    return dataclasses.replace(settings, **overrides) if overrides else settings  # type: ignore[arg-type]


def dispatch(args: argparse.Namespace, settings: Settings) -> int:
    out = sys.stdout
    if args.command == "health" and args.url:
        from bot.cli.probe import probe

        healthy, reason = probe(args.url)
        out.write(reason + "\n")
        return 0 if healthy else 1
    if args.command == "health":  # Docker runs it every 30 s: keep it light
        from bot.discord.health import health_status

        healthy, reason = health_status(settings.state_dir, args.max_age)
        out.write(reason + "\n")
        return 0 if healthy else 1
    from bot.cli import commands as c

    match args.command:
        case "run":
            return c.cmd_run(settings)
        case "console":
            return c.cmd_console(settings, args.lang)
        case "serve":
            from bot.cli.serve import Plan, cmd_serve, passthrough

            plan = Plan(
                args.host or settings.http_host,
                settings.http_port if args.port is None else args.port,
                args.workers or settings.http_workers,
                tuple(passthrough(args.env_file, args.log_level)),
                args.in_group,
            )
            return cmd_serve(settings, plan)
        case "ask":
            return c.cmd_ask(settings, " ".join(args.line), args.json, out, args.lang, args.out)
        case "load":
            return c.cmd_load(settings, out)
        case "check":
            return c.cmd_check(settings, out)
        case "export":
            return c.cmd_export(settings, args.format, out, matches=args.matches)
        case "sync":
            return c.cmd_sync(settings, args.guild or settings.dev_guild_id)
        case "bench":
            return c.cmd_bench(list(args.args), out)
    raise AssertionError(f"unknown command {args.command!r}")  # argparse rejects it first


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, read settings once, run the subcommand; the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else 2
    try:
        settings = read_settings(args)
    except ConfigError as exc:
        print(f"tiebot: configuration error: {exc}", file=sys.stderr)
        return 2
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.tiebot = True  # type: ignore[attr-defined]  # bot.discord.logs reuses it
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    try:
        return dispatch(args, settings)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except Stopped:
        log.warning("stopped (SIGTERM) during start-up; the previous database is unchanged")
        return 0
    except StartupError as exc:
        print(f"tiebot: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if settings.log_level == "DEBUG":
            log.exception("unexpected error")
        message = str(exc).splitlines()[0] if str(exc) else ""
        if settings.token:
            message = message.replace(settings.token, "[REDACTED]")
        print(f"tiebot: unexpected error: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.flush()


if __name__ == "__main__":
    sys.exit(main())
