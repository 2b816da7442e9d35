"""Round, stage and competition names: "the first round", "Round 2", "le premier tour".

Sources name rounds their own way ("First round", "Qual. Round 2",
"Quarterfinals", "Group"); a sentence needs an article for some and not for
others, and a fan reads "quarter-finals" and "group stage".  One place
phrases them, so every answer names a stage the same way.  English shows the
source's own names (it is the source language); another language shows its own
football words ("quarts de finale", "ربع النهائي", "quartos de final") for every
round it knows, and the source's name for one it does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.tournament import Reach, ReachKind
from bot.domain.names import fold
from bot.wording.i18n.words import ENGLISH, Words
from bot.wording.markdown import lower_first, md

_GROUP = re.compile(r"^group\s+(?P<letter>[A-Z0-9]{1,2})$", re.IGNORECASE)
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
# The rounds a language names itself, by the source's name folded: a kind and its number.
_NUMBERED = re.compile(r"^(?P<qual>qual(?:ifying)? )?round (?P<n>\d+)$")
_KINDS = {
    **{k: v.replace("-", "").replace(" ", "") for k, v in _STAGES.items()},
    "preliminary round": "preliminary",
    "preliminary": "preliminary",
    "first round": "first",
    "second round": "second",
    "third round": "third",
    "play off round": "playoff",
    "playoff round": "playoff",
    "play offs": "playoff",
    "playoffs": "playoff",
    "round of 32": "last32",
    "round of 16": "last16",
    "decider": "decider",
}


@lru_cache(maxsize=4096)
def _known(name: str) -> tuple[str, int]:
    """The kind of round a source's name is ("first", "quarterfinals", "round" 2), or ""."""
    folded = fold(name)
    numbered = _NUMBERED.match(folded)
    if numbered:
        return ("qualifying" if numbered["qual"] else "round"), int(numbered["n"])
    return _KINDS.get(folded, ""), 0


def _named(kind: str, n: int, w: Words) -> str:
    """The round's name as a title shows it, in ``w``'s language ("" for an unknown kind)."""
    match kind:
        case "qualifying":
            return w.pgettext("round", "Qualifying round {n}", n=n)
        case "round":
            return w.pgettext("round", "Round {n}", n=n)
        case "preliminary":
            return w.pgettext("round", "Preliminary round")
        case "first":
            return w.pgettext("round", "First round")
        case "second":
            return w.pgettext("round", "Second round")
        case "third":
            return w.pgettext("round", "Third round")
        case "playoff":
            return w.pgettext("round", "Play-off round")
        case "last32":
            return w.pgettext("round", "Round of 32")
        case "last16":
            return w.pgettext("round", "Round of 16")
        case "quarterfinals":
            return w.pgettext("round", "Quarter-finals")
        case "semifinals":
            return w.pgettext("round", "Semi-finals")
        case "final":
            return w.pgettext("round", "Final")
        case "groupstage":
            return w.pgettext("round", "Group stage")
        case "decider":
            return w.pgettext("round", "Decider")
    return ""


def _with_article(kind: str, n: int, w: Words) -> str:
    """The round after a verb or a preposition: "le premier tour", "os quartos de final"."""
    match kind:
        case "qualifying":
            return w.pgettext("the round", "qualifying round {n}", n=n)
        case "round":
            return w.pgettext("the round", "round {n}", n=n)
        case "preliminary":
            return w.pgettext("the round", "the preliminary round")
        case "first":
            return w.pgettext("the round", "the first round")
        case "second":
            return w.pgettext("the round", "the second round")
        case "third":
            return w.pgettext("the round", "the third round")
        case "playoff":
            return w.pgettext("the round", "the play-off round")
        case "last32":
            return w.pgettext("the round", "the round of 32")
        case "last16":
            return w.pgettext("the round", "the round of 16")
        case "quarterfinals":
            return w.pgettext("the round", "the quarter-finals")
        case "semifinals":
            return w.pgettext("the round", "the semi-finals")
        case "final":
            return w.pgettext("the round", "the final")
        case "groupstage":
            return w.pgettext("the round", "the group stage")
        case "decider":
            return w.pgettext("the round", "the decider")
    return ""


def round_title(name: str, w: Words = ENGLISH) -> str:
    """A round as titles and path lines name it (escaped): "Qual. Round 2", "Tour de
    qualification 2", "الدور التمهيدي 2"; the source's name where the language has none."""
    if w.translated:
        found = _named(*_known(name), w)
        if found:
            return found
    return md(name)


def round_label(name: str, w: Words = ENGLISH) -> str:
    """As ``round_title``, unescaped: a picture's heading is drawn, not Markdown."""
    found = _named(*_known(name), w) if w.translated else ""
    return found or name


def stage_words(name: str, w: Words = ENGLISH) -> str:
    """A round as a stage of a run: "quarter-finals", "group stage", "first round", "Round 2"."""
    if w.translated:
        found = _named(*_known(name), w)
        return lower_first(found) if found else md(name)
    known = _STAGES.get(fold(name))
    if known is not None:
        return known
    if _LABEL.search(name):  # "Round 2", "Qual. Round 1": a label, kept as the source writes it
        return md(name)
    if _TITLE_CASE.match(name):  # "Third Round" (RSSSF) reads as "third round" in a sentence
        return md(name.lower())
    return md(lower_first(name))


def the_round(name: str, w: Words = ENGLISH) -> str:
    """A round after a preposition: "the first round", "the quarter-finals", "Round 2"."""
    if w.translated:
        found = _with_article(*_known(name), w)
        return found or md(name)
    words = stage_words(name)
    return words if _LABEL.search(name) else f"the {words}"


def group_stage(w: Words = ENGLISH) -> str:
    """ "the group stage" after a verb, in the language."""
    return w.pgettext("the round", "the group stage")


def group_label(name: str, w: Words = ENGLISH) -> str:
    """A group as its source names it ("Group A"), escaped; "Groupe A", "المجموعة A"."""
    found = _GROUP.match(name)
    if w.translated and found:
        return w.pgettext("group", "Group {letter}", letter=md(found["letter"]))
    return md(name)


def competition_name(name: str, w: Words = ENGLISH) -> str:
    """A competition in the language ("Ligue des champions de la CAF"); unknown ones as named."""
    if not w.translated:
        return name
    match name:
        case "CAF Champions League":
            return w.pgettext("competition", "CAF Champions League")
        case "CAF Confederation Cup":
            return w.pgettext("competition", "CAF Confederation Cup")
        case "CAF Super Cup":
            return w.pgettext("competition", "CAF Super Cup")
        case "African Football League":
            return w.pgettext("competition", "African Football League")
    return name


def reach_text(reach: Reach, w: Words = ENGLISH) -> str:
    """How far a club went in a season, in a few words: "champions", "semi-finals"."""
    if reach.round_name:
        where = stage_words(reach.round_name, w)
    else:
        where = w.pgettext("stage", "the group stage")
    match reach.kind:
        case ReachKind.CHAMPIONS:
            return w.pgettext("reach", "champions")
        case ReachKind.RUNNERS_UP:
            return w.pgettext("reach", "runners-up")
        case ReachKind.FINAL_UNDECIDED:
            return w._("final (the source does not say who won)")
        case ReachKind.ELIMINATED:
            return where
        case ReachKind.UNDECIDED:
            return w._("{stage} (the source does not say who went through)", stage=where)
        case ReachKind.REACHED:
            return w._("reached {stage} (not described)", stage=the_round(reach.round_name, w))
        case ReachKind.QUALIFIED:
            if reach.round_name:
                return w._("qualified for {stage}", stage=the_round(reach.round_name, w))
            return w._("qualified for {stage}", stage=group_stage(w))
    return w.pgettext("stage", "group stage")
