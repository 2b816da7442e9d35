"""The same reviewed answers through the fake Discord: French and Portuguese by the
interaction's ``locale`` (Discord's ``fr`` and ``pt-BR``), Arabic by the asker's
``/settings language`` choice (Discord has no Arabic locale), English by default.

Each reply's first embed must be the reviewed answer (``expected/<lang>/``) laid out as
the adapter lays out every answer (``build_pages``): same title, summary, fields, footer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.discord.embeds import build_pages
from bot.testing.harness import running_bot
from bot.wording.speaker import Speaker
from tests.i18n.conftest import LANGS
from tests.i18n.questions import QUESTIONS
from tests.i18n.test_expected import expected_file

pytestmark = pytest.mark.timeout(120)
LOCALES = {"en": "en-US", "fr": "fr", "pt": "pt-BR", "ar": "en-US"}  # ar: by /settings
ASKED = [q for q in QUESTIONS if q.command != "settings"]  # /settings answers the asker's state


def shown(embed: dict[str, Any]) -> dict[str, Any]:
    """What a reader sees of an embed (the colour and the picture are checked elsewhere)."""
    return {
        "title": embed.get("title"),
        "description": embed.get("description"),
        "fields": [(f["name"], f["value"]) for f in embed.get("fields", [])],
        "footer": (embed.get("footer") or {}).get("text"),
    }


async def ask(fake: Any, name: str, options: dict[str, Any], locale: str) -> dict[str, Any]:
    payload = fake.command(name, options)
    payload["locale"] = locale
    body: dict[str, Any] = await fake.interact(payload)
    return body


@pytest.mark.parametrize("lang", LANGS)
async def test_discord_shows_the_reviewed_answers(
    lang: str, shipped: Speaker, tmp_path: Path
) -> None:
    async with running_bot(shipped, tmp_path) as h:
        if lang == "ar":
            body = await ask(h.fake, "settings", {"language": "ar"}, LOCALES[lang])
            assert "العربية" in body["data"]["embeds"][0]["description"]
        for q in ASKED:
            answer = shipped.answer(q.command, lang=lang, **q.options)
            reviewed = expected_file(lang, q.slug).read_text(encoding="utf-8")
            assert answer.to_markdown() + "\n" == reviewed, q.slug  # the options ask the line
            body = await ask(h.fake, q.command, q.options, LOCALES[lang])
            got = shown(body["data"]["embeds"][0])
            assert got == shown(build_pages(answer)[0].to_dict()), (lang, q.slug)
