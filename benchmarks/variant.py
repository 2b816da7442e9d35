"""Run a benchmark module with some of the optional speed-ups hidden (or the answer cache off).

Why: each speed-up (discord.py's ``speed`` extras and uvloop) is picked up by
its user at import time when installed, so measuring what one of them brings
means starting a process where it cannot be imported.  Hiding is done the way
Python itself documents: ``sys.modules[name] = None`` makes ``import name``
raise ImportError, which is exactly the "not installed" path of discord.py,
aiohttp and ``bot.cli.startup.use_fast_event_loop``.

Usage: ``python -m benchmarks.variant [--without orjson,uvloop] MODULE [ARGS...]``
(the benchmarks start their bot processes this way; ``--without`` on
``bench_discord`` and ``bench_http`` passes the list down).
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Iterable, Sequence

# name as the user of each speed-up imports it (aiohttp tries brotlicffi, then brotli)
SPEEDUPS: dict[str, tuple[str, ...]] = {
    "orjson": ("orjson",),
    "zstandard": ("zstandard",),
    "brotli": ("brotli", "brotlicffi"),
    "aiodns": ("aiodns",),
    "uvloop": ("uvloop",),
    "answer-cache": (),  # not a module: bot.discord.rendered keeps no answer nor suggestion
}


def parse(text: str) -> tuple[str, ...]:
    """``"orjson,uvloop"`` → the names, checked against the known speed-ups."""
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in SPEEDUPS]
    if unknown:
        raise ValueError(f"unknown speed-up {', '.join(unknown)} (known: {', '.join(SPEEDUPS)})")
    return names


def hide(names: Iterable[str]) -> None:
    names = list(names)
    for name in names:
        for module in SPEEDUPS[name]:
            sys.modules[module] = None  # type: ignore[assignment]
    if "answer-cache" in names:  # (after hiding: this imports discord.py)
        from bot.discord import rendered

        rendered.SIZE = rendered.SUGGESTIONS = 0


def command(module: str, args: Sequence[str], without: Sequence[str] = ()) -> list[str]:
    """The argv that runs ``module`` with ``args`` in a new interpreter, ``without`` hidden."""
    return [sys.executable, "-m", "benchmarks.variant", "--without", ",".join(without),
            module, *args]  # fmt: skip


def main(argv: Sequence[str]) -> None:
    args = list(argv)
    without: tuple[str, ...] = ()
    if args[:1] == ["--without"]:
        without, args = parse(args[1]), args[2:]
    if not args:
        raise SystemExit("usage: python -m benchmarks.variant [--without A,B] MODULE [ARGS...]")
    hide(without)
    sys.argv = [args[0], *args[1:]]
    runpy.run_module(args[0], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
