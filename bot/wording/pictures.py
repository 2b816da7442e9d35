"""Every word a picture shows, and the text that goes with a bracket picture.

The picture stage (``bot.pictures``) draws boxes and lines; each label in
them comes from a ``PictureWords`` of one language, so translating a picture
is giving this module another ``PictureWords`` (the languages issue will load
them from catalogs).  Club names, season labels and round names are the
source's own; a language may rename rounds through ``rounds``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.answering import facts as F
from bot.domain.models import Season
from bot.wording.answer import Answer
from bot.wording.markdown import md, plural
from bot.wording.sources import footer


class Ending(StrEnum):
    """How a club's season ended, as a journey picture colours it."""

    CHAMPIONS = "champions"
    RUNNER_UP = "runner_up"  # lost the final
    OUT = "out"  # lost a knockout tie (or did not go on from its group)
    THROUGH = "through"  # won its last tie and the document ends before the next round
    UNKNOWN = "unknown"  # the source does not say


@dataclass(frozen=True, slots=True)
class PictureWords:
    """The labels of one language.  ``rtl``: the language reads right to left."""

    language: str = "en"
    rtl: bool = False
    unknown: str = "unknown"
    penalties: str = "p {a}–{b}"  # a shoot-out with its score
    penalties_no_score: str = "p"  # a shoot-out whose score the source does not give
    away_goals: str = "a"
    walkover: str = "w/o"
    withdrawal: str = "w/d"
    extra_time: str = "aet"
    no_score: str = "–"  # a leg without a score (cancelled, abandoned, not given)
    legs_unknown: str = "legs not given"
    bracket_title: str = "{competition} {season}"
    bracket_alt: str = "Knockout bracket: {title}"
    journey_alt: str = "Journey of {club}, season by season"
    source: str = "Source: {files}"
    champion_line: str = "Champions: {club}"
    columns_note: str = "qualifying rounds"
    journey_title: str = "{club}"
    journey_rows: tuple[str, str] = ("{count} season", "{count} seasons")  # one, several
    many_sources: str = "{count} season documents"
    endings: Mapping[Ending, str] = field(
        default_factory=lambda: {
            Ending.CHAMPIONS: "champions",
            Ending.RUNNER_UP: "runner-up",
            Ending.OUT: "out",
            Ending.THROUGH: "went through",
            Ending.UNKNOWN: "unknown",
        }
    )
    rounds: Mapping[str, str] = field(default_factory=dict)  # source round name → shown name

    def round_name(self, name: str) -> str:
        return self.rounds.get(name, name)

    def shootout(self, score: tuple[int, int] | None) -> str:
        if score is None:
            return self.penalties_no_score
        return self.penalties.format(a=score[0], b=score[1])

    def seasons(self, count: int) -> str:
        """ "1 season", "21 seasons": how many rows a journey has."""
        return self.journey_rows[0 if count == 1 else 1].format(count=count)

    def ending(self, ending: Ending) -> str:
        return self.endings.get(ending, ending.value)

    def season_title(self, season: Season) -> str:
        return self.bracket_title.format(competition=season.competition, season=season.label)


ENGLISH = PictureWords()
LANGUAGES: dict[str, PictureWords] = {"en": ENGLISH}


def words_for(language: str) -> PictureWords:
    """The labels of ``language``; English when that language has none yet."""
    return LANGUAGES.get(language, ENGLISH)


# ---- the text that goes with /bracket -----------------------------------------------------------


def _season_line(b: F.SeasonBracket) -> str:
    name = md(f"{b.season.competition} {b.season.label}")
    first, last = md(b.rounds[0].name), md(b.rounds[-1].name)
    ties = plural(len(b.entries), "tie")
    if b.kind is F.BracketKind.COLUMNS:
        rounds = ", ".join(md(r.name) for r in b.rounds)
        return (
            f"{name}: the source has qualifying rounds only ({rounds}); {ties}, one column per "
            "round, winners joined to the tie the source next names them in."
        )
    span = first if first == last else f"{first} to {last}"
    line = f"{name}: {span}, {ties}."
    final = [e for e in b.entries if e.round is b.rounds[-1]]
    if len(final) == 1 and final[0].winner_club is not None:
        line += f" Winner: **{md(final[0].winner_club.name)}**."
    return line


def bracket_answer(f: F.BracketFacts, multi: bool) -> Answer:
    """The text beside the picture: which rounds of which season(s) it draws."""
    seasons = [b.season for b in f.brackets]
    if f.brackets:
        summary = "\n".join(_season_line(b) for b in f.brackets)
    else:
        summary = f"The source has no knockout round for {md(f.label)}."
    title = md(f"Bracket · {f.label}")
    if f.query.competition:
        title = md(f"Bracket · {f.query.competition} {f.label}")
    return Answer(
        "bracket",
        title,
        summary,
        footer=footer(seasons),
        ties=tuple(e for b in f.brackets for e in b.entries),
        query=f.query.as_dict(),
    )
