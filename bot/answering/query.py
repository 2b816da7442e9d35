"""What a user asked, once resolved: the command and the names the inputs were read as.

It travels with every answer (``ask --json`` prints it) so a fan or a test can
see how loose text was understood: "etoile sahel" → "Étoile du Sahel".  Its
``notes`` say what an answer must tell because it was not typed as such: a
name read by a weaker rule or narrowed by the season ("taken as AC Léopards"),
a season read from inside a club name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class TakenAs:
    """A typed name read as ``club`` by ``rule`` (a value of clubnames.Rule), not by its own
    name; ``within`` names the season asked, or ``opponent`` the other club, when only the
    question left this club."""

    text: str
    club: str
    rule: str
    within: str = ""
    opponent: str = ""


@dataclass(frozen=True, slots=True)
class SeasonInName:
    """Words typed with a club's name were read as the season ("Horoya 2017")."""

    text: str
    season: str


Note = TakenAs | SeasonInName


@dataclass(frozen=True, slots=True)
class Query:
    """The resolved inputs; ``None`` where an option was not given (or not read)."""

    clubs: tuple[str, ...] = ()
    season: str | None = None
    round: str | None = None
    competition: str | None = None
    method: str | None = None
    notes: tuple[Note, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: clubs, season, round, competition, and method when one was asked,
        notes when there are some."""
        out: dict[str, Any] = {
            "clubs": list(self.clubs),
            "season": self.season,
            "round": self.round,
            "competition": self.competition,
        }
        if self.method is not None:
            out["method"] = self.method
        if self.notes:
            out["notes"] = [_note(n) for n in self.notes]
        return out


def _note(note: Note) -> dict[str, str]:
    if isinstance(note, TakenAs):
        found = {"taken_as": note.club, "text": note.text, "rule": note.rule}
        return found | {
            k: v for k, v in (("within", note.within), ("opponent", note.opponent)) if v
        }
    return {"season_in_name": note.season, "text": note.text}


NO_QUERY = Query()
