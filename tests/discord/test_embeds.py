from __future__ import annotations

import discord

from bot.discord import embeds
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
from bot.discord.flags import Flagger, flag
from bot.wording.answer import Answer, AnswerKind, Block, Outcome
from tests.discord.fakeengine import FakeEngine


def within_limits(embed: discord.Embed) -> bool:
    """Whether Discord would accept this embed: the limits ``build_pages`` must keep."""
    return (
        len(embed) <= EMBED_MAX
        and len(embed.title or "") <= TITLE_MAX
        and len(embed.description or "") <= DESCRIPTION_MAX
        and len(embed.fields) <= FIELDS_MAX
        and all(
            len(f.name or "") <= FIELD_NAME_MAX and len(f.value or "") <= FIELD_VALUE_MAX
            for f in embed.fields
        )
        and len(embed.footer.text or "") <= FOOTER_MAX
    )


def test_flag_from_fifa_codes():
    assert flag("TUN") == "🇹🇳"
    assert flag("alg") == "🇩🇿"
    assert flag("RSA") == "🇿🇦"
    assert flag("ZAN") == ""
    assert flag(None) == ""


def test_flagger_longest_name_first_and_idempotent():
    countries = {"Étoile du Sahel": "TUN", "Sahel": "NIG", "KMKM": "ZAN"}
    text = Flagger(countries)("Étoile du Sahel 3–0 KMKM")
    assert text == "🇹🇳 Étoile du Sahel 3–0 KMKM"
    assert Flagger(countries)(text) == text
    assert Flagger(countries)("Sahel") == "🇳🇪 Sahel"
    assert Flagger(countries)("Sahelian") == "Sahelian"
    both = {"Horoya": "GUI", "Étoile du Sahel": "TUN"}
    title = "2014 · Play-off round — Horoya vs Étoile du Sahel"
    assert Flagger(both)(title) == "2014 · Play-off round — 🇬🇳 Horoya vs 🇹🇳 Étoile du Sahel"


def test_answer_becomes_titled_coloured_embed_with_fields_and_footer():
    answer = FakeEngine().tie("Sahel")
    [page] = build_pages(answer)
    assert page.title == "🇹🇳 Étoile du Sahel: ties"
    assert page.colour == discord.Colour.green()
    assert [f.name for f in page.fields] == ["🇹🇳 Étoile du Sahel 3–0 KMKM"]  # ZAN: no flag
    assert page.footer.text == "Source: CAF Confederation Cup 2017"


def test_footer_falls_back_to_the_seasons_of_the_ties():
    answer = FakeEngine().tie("Kabylie")
    bare = Answer("tie", answer.title, blocks=answer.blocks, ties=answer.ties)
    assert build_pages(bare)[0].footer.text == "Source: CAF Confederation Cup 2017"


def test_colour_by_kind_and_outcome():
    assert build_pages(Answer("x", "t", outcome=Outcome.LOST))[0].colour == discord.Colour.red()
    nf = Answer("x", "t", kind=AnswerKind.NOT_FOUND, outcome=Outcome.WON)
    assert build_pages(nf)[0].colour == discord.Colour.orange()


def test_huge_answer_pages_within_every_limit():
    blocks = tuple(Block("T" * 400, ("line of text " * 20 + "\n") * 30) for _ in range(40))
    answer = Answer("club", "X" * 500, "S" * 5000, blocks, footer="F" * 3000)
    pages = build_pages(answer)
    assert len(pages) > 5
    for page in pages:
        assert within_limits(page)
        assert len(page) <= embeds.EMBED_MAX
        assert len(page.fields) <= embeds.FIELDS_PER_PAGE
    assert pages[0].description and pages[0].description.endswith("…")  # cut to fit 6,000
    assert pages[1].description is None
    assert pages[-1].footer.text.endswith(f"page {len(pages)}/{len(pages)}")
    # nothing is lost: every line of every block appears, in order, across the pages
    text = "\n".join(f.value or "" for p in pages for f in p.fields)
    assert text.count("line of text") == 40 * 30 * 20


def test_long_unbroken_line_is_hard_split():
    answer = Answer("x", "t", blocks=(Block("b", "y" * 5000),))
    fields = [f for p in build_pages(answer) for f in p.fields]
    assert "".join(f.value or "" for f in fields) == "y" * 5000
    assert fields[1].name == "b (cont.)"


def test_empty_block_and_title_use_placeholders():
    page = build_pages(Answer("x", "", blocks=(Block("", ""),)))[0]
    assert page.title == embeds.EMPTY
    assert page.fields[0].name == embeds.EMPTY and page.fields[0].value == embeds.EMPTY


def test_mentions_are_defused_in_every_part():
    answer = Answer(
        "x", "@everyone", "<@123> @here", (Block("<@&5>", "@everyone"),), footer="@here"
    )
    page = build_pages(answer)[0]
    parts = [page.title, page.description, page.fields[0].name, page.fields[0].value,
             page.footer.text]  # fmt: skip
    for part in parts:
        assert "@everyone" not in part and "@here" not in part and "<@1" not in part
        assert "<@&" not in part
