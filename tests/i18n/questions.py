"""The fixed questions every language answers, as a console line and as Discord options.

Each has a slug (its expected file, ``expected/<lang>/<slug>.md``), the console line, and
the same question as a slash command with its options.  Together they ask every command,
a club typed in Arabic, a refusal and an ambiguous name, over all the shipped data.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Question:
    slug: str
    line: str
    command: str
    options: dict[str, str] = field(default_factory=dict)


QUESTIONS: tuple[Question, ...] = (
    Question("tie-al-ahly-2023-24", "/tie Al Ahly 2023-24", "tie",
             {"club": "Al Ahly", "season": "2023-24"}),
    Question("tie-simba-2012", "/tie Simba 2012", "tie", {"club": "Simba", "season": "2012"}),
    Question("tie-arabic-ahly-final", "/tie الأهلي 2023-24 final", "tie",
             {"club": "الأهلي", "season": "2023-24", "round": "final"}),
    Question("club-wydad-2022-23", "/club Wydad 2022-23", "club",
             {"name": "Wydad", "season": "2022-23"}),
    Question("club-arabic-esperance-2018", "/club الترجي 2018", "club",
             {"name": "الترجي", "season": "2018"}),
    Question("headtohead-ahly-esperance", "/headtohead Ahly Esperance", "headtohead",
             {"club_a": "Ahly", "club_b": "Esperance"}),
    Question("headtohead-wydad-raja", '/headtohead "Wydad" "Raja"', "headtohead",
             {"club_a": "Wydad", "club_b": "Raja"}),
    Question("season-2017-playoff", "/season 2017 playoff", "season",
             {"season": "2017", "round": "playoff"}),
    Question("season-2022-23-cl", "/season 2022-23 CL", "season",
             {"season": "2022-23", "competition": "CL"}),
    Question("group-2022-23-simba", "/group 2022-23 Simba", "group",
             {"season": "2022-23", "group": "Simba"}),
    Question("winners-cl", "/winners CL", "winners", {"competition": "CL"}),
    Question("decided-penalties-2014", "/decided penalties 2014", "decided",
             {"method": "penalties", "season": "2014"}),
    Question("decided-walkover-2023-24", "/decided walkover 2023-24", "decided",
             {"method": "walkover", "season": "2023-24"}),
    Question("bracket-2022-23-cl", "/bracket CL 2022-23", "bracket",
             {"season": "2022-23", "competition": "CL"}),
    Question("about", "/about", "about"),
    Question("settings-console", "/settings", "settings"),
    Question("help", "/help", "help"),
    Question("refusal-unknown-club", "/tie Zorro 2012", "tie", {"club": "Zorro", "season": "2012"}),
    Question("ambiguous-leopards", "/tie Leopards", "tie", {"club": "Leopards"}),
)  # fmt: skip
BY_SLUG = {q.slug: q for q in QUESTIONS}
