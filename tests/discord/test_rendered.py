"""The rendered-answer cache: the same question of the same Speaker is worded and built once."""

from __future__ import annotations

import pytest

from bot.discord import rendered
from bot.discord.embeds import build_pages
from bot.discord.rendered import render
from bot.wording.answer import Answer, Picture
from tests.discord.fakeengine import FakeEngine

SAHEL = (("club", "Sahel"), ("season", None), ("round", None), ("competition", None))


def test_the_same_question_is_answered_once_with_the_same_embeds():
    engine = FakeEngine()
    first = render(engine, "tie", SAHEL, "en")
    again = render(engine, "tie", SAHEL, "en")
    assert again is first and len(engine.calls) == 1
    assert [p.to_dict() for p in first.pages] == [p.to_dict() for p in build_pages(first.answer)]


def test_another_language_or_option_is_another_answer():
    engine = FakeEngine()
    render(engine, "tie", SAHEL, "en")
    render(engine, "tie", SAHEL, "fr")
    render(engine, "tie", (("club", "Kabylie"), *SAHEL[1:]), "en")
    assert len(engine.calls) == 3 and engine.languages == ["en", "fr", "en"]


class Live:
    """Hot reload's façade: the speaker in use is ``current``, swapped between interactions."""

    def __init__(self, speaker: FakeEngine) -> None:
        self.current = speaker

    def answer(self, *args, **kwargs):  # pragma: no cover - render asks ``current``
        raise AssertionError("render must ask the current speaker")


def test_a_new_speaker_after_a_reload_answers_afresh():
    old, new = FakeEngine(), FakeEngine()
    live = Live(old)
    render(live, "tie", SAHEL, "en")
    live.current = new
    render(live, "tie", SAHEL, "en")
    assert len(old.calls) == 1 and len(new.calls) == 1


def test_answers_with_pictures_are_not_kept():
    class Drawing(FakeEngine):
        def answer(self, command, *args, lang=None, **options):
            self.calls.append((command, options))
            return Answer(command, "Bracket", files=(Picture("b.png", b"\x89PNG", 10, 10),))

    engine = Drawing()
    render(engine, "bracket", (("season", "2017"),), "en")
    render(engine, "bracket", (("season", "2017"),), "en")
    assert len(engine.calls) == 2


def test_least_recently_used_goes_first_and_size_zero_keeps_nothing(
    monkeypatch: pytest.MonkeyPatch,
):
    engine = FakeEngine()
    monkeypatch.setattr(rendered, "SIZE", 2)
    for club in ("Sahel", "Kabylie", "Sahel", "Simba", "Kabylie"):
        render(engine, "tie", (("club", club), *SAHEL[1:]), "en")
    asked = [options["club"] for _, options in engine.calls]
    assert asked == ["Sahel", "Kabylie", "Simba", "Kabylie"]  # Sahel kept, Kabylie evicted
    monkeypatch.setattr(rendered, "SIZE", 0)
    other = FakeEngine()
    render(other, "tie", SAHEL, "en")
    render(other, "tie", SAHEL, "en")
    assert len(other.calls) == 2


def test_failures_are_not_kept():
    engine = FakeEngine()
    boom = (("club", "boom"), *SAHEL[1:])
    for _ in range(2):
        with pytest.raises(RuntimeError):
            render(engine, "tie", boom, "en")
    assert len(engine.calls) == 2


async def test_the_same_keystrokes_get_the_same_suggestions_once():
    from types import SimpleNamespace

    from bot.discord import autocomplete as ac
    from tests.discord.conftest import make_interaction

    engine = FakeEngine()
    interaction = make_interaction(engine, namespace={"club": "Kabylie"})
    interaction.command = SimpleNamespace(name="tie")
    first = await ac.club(interaction, "etoile")
    assert await ac.club(interaction, "etoile") == first
    await ac.season(interaction, "20")
    await ac.season(interaction, "20")
    interaction.namespace = SimpleNamespace(club="Sahel")  # another club typed: asked again
    await ac.season(interaction, "20")
    assert [kind for kind, _ in engine.calls] == ["complete_club", "complete_season",
                                                  "complete_season"]  # fmt: skip
    interaction.namespace = SimpleNamespace(club="x" * 101)  # over Discord's limit: not kept
    await ac.season(interaction, "20")
    await ac.season(interaction, "20")
    assert len(engine.calls) == 5


def test_http_suggestions_are_kept_per_speaker():
    from bot.http.autocomplete import suggestions

    old, new = FakeEngine(), FakeEngine()
    live = Live(old)
    for _ in range(2):
        assert suggestions(live, "tie", {"club": "etoile"}, "club")
    live.current = new
    suggestions(live, "tie", {"club": "etoile"}, "club")
    suggestions(live, "tie", {"club": "Kabylie", "season": "2"}, "season")
    suggestions(live, "tie", {"club": "Sahel", "season": "2"}, "season")
    assert len(old.calls) == 1 and [k for k, _ in new.calls] == [
        "complete_club", "complete_season", "complete_season"]  # fmt: skip
