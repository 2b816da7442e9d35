"""What any shown text goes through: no Markdown injection, no mention, no bidi reordering."""

from __future__ import annotations

import pytest

from bot.wording.markdown import echo, md, neutralise


@pytest.mark.parametrize(
    "control",
    ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
     "\u200e", "\u200f", "\u061c"],
)  # fmt: skip
def test_bidirectional_controls_are_neutralised(control: str) -> None:
    shown = md(f"Simba{control}SC")
    assert control not in shown
    assert shown == "Simba SC"


def test_a_right_to_left_override_in_a_typed_name_cannot_flip_the_line() -> None:
    assert "\u202e" not in echo("\u202eabmiS @everyone")
    assert "@\u200beveryone" in echo("\u202eabmiS @everyone")


def test_markdown_and_mentions() -> None:
    assert md("**x** <@1>") == "\\*\\*x\\*\\* <\u200b@\u200b1\\>"
    assert neutralise("@here <#5>") == "@\u200bhere <#\u200b5>"
