"""Precision of name resolution on a labelled set of what fans type, on all shipped data.

Why: with five hundred clubs sharing words, a confident answer about the wrong
club is the one mistake a fan does not forgive.  The labelled set
(``tests/answering/names/labelled.txt``) says, for each typed name, which club
it is, which clubs it could be (a question), or that no loaded club is meant.
This prints precision (answers naming the right club / answers naming a club,
the target is 100%), recall of direct answers (right answers / names that
mean one club), how often the bot asks, and the resolution latency.  The same
set runs as a test (``tests/answering/names``).

Usage: ``python -m benchmarks.bench_names [--failures]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks.common import REAL_DATA, build_catalog, machine, time_calls, verdict
from bot.answering.clubnames import NameIndex, Resolution

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "answering" / "names" / "labelled.txt"
P99_MS = 1.0  # issue 12: resolution p99 at most 1 ms on all data


@dataclass(frozen=True, slots=True)
class Label:
    """One typed name and what it should give: a ``club``, a question (``ask``: these
    ``names`` among the candidates, no club named) or ``none``."""

    text: str
    kind: str
    names: tuple[str, ...]
    line: int


def read_labels(path: Path = LABELLED) -> list[Label]:
    """``typed => Club``, ``typed => ? A; B``, ``typed => ?`` or ``typed => -`` per line."""
    labels = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        text, sep, expected = raw.partition(" => ")
        if not sep:
            raise ValueError(f"{path.name}:{number}: no ' => ' in {raw!r}")
        expected = expected.strip()
        if expected == "-":
            labels.append(Label(text, "none", (), number))
        elif expected.startswith("?"):
            names = tuple(n.strip() for n in expected[1:].split(";") if n.strip())
            labels.append(Label(text, "ask", names, number))
        else:
            labels.append(Label(text, "club", (expected,), number))
    return labels


def judge(label: Label, res: Resolution) -> str | None:
    """Why the resolution does not give what the label says (None when it does)."""
    got = [c.name for c in res.candidates]
    if label.kind == "club":
        if res.club is not None and res.club.name == label.names[0]:
            return None
        found = res.club.name if res.club else f"candidates {got}" if got else "nothing"
        return f"expected {label.names[0]}, got {found}"
    if res.club is not None:
        return f"expected {'a question' if label.kind == 'ask' else 'no club'}, got {res.club.name}"
    if label.kind == "none":
        return None if not got else f"expected no club, got a question between {got}"
    if len(got) < 2:
        return "expected a question, got no candidates"
    missing = [n for n in label.names if n not in got]
    return f"question lacks {missing} (has {got})" if missing else None


@dataclass(slots=True)
class Score:
    """Counts over a labelled set; the three figures of the README."""

    total: int = 0
    named: int = 0  # resolutions naming a club
    right: int = 0  # ... the labelled club
    meant: int = 0  # labels naming one club
    asked: int = 0  # resolutions that are a question
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.named if self.named else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.meant if self.meant else 1.0

    @property
    def ask_rate(self) -> float:
        return self.asked / self.total if self.total else 0.0


def score(index: NameIndex, labels: Sequence[Label]) -> Score:
    found = Score()
    for label in labels:
        res = index.resolve(label.text)
        found.total += 1
        found.meant += label.kind == "club"
        found.asked += res.ambiguous
        if res.club is not None:
            found.named += 1
            found.right += label.kind == "club" and res.club.name == label.names[0]
        why = judge(label, res)
        if why is not None:
            found.failures.append(f"line {label.line}: {label.text!r}: {why}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Name resolution precision and latency.")
    parser.add_argument("--failures", action="store_true", help="list every label not met")
    args = parser.parse_args(argv)
    print(machine())
    catalog = build_catalog(REAL_DATA)
    index = NameIndex(tuple(catalog.clubs.values()))
    labels = read_labels()
    found = score(index, labels)
    kinds = {k: sum(1 for x in labels if x.kind == k) for k in ("club", "ask", "none")}
    print(
        f"\n== {len(labels)} labelled names ({kinds['club']} of one club, {kinds['ask']} questions,"
        f" {kinds['none']} of no loaded club) over {len(catalog.clubs)} clubs"
    )
    print(f"  precision  {found.precision:7.2%}  ({found.right} right of {found.named} answers)")
    print(f"  recall     {found.recall:7.2%}  (direct answers for {found.meant} club names)")
    print(f"  ask rate   {found.ask_rate:7.2%}  ({found.asked} questions of {found.total})")
    print(f"  labels not met: {len(found.failures)}")
    for line in found.failures if args.failures else found.failures[:10]:
        print(f"    {line}")
    calls = [partial(index.resolve, x.text) for x in labels]
    timed = time_calls("resolve (labelled names), wall", calls, repeat=3)
    print("  " + timed.line())
    cpu = time_calls("resolve (labelled names), CPU", calls, repeat=3, clock=time.thread_time_ns)
    print("  " + cpu.line())
    ok = verdict("precision", 100 * found.precision, 100.0, "%", higher_is_better=True)
    return 0 if verdict("resolution p99", timed.p99 / 1000, P99_MS, "ms") and ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
