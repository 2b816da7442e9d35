"""Expected-output cases of the Wikipedia reader: each ``cases/NAME.txt`` reads to ``NAME.json``.

The comparison and the bless switch are shared by every reader (``tests/parsing/cases.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.parsing.wikipedia.document import parse_document
from tests.parsing.cases import case_names, check_case, season_json

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", case_names(CASES))
def test_expected_output(case: str) -> None:
    check_case(CASES, case, lambda text, name: season_json(parse_document(text, name)))
