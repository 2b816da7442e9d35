"""``python -m benchmarks [engine|names|scale|discord|http|pictures|all] [args...]``
(``tiebot bench``).

Each benchmark is also runnable alone (``python -m benchmarks.bench_engine``);
this entry runs one by name, or all of them in order, and exits non-zero when
any target failed.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

BENCHES = {
    "engine": "benchmarks.bench_engine",
    "names": "benchmarks.bench_names",
    "scale": "benchmarks.bench_scale",
    "discord": "benchmarks.bench_discord",
    "pictures": "benchmarks.bench_pictures",
    "http": "benchmarks.bench_http",
    "synth": "benchmarks.synth",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    name = args.pop(0) if args and not args[0].startswith("-") else "all"
    if name in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    if name != "all" and name not in BENCHES:
        print(f"unknown benchmark {name!r}; choose one of: all, {', '.join(BENCHES)}")
        return 2
    names = ["engine", "names", "scale", "discord", "http", "pictures"] if name == "all" else [name]
    failed = 0
    for bench in names:
        print(f"\n##### {bench}")
        module = importlib.import_module(BENCHES[bench])
        failed += module.main(args if name != "all" else []) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
