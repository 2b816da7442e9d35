"""``python -m bot`` in-process: data tools, one-shot answers, the console, start-up rebuilds.

Each test gets its own data directory (copies of the real season documents)
and database path through the environment, so nothing touches the repository's
``data/`` and no test needs the network.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, cast

import pytest

from bot.__main__ import main
from bot.cli.console import PROMPT, SORRY, run_console
from bot.wording.answer import Answer
from tests.paths import SEASONS

ROOT = Path(__file__).resolve().parents[1]
DOC_2012 = "caf-confederation-cup-2012-qualifying.txt"
DOC_2017 = "caf-confederation-cup-2017-qualifying.txt"
DOC_2023 = "caf-confederation-cup-2023-24-qualifying.txt"


class Home:
    """A bot home in tmp_path: data/seasons, the db path and the state dir."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data" / "seasons"
        self.db = root / "data" / "tiebot.sqlite3"
        self.state = root / "data" / "state"
        self.data.mkdir(parents=True)

    def add(self, *names: str) -> None:
        for name in names:
            shutil.copy(SEASONS / name, self.data / name)

    def write(self, name: str, content: str | bytes) -> None:
        path = self.data / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    h = Home(tmp_path)
    monkeypatch.chdir(tmp_path)
    for key in ("DISCORD_TOKEN", "DEV_GUILD_ID", "SHARD_COUNT", "SHARD_IDS", "LOG_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TIEBOT_DATA", str(h.data))
    monkeypatch.setenv("TIEBOT_DB", str(h.db))
    monkeypatch.setenv("TIEBOT_CLUBS", str(tmp_path / "data" / "clubs.toml"))
    monkeypatch.setenv("TIEBOT_STATE", str(h.state))
    return h


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pipe(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


# --- load / check / export -------------------------------------------------------------


def test_load_prints_seasons_with_counts(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012, DOC_2023)
    code, out, _ = run(capsys, "load")
    assert code == 0
    assert "CAF Confederation Cup 2012" in out and "48 ties" in out
    assert "2 seasons" in out
    assert f"{DOC_2023}:" in out  # its warnings, as file:line
    assert home.db.is_file()


def test_load_options_override_settings(
    home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(SEASONS / DOC_2012, other / DOC_2012)
    code, out, _ = run(capsys, "load", "--data", "elsewhere", "--db", "out/x.sqlite3")
    assert code == 0, out
    assert (tmp_path / "out" / "x.sqlite3").is_file()
    assert not home.db.exists()


def test_load_reports_failed_files_and_keeps_going(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    home.write("notes.txt", "just some notes\n")
    code, out, _ = run(capsys, "load")
    assert code == 0
    assert "notes.txt:1:" in out
    assert "1 seasons" in out and "1 files failed" in out


def test_load_with_nothing_loadable_exits_1_and_keeps_the_old_db(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    assert run(capsys, "load")[0] == 0
    before = home.db.read_bytes()
    (home.data / DOC_2012).unlink()
    home.write("a.txt", "hello\n")
    home.write("b.txt", b"\xff\xfe\x00binary")
    code, out, err = run(capsys, "load")
    assert code == 1
    assert "a.txt:1: error: no title line" in out
    assert "b.txt: error: not valid UTF-16 (truncated data); save the file as UTF-8" in out
    assert "nothing loaded" in out
    assert "Traceback" not in out + err
    assert home.db.read_bytes() == before


def test_a_bad_clubs_file_is_reported_by_load_and_check_alike(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    clubs = home.root / "data" / "clubs.toml"
    clubs.write_text('[[club]]\nname = "X"\ncountry = "Egypt"\n', encoding="utf-8")
    for command in ("load", "check"):
        code, out, _ = run(capsys, command)
        assert code == 1
        problem = [line for line in out.splitlines() if line.startswith(f"{clubs}:1: error: ")]
        assert problem and "country must be" in problem[0], out
        assert out.splitlines()[-1].endswith(
            f"cannot use clubs file {clubs}"
            + ("; database left unchanged" if command == "load" else "")
        )
    assert not home.db.exists()


def test_load_with_empty_data_dir(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "load")
    assert code == 1
    assert "nothing loaded" in out and "no season documents" in out


def test_check_prints_coverage_and_diagnostics(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012, DOC_2023)
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert "Preliminary round 16/16" in out
    assert "First round 16/20" in out  # 2023–24: four ties are missing from the source
    assert f"{DOC_2023}:75:" in out  # the Singida alias warning
    assert "2 of 2 documents parsed" in out
    assert not home.db.exists()  # parse only


def test_check_fails_when_a_file_does_not_parse(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    home.write("broken.txt", "= no year here =\n")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert "broken.txt:1: error:" in out
    assert "1 of 2 documents parsed" in out


def test_check_missing_dir(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--data", "nowhere")
    assert code == 1 and out.endswith("nowhere does not exist\n")


def test_export_json_builds_a_missing_db(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012)
    code, out, _ = run(capsys, "export")
    assert code == 0
    ties = json.loads(out)
    assert len(ties) == 48
    assert {t["season"] for t in ties} == {"2012"}
    simba = [t for t in ties if "Simba" in (t["team1"], t["team2"])]
    assert simba and all(t["source"]["file"] == DOC_2012 for t in simba)
    assert home.db.is_file()


def test_export_csv_is_the_documented_shape(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    """README, "export": one row per tie, the legs flattened (leg1_home, leg1_home_goals, ...)."""
    home.add(DOC_2017)
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 52
    assert list(rows[0])[:11] == [
        "competition", "season", "round", "stage", "team1", "team2", "club1", "club2",
        "country1", "country2", "leg1_home",
    ]  # fmt: skip
    kabylie = next(r for r in rows if r["team1"] == "Monrovia Club Breweries")
    assert (kabylie["leg1_home_goals"], kabylie["leg1_away_goals"]) == ("3", "0")
    assert (kabylie["leg2_home"], kabylie["leg2_home_goals"]) == ("JS Kabylie", "4")
    assert (kabylie["aggregate1"], kabylie["aggregate2"]) == ("3", "4")
    assert kabylie["winner"] == "JS Kabylie" and kabylie["decided_by"] == "aggregate"
    assert (kabylie["source_file"], kabylie["country2"]) == (DOC_2017, "ALG")


# --- ask ---------------------------------------------------------------------------------


def test_ask_builds_missing_db_and_answers(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012)
    code, out, err = run(capsys, "ask", "/tie Simba 2012")
    assert code == 0
    assert "Simba" in out and "3–3" in out
    assert "away goals" in out.lower()
    assert home.db.is_file()
    assert "CAF Confederation Cup 2012" in err  # what was loaded is logged


def test_ask_json(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012)
    code, out, _ = run(capsys, "ask", "/tie", "Simba", "2012", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"command", "query", "ties", "candidates", "text"} <= set(data)
    assert data["command"] == "tie"
    assert data["ties"] and all(t["season"] == "2012" for t in data["ties"])
    assert any(t["decided_by"] == "away_goals" for t in data["ties"])
    assert "Simba" in data["text"]


def test_ask_unknown_club_is_an_answer(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012)
    code, out, _ = run(capsys, "ask", "/tie Zzyzx United 2012", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["kind"] in ("not_found", "ambiguous") and not data["ties"]
    assert data["text"]


@pytest.mark.parametrize("line", ["/frobnicate Simba", "/tie"])
def test_ask_malformed_line_exits_2(
    home: Home, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    home.add(DOC_2012)
    code, out, err = run(capsys, "ask", line)
    assert code == 2
    assert out.strip()  # a polite answer, not silence
    assert "Traceback" not in out + err


# --- console and run ---------------------------------------------------------------------


def test_console_answers_piped_lines_until_quit(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home.add(DOC_2012)
    pipe(monkeypatch, "/tie Simba 2012\n\n# a comment\n/help\nquit\n/tie Simba 2012\n")
    code, out, _ = run(capsys, "console")
    assert code == 0
    assert PROMPT not in out  # no prompt when piped
    assert out.count("Simba") >= 1
    assert out.count("3–3") == 1  # the line after quit was not answered
    assert "/tie" in out  # the help answer lists the commands


def test_run_without_token_opens_the_console(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home.add(DOC_2012)
    pipe(monkeypatch, "/tie Simba 2012\n")  # EOF ends it
    code, out, err = run(capsys, "run")
    assert code == 0
    assert "no DISCORD_TOKEN set — starting the local console" in err
    assert "3–3" in out


def test_run_with_token_hands_settings_and_engine_to_the_discord_client(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.discord.client as client

    seen: dict[str, object] = {}

    async def fake_run_bot(settings: object, engine: object) -> int:
        seen["settings"], seen["engine"] = settings, engine
        return 0

    monkeypatch.setattr(client, "run_bot", fake_run_bot)
    monkeypatch.setenv("DISCORD_TOKEN", "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnop")
    home.add(DOC_2012)
    code, _, err = run(capsys, "run")
    assert code == 0
    assert getattr(seen["settings"], "token", None) == (
        "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnop"
    )
    answer = seen["engine"].ask("/tie Simba 2012")  # type: ignore[attr-defined]
    assert "3–3" in answer.to_markdown()
    assert "abcdefghijklmnop" not in err


# --- start-up: missing, stale, corrupt databases -----------------------------------------


def test_stale_db_is_rebuilt_when_a_season_is_added(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    assert run(capsys, "load")[0] == 0
    home.add(DOC_2017)
    code, out, err = run(capsys, "ask", "/tie JS Kabylie 2017", "--json")
    assert code == 0
    assert json.loads(out)["ties"], err
    assert "rebuilding" in err


def test_corrupt_db_is_rebuilt(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home.add(DOC_2012)
    home.db.parent.mkdir(parents=True, exist_ok=True)
    home.db.write_bytes(b"this is not a database" * 100)
    code, out, _ = run(capsys, "ask", "/tie Simba 2012")
    assert code == 0 and "3–3" in out
    with sqlite3.connect(home.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_failed_rebuild_keeps_answering_from_the_old_db(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    home.add(DOC_2012)
    assert run(capsys, "load")[0] == 0
    (home.data / DOC_2012).write_text("not a season any more\n", encoding="utf-8")
    code, out, err = run(capsys, "ask", "/tie Simba 2012")
    assert code == 0 and "3–3" in out
    assert "keeping the previous one" in err


def test_a_crashing_rebuild_keeps_the_old_db(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.clubs.registry as clubs

    home.add(DOC_2012)
    assert run(capsys, "load")[0] == 0
    home.add(DOC_2017)  # stale now

    def crash(*_: object) -> object:
        raise RuntimeError("registry bug")

    monkeypatch.setattr(clubs, "build_registry", crash)
    code, out, err = run(capsys, "ask", "/tie Simba 2012")
    assert code == 0 and "3–3" in out
    assert "RuntimeError: registry bug" in err and "keeping the previous one" in err
    home.db.unlink()
    code, out, err = run(capsys, "ask", "/tie Simba 2012")
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        "tiebot: cannot build the database: RuntimeError: registry bug"
    )


def test_no_db_and_nothing_loadable_is_one_clear_error(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home.write("junk.txt", "junk\n")
    pipe(monkeypatch, "/help\n")
    for command in ("ask", "console", "run"):
        argv = ["ask", "/help"] if command == "ask" else [command]
        code, out, err = run(capsys, *argv)
        assert code == 1
        assert "Traceback" not in out + err
        last = err.strip().splitlines()[-1]
        assert last.startswith("tiebot: cannot build the database:")
        assert "junk.txt:1:" in last
    assert not home.db.exists()


def _sigterm_self(*_: object) -> None:
    os.kill(os.getpid(), signal.SIGTERM)


@pytest.mark.parametrize("during", ["parse", "write"])
def test_sigterm_during_the_start_up_rebuild_stops_it_and_exits_0(
    home: Home,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    during: str,
) -> None:
    """A host stopping the container mid-rebuild: exit 0, old database intact, no temp file."""
    import bot.clubs.registry as clubs
    import bot.storage.write as write

    home.add(DOC_2012)
    assert run(capsys, "load")[0] == 0
    before = home.db.read_bytes()
    home.add(DOC_2017)  # stale: the next start rebuilds
    if during == "parse":
        monkeypatch.setattr(clubs, "build_registry", _sigterm_self)
    else:
        real_check = write._check
        monkeypatch.setattr(write, "_check", lambda conn: (_sigterm_self(), real_check(conn)))
    code, out, err = run(capsys, "ask", "/tie Simba 2012")
    assert code == 0 and out == ""
    assert "stopped (SIGTERM) during start-up; the previous database is unchanged" in err
    assert home.db.read_bytes() == before
    assert sorted(p.name for p in home.db.parent.iterdir()) == ["seasons", "tiebot.sqlite3"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored afterwards


def test_sigterm_to_a_real_process_rebuilding_at_start_exits_0(home: Home) -> None:
    """The whole process, as Docker stops it: a large document is being parsed at start."""
    text = (SEASONS / "caf-confederation-cup-2014-qualifying.txt").read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    rounds = [body.replace("round==", f"round {i}==") for i in range(150)]
    home.write("big.txt", title + "\n" + "".join(rounds))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "/tie Simba 2014"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    lines = []
    while "building it from" not in (line := proc.stderr.readline()) and line:
        lines.append(line)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, "".join(lines) + err
    assert "stopped (SIGTERM) during start-up" in err and out == ""
    assert not home.db.exists() and list(home.db.parent.glob(".*.tmp*")) == []


# --- errors, settings, health ------------------------------------------------------------


def test_configuration_error_exits_2(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "loud")
    code, _, err = run(capsys, "check")
    assert code == 2
    assert err.strip() == (
        "tiebot: configuration error: LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, "
        "got 'loud'"
    )


@pytest.mark.parametrize("value", ["0", "abc", "1.5", "-3"])
def test_a_bad_document_size_cap_is_a_configuration_error(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("TIEBOT_MAX_DOCUMENT_MB", value)
    code, _, err = run(capsys, "check")
    assert code == 2
    assert err.strip() == (
        "tiebot: configuration error: TIEBOT_MAX_DOCUMENT_MB must be a whole number of "
        f"megabytes (1 to 100000), got {value!r}"
    )


def test_env_file_is_read_and_missing_explicit_one_is_an_error(
    home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".env").write_text("SHARD_COUNT=0\n", encoding="utf-8")
    code, _, err = run(capsys, "check")
    assert code == 2 and "SHARD_COUNT" in err
    code, _, err = run(capsys, "--env-file", "nope.env", "check")
    assert code == 2 and "nope.env" in err


def test_unexpected_error_is_one_line(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli.commands as commands

    def boom(*_: object) -> int:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(commands, "cmd_check", boom)
    code, _, err = run(capsys, "check")
    assert code == 1
    assert err == "tiebot: unexpected error: RuntimeError: disk on fire\n"
    code, _, err = run(capsys, "--log-level", "DEBUG", "check")
    assert code == 1 and "Traceback" in err


def test_unexpected_error_never_shows_the_token(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli.commands as commands

    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnop"
    monkeypatch.setenv("DISCORD_TOKEN", token)

    def leak(*_: object) -> int:
        raise RuntimeError(f"401 for Authorization: Bot {token}")

    monkeypatch.setattr(commands, "cmd_check", leak)
    code, out, err = run(capsys, "check")
    assert code == 1
    assert token not in out + err and "[REDACTED]" in err


def test_usage_errors_exit_2(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "export", "--format", "xml")[0] == 2
    assert run(capsys, "sync", "--guild", "abc")[0] == 2
    assert run(capsys)[0] == 2


def test_sync_without_token_is_a_clear_error(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "sync")
    assert code == 1 and "sync needs DISCORD_TOKEN" in err


def test_health_reads_the_heartbeat(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.discord.health import write_heartbeat

    code, out, _ = run(capsys, "health")
    assert code == 1 and "no readable heartbeat" in out
    write_heartbeat(home.state, connected=True)
    code, out, _ = run(capsys, "health")
    assert code == 0 and out.startswith("healthy")
    write_heartbeat(home.state, connected=True, now=time.time() - 600)
    code, out, _ = run(capsys, "health")
    assert code == 1 and "600s ago" in out
    write_heartbeat(home.state, connected=False)
    code, out, _ = run(capsys, "health")
    assert code == 1 and "disconnected" in out


# --- the console loop itself -------------------------------------------------------------


class FakeEngine:
    def __init__(self, fail_on: str = "") -> None:
        self.lines: list[str] = []
        self.fail_on = fail_on

    def ask(self, line: str, lang: str | None = None) -> Answer:
        self.lines.append(line)
        if self.fail_on and self.fail_on in line:
            raise ValueError("engine bug")
        return Answer(command="echo", title=f"echo {line}")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class CtrlC:
    """A terminal where the user presses Ctrl-C at the prompt."""

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        raise KeyboardInterrupt


def test_console_prompts_on_a_terminal_and_passes_the_line_as_typed() -> None:
    """No "/" is added: the engine reads "help" as the command and "who won 2019" as a
    question in plain words."""
    engine, out = FakeEngine(), Tty()
    assert run_console(engine, Tty("help\nexit\n"), out) == 0
    assert engine.lines == ["help"]
    assert out.getvalue().count(PROMPT) == 2


def test_console_survives_an_engine_failure() -> None:
    engine, out = FakeEngine(fail_on="bad"), io.StringIO()
    assert run_console(engine, io.StringIO("/bad\n/good\n"), out) == 0
    assert SORRY in out.getvalue() and "echo /good" in out.getvalue()


def test_console_ctrl_c_is_clean() -> None:
    assert run_console(FakeEngine(), cast(TextIO, CtrlC()), Tty()) == 0


def test_console_refuses_huge_lines() -> None:
    engine, out = FakeEngine(), io.StringIO()
    run_console(engine, io.StringIO("/tie " + "x" * 5000 + "\n"), out)
    assert engine.lines == [] and "too long" in out.getvalue()


def test_console_reads_undecodable_bytes_leniently_and_names_the_line() -> None:
    data = b"/tie Simba 2012\n/club \xffSim\xfeba\n/help\n/decided pens\n"
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict")
    engine, out, err = FakeEngine(), io.StringIO(), io.StringIO()
    assert run_console(engine, stdin, out, stderr=err) == 0
    assert engine.lines == ["/tie Simba 2012", "/club \ufffdSim\ufffdba", "/help", "/decided pens"]
    assert err.getvalue() == (
        "tiebot: line 2: not valid utf-8 (byte 0xff at byte 7); read with U+FFFD in its place\n"
    )


def test_console_process_with_strict_decoding_answers_every_readable_line(
    home: Home, tmp_path: Path
) -> None:
    """``PYTHONIOENCODING=utf-8:strict``, a piped line with byte 0xff: the other lines are
    answered, the bad one is named, exit 0 (it used to die with UnicodeDecodeError)."""
    import subprocess

    home.add(DOC_2012)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "PYTHONPATH": str(ROOT)}
    data = b"/tie Simba 2012\n/tie Sim\xffba 2012\n/decided away_goals 2012\n"
    done = subprocess.run([sys.executable, "-m", "bot", "console"], input=data, env=env,
                          capture_output=True, timeout=120, check=False)  # fmt: skip
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    # line 2, read as "Sim\ufffdba", is still answered (a typo of Simba), and so is line 3
    assert out.count("**Simba · 2012**") == 2 and "won 3–2 on aggregate" in out
    assert "**Decided on away goals · 2012**" in out
    assert "line 2: not valid utf-8 (byte 0xff at byte 9)" in err
    assert "UnicodeDecodeError" not in err + out


def test_bench_delegates_to_the_checkouts_benchmarks(
    home: Home, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "benchmarks"
    fake.mkdir()
    (fake / "__init__.py").write_text("", encoding="utf-8")
    (fake / "__main__.py").write_text(
        "import sys\nprint('bench args', sys.argv[1:])\nsys.exit(3)\n", encoding="utf-8"
    )
    code = main(["bench", "engine", "--quick"])
    assert code == 3
    assert "bench args ['engine', '--quick']" in capfd.readouterr().out


# --- the whole process against a fake Discord on 127.0.0.1 ---------------------------------


async def _wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.1)
    return False


async def test_run_process_serves_discord_reports_health_and_stops_on_sigterm(
    home: Home,
) -> None:
    """``python -m bot run`` as Docker runs it: connect, answer, heartbeat, SIGTERM → exit 0."""
    from bot.discord.health import read_heartbeat
    from bot.testing.fakediscord import FakeDiscord
    from bot.testing.harness import TOKEN

    home.add(DOC_2012)
    fake = await FakeDiscord(TOKEN).start()
    env = {
        **os.environ,
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        connected = await _wait_for(
            lambda: (read_heartbeat(home.state) or (0, ""))[1] == "connected", 60
        )
        assert connected, "the bot never wrote a 'connected' heartbeat"
        assert main(["health"]) == 0
        body = await fake.interact(fake.command("tie", {"club": "Simba", "season": "2012"}), 30)
        assert "3–3" in json.dumps(body, ensure_ascii=False)
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 10)  # compose's stop_grace_period
        assert proc.returncode == 0
        assert main(["health"]) == 1  # the last heartbeat says disconnected
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        out, err = await proc.communicate()
        await fake.close()
    assert TOKEN not in (out + err).decode()


async def test_sync_process_uploads_the_commands_to_one_guild(home: Home) -> None:
    from bot.testing.fakediscord import FakeDiscord
    from bot.testing.harness import TOKEN

    home.add(DOC_2012)
    fake = await FakeDiscord(TOKEN).start()
    env = {
        **os.environ,
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
    }
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "sync", "--guild", "4242",
            env=env, stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(proc.communicate(), 60)
    finally:
        await fake.close()
    assert proc.returncode == 0, err.decode()
    assert "guild:4242" in fake.command_puts
    assert any(c["name"] == "tie" for c in fake.commands["guild:4242"])
    assert TOKEN not in (out + err).decode()
