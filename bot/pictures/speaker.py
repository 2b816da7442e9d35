"""The Speaker with pictures: the same answers, with a PNG attached where one helps.

``/bracket`` gets one picture per season it names, ``/club`` the club's
journey.  Adapters that can show images (Discord, ``ask --out``) use this
speaker; the text console keeps the plain one.  Drawing never costs an answer:
if a picture cannot be made, the text is sent without it (and the failure
is logged).
"""

from __future__ import annotations

import dataclasses
import logging
import re

from bot.answering import facts as F
from bot.answering.engine import Engine
from bot.domain.names import fold
from bot.pictures.brackets import season_layout
from bot.pictures.cache import PictureCache
from bot.pictures.draw import png
from bot.pictures.journeys import journey_layout
from bot.pictures.layout import Layout
from bot.pictures.runs import club_runs
from bot.pictures.typeface import Typeface
from bot.wording.answer import Answer, Picture
from bot.wording.pictures import PictureWords, words_for
from bot.wording.speaker import Speaker

log = logging.getLogger(__name__)

MAX_PICTURES = 4  # seasons drawn for one /bracket (a label can name several competitions)


def slug(*parts: str) -> str:
    """An ASCII file name part: "CAF Champions League 2022–23" → "caf-champions-league-2022-23"."""
    text = "-".join(fold(p) for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")


def picture(name: str, layout: Layout, tf: Typeface) -> Picture:
    return Picture(f"{name}.png", png(layout, tf), layout.width, layout.height, layout.description)


class PictureSpeaker(Speaker):
    """A Speaker whose bracket and club answers carry pictures (cached per language)."""

    def __init__(
        self,
        engine: Engine,
        language: str = "en",
        cache: PictureCache | None = None,
        typeface: Typeface | None = None,
    ) -> None:
        super().__init__(engine)
        self.language = language
        self.words: PictureWords = words_for(language)
        self.cache = cache if cache is not None else PictureCache()
        self.typeface = typeface if typeface is not None else Typeface()

    def word(self, facts: F.Facts, lang: str | None = None) -> Answer:
        answer = super().word(facts, lang)
        try:
            files = self.pictures(facts, lang or self.language)
        except Exception:  # a picture is a bonus: the text answer still goes out
            log.exception("could not draw the picture for %s", type(facts).__name__)
            return answer
        return dataclasses.replace(answer, files=files) if files else answer

    def pictures(self, facts: F.Facts, lang: str | None = None) -> tuple[Picture, ...]:
        """The pictures that go with ``facts`` (none for most commands), in ``lang``."""
        lang = lang or self.language
        words, tf = (self.words if lang == self.language else words_for(lang)), self.typeface
        if isinstance(facts, F.BracketFacts):
            return tuple(self._bracket(b, words, lang) for b in facts.brackets[:MAX_PICTURES])
        if isinstance(facts, F.ClubFacts):
            club, comp, label = facts.club, facts.query.competition, facts.label
            key = ("journey", comp, label, club.key, lang)

            def make() -> Picture:
                runs = club_runs(self.catalog, club, label, comp)
                name = "journey-" + (slug(club.name) or "club")
                return picture(name, journey_layout(club, runs, words, tf), tf)

            return (self.cache.get(key, make),)
        return ()

    def _bracket(self, b: F.SeasonBracket, words: PictureWords, lang: str) -> Picture:
        key = ("bracket", b.season.competition, b.season.label, None, lang)
        name = "bracket-" + (slug(b.season.competition, b.season.label) or "season")
        tf = self.typeface
        return self.cache.get(key, lambda: picture(name, season_layout(b, words, tf), tf))


def with_pictures(speaker: Speaker, language: str = "en") -> PictureSpeaker:
    """The same engine, answering with pictures (the indexes are shared, not rebuilt)."""
    return PictureSpeaker(speaker.engine, language)
