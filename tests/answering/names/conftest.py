"""All shipped data in memory (about 450 clubs), as the engine reads it, for the name tests."""

from __future__ import annotations

import pytest

from benchmarks.common import build_catalog
from bot.answering.clubnames import NameIndex
from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.wording.speaker import Speaker
from tests.paths import DATA


@pytest.fixture(scope="session")
def all_data() -> Catalog:
    return build_catalog(DATA)


@pytest.fixture(scope="session")
def names(all_data: Catalog) -> NameIndex:
    return NameIndex(tuple(all_data.clubs.values()))


@pytest.fixture(scope="session")
def speaker(all_data: Catalog) -> Speaker:
    return Speaker(Engine(all_data))
