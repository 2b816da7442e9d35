"""What a user asked, once resolved: the command and the names the inputs were read as.

It travels with every answer (``ask --json`` prints it) so a fan or a test can
see how loose text was understood: "etoile sahel" → "Étoile du Sahel".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Query:
    """The resolved inputs; ``None`` where an option was not given (or not read)."""

    clubs: tuple[str, ...] = ()
    season: str | None = None
    round: str | None = None
    competition: str | None = None
    method: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: clubs, season, round, competition, and method when one was asked."""
        out: dict[str, Any] = {
            "clubs": list(self.clubs),
            "season": self.season,
            "round": self.round,
            "competition": self.competition,
        }
        if self.method is not None:
            out["method"] = self.method
        return out


NO_QUERY = Query()
