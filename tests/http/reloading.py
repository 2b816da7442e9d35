"""Shared by the hot-reload tests of both transports: a data folder that gains a season.

The folder starts with three of the four seeds; the test adds the 2017
document under load.  ``reference`` is the Speaker over all four, built the
way a reload builds it, to compare answers with.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.answering.engine import Engine
from bot.cli.reload import LiveSpeaker, load_live
from bot.config import Settings
from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from bot.wording.speaker import Speaker
from tests.paths import CLUBS, SEASONS

ADDED = "caf-confederation-cup-2017-qualifying.txt"
QUESTIONS = [("season", {"season": "2017"}), ("tie", {"club": "Simba", "season": "2012"}),
             ("tie", {"club": "Al-Masry", "season": "2017"})]  # fmt: skip


def data_folder(root: Path, *, with_added: bool = False) -> Settings:
    """Settings over a fresh folder holding the seeds (all four, or all but 2017)."""
    data = root / "seasons"
    data.mkdir(parents=True)
    for seed in sorted(SEASONS.glob("*.txt")):
        if with_added or seed.name != ADDED:
            shutil.copy(seed, data / seed.name)
    clubs = root / "clubs.toml"
    shutil.copy(CLUBS, clubs)
    return Settings(data_dir=data, db_path=root / "tiebot.sqlite3", clubs_file=clubs,
                    state_dir=root / "state", log_level="DEBUG", reload="watch")  # fmt: skip


def reference(root: Path) -> Speaker:
    """The Speaker a reload over all four seeds serves."""
    settings = data_folder(root, with_added=True)
    build_database(settings.data_dir, settings.db_path, settings.clubs_file)
    return Speaker(Engine(asyncio.run(read_catalog(settings.db_path))))


async def live_over(settings: Settings) -> LiveSpeaker:
    """Start-up as ``run``/``serve`` do it (in a thread: it runs its own event loop)."""
    return await asyncio.to_thread(load_live, settings)


def add_season(settings: Settings) -> None:
    shutil.copy(SEASONS / ADDED, settings.data_dir / ADDED)


@dataclass
class Load:
    """Interactions sent in a closed loop until stopped, and every answer received."""

    ask: Callable[[str, dict[str, Any]], Awaitable[Any]]
    answers: list[tuple[int, str, Any]] = field(default_factory=list)  # (question, when, what)
    sent: int = 0
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def sender(self, offset: int) -> None:
        n = offset
        while not self.stop.is_set():
            question = n % len(QUESTIONS)
            name, options = QUESTIONS[question]
            self.sent += 1
            what = await self.ask(name, options)
            self.answers.append((question, time.monotonic(), what))
            n += 1

    async def until(self, done: Callable[[], bool], timeout: float, after: float = 0.5) -> None:
        """Run 4 senders until ``done()`` has held for ``after`` seconds (or ``timeout``)."""
        senders = [asyncio.create_task(self.sender(i)) for i in range(4)]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while not done() and loop.time() < deadline:
                await asyncio.sleep(0.05)
            await asyncio.sleep(after)
        finally:
            self.stop.set()
            await asyncio.gather(*senders)


def switched_once(answers: list[tuple[int, str, Any]], old: dict[int, Any],
                  new: dict[int, Any]) -> tuple[int, int]:  # fmt: skip
    """Check every answer is the old or the new one, and that none is old after a new one
    (for any question); how many answers came from the old data and from the new."""
    seen_new = False
    count = before = 0
    for question, _, what in sorted(answers, key=lambda a: a[1]):
        assert what in (old[question], new[question]), (question, what)
        is_new = what == new[question] and what != old[question]
        if is_new:
            seen_new = True
            count += 1
        elif what != new[question]:
            before += 1
            if seen_new:
                raise AssertionError(f"an old answer after a new one for question {question}")
    return before, count


def break_clubs(settings: Settings) -> None:
    """Break the clubs file: the next rebuild fails."""
    settings.clubs_file.write_text("[[club]\nname = \n", encoding="utf-8")
