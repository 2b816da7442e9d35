"""Name resolution and answer latency, on the real data and on the 100x set.

Why: every slash command and autocomplete keystroke is answered from the
in-memory catalog; this measures that path alone (no SQLite, no Discord) on
a realistic mix of what fans type, so a regression in resolve or the engine
shows here before it shows in the bot.

Usage: ``python -m benchmarks.bench_engine [--scale 1|100] [--seed 1] [--lang en|fr|ar|pt]``
(``--lang`` again to measure several languages: answers worded from the catalogs, Arabic
with its isolates; ``--cpu`` times this thread's CPU instead of the wall clock, for a
machine other jobs share).
"""

from __future__ import annotations

import argparse
import gc
import random
import string
import time
from collections.abc import Callable, Sequence
from functools import partial

from benchmarks.common import (
    Stats,
    build_catalog,
    data_dir,
    gc_pauses,
    machine,
    time_calls,
    verdict,
)
from bot.answering.clubnames import NameIndex
from bot.answering.engine import Engine
from bot.answering.methods import ASKABLE
from bot.answering.preferences import LANGUAGES
from bot.domain.catalog import Catalog, Entry
from bot.domain.names import fold
from bot.wording.speaker import Speaker

METHODS = tuple(m.value for m in ASKABLE)

# (resolution p99 ms, answer p99 ms) per scale.
TARGETS = {1: (1.0, 1.0), 100: (2.0, 5.0)}  # issue 11: every answer p99 ≤ 1 ms on the real data
PER_KIND = 150  # queries per category / calls per command


def _typo(rng: random.Random, text: str) -> str:
    """One slip: a dropped, doubled, swapped or replaced letter."""
    if len(text) < 4:
        return text + rng.choice(string.ascii_lowercase)
    i = rng.randrange(1, len(text) - 1)
    match rng.randrange(4):
        case 0:
            return text[:i] + text[i + 1 :]
        case 1:
            return text[:i] + text[i] + text[i:]
        case 2:
            return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text[:i] + rng.choice(string.ascii_lowercase) + text[i + 1 :]


def _acronym(name: str) -> str:
    """An all-caps word fans type alone ("ASEC"), else the initials."""
    words = name.replace("-", " ").split()
    caps = [w for w in words if len(w) >= 3 and w.isupper()]
    return caps[0] if caps else "".join(w[0] for w in words).upper()


def query_mix(
    catalog: Catalog, rng: random.Random, per_kind: int
) -> dict[str, list[tuple[str, str | None]]]:
    """What fans type, by kind, with the club they mean (None for nonsense)."""
    names = sorted(c.name for c in catalog.clubs.values())
    picks = [rng.choice(names) for _ in range(per_kind)]
    junk = ["", "   ", "zzzz", "Manchester United", "@everyone", "1234", "x" * 200, "🙂⚽"]
    junk += [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12))) for _ in range(per_kind)
    ]
    multi = [n for n in picks if len(n.split()) > 1] or picks
    return {
        "exact": [(n, n) for n in picks],
        "lower-case": [(n.lower(), n) for n in picks],
        "folded": [(fold(n), n) for n in picks],
        "acronym": [(_acronym(n), n) for n in multi],
        "prefix": [(n[: rng.randint(3, max(3, min(6, len(n))))], n) for n in picks],
        "typo": [(_typo(rng, n), n) for n in picks],
        "nonsense": [(q, None) for q in junk[:per_kind]],
    }


def accuracy(index: NameIndex, queries: list[tuple[str, str | None]]) -> str:
    """How often the meant club comes back: found, offered among candidates, wrong, nothing."""
    found = offered = wrong = nothing = 0
    for text, meant in queries:
        res = index.resolve(text)
        if res.club is not None:
            found += res.club.name == meant
            wrong += res.club.name != meant
        elif any(c.name == meant for c in res.candidates):
            offered += 1
        else:
            nothing += 1
    n = len(queries)
    return (
        f"right {found / n:4.0%}  among candidates {offered / n:4.0%}  "
        f"other club {wrong / n:4.0%}  nothing {nothing / n:4.0%}"
    )


def answer_calls(
    catalog: Catalog, speaker: Speaker, rng: random.Random, n: int, lang: str = "en"
) -> dict[str, list[Callable[[], object]]]:
    """Calls per command built from real ties in the catalog (club, season, round, pairs),
    answered in ``lang``."""
    engine = _InLanguage(speaker, lang)
    sample = [rng.choice(catalog.entries) for _ in range(n)]
    methods = list(METHODS)
    lines = []
    for i, e in enumerate(sample):
        forms = (
            f'/tie "{e.club1.name}" {e.season.label}',
            f"/club {e.club1.name}",
            f'/season {e.season.label} "{e.round.name}"',
            f"/decided {rng.choice(methods)} {e.season.label}",
            f'/headtohead "{e.club1.name}" "{e.club2.name if e.club2 else e.club1.name}"',
        )
        lines.append(forms[i % len(forms)])
    questions = question_mix(sample)
    return {
        "tie(club, season)": [
            partial(engine.answer, "tie", e.club1.name, e.season.label) for e in sample
        ],
        "tie(club)": [partial(engine.answer, "tie", e.club1.name.lower()) for e in sample],
        "club(name)": [partial(engine.answer, "club", e.club1.name) for e in sample],
        "headtohead(a, b)": [
            partial(engine.answer, "headtohead", e.club1.name, e.club2.name)
            for e in sample
            if e.club2
        ],
        "season(label, round)": [
            partial(engine.answer, "season", e.season.label, e.round.name) for e in sample
        ],
        "decided(method, season)": [
            partial(engine.answer, "decided", rng.choice(methods), e.season.label) for e in sample
        ],
        "group(season, club)": [
            partial(engine.answer, "group", e.season.label, e.club1.name) for e in sample
        ],
        "group(season)": [partial(engine.answer, "group", e.season.label) for e in sample],
        "winners(competition)": [
            partial(engine.answer, "winners", e.season.competition) for e in sample
        ],
        "winners()": [partial(engine.answer, "winners") for _ in range(max(10, n // 10))],
        "about()": [partial(engine.answer, "about") for _ in range(max(10, n // 10))],
        "ask(line)": [partial(speaker.ask, text, lang) for text in lines],
        "ask(question)": [partial(engine.answer, "ask", question=q) for q in questions],
        "records(competition, season)": [
            partial(engine.answer, "records", e.season.competition, e.season.label) for e in sample
        ],
        "records(season)": [
            partial(engine.answer, "records", None, e.season.label) for e in sample
        ],
        "records()": [partial(engine.answer, "records") for _ in range(max(10, n // 10))],
    }


QUESTIONS = (
    "who knocked out {a} in {season}",
    "{a} vs {b}",
    "when did {a} last beat {b}",
    "qui a éliminé {a} en {season}",
    "quem eliminou o {a} em {season}",
    "من أقصى {a} في {season}",
    "final {season}",
    "penalties {season}",
    "how did {a} do in {season}",
    "{a} group {season}",
    "who won the {season} champions league",
    "records {season}",
    "what is the weather in {season}",  # no phrase reads it: the closest commands
)


def question_mix(sample: Sequence[Entry]) -> list[str]:
    """Questions in plain words, in four languages, about the sampled ties' clubs and seasons."""
    return [
        QUESTIONS[i % len(QUESTIONS)].format(
            a=e.club1.name, b=(e.club2 or e.club1).name, season=e.season.label
        )
        for i, e in enumerate(sample)
    ]


class _InLanguage:
    """The Speaker's ``answer`` with the language fixed (so the calls above read as before)."""

    def __init__(self, speaker: Speaker, lang: str) -> None:
        self.speaker, self.lang = speaker, lang

    def answer(self, command: str, *args: str | None) -> object:
        return self.speaker.answer(command, *args, lang=self.lang)


def run(
    scale: int,
    seed: int = 1,
    per_kind: int = PER_KIND,
    freeze: bool = False,
    langs: Sequence[str] = ("en",),
    cpu: bool = False,
) -> bool:
    """Measure one scale (answers in each of ``langs``); print figures and PASS/FAIL; return
    True when all targets hold."""
    res_ms, ans_ms = TARGETS[scale]
    started = time.perf_counter()
    catalog = build_catalog(data_dir(scale))
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    index = NameIndex(tuple(catalog.clubs.values()))
    engine = Speaker(Engine(catalog))
    built = time.perf_counter() - started
    print(
        f"\n== scale {scale}x: {len(catalog.seasons)} seasons, {len(catalog.entries)} ties, "
        f"{len(catalog.clubs)} clubs (parse+registry {loaded:.2f}s, index+engine {built:.2f}s)"
    )
    if freeze:
        gc.collect()
        gc.freeze()  # what a bot could do after loading: the catalog is never freed
    rng = random.Random(seed)
    clock = time.thread_time_ns if cpu else time.perf_counter_ns
    resolution: list[Stats] = []
    with gc_pauses() as pauses:
        mix = query_mix(catalog, rng, per_kind)
        for kind, queries in mix.items():
            calls = [partial(index.resolve, q) for q, _ in queries]
            resolution.append(time_calls(f"resolve {kind}", calls, repeat=2, clock=clock))
        answers = []
        for lang in langs:
            state = rng.getstate()  # every language answers the very same questions
            calls_by_name = answer_calls(catalog, engine, rng, per_kind, lang)
            rng.setstate(state)
            label = "" if langs == ("en",) else f"[{lang}] "
            answers += [
                time_calls(label + name, c, repeat=2, clock=clock)
                for name, c in calls_by_name.items()
            ]
    for s in (*resolution, *answers):
        print("  " + s.line())
    print(f"  {pauses.line()}{' (after gc.freeze())' if freeze else ''}")
    print("  resolution outcome (nonsense: 'nothing' is right):")
    for kind, queries in mix.items():
        print(f"    {kind:<11} {accuracy(index, queries)}")
    worst_res = max(s.p99 for s in resolution) / 1000
    worst_ans = max(s.p99 for s in answers) / 1000
    how = ", CPU time" if cpu else ""
    ok = verdict(f"resolution p99 (worst kind) at {scale}x{how}", worst_res, res_ms, "ms")
    return verdict(f"answer p99 (worst command) at {scale}x{how}", worst_ans, ans_ms, "ms") and ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Name resolution and answer latency.")
    parser.add_argument("--scale", type=int, choices=(1, 100), action="append")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after loading")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="answer language")
    parser.add_argument(
        "--cpu", action="store_true", help="time this thread's CPU (on a machine other jobs share)"
    )
    args = parser.parse_args(argv)
    print(machine())
    langs = tuple(args.lang or ("en",))
    results = [
        run(scale, args.seed, freeze=args.gc_freeze, langs=langs, cpu=args.cpu)
        for scale in (args.scale or [1, 100])
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
