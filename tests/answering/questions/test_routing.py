"""Console lines: which are commands and which are questions, and /records typed by hand."""

from __future__ import annotations

from bot.answering import facts as F
from bot.answering.questions.routing import is_bare_command, question_of
from bot.wording.answer import AnswerKind
from bot.wording.speaker import Speaker


def test_a_line_is_a_question_unless_it_is_a_command() -> None:
    assert question_of("who won 2019") == "who won 2019"
    assert question_of("Simba 2012") == "Simba 2012"
    assert question_of("/ask who won 2019") == "who won 2019"
    assert question_of("ask  who won 2019") == "who won 2019"
    assert question_of("/ask") == ""
    for command in ("/tie Simba", "tie Simba 2012", "!tie Simba", "/who won", "", "  "):
        assert question_of(command) is None, command
    assert is_bare_command("champions league winners") and not is_bare_command("/winners x")


def test_the_console_answers_questions_and_commands_alike(all_engine: Speaker) -> None:
    engine = all_engine.engine
    asked = engine.ask("who won the 2019 champions league")
    assert isinstance(asked, F.AskFacts) and asked.understood is not None
    assert isinstance(engine.ask("tie Simba 2012"), F.TieFacts)  # a command word, no "/"
    # "champions" is /winners' alias, but "league winners" is no competition: a question
    asked = engine.ask("champions league winners")
    assert isinstance(asked, F.AskFacts) and asked.understood is not None
    assert asked.understood.command == "winners"
    refused = engine.ask("!tie Simba")  # a mistyped command stays a command: never guessed
    assert isinstance(refused, F.Refusal)
    assert all_engine.ask("x" * 600).kind is AnswerKind.INVALID  # too long to be anything


def test_records_typed_in_the_console(all_engine: Speaker) -> None:
    for line in ("/records CL 2014", "/records 2014 Champions League",
                 "/records competition:CL season:2014", "records 2014 CL"):  # fmt: skip
        answer = all_engine.ask(line)
        assert answer.command == "records" and answer.kind is AnswerKind.OK, line
        assert answer.query["season"] == "2014"
        assert answer.query["competition"] == "CAF Champions League"
    assert all_engine.ask("/records 1999").kind is AnswerKind.NOT_FOUND
    assert all_engine.ask("/records Premier League").kind is AnswerKind.NOT_FOUND
