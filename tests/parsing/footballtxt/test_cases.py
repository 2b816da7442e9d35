"""Expected-output cases: each ``cases/NAME.txt`` must read to ``cases/NAME.json``, field by field.

The JSON holds every field of every season, round, group, tie and leg plus the
diagnostics, so any change in what the reader extracts shows up as a named field.
The case files are small hand-written documents covering every score shape and
every trap the real files hold (see the comments in ``test_real_files.py``).
After a deliberate change, regenerate with
``TIEBOT_BLESS=1 pytest tests/parsing/footballtxt/test_cases.py`` and review the JSON diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.parsing.footballtxt.document import parse

CASES = Path(__file__).parent / "cases"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)  # a merge's own fields are empty in one document
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields
            if f.name not in ("merged_from", "disagreements") or getattr(value, f.name)
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def render(text: str, name: str) -> list[dict[str, Any]]:
    """Every season of the document as plain JSON values, diagnostics as ``file:line`` text."""
    out = []
    for season in parse(text, name):
        plain = _plain(season)
        plain["diagnostics"] = [str(d) for d in season.diagnostics]
        out.append(plain)
    return out


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


def test_differences_names_the_field() -> None:
    assert differences({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]}) == ["$.a[1].b: 2 != 3"]
    assert differences([1], [1, 2]) == ["$: 1 items expected, 2 read"]
    assert differences({"a": 1}, {}) == ["$.a: only in expected"]


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.txt")))
def test_expected_output(case: str) -> None:
    # Bytes, not read_text: the reader must see the CRLF line endings a case may have.
    text = (CASES / f"{case}.txt").read_bytes().decode("utf-8")
    actual = render(text, f"{case}.txt")
    expected_file = CASES / f"{case}.json"
    if os.environ.get("TIEBOT_BLESS"):
        if os.environ.get("CI"):
            pytest.fail("TIEBOT_BLESS is refused in CI: bless expected outputs on purpose, locally")
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    problems = differences(expected, json.loads(json.dumps(actual)))
    assert not problems, "\n".join(problems)
