"""Expected-output cases shared by every reader's tests: a document → plain JSON, field by field.

Each format keeps small hand-written documents in ``cases/NAME.txt`` beside its
test and their expected reading in ``NAME.json``.  The JSON holds every field of
every season, round, group, tie and leg plus the diagnostics, so a change in
what a reader extracts shows up as a named field.  After a deliberate change,
regenerate with ``TIEBOT_BLESS=1 pytest tests/parsing/<format>/test_cases.py``
(refused when ``CI`` is set) and review the diff of the JSON files.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from bot.domain.models import Season

# A merge's own fields are empty when one document is read: left out unless set.
MERGE_ONLY = ("merged_from", "disagreements")


def plain(value: Any) -> Any:
    """Models as JSON values: dataclasses as objects, tuples as lists, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in MERGE_ONLY or getattr(value, f.name)
        }
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def season_json(season: Season) -> dict[str, Any]:
    """One season, its diagnostics as ``file:line: …`` text."""
    out: dict[str, Any] = plain(season)
    out["diagnostics"] = [str(d) for d in season.diagnostics]
    return out


def seasons_json(seasons: Iterable[Season]) -> list[dict[str, Any]]:
    return [season_json(s) for s in seasons]


def differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Every field where the two values differ, as ``path: expected != actual``."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual or key not in expected:
                found.append(f"{path}.{key}: only in {'expected' if key in expected else 'actual'}")
            else:
                found += differences(expected[key], actual[key], f"{path}.{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = [f"{path}: {len(expected)} items expected, {len(actual)} read"] * (
            len(expected) != len(actual)
        )
        for i, (e, a) in enumerate(zip(expected, actual, strict=False)):
            found += differences(e, a, f"{path}[{i}]")
        return found
    return [] if expected == actual else [f"{path}: {expected!r} != {actual!r}"]


def case_names(cases: Path) -> list[str]:
    return sorted(p.stem for p in cases.glob("*.txt"))


def check_case(cases: Path, case: str, read: Callable[[str, str], Any]) -> None:
    """Read ``cases/CASE.txt`` (bytes decoded as UTF-8: CRLF kept) and compare it with
    ``CASE.json`` field by field, or write that file when blessing."""
    text = (cases / f"{case}.txt").read_bytes().decode("utf-8")
    actual = json.loads(json.dumps(read(text, f"{case}.txt"), ensure_ascii=False))
    expected_file = cases / f"{case}.json"
    if os.environ.get("TIEBOT_BLESS"):
        if os.environ.get("CI"):
            pytest.fail("TIEBOT_BLESS is refused in CI: bless expected outputs on purpose, locally")
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    problems = differences(expected, actual)
    assert not problems, "\n".join(problems[:40])
