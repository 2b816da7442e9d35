"""Imports point inward: core knows no platform or database, storage knows no Discord.

The core is shared by the console, the benchmarks and the Discord adapter;
if it imported discord or aiosqlite, every one of them would drag those in.
The scan reads the source (AST), so it also catches imports inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "bot"

# package directory -> top-level modules (or dotted prefixes) it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "core": ("discord", "aiosqlite", "sqlite3", "bot.storage", "bot.discord", "bot.cli"),
    "storage": ("discord", "bot.discord", "bot.cli"),
}


def imported_modules(source: str, package: str) -> set[str]:
    """Every module a source imports: import statements, ``from`` imports and
    ``importlib.import_module("...")`` / ``__import__("...")`` with literal names."""
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


def violations(source: str, package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        module
        for module in imported_modules(source, package)
        if any(module == bad or module.startswith(bad + ".") for bad in forbidden)
    )


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_inward(layer: str) -> None:
    files = sorted((ROOT / layer).rglob("*.py"))
    assert files, f"no Python files under bot/{layer}"
    problems = []
    for path in files:
        package = "bot." + ".".join(path.relative_to(ROOT).parent.parts)
        bad = violations(path.read_text(encoding="utf-8"), package, FORBIDDEN[layer])
        problems += [f"{path.relative_to(ROOT.parent)} imports {m}" for m in bad]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "import discord",
        "import discord.ext.commands as c",
        "from discord import app_commands",
        "def f():\n    import aiosqlite\n",
        "from bot.storage import read_catalog",
        "from ..storage.loader import x",
        "import importlib\nimportlib.import_module('discord')",
        "__import__('aiosqlite')",
    ],
)
def test_scanner_catches_forbidden_imports(source: str) -> None:
    assert violations(source, "bot.core", FORBIDDEN["core"])


@pytest.mark.parametrize(
    "source",
    [
        "import discordant",
        "from bot.domain.models import Tie",
        "from . import names",
        "from .models import Club",
        "x = 'import discord'",
    ],
)
def test_scanner_allows_inward_imports(source: str) -> None:
    assert not violations(source, "bot.core", FORBIDDEN["core"])
