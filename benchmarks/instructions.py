"""Instructions a bot process executes per interaction, counted by callgrind.

Why: CPU time from ``/proc`` moves with whatever else runs on a shared
machine (caches, frequency, preemption), by ±10% between identical bots at
a load of 4 on 2 cores; the instructions a process executes do not.  With
``--callgrind DIR`` each bot process runs under ``valgrind --tool=callgrind``
with instrumentation off (start-up and latency slices run at a few times
their speed), and every throughput slice switches it on, zeroes the
counters, and dumps them when the slice ends: the dump's ``totals`` line is
that slice's instruction count.  The hash seed is fixed so both processes
lay out their dicts alike.  Slow (about 50× under instrumentation): use
short slices, e.g. ``--slice 300 --latency-slice 20 --repetitions 4``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SLOWER = 60.0  # how much longer a bot takes to connect under valgrind


def wrapper(out_dir: Path, label: str) -> list[str]:
    """The command prefix that runs a bot process under callgrind, instrumentation off."""
    if shutil.which("valgrind") is None:
        raise RuntimeError("--callgrind needs valgrind (apt-get install valgrind)")
    out_dir.mkdir(parents=True, exist_ok=True)
    return ["valgrind", "--tool=callgrind", "--instr-atstart=no",
            f"--callgrind-out-file={out_dir / label}.%p.out"]  # fmt: skip


class Counter:
    """Switches callgrind's counting on and off in process ``pid`` and reads the counts."""

    def __init__(self, pid: int, out_dir: Path, label: str) -> None:
        self.pid = pid
        self.out = out_dir / f"{label}.{pid}.out"

    def _control(self, *args: str) -> None:
        subprocess.run(["callgrind_control", *args, str(self.pid)], check=True,
                       capture_output=True, timeout=60)  # fmt: skip

    def start(self) -> None:
        self._control("--instr=on")
        self._control("--zero")

    def stop(self) -> int:
        """Instructions executed since ``start``."""
        before = set(self.out.parent.glob(f"{self.out.name}.*"))
        self._control("--dump")
        self._control("--instr=off")
        dumps = set(self.out.parent.glob(f"{self.out.name}.*")) - before
        if len(dumps) != 1:
            raise RuntimeError(f"expected one new callgrind dump of {self.pid}, found {dumps}")
        dump = dumps.pop()
        for line in dump.read_text(errors="replace").splitlines():
            if line.startswith("totals:"):
                dump.unlink()
                return int(line.split()[1])
        raise RuntimeError(f"no totals in {dump}")
