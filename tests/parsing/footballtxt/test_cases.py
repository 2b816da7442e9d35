"""Expected-output cases: each ``cases/NAME.txt`` must read to ``cases/NAME.json``, field by field.

The JSON holds every field of every season, round, group, tie and leg plus the
diagnostics, so any change in what the reader extracts shows up as a named field.
The case files are small hand-written documents covering every score shape and
every trap the real files hold (see the comments in ``test_real_files.py``).
After a deliberate change, regenerate with
``TIEBOT_BLESS=1 pytest tests/parsing/footballtxt/test_cases.py`` and review the JSON diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.parsing.footballtxt.document import parse
from tests.parsing.cases import case_names, check_case, differences, seasons_json

CASES = Path(__file__).parent / "cases"


def test_differences_names_the_field() -> None:
    assert differences({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]}) == ["$.a[1].b: 2 != 3"]
    assert differences([1], [1, 2]) == ["$: 1 items expected, 2 read"]
    assert differences({"a": 1}, {}) == ["$.a: only in expected"]


@pytest.mark.parametrize("case", case_names(CASES))
def test_expected_output(case: str) -> None:
    # The shared check reads bytes: the reader must see the CRLF line endings a case may have.
    check_case(CASES, case, lambda text, name: seasons_json(parse(text, name)))
