"""Every shipped document, built into a database and read back as the bot does at start."""

from __future__ import annotations

import asyncio

import pytest

from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from bot.wording.speaker import Speaker
from tests.paths import CLUBS, DATA


@pytest.fixture(scope="session")
def all_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    db = tmp_path_factory.mktemp("questions") / "tiebot.sqlite3"
    build_database(DATA, db, CLUBS)
    return asyncio.run(read_catalog(db))


@pytest.fixture(scope="session")
def all_engine(all_catalog: Catalog) -> Speaker:
    return Speaker(Engine(all_catalog))
