"""Picture drawing: first render and cached, for every season's bracket and every journey.

Why: a slash command with a picture answers at once (no defer), so drawing
must stay far inside Discord's 3-second window, and a picture asked again
must cost next to nothing.  Every season of the real data is drawn as a
bracket and every club with a run as a journey: first with an empty cache
(layout + PNG), then again from the cache.  The largest PNG is compared with
the smallest upload limit Discord gives an interaction.

With ``--discord N``, N ``/club`` interactions go through the real client and the fake
Discord (in process, one at a time) answered by the plain speaker and by the speaker with
pictures, to show what attaching a (cached) PNG costs an interaction.

Usage: ``python -m benchmarks.bench_pictures [--language en] [--discord 300]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.common import Stats, build_catalog, data_dir, machine, stats, verdict
from bot.answering import facts as F
from bot.answering.commands.bracket import season_bracket
from bot.answering.engine import Engine
from bot.answering.query import Query
from bot.pictures.cache import PictureCache
from bot.pictures.speaker import PictureSpeaker
from bot.testing.harness import running_bot
from bot.wording.answer import Picture
from bot.wording.speaker import Speaker

FIRST_P99_MS = 60.0
CACHED_P99_MS = 1.0
DEFER_MS = 2000.0  # past this a command would have to defer
UPLOAD_LIMIT = 8 * 1024 * 1024  # the smallest attachment_size_limit Discord gives


def _time(name: str, calls: Sequence[Callable[[], tuple[Picture, ...]]]) -> tuple[Stats, int]:
    samples: list[float] = []
    largest = 0
    for call in calls:
        start = time.perf_counter_ns()
        pictures = call()
        samples.append((time.perf_counter_ns() - start) / 1000)
        largest = max([largest, *(len(p.data) for p in pictures)])
    return stats(name, samples), largest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_pictures", description=__doc__)
    parser.add_argument("--language", default="en")
    parser.add_argument("--discord", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    print(machine())
    engine = Engine(build_catalog(data_dir(1)))
    speaker = PictureSpeaker(engine, args.language)
    brackets = [
        F.BracketFacts(Query(), s.label, (season_bracket(engine.ctx, s),))
        for s in engine.catalog.seasons
    ]
    clubs = [
        F.ClubFacts(Query((c.name,)), c, None, (), ())
        for c in engine.catalog.clubs.values()
        if engine.catalog.entries_for(c.key) or engine.catalog.matches_for(c.key)
    ]
    everything: list[F.Facts] = [*brackets, *clubs]
    speaker.pictures(brackets[0])  # fonts opened once per process, before timing

    def fresh(facts: F.Facts) -> Callable[[], tuple[Picture, ...]]:
        def call() -> tuple[Picture, ...]:
            speaker.cache = PictureCache()
            return speaker.pictures(facts)

        return call

    first_b, big_b = _time("bracket, first render", [fresh(f) for f in brackets])
    first_j, big_j = _time("journey, first render", [fresh(f) for f in clubs])
    first, _ = _time("any picture, first render", [fresh(f) for f in everything])
    speaker.cache = PictureCache()
    for facts in everything:
        speaker.pictures(facts)
    cached, _ = _time("any picture, cached", [lambda f=f: speaker.pictures(f) for f in everything])
    answer = stats_of_answers(speaker)
    for line in (first_b, first_j, first, cached, answer):
        print(line.line())
    largest = max(big_b, big_j)
    cache = speaker.cache
    print(
        f"pictures: {len(brackets)} brackets, {len(clubs)} journeys; largest PNG "
        f"{largest / 1024:.0f} KiB; cache {cache.bytes / 1e6:.1f} MB for {len(cache)} pictures"
    )
    if args.discord:
        names = [c.name for c in engine.catalog.clubs.values() if engine.catalog.entries_for(c.key)]
        for label, bot in (
            ("plain", Speaker(engine)),
            ("pictures", speaker),
            ("plain", Speaker(engine)),
        ):
            ms = asyncio.run(club_round_trips(bot, names[:50], args.discord))
            print(
                f"/club through the fake Discord, {label:8}: median "
                f"{statistics.median(ms):.2f} ms, mean {statistics.fmean(ms):.2f} ms over {len(ms)}"
            )
    ok = verdict("first render p99", first.p99 / 1000, FIRST_P99_MS, "ms")
    ok &= verdict("cached p99", cached.p99 / 1000, CACHED_P99_MS, "ms")
    ok &= verdict("slowest first render (no defer needed)", first.max / 1000, DEFER_MS, "ms")
    ok &= verdict("largest PNG", largest / 1024, UPLOAD_LIMIT / 1024, "KiB")
    return 0 if ok else 1


async def club_round_trips(bot: Speaker, names: list[str], count: int) -> list[float]:
    """Milliseconds from INTERACTION_CREATE to the callback for ``count`` /club commands."""
    with tempfile.TemporaryDirectory() as state:
        async with running_bot(bot, Path(state)) as h:
            for name in names:  # warm: every journey drawn (and cached) before timing
                await h.fake.interact(h.fake.command("club", {"name": name}))
            out = []
            for n in range(count):
                payload = h.fake.command("club", {"name": names[n % len(names)]})
                start = time.perf_counter()
                await h.fake.interact(payload)
                out.append((time.perf_counter() - start) * 1000)
            return out


def stats_of_answers(speaker: PictureSpeaker) -> Stats:
    """Whole answers with their (cached) pictures, as Discord asks for them."""
    lines = ["/bracket 2022-23", "/bracket 2012", "/club Al Ahly", "/club Simba", "/club Wydad"]
    for line in lines:
        speaker.ask(line)
    samples = []
    for _ in range(40):
        for line in lines:
            start = time.perf_counter_ns()
            speaker.ask(line)
            samples.append((time.perf_counter_ns() - start) / 1000)
    return stats("answer with cached pictures", samples)


if __name__ == "__main__":
    raise SystemExit(main())
