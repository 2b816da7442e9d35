"""Every word a picture shows, and the text that goes with a bracket picture.

The picture stage (``bot.pictures``) draws boxes and lines; each label in
them comes from the ``PictureWords`` of one language, whose words are messages
of the same catalogs as every answer (context "picture").  A picture draws its
text itself, so its words are filled without the Unicode isolates a Discord
answer needs (the drawing lays out each label's direction on its own).  Club
names are the curated ones of the language where there are, else the source's;
round and competition names are the language's own football words.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from bot.answering import facts as F
from bot.domain.models import Club, Season
from bot.wording.answer import Answer
from bot.wording.i18n.catalogs import translations
from bot.wording.i18n.words import Words
from bot.wording.i18n.words import words_for as answer_words
from bot.wording.markdown import md, plural
from bot.wording.rounds import competition_name, round_label, round_title
from bot.wording.sources import footer


class Ending(StrEnum):
    """How a club's season ended, as a journey picture colours it."""

    CHAMPIONS = "champions"
    RUNNER_UP = "runner_up"  # lost the final
    OUT = "out"  # lost a knockout tie (or did not go on from its group)
    THROUGH = "through"  # won its last tie and the document ends before the next round
    UNKNOWN = "unknown"  # the source does not say


class PictureWords:
    """The labels of one language.  ``rtl``: the language reads right to left."""

    def __init__(self, w: Words) -> None:
        self.w = w
        self.language = w.lang
        self.rtl = w.rtl
        self.unknown = w.pgettext("picture", "unknown")
        # TRANSLATORS: a shoot-out whose score the source does not give (short: a tie box).
        self.penalties_no_score = w.pgettext("picture", "p")
        # TRANSLATORS: decided on away goals (short: a tie box).
        self.away_goals = w.pgettext("picture", "a")
        self.walkover = w.pgettext("picture", "w/o")
        # TRANSLATORS: decided by a withdrawal (short: a tie box).
        self.withdrawal = w.pgettext("picture", "w/d")
        # TRANSLATORS: after extra time (short: a tie box).
        self.extra_time = w.pgettext("picture", "aet")
        self.no_score = "–"  # a leg without a score (cancelled, abandoned, not given)
        self.legs_unknown = w.pgettext("picture", "legs not given")
        self.columns_note = w.pgettext("picture", "qualifying rounds")

    def __repr__(self) -> str:
        return f"PictureWords({self.language!r})"

    def round_name(self, name: str) -> str:
        """A round's column or row heading: the language's name for it, else the source's."""
        return round_label(name, self.w)

    def club(self, club: Club) -> str:
        return self.w.club(club)

    def shootout(self, score: tuple[int, int] | None) -> str:
        if score is None:
            return self.penalties_no_score
        return self.w.pgettext("picture", "p {a}–{b}", a=score[0], b=score[1])

    def seasons(self, count: int) -> str:
        """ "1 season", "21 seasons": how many rows a journey has."""
        return plural(count, "season", self.w)

    def ending(self, ending: Ending) -> str:
        match ending:
            case Ending.CHAMPIONS:
                return self.w.pgettext("picture", "champions")
            case Ending.RUNNER_UP:
                return self.w.pgettext("picture", "runner-up")
            case Ending.OUT:
                return self.w.pgettext("picture", "out")
            case Ending.THROUGH:
                return self.w.pgettext("picture", "went through")
        return self.unknown

    def season_title(self, season: Season) -> str:
        return f"{competition_name(season.competition, self.w)} {season.label}"

    def bracket_alt(self, title: str) -> str:
        return self.w.pgettext("picture", "Knockout bracket: {title}", title=title)

    def journey_alt(self, club: Club) -> str:
        return self.w.pgettext("picture", "Journey of {club}, season by season",
                               club=self.club(club))  # fmt: skip

    def source(self, files: str) -> str:
        return self.w.pgettext("picture", "Source: {files}", files=files)

    def many_sources(self, count: int) -> str:
        return plural(count, "season document", self.w)

    def champion(self, club: Club) -> str:
        return self.w.pgettext("picture", "Champions: {club}", club=self.club(club))


@cache
def words_for(language: str | None) -> PictureWords:
    """The labels of ``language`` (English for a language the bot does not have)."""
    found = answer_words(language)
    return PictureWords(Words(found.lang, translations(found.lang), isolate=False))


ENGLISH = words_for("en")


# ---- the text that goes with /bracket -----------------------------------------------------------


def _season_line(b: F.SeasonBracket, w: Words) -> str:
    name = md(f"{competition_name(b.season.competition, w)} {b.season.label}")
    first, last = round_title(b.rounds[0].name, w), round_title(b.rounds[-1].name, w)
    ties = plural(len(b.entries), "tie", w)
    if b.kind is F.BracketKind.COLUMNS:
        rounds = w.separator.join(round_title(r.name, w) for r in b.rounds)
        return w._("{season}: the source has qualifying rounds only ({rounds}); {ties}, one "
                   "column per round, winners joined to the tie the source next names them in.",
                   season=name, rounds=rounds, ties=ties)  # fmt: skip
    if first == last:
        line = w._("{season}: {round}, {ties}.", season=name, round=first, ties=ties)
    else:
        line = w._("{season}: {first} to {last}, {ties}.", season=name, first=first, last=last,
                   ties=ties)  # fmt: skip
    final = [e for e in b.entries if e.round is b.rounds[-1]]
    if len(final) == 1 and final[0].winner_club is not None:
        line += " " + w._("Winner: {club}.", club=f"**{md(w.club(final[0].winner_club))}**")
    return line


def bracket_answer(f: F.BracketFacts, multi: bool, w: Words | None = None) -> Answer:
    """The text beside the picture: which rounds of which season(s) it draws."""
    w = w or answer_words(None)
    seasons = [b.season for b in f.brackets]
    if f.brackets:
        summary = "\n".join(_season_line(b, w) for b in f.brackets)
    else:
        summary = w._("The source has no knockout round for {season}.", season=md(f.label))
    if f.query.competition:
        season = md(f"{competition_name(f.query.competition, w)} {f.label}")
    else:
        season = md(f.label)
    return Answer(
        "bracket",
        w._("Bracket · {season}", season=season),
        summary,
        footer=footer(seasons, w),
        ties=tuple(e for b in f.brackets for e in b.entries),
        query=f.query.as_dict(),
    )
