"""Memory follows the largest document accepted, not the largest file in the folder.

A 200 MB file beside the seeds (sparse here: its size is what matters) must
cost neither ``load`` nor the start of ``ask`` more than a few megabytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import CLUBS, ROOT, SEASONS

PEAK_MB = 150


# The child reports its own peak (VmHWM) as it exits: rusage of a child forked from
# this large test process would include the pages it shared with us before exec.
_REPORT_PEAK = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.__stderr__.write('PEAK ' + line.split()[1] + '\\n')\n"
    "atexit.register(peak)\n"
    "sys.argv = ['bot', *sys.argv[1:]]\n"
    "runpy.run_module('bot', run_name='__main__')\n"
)


def peak_rss_mb(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, float]:
    """Exit code and peak resident memory (MB) of ``python -m bot ARGS``."""
    proc = subprocess.run(
        [sys.executable, "-c", _REPORT_PEAK, *args],
        env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        check=False, timeout=120,
    )  # fmt: skip
    peaks = [line.split()[1] for line in proc.stderr.splitlines() if line.startswith("PEAK ")]
    assert peaks, proc.stderr[-2000:]
    return proc.returncode, int(peaks[-1]) / 1024  # kB


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
