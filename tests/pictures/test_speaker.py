"""The speaker with pictures: which answers carry which pictures, the cache, and failures."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from bot.answering.engine import Engine
from bot.pictures import speaker as speaker_module
from bot.pictures.cache import PictureCache
from bot.pictures.speaker import PictureSpeaker, slug, with_pictures
from bot.wording.answer import AnswerKind, Picture
from bot.wording.speaker import Speaker

PNG = b"\x89PNG\r\n\x1a\n"


def test_bracket_answer_carries_one_png_per_season(painter: PictureSpeaker) -> None:
    answer = painter.ask("/bracket 2022-23")
    assert answer.kind is AnswerKind.OK
    assert [p.name for p in answer.files] == [
        "bracket-caf-champions-league-2022-23.png",
        "bracket-caf-confederation-cup-2022-23.png",
    ]
    for picture in answer.files:
        assert picture.data.startswith(PNG) and picture.width > 0 and picture.height > 0
        assert picture.description.startswith("Knockout bracket: ")
    assert "Quarterfinals to Final, 7 ties" in answer.summary


def test_club_answer_gains_a_journey_and_keeps_its_text(painter: PictureSpeaker) -> None:
    plain = Speaker(painter.engine)
    for line in ("/club Simba", "/club Étoile du Sahel 2014", "/club JSK competition:CAF"):
        pictured = painter.ask(line)
        assert dataclasses.replace(pictured, files=()) == plain.ask(line), line
    [journey] = painter.ask("/club Simba").files
    assert journey.name == "journey-simba.png" and journey.data.startswith(PNG)


def test_other_answers_have_no_picture(painter: PictureSpeaker) -> None:
    for line in ("/tie Simba 2012", "/season 2017", "/help", "/club Nowhere FC", "/bracket",
                 "/bracket 1999", "/club Leopards"):  # fmt: skip
        assert painter.ask(line).files == (), line


def test_pictures_are_cached_per_question_and_language(full_engine: Engine) -> None:
    cache = PictureCache()
    english = PictureSpeaker(full_engine, cache=cache)
    first = english.ask("/bracket 2023").files
    again = english.ask("/bracket 2023").files
    assert all(a is b for a, b in zip(first, again, strict=True))  # served, not drawn again
    assert (cache.misses, cache.hits) == (2, 2)
    other = PictureSpeaker(full_engine, language="xx", cache=cache)  # falls back to English words
    assert [p.data for p in other.ask("/bracket 2023").files] == [p.data for p in first]
    assert cache.misses == 4  # but a language is its own key
    narrowed = english.ask("/club Al Ahly 2023").files[0]
    assert narrowed.data != english.ask("/club Al Ahly").files[0].data


def test_cache_is_bounded_by_count_and_bytes() -> None:
    cache = PictureCache(max_entries=3, max_bytes=100)
    for n in range(5):
        cache.get(n, lambda n=n: Picture(f"{n}.png", b"x" * 30, 1, 1))
    assert len(cache) == 3 and cache.bytes == 90
    cache.get(5, lambda: Picture("5.png", b"x" * 60, 1, 1))
    assert len(cache) == 2 and cache.bytes == 90  # the oldest went to make room
    big = cache.get(6, lambda: Picture("6.png", b"x" * 500, 1, 1))
    assert big.name == "6.png" and len(cache) == 2  # served, never kept


def test_a_failed_drawing_still_answers(
    painter: PictureSpeaker, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("no ink")

    fresh = with_pictures(painter)
    monkeypatch.setattr(speaker_module, "season_layout", broken)
    with caplog.at_level(logging.ERROR):
        answer = fresh.ask("/bracket 2005")
    assert answer.files == () and "Semifinals to Final" in answer.summary
    assert "could not draw" in caplog.text


def test_file_names_are_ascii() -> None:
    assert slug("CAF Confederation Cup", "2023–24") == "caf-confederation-cup-2023-24"
    assert slug("Étoile du Sahel") == "etoile-du-sahel"
    assert slug("الأهلي") == ""  # then the speaker names it "journey-club.png"
