"""Expected-output cases of the RSSSF reader: each ``cases/NAME.txt`` (an RSSSF page) must read
to ``NAME.json``, every season of the page, field by field (``tests/parsing/cases.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.parsing.rsssf.document import parse
from tests.parsing.cases import case_names, check_case, seasons_json

CASES = Path(__file__).parent / "cases"


def test_every_case_has_its_expected_output() -> None:
    cases = set(case_names(CASES))
    assert cases, "no cases"
    assert cases == {p.stem for p in CASES.glob("*.json")}


@pytest.mark.parametrize("case", case_names(CASES))
def test_expected_output(case: str) -> None:
    check_case(CASES, case, lambda text, name: seasons_json(parse(text, name)))
