"""Every shipped document, built once, and the Speaker over it (as the bot answers)."""

from __future__ import annotations

import asyncio

import pytest

from bot.answering.engine import Engine
from bot.domain.catalog import Catalog
from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from bot.wording.speaker import Speaker
from tests.paths import CLUBS, DATA

LANGS = ("en", "fr", "ar", "pt")


@pytest.fixture(scope="session")
def shipped_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    db = tmp_path_factory.mktemp("shipped") / "tiebot.sqlite3"
    build_database(DATA, db, CLUBS)
    return asyncio.run(read_catalog(db))


@pytest.fixture(scope="session")
def shipped(shipped_catalog: Catalog) -> Speaker:
    return Speaker(Engine(shipped_catalog))
