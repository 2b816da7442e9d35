"""The shipped Football.TXT files, read once per test module."""

from __future__ import annotations

import pytest

from bot.domain.models import Season
from tests.parsing.footballtxt.real import read_all


@pytest.fixture(scope="module")
def seasons() -> dict[str, Season]:
    return read_all()
