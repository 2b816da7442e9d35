"""Property: any text given to ``ask`` or a command never raises; answers are safe and bounded."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.wording.answer import Answer, AnswerKind
from bot.wording.markdown import MAX_BLOCKS, MAX_BODY, MAX_SUMMARY, MAX_TITLE
from bot.wording.speaker import Speaker

NASTY = [
    "@everyone",
    "@here",
    "<@123>",
    "<@!42>",
    "<#1>",
    "<@&1>",
    "`",
    "```",
    '"',
    "“",
    "'",
    "*",
    "_",
    "~",
    "|",
    ">",
    "\n",
    "Simba",
    "2012",
    "first",
    "club:",
    "season:",
    "/tie",
    " ",
    "Étoile",
    "\u200b",
    "\x00",
]

texts = st.one_of(
    st.text(max_size=500),
    st.lists(st.sampled_from(NASTY), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=30).map(" ".join),
)
PROPS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(answer: Answer) -> None:
    assert isinstance(answer, Answer)
    assert len(answer.title) <= MAX_TITLE
    assert len(answer.summary) <= MAX_SUMMARY
    assert len(answer.blocks) <= MAX_BLOCKS
    for block in answer.blocks:
        assert len(block.body) <= MAX_BODY and len(block.title) <= MAX_TITLE
    shown = answer.to_markdown()
    for raw in ("@everyone", "@here", "<@", "<#"):
        assert raw not in shown
    if answer.kind is AnswerKind.AMBIGUOUS:
        assert answer.candidates and answer.ambiguous_option


@PROPS
@given(line=texts)
def test_ask_any_line(hand_engine: Speaker, line: str) -> None:
    check(hand_engine.ask(line))
    check(hand_engine.ask("/tie " + line))
    check(hand_engine.ask("/headtohead " + line))
    check(hand_engine.ask("/season " + line))


@PROPS
@given(a=texts, b=texts)
def test_methods_any_text(hand_engine: Speaker, a: str, b: str) -> None:
    check(hand_engine.answer("tie", a, b or None, a or None, b or None))
    check(hand_engine.answer("club", a, b or None))
    check(hand_engine.answer("headtohead", a, b))
    check(hand_engine.answer("season", a, b or None))
    check(hand_engine.answer("decided", a, b or None))
    assert all(len(n) <= 100 for n in hand_engine.complete_club(a))
    assert len(hand_engine.complete_season(a, club=b)) <= 25


@settings(max_examples=25, deadline=None)
@given(line=texts)
def test_real_data_any_line(real_engine: Speaker, line: str) -> None:
    check(real_engine.ask(line))
    check(real_engine.ask("/club " + line))


def test_long_and_empty_lines(real_engine: Speaker) -> None:
    for line in (
        "",
        "   ",
        "/",
        "x" * 6000,
        "/tie " + "Simba " * 1000,
        '/tie "Simba',
        "/tie “Simba",
    ):
        answer = real_engine.ask(line)
        check(answer)
        assert answer.kind in {AnswerKind.INVALID, AnswerKind.NOT_FOUND}


def test_echo_is_escaped_and_truncated(hand_engine: Speaker) -> None:
    answer = hand_engine.answer("tie", "@everyone <@123> **bold** " + "z" * 300)
    assert answer.kind is AnswerKind.NOT_FOUND
    assert "@\u200beveryone" in answer.summary
    assert "\\*\\*bold\\*\\*" in answer.summary
    assert len(answer.summary) < 200


def test_every_real_answer_pages_within_limits(real_engine: Speaker) -> None:
    for line in ("/decided agg", "/season 2014", "/about", "/help", "/tie Djoliba"):
        answer = real_engine.ask(line)
        check(answer)
        assert answer.to_markdown().count("__") >= 2 * len(answer.blocks)
