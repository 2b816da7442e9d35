"""Storage is a store of domain models; the pipeline feeds it and knows no front end.

Storage importing the pipeline (a LoadReport in an error, the build in
``__init__``) is how the old import cycle through a half-initialised package
came about; these scans keep both folders to their side of the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_architecture import imported_modules

BOT = Path(__file__).resolve().parents[2] / "bot"

ALLOWED_OF_OURS = {
    "storage": ("bot.domain", "bot.storage"),
    "pipeline": ("bot.domain", "bot.parsing", "bot.clubs", "bot.storage", "bot.pipeline"),
}
"""Our own packages each folder may import (``from bot import x`` counts as ``bot.x``)."""


def _violations(folder: str, allowed: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((BOT / folder).rglob("*.py")):
        package = "bot." + ".".join(path.relative_to(BOT).parent.parts)
        modules = imported_modules(path.read_text(encoding="utf-8"), package)
        for module in sorted(m for m in modules if m.startswith("bot.")):
            if not any(module == a or module.startswith(a + ".") for a in allowed):
                bad.append(f"{path.relative_to(BOT.parent)} imports {module}")
    return bad


@pytest.mark.parametrize("folder", sorted(ALLOWED_OF_OURS))
def test_imports_of_ours_stay_inside_the_allowed_packages(folder: str) -> None:
    bad = _violations(folder, ALLOWED_OF_OURS[folder])
    assert not bad, "\n".join(bad)


def test_the_scan_sees_a_forbidden_import() -> None:
    assert _violations("cli", ALLOWED_OF_OURS["pipeline"])  # the CLI imports bot.core
