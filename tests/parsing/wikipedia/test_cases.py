"""Expected-output cases: each ``cases/NAME.txt`` must parse to ``NAME.json``.

The JSON holds every field of every round and tie plus the diagnostics, so a
change in what the parser extracts shows up field by field.  After a deliberate
change, regenerate with ``TIEBOT_BLESS=1 pytest tests/parsing/wikipedia/test_cases.py``
and review the diff of the JSON files.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.parsing.wikipedia.document import parse_document

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
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def render(text: str, name: str) -> dict[str, Any]:
    season = parse_document(text, name)
    out = _plain(season)
    out["diagnostics"] = [str(d) for d in season.diagnostics]
    return out


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.txt")))
def test_expected_output(case: str) -> None:
    text = (CASES / f"{case}.txt").read_text(encoding="utf-8")
    actual = render(text, f"{case}.txt")
    expected_file = CASES / f"{case}.json"
    if os.environ.get("TIEBOT_BLESS"):
        if os.environ.get("CI"):
            pytest.fail("TIEBOT_BLESS is refused in CI: bless expected outputs on purpose, locally")
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert actual == expected
