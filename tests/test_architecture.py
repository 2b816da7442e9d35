"""The stages import one way, and no module of ``bot`` takes part in an import cycle.

domain ← parsing, clubs ← answering ← wording ← pictures ← adapters (discord, http, cli); storage
knows only the domain; the pipeline orchestrates parsing, clubs and storage.
The scan reads the source (AST), so it also catches imports inside functions,
and it treats a package's ``__init__`` as a module of its own: importing
``bot.storage.rows`` runs ``bot/storage/__init__.py`` first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "bot"
OURS = "bot"
THIRD_PARTY_PLATFORM = ("discord", "aiosqlite", "sqlite3", "aiohttp")

# stage -> the stages of ours it may import (its own always allowed); None: no rule
ALLOWED: dict[str, set[str] | None] = {
    "domain": set(),
    "parsing": {"domain"},
    "clubs": {"domain"},
    "answering": {"domain"},
    "wording": {"domain", "answering"},
    # pictures: layouts from the facts, every word from wording; drawn with Pillow (no platform)
    "pictures": {"domain", "answering", "wording"},
    "storage": {"domain"},
    "pipeline": {"domain", "parsing", "clubs", "storage"},
    "discord": {"domain", "answering", "wording", "config"},
    "http": {"domain", "answering", "wording", "pictures", "config", "discord"},
    "cli": {"domain", "parsing", "clubs", "answering", "wording", "pictures", "storage",
            "pipeline", "discord", "http", "config"},
    "config": set(),
    "testing": None,
}  # fmt: skip
# The HTTP adapter shares the gateway adapter's rendering (embeds, flags, the apology), nothing
# of its client, views or cogs.
# What the HTTP adapter shares with the gateway one: how answers and choices are shown, and the
# one description of what an adapter calls (ports).
HTTP_MAY_USE_OF_DISCORD = {"bot.discord", "bot.discord.embeds", "bot.discord.flags",
                           "bot.discord.errors", "bot.discord.rendered",
                           "bot.discord.autocomplete", "bot.discord.ports"}  # fmt: skip
# No platform code below the adapters: the core runs in the console, benchmarks and tests alike.
PLATFORM_FREE = (
    "domain", "parsing", "clubs", "answering", "wording", "pictures", "storage", "pipeline",
)  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, package: str) -> set[str]:
    """Every module a source imports: ``import``, ``from`` (each name may be a submodule),
    and ``importlib.import_module("...")`` / ``__import__("...")`` with literal names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                found.add(str(first.value))
    return found


def _sources() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def graph() -> dict[str, set[str]]:
    """module -> modules of ours it makes Python execute (parent packages' __init__ included)."""
    modules = _sources()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for imported in imported_modules(path.read_text("utf-8"), _package_of(name, path)):
            if imported != OURS and not imported.startswith(OURS + "."):
                continue
            parts = imported.split(".")
            for i in range(2, len(parts) + 1):  # every package on the way, and the module
                candidate = ".".join(parts[:i])
                if candidate in modules and candidate != name:
                    targets.add(candidate)
        edges[name] = targets
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_folder_is_a_known_stage() -> None:
    stages = {stage(m) for m in _sources()} - {""}
    unknown = {s for s in stages if s not in ALLOWED and s not in ("__main__", "__init__")}
    assert not unknown, f"modules outside the known stages: {sorted(unknown)}"


def test_stages_import_one_way() -> None:
    problems = []
    for module, targets in graph().items():
        allowed = ALLOWED.get(stage(module))
        if allowed is None:
            continue
        for target in targets:
            other = stage(target)
            if other and other != stage(module) and other not in allowed:
                problems.append(f"{module} imports {target}")
    assert not problems, "\n".join(sorted(problems))


@pytest.mark.parametrize("layer", PLATFORM_FREE)
def test_core_stages_import_no_platform(layer: str) -> None:
    problems = []
    for name, path in _sources().items():
        if stage(name) != layer:
            continue
        for imported in imported_modules(path.read_text("utf-8"), _package_of(name, path)):
            if imported.split(".")[0] in THIRD_PARTY_PLATFORM:
                problems.append(f"{name} imports {imported}")
    if layer == "storage":  # storage is where SQLite lives
        problems = [p for p in problems if "sqlite" not in p]
    assert not problems, "\n".join(problems)


def test_http_shares_only_the_rendering_of_the_gateway_adapter() -> None:
    used = {t for m, targets in graph().items() if stage(m) == "http" for t in targets}
    assert {t for t in used if stage(t) == "discord"} <= HTTP_MAY_USE_OF_DISCORD


def test_production_never_imports_the_test_fakes() -> None:
    users = [m for m, targets in graph().items() if any(stage(t) == "testing" for t in targets)]
    assert all(stage(m) == "testing" for m in users), users


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_no_module_over_300_lines() -> None:
    long = {n: len(p.read_text("utf-8").splitlines()) for n, p in _sources().items()}
    assert {n: c for n, c in long.items() if c > 300} == {}


# ---- the scanner itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import discord", "discord"),
        ("from discord import app_commands", "discord.app_commands"),
        ("def f():\n    import aiosqlite\n", "aiosqlite"),
        ("from bot.storage import read_catalog", "bot.storage.read_catalog"),
        ("from ..storage.loader import x", "bot.storage.loader"),
        ("import importlib\nimportlib.import_module('discord')", "discord"),
        ("__import__('aiosqlite')", "aiosqlite"),
    ],
)
def test_scanner_finds_imports(source: str, expected: str) -> None:
    assert expected in imported_modules(source, "bot.answering")


def test_scanner_ignores_strings() -> None:
    assert imported_modules("x = 'import discord'", "bot.answering") == set()


def test_cycle_finder() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
