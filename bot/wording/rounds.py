"""Round and stage names in running text: "the first round", "Round 2", "the quarter-finals".

Sources name rounds their own way ("First round", "Qual. Round 2",
"Quarterfinals", "Group"); a sentence needs an article for some and not for
others, and a fan reads "quarter-finals" and "group stage".  One place
phrases them, so every answer names a stage the same way.
"""

from __future__ import annotations

import re

from bot.answering.tournament import Reach, ReachKind
from bot.domain.names import fold
from bot.wording.markdown import lower_first, md

_LABEL = re.compile(r"\bround\s+\d+$", re.IGNORECASE)  # "Round 2" (not "Round of 16")
_TITLE_CASE = re.compile(r"^[A-Z][a-z-]+(?: [A-Z][a-z-]+)+$")  # words, each capitalised
_STAGES = {
    "quarterfinals": "quarter-finals",
    "quarter finals": "quarter-finals",
    "quarterfinal": "quarter-finals",
    "semifinals": "semi-finals",
    "semi finals": "semi-finals",
    "semifinal": "semi-finals",
    "group": "group stage",
    "groups": "group stage",
    "group stage": "group stage",
    "group phase": "group stage",
    "final": "final",
    "finals": "final",
}


def stage_words(name: str) -> str:
    """A round as a stage of a run: "quarter-finals", "group stage", "first round", "Round 2"."""
    known = _STAGES.get(fold(name))
    if known is not None:
        return known
    if _LABEL.search(name):  # "Round 2", "Qual. Round 1": a label, kept as the source writes it
        return md(name)
    if _TITLE_CASE.match(name):  # "Third Round" (RSSSF) reads as "third round" in a sentence
        return md(name.lower())
    return md(lower_first(name))


def the_round(name: str) -> str:
    """A round after a preposition: "the first round", "the quarter-finals", "Round 2"."""
    words = stage_words(name)
    return words if _LABEL.search(name) else f"the {words}"


def reach_text(reach: Reach) -> str:
    """How far a club went in a season, in a few words: "champions", "semi-finals"."""
    where = stage_words(reach.round_name) if reach.round_name else "the group stage"
    match reach.kind:
        case ReachKind.CHAMPIONS:
            return "champions"
        case ReachKind.RUNNERS_UP:
            return "runners-up"
        case ReachKind.FINAL_UNDECIDED:
            return "final (the source does not say who won)"
        case ReachKind.ELIMINATED:
            return where
        case ReachKind.UNDECIDED:
            return f"{where} (the source does not say who went through)"
        case ReachKind.REACHED:
            return f"reached {the_round(reach.round_name)} (not described)"
        case ReachKind.QUALIFIED:
            target = the_round(reach.round_name) if reach.round_name else "the group stage"
            return f"qualified for {target}"
    return "group stage"
