"""The longest answers in every language stay within Discord's limits, keep their isolates
balanced, and say nothing in English where a translation exists.

Translations are longer than English (French by about a fifth, Arabic by its isolates):
the answers are bounded after they are worded, in their language, so the limits hold
whatever the language; these questions are the longest the shipped data gives.
"""

from __future__ import annotations

import re

import pytest

from bot.discord.embeds import (
    DESCRIPTION_MAX,
    EMBED_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    build_pages,
)
from bot.wording.answer import Answer
from bot.wording.i18n.words import FSI, PDI, words_for
from bot.wording.markdown import MAX_BLOCKS, MAX_BODY, MAX_FOOTER, MAX_SUMMARY, MAX_TITLE
from bot.wording.speaker import Speaker
from tests.i18n.conftest import LANGS
from tests.i18n.questions import QUESTIONS

LONGEST = (
    "/tie Al Ahly", "/club Al Ahly", "/tie Esperance", "/club Esperance",
    "/headtohead Ahly Esperance", "/headtohead Wydad Raja", "/season 2012", "/season 2023-24",
    "/season 2017 playoff", "/season 2012 R1", "/decided aggregate", "/decided penalties",
    "/decided walkover", "/group 2023-24", "/group 2022-23", "/winners", "/about", "/help",
    "/bracket 2023-24", "/tie Zorro", "/tie Leopards", "/xyz",
)  # fmt: skip
# Words only the bot's English messages use (club names and source notes stay as written).
ENGLISH = re.compile(
    r"\b(on aggregate|on away goals|penalty shoot-out|advanced to|qualified for|the source|"
    r"not given|went through|Scorers|Legs|Examples|Group stage|Round of|Quarter-finals|"
    r"Semi-finals|runners-up|champions of|won the final|single match|tie in|ties in)\b"
)


def parts(answer: Answer) -> list[str]:
    return [answer.title, answer.summary, answer.footer,
            *(t for b in answer.blocks for t in (b.title, b.body))]  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_answers_fit_discord_in_every_language(shipped: Speaker, lang: str) -> None:
    for line in LONGEST:
        a = shipped.ask(line, lang)
        assert len(a.title) <= MAX_TITLE and len(a.summary) <= MAX_SUMMARY, line
        assert len(a.footer) <= MAX_FOOTER and len(a.blocks) <= MAX_BLOCKS, line
        for block in a.blocks:
            assert len(block.title) <= MAX_TITLE and len(block.body) <= MAX_BODY, line
        for text in parts(a):
            assert text.count(FSI) == text.count(PDI), (line, text[:80])
        for page in build_pages(a):
            data = page.to_dict()
            assert len(page) <= EMBED_MAX, line
            assert len(data.get("title", "")) <= TITLE_MAX, line
            assert len(data.get("description", "")) <= DESCRIPTION_MAX, line
            assert len(data.get("fields", [])) <= FIELDS_MAX, line
            assert all(len(f["name"]) <= FIELD_NAME_MAX for f in data.get("fields", [])), line
            assert all(len(f["value"]) <= FIELD_VALUE_MAX for f in data.get("fields", [])), line
            assert len(data.get("footer", {}).get("text", "")) <= FOOTER_MAX, line


def test_translations_are_longer_and_still_bounded(shipped: Speaker) -> None:
    size = {lang: len(shipped.ask("/season 2012", lang).to_markdown()) for lang in LANGS}
    assert size["fr"] > size["en"] and size["pt"] > size["en"] and size["ar"] > size["en"]
    capped = {lang: shipped.ask("/decided aggregate", lang) for lang in LANGS}
    for lang, answer in capped.items():  # too many ties for one answer: said how many more
        assert len(answer.blocks) <= MAX_BLOCKS and answer.blocks[-1].title != "", lang


@pytest.mark.parametrize("lang", ["fr", "ar", "pt"])
def test_no_english_word_is_left_in_a_translated_answer(shipped: Speaker, lang: str) -> None:
    lines = [*(q.line for q in QUESTIONS), *LONGEST]
    w = words_for(lang)
    quoting = (w._("Note: {note}", note=""), w._("The sources disagree on {what}: {versions}.",
                                                  what="", versions="")[:12])  # fmt: skip
    leftovers = []
    for line in lines:
        a = shipped.ask(line, lang)
        text = "\n".join([a.title, a.summary, *(f"{b.title}\n{b.body}" for b in a.blocks)])
        for row in text.split("\n"):
            row = row.replace(FSI, "").replace(PDI, "")
            if row.startswith(tuple(q.replace(FSI, "").replace(PDI, "") for q in quoting)):
                continue  # a source's own note or values, quoted as written
            found = ENGLISH.search(row)
            if found:
                leftovers.append((line, found.group(0), row[:120]))
    assert not leftovers, leftovers[:5]
