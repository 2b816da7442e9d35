"""Questions in plain words, in four languages, each answered through the command it names.

``phrasings.txt`` lists each question with the command line it must be understood as.  The
test asks it as Discord does (``/ask question:…``) and as a console line, and checks that
the answer is that command's own answer (the command line typed in the console) after the
"Understood as" line: the same title, blocks, ties, footer and kind, the same summary below.
Questions no phrase reads get the closest commands, never an answer.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answering.table import BY_WORD
from bot.wording.answer import Answer, AnswerKind
from bot.wording.speaker import Speaker

HERE = Path(__file__).resolve().parent


def _phrasings() -> list[tuple[str, str, str]]:
    """(language, question, expected command line) from ``phrasings.txt``."""
    found, lang = [], ""
    for line in (HERE / "phrasings.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            lang = line.strip("[]")
            continue
        question, expected = (part.strip() for part in line.split("=>"))
        found.append((lang, question, expected))
    return found


PHRASINGS = _phrasings()


def test_the_file_has_enough_phrasings_in_every_language() -> None:
    counts = Counter(lang for lang, _, _ in PHRASINGS)
    assert counts["en"] >= 40
    assert all(counts[lang] >= 10 for lang in ("fr", "ar", "pt")), counts
    commands = {expected.split()[0] for _, _, expected in PHRASINGS}
    assert commands >= {"/tie", "/club", "/headtohead", "/season", "/group", "/winners",
                        "/decided", "/records", "/bracket", "/help", "/about"}  # fmt: skip


def _same_answer(asked: Answer, direct: Answer, expected: str) -> None:
    assert asked.query["understood"]["line"] == expected
    first = f"Understood as `{expected}`."
    assert asked.summary.startswith(first), asked.summary[:300]
    if direct.summary:
        assert asked.summary.endswith("\n" + direct.summary)
    for part in ("command", "title", "blocks", "footer", "kind", "ties", "matches", "candidates"):
        assert getattr(asked, part) == getattr(direct, part), part


@pytest.mark.parametrize(("lang", "question", "expected"), PHRASINGS,
                         ids=[f"{lang}:{q}" for lang, q, _ in PHRASINGS])  # fmt: skip
def test_each_question_is_answered_by_the_command_it_names(
    all_engine: Speaker, lang: str, question: str, expected: str
) -> None:
    direct = all_engine.ask(expected)  # the command line itself, through the console grammar
    assert direct.kind is not AnswerKind.INVALID, direct.summary
    asked = all_engine.answer("ask", question=question)  # as Discord sends /ask
    _same_answer(asked, direct, expected)
    if question.split()[0].lower() not in BY_WORD:  # a console line that is no command
        _same_answer(all_engine.ask(question), direct, expected)


def test_the_understood_line_is_in_the_language_of_the_answer(all_engine: Speaker) -> None:
    line = '/headtohead Al-Ahly "Espérance de Tunis"'
    fr = all_engine.answer("ask", question="Ahly vs Esperance", lang="fr")
    assert fr.summary.startswith(f"Compris comme `{line}`.")
    ar = all_engine.answer("ask", question="الأهلي ضد Esperance", lang="ar")
    assert ar.summary.startswith("فُهم السؤال على أنه \u2068`" + line + "`\u2069.")
    pt = all_engine.answer("ask", question="Ahly contra Esperance", lang="pt")
    assert pt.summary.startswith(f"Entendido como `{line}`.")


@pytest.mark.parametrize(
    ("question", "suggested"),
    [
        ("what is the weather", []),
        ("who is the best player in 2019", ["/season 2019", "/group 2019"]),
        ("hello", []),
        ("tell me a joke", []),
        ("blah Simba 2012 foo", ["/tie Simba 2012", "/club Simba 2012", "/season 2012"]),
        (
            "Simba Wydad Horoya 2012 blah",
            ['/headtohead Simba "Wydad AC"', "/tie Simba 2012", "/club Simba 2012"],
        ),
        (
            "penalties please in 2014 thanks",
            ["/decided penalties 2014", "/season 2014", "/group 2014"],
        ),
        ("quelle heure est-il", []),
        ("ما هو الطقس", []),
    ],
)
def test_a_question_no_phrase_reads_gets_the_closest_commands_never_an_answer(
    all_engine: Speaker, question: str, suggested: list[str]
) -> None:
    answer = all_engine.answer("ask", question=question)
    assert answer.kind is AnswerKind.NOT_FOUND and answer.command == "ask"
    assert not answer.ties and not answer.blocks
    assert answer.query["suggestions"] == suggested
    for line in suggested:  # each suggestion is a command line the console answers
        assert f"`{line}`" in answer.summary
        assert all_engine.ask(line).kind is not AnswerKind.INVALID
    assert "`/help`" in answer.summary


def test_an_empty_question_says_how_to_ask(all_engine: Speaker) -> None:
    answer = all_engine.answer("ask", question="   ")
    assert answer.kind is AnswerKind.INVALID and "who knocked out Simba in 2012" in answer.summary
    assert all_engine.ask("/ask").summary == answer.summary


def test_who_knocked_out_points_at_the_tie_lost(all_engine: Speaker) -> None:
    wydad = all_engine.answer("ask", question="who knocked out Wydad in 2022-23")
    assert "Wydad AC lost to Al-Ahly: CAF Champions League 2022–23 · Final." in wydad.summary
    assert [e.round.name for e in wydad.ties] == ["Final"]
    simba = all_engine.answer("ask", question="who knocked out Simba in 2012")
    assert "The source names no tie that Simba lost in 2012." in simba.summary
    assert len(simba.ties) == 2  # every tie of the season, none of them lost
    horoya = all_engine.answer("ask", question="when was Horoya knocked out in 2014")
    assert "Horoya lost 2 ties in the source:" in horoya.summary  # CL, then the Confed. Cup


def test_when_did_a_last_beat_b_names_the_last_win(all_engine: Speaker) -> None:
    said = all_engine.answer("ask", question="when did Esperance last beat Ahly").summary
    assert "Espérance de Tunis last beat Al-Ahly: CAF Champions League 2018 · Final." in said
    said = all_engine.answer("ask", question="when did Simba last beat Wydad").summary
    assert "Simba last beat Wydad AC: CAF Champions League 2023–24 · Group (19 December 2023)." in (
        said
    )
    said = all_engine.answer("ask", question="quando o Wydad venceu o Simba pela última vez",
                             lang="pt").summary  # fmt: skip
    assert "A última vitória de Wydad AC sobre Simba: CAF Champions League 2023–24 · Group" in said
    said = all_engine.answer("ask", question="when did Simba play Wydad").summary
    assert "last beat" not in said  # not asked: the plain head-to-head


def test_an_ambiguous_club_is_asked_about_by_the_command(all_engine: Speaker) -> None:
    answer = all_engine.answer("ask", question="Leopards 2017")
    assert answer.kind is AnswerKind.AMBIGUOUS and answer.ambiguous_option == "club"
    assert "AC Léopards" in answer.candidates
    assert answer.query["understood"]["command"] == "tie"


WORDS = ["who", "knocked", "out", "won", "the", "in", "vs", "and", "final", "group", "records",
         "penalties", "qui", "a", "éliminé", "quem", "eliminou", "o", "من", "أقصى", "في", "ضد",
         "champions", "league", "Simba", "Wydad", "Raja", "Al Ahly", "Esperance", "Leopards",
         "Horoya", "Zamalek", "2012", "2014", "2019", "2022-23", "2023-24", "٢٠١٢", "semi",
         "finals", "how", "did", "do", "of", "?", "'s", "l'", "blah"]  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_any_mix_of_question_words_is_read_or_refused_never_mangled(
    all_engine: Speaker, words: list[str]
) -> None:
    """Whatever the words, the answer is either a command's own answer (its understood line,
    typed in the console, answers the same) or the closest commands, never an error."""
    question = " ".join(words)
    asked = all_engine.answer("ask", question=question)
    understood = asked.query.get("understood")
    if understood is None:
        assert asked.kind in (AnswerKind.NOT_FOUND, AnswerKind.INVALID) and not asked.ties
        return
    direct = all_engine.ask(understood["line"])
    _same_answer(asked, direct, understood["line"])
