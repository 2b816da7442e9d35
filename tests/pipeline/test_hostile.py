"""A data folder as a careless or hostile host leaves it: every bad file is one line, in
``check`` and ``load`` alike, and the good files still load.

The commands run as separate processes without root's power to read and write
anything (capabilities dropped with ``capsh``), as a container user would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.paths import CLUBS, ROOT, SEASONS

F2012 = "caf-confederation-cup-2012-qualifying.txt"
F2014 = "caf-confederation-cup-2014-qualifying.txt"
F2017 = "caf-confederation-cup-2017-qualifying.txt"
F2324 = "caf-confederation-cup-2023-24-qualifying.txt"
DROP = "--drop=cap_dac_override,cap_dac_read_search"


def unprivileged(argv: Sequence[str]) -> list[str]:
    """``argv`` run without the capabilities that let root ignore file modes."""
    if os.geteuid() != 0:
        return list(argv)
    if shutil.which("capsh") is None:
        pytest.skip("running as root and capsh is not installed")
    return ["capsh", DROP, "--", "-c", 'exec "$0" "$@"', *argv]


def tiebot(home: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``python -m bot ARGS`` for the bot home ``home``, unprivileged; (exit code, out, err)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TIEBOT_"))} | {
        "TIEBOT_DATA": str(home / "seasons"),
        "TIEBOT_DB": str(home / "db" / "tiebot.sqlite3"),
        "TIEBOT_CLUBS": str(CLUBS),
        "TIEBOT_STATE": str(home / "state"),
        "PYTHONPATH": str(ROOT),
        **(env or {}),
    }
    done = subprocess.run(
        unprivileged([sys.executable, "-m", "bot", *args]),
        cwd=home, env=environ, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def _hostile(data: Path) -> dict[str, str]:
    """Good seeds plus one file for every kind of problem; returns file -> expected reason."""
    data.mkdir(parents=True)
    for name in (F2012, F2017):
        shutil.copy(SEASONS / name, data / name)
    (data / "locked.txt").write_bytes((SEASONS / F2014).read_bytes())
    (data / "locked.txt").chmod(0)
    with (data / "huge.txt").open("wb") as f:
        f.truncate(3_000_000)  # sparse: its size alone must reject it
    latin = (SEASONS / F2012).read_text(encoding="utf-8").replace("2012", "2019")
    (data / "latin1.txt").write_bytes(latin.encode("latin-1", errors="replace"))
    accent = next(i for i, line in enumerate(latin.splitlines(), 1) if "É" in line)
    utf16 = (SEASONS / F2324).read_text(encoding="utf-8")
    (data / "utf16-bom.txt").write_bytes(utf16.encode("utf-16"))  # read: it has a BOM
    (data / "utf16-raw.txt").write_bytes(utf16.replace("2023", "2025").encode("utf-16-le"))
    (data / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    shutil.copy(SEASONS / F2012, data / "copy-of-2012.txt")
    (data / "loop.txt").symlink_to("loop.txt")
    (data / "gone.txt").symlink_to("nowhere/at/all.txt")
    os.mkfifo(data / "pipe.txt")
    (data / "folder.txt").mkdir()
    return {
        "binary.txt:3": "binary data (NUL byte)",
        "copy-of-2012.txt:1": "duplicate season 'CAF Confederation Cup 2012', already loaded"
        f" from {F2012}",
        "folder.txt": "a directory, not a document",
        "gone.txt": "broken symbolic link (target nowhere/at/all.txt does not exist)",
        "huge.txt": "file is 3.0 MB, over the 2.0 MB limit for a season document"
        " (TIEBOT_MAX_DOCUMENT_MB raises it)",
        f"latin1.txt:{accent}": "not valid UTF-8 (byte 0xc9); save the file as UTF-8",
        "locked.txt": "cannot read: Permission denied",
        "loop.txt": "symbolic link loop: the link never reaches a file",
        "pipe.txt": "not a regular file (a pipe, socket or device)",
        "utf16-raw.txt:1": "looks like UTF-16 (LE) without a byte-order mark: save the file as"
        " UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)",
    }


def _errors(output: str) -> dict[str, str]:
    lines = [line.split(": error: ", 1) for line in output.splitlines() if ": error: " in line]
    return dict(lines)  # type: ignore[arg-type]


def test_check_and_load_skip_the_same_files_for_the_same_reasons(tmp_path: Path) -> None:
    expected = _hostile(tmp_path / "seasons")
    env = {"TIEBOT_MAX_DOCUMENT_MB": "2"}
    check_code, check_out, check_err = tiebot(tmp_path, "check", env=env)
    load_code, load_out, load_err = tiebot(tmp_path, "load", env=env)
    assert _errors(check_out) == expected, check_out + check_err
    assert _errors(load_out) == expected, load_out + load_err
    assert (check_code, load_code) == (1, 0)  # check: something failed; load: something loaded
    assert "3 of 13 documents parsed, 132 ties" in check_out
    loaded = [line for line in load_out.splitlines() if line.startswith("loaded  ")]
    assert [line.split(" (")[1].split(")")[0] for line in loaded] == [
        F2012, F2017, "utf16-bom.txt"
    ]  # fmt: skip
    assert "3 seasons, 132 ties loaded; 10 files failed;" in load_out
    assert "Traceback" not in check_err + load_err
    code, out, err = tiebot(tmp_path, "ask", "/tie Simba 2012", env=env)
    assert code == 0 and "3–3" in out
    assert "out of date" not in err and "loaded  " not in err  # the bad files cause no rebuild


@pytest.mark.parametrize("layout", ["unwritable", "missing-under-unwritable", "file-as-dir"])
def test_a_database_path_that_cannot_be_written_is_one_line(tmp_path: Path, layout: str) -> None:
    (tmp_path / "seasons").mkdir()
    shutil.copy(SEASONS / F2012, tmp_path / "seasons" / F2012)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    db, reason = {
        "unwritable": (locked / "tiebot.sqlite3", f"cannot write the database {locked}/"
                       f"tiebot.sqlite3: Permission denied in {locked}"),
        "missing-under-unwritable": (locked / "new" / "tiebot.sqlite3",
                                     f"cannot create the database directory {locked}/new:"
                                     " Permission denied"),
        "file-as-dir": (tmp_path / "seasons" / F2012 / "tiebot.sqlite3",
                        f"cannot create the database directory {tmp_path}/seasons/{F2012}:"
                        " a file has that name"),
    }[layout]  # fmt: skip
    code, out, err = tiebot(tmp_path, "load", env={"TIEBOT_DB": str(db)})
    assert (code, out, err) == (1, reason + "\n", "")
    code, out, err = tiebot(tmp_path, "ask", "/tie Simba 2012", env={"TIEBOT_DB": str(db)})
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == f"tiebot: cannot build the database: {reason}"
    assert sorted(p.name for p in locked.iterdir()) == []


def test_two_loads_at_once_both_succeed_and_leave_a_valid_database(tmp_path: Path) -> None:
    (tmp_path / "seasons").mkdir()
    for name in (F2012, F2014, F2017, F2324):
        shutil.copy(SEASONS / name, tmp_path / "seasons" / name)
    env = {
        **os.environ,
        "TIEBOT_DATA": str(tmp_path / "seasons"),
        "PYTHONPATH": str(ROOT),
        "TIEBOT_DB": str(tmp_path / "db" / "tiebot.sqlite3"),
        "TIEBOT_CLUBS": str(CLUBS),
    }
    procs = [
        subprocess.Popen([sys.executable, "-m", "bot", "load"], env=env, cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]  # fmt: skip
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    code, out, _ = tiebot(tmp_path, "ask", "/tie Simba 2012", env={"TIEBOT_DB": env["TIEBOT_DB"]})
    assert code == 0 and "3–3" in out
    names = sorted(p.name for p in (tmp_path / "db").iterdir())
    assert names == ["tiebot.sqlite3"]
