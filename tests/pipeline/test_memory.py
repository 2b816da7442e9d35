"""Memory follows the largest document accepted, not the largest file in the folder.

A 200 MB file beside the seeds (sparse here: its size is what matters) must
cost neither ``load`` nor the start of ``ask`` more than a few megabytes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import CLUBS, ROOT, SEASONS

PEAK_MB = 150


# Linux carries a process's peak RSS across fork and exec, so a child of this (large)
# test process would report at least our size: a small launcher process starts it instead.
LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024)
"""


def peak_rss_mb(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, float]:
    """Exit code and peak resident memory (MB) of ``python -m bot ARGS``."""
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "bot", *args]
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=True)
    code, megabytes = done.stdout.split()
    return int(code), float(megabytes)


def test_a_200_mb_junk_file_costs_load_and_ask_no_memory(tmp_path: Path) -> None:
    data = tmp_path / "seasons"
    shutil.copytree(SEASONS, data)
    with (data / "junk.txt").open("wb") as f:
        f.truncate(200_000_000)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TIEBOT_"))}
    env |= {
        "TIEBOT_DATA": str(data),
        "TIEBOT_DB": str(tmp_path / "tiebot.sqlite3"),
        "TIEBOT_CLUBS": str(CLUBS),
        "PYTHONPATH": str(ROOT),
    }
    code, load_mb = peak_rss_mb("load", env=env, cwd=tmp_path)
    assert code == 0
    code, ask_mb = peak_rss_mb("ask", "/tie Simba 2012", env=env, cwd=tmp_path)
    assert code == 0
    assert load_mb <= PEAK_MB and ask_mb <= PEAK_MB, (load_mb, ask_mb)


# A large accepted document: peak memory follows the models, not the lines of the text.
# Measured for the 5 MB document below: 88 MB (the whole build, in its own process; the
# peak is the models plus the club registry's record of every use of a spelling). With
# every row made before the insert and a Spelling made per use: 98 MB; the reader that
# kept every line and every (number, line) pair: 114 MB.
LARGE_DOC_MB = 5
LARGE_PEAK_MB = 90

BUILD_AND_REPORT = """
import json, re, sys
from pathlib import Path
from bot.pipeline.build import build_database
report = build_database(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
status = Path("/proc/self/status").read_text()
peak = int(re.search(r"^VmHWM:\\s+(\\d+) kB", status, re.M)[1]) / 1024
print(json.dumps({"peak_mb": peak, "ties": report.ties, "failed": len(report.failed)}))
"""


def test_a_5_mb_document_builds_within_its_memory_bound(tmp_path: Path) -> None:
    """One generated 5 MB season (25,821 ties) built by ``build_database`` in a fresh
    process that reports its own peak (VmHWM belongs to the process, not its parent)."""
    from benchmarks.bench_load import big_document

    data = tmp_path / "seasons"
    data.mkdir()
    big_document(data / "big.txt", LARGE_DOC_MB)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TIEBOT_"))}
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-c", BUILD_AND_REPORT, str(data), str(tmp_path / "db"), str(CLUBS)]
    done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert (result["ties"], result["failed"]) == (25_821, 0)
    assert result["peak_mb"] <= LARGE_PEAK_MB, result
