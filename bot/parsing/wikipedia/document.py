"""Season documents → Season models.

The document is read top to bottom: a title (competition and season label),
sections headed ``==Name==``; a section that holds ties is a round.  Inside a
round a small state machine collects dates, leg lines, scorer lines and notes
until a result summary closes the tie.  Nothing is guessed: a loser the source
does not name stays None, and every line that is not understood is reported
as ``file:line`` (never silently dropped), while wiki residue is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.domain.countries import FIFA_CODES
from bot.domain.models import Round, Season, Severity, SourceRef
from bot.domain.names import fold
from bot.parsing.errors import ParseError
from bot.parsing.wikipedia import lines as L
from bot.parsing.wikipedia.results import parse_summary
from bot.parsing.wikipedia.rounds import Draft, RoundReader
from bot.parsing.wikipedia.schedule import parse_schedule_tables

_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=$")
_LABEL = re.compile(r"(?<!\d)(?P<start>\d{4})(?:\s*[-–/]\s*(?P<end>\d{4}|\d{2}))?(?!\d)")
_STAGE = re.compile(
    r"\s+(?:qualifying|qualification|preliminary|knock-?out)(?:\s+(?:rounds?|stage|phase))?$", re.I
)
_INFOBOX_YEAR = re.compile(r"^-\s*Year:\s*(?P<year>.+)$")
_TEAMS = re.compile(
    r"(?:included|knock-?out stage of|contested by|featured|consisted of|involved)\s+(?:the\s+)?"
    r"(?P<n>\d+|\w+)\s+(?:teams|winners|clubs|losers|sides)",
    re.I,
)
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty-two": 32, "forty": 40, "twenty-four": 24}
_ROUND_NAME = re.compile(r"\bround\b|\bplay-?offs?\b", re.I)


@dataclass
class _Section:
    name: str
    line: int
    body: list[tuple[int, str]] = field(default_factory=list)


def _split_label(title: str, file: str) -> tuple[str, str, int, int]:
    m = _LABEL.search(title)
    if m is None:
        raise ParseError(SourceRef(file, 1), f"the title '{title[:80]}' has no season year")
    start = int(m["start"])
    end_text = m["end"]
    end = (
        start
        if end_text is None
        else int(end_text)
        if len(end_text) == 4
        else start // 100 * 100 + int(end_text)
    )
    if end < start:
        end += 100
    competition = _STAGE.sub("", (title[: m.start()] + " " + title[m.end() :]).strip())
    competition = re.sub(r"\s+", " ", competition).strip(" -–")
    if not competition:
        raise ParseError(SourceRef(file, 1), "the title names no competition")
    return competition, m.group(0), start, end


def expected_ties(description: str) -> int | None:
    """ "…included the 40 teams…" → 20 ties; None when the prose gives no count."""
    m = _TEAMS.search(description)
    if m is None:
        return None
    word = m["n"].lower()
    teams = int(word) if word.isdigit() else _NUMBERS.get(word)
    return teams // 2 if teams else None


def _sections(lines: list[str]) -> tuple[_Section, list[_Section]]:
    preamble = _Section("", 1)
    sections: list[_Section] = []
    current = preamble
    for number, raw in enumerate(lines, start=1):
        m = L.HEADING.match(raw.strip()) if len(raw) < L.MAX_LINE else None
        if m and len(m.group(1)) >= 2:
            current = _Section(m["name"], number)
            sections.append(current)
        else:
            current.body.append((number, raw))
    return preamble, sections


def _is_tie_line(raw: str) -> bool:
    line = L.clean(raw)
    return L.parse_leg(line) is not None or parse_summary(line.strip()) is not None


def _has_ties(section: _Section) -> bool:
    return any(len(raw) < L.MAX_LINE and _is_tie_line(raw) for _, raw in section.body)


def _doc_has_codes(lines: list[str]) -> bool:
    coded = total = 0
    for raw in lines:
        if len(raw) >= L.MAX_LINE or (leg := L.parse_leg(L.clean(raw))) is None:
            continue
        total += 1
        home_code = L.split_code(leg.left, code_last=True)[1]
        away_code = L.split_code(leg.right, code_last=False)[1]
        coded += home_code in FIFA_CODES and away_code in FIFA_CODES
    return total > 0 and coded * 2 >= total


def looks_like(text: str) -> bool:
    """A Wikipedia rendering opens with a title line ``= … =``."""
    first = next((ln.strip() for ln in text.splitlines()[:50] if ln.strip()), "")
    return _TITLE.match(first[: L.MAX_LINE]) is not None


def parse_document(text: str, file_name: str) -> Season:
    """Parse one season document; raises ParseError when it is not one at all."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next(((i, ln.strip()) for i, ln in enumerate(lines, 1) if ln.strip()), None)
    if first is None:
        raise ParseError(SourceRef(file_name, 1), "the file is empty")
    title_match = _TITLE.match(first[1][: L.MAX_LINE])
    if title_match is None:
        raise ParseError(
            SourceRef(file_name, first[0]),
            "no title line like '= 2012 CAF Confederation Cup qualifying rounds ='",
        )
    competition, label, start, end = _split_label(title_match["title"], file_name)
    preamble, sections = _sections(lines[first[0] :])
    offset = first[0]
    reader = RoundReader(file_name, _doc_has_codes(lines))
    for number, raw in preamble.body:
        if (m := _INFOBOX_YEAR.match(raw.strip())) and fold(m["year"]) != fold(label):
            reader.report(
                number + offset, f"infobox year '{m['year']}' differs from the title's '{label}'"
            )
        elif len(raw) < L.MAX_LINE and _is_tie_line(raw):
            message = "a tie line before the first ==Round== heading; skipped"
            reader.report(number + offset, message, Severity.UNRECOGNIZED)
    tables = parse_schedule_tables(lines)
    rounds: list[Round] = []
    for section in sections:
        if not _has_ties(section) and not _ROUND_NAME.search(section.name):
            continue
        body = [(n + offset, raw) for n, raw in section.body]
        draft = Draft(section.name, len(rounds) + 1, section.line + offset)
        reader.read_round(draft, body)
        rounds.append(_finish(draft, tables, reader))
    if not any(r.ties for r in rounds):
        raise ParseError(SourceRef(file_name, first[0]), "no ties found (no leg or result lines)")
    return Season(
        competition=competition,
        label=label,
        rounds=tuple(rounds),
        source_file=file_name,
        start_year=start,
        end_year=end,
        countries=tuple(dict.fromkeys(reader.countries)),
        aliases=tuple(dict.fromkeys(reader.aliases)),
        diagnostics=tuple(reader.diags),
    )


def _finish(draft: Draft, tables: dict[str, tuple[str, str]], reader: RoundReader) -> Round:
    description = " ".join(draft.description) or None
    expected = expected_ties(description or "")
    first_leg, second_leg = draft.schedule or tables.get(fold(draft.name), ("", ""))
    count = len(draft.ties)
    if expected is not None and count != expected:
        reader.report(
            draft.line,
            f"{draft.name}: {count} of the {expected} ties the round had are in the source",
        )
    return Round(
        name=draft.name,
        order=draft.order,
        ties=tuple(draft.ties),
        first_leg=first_leg or None,
        second_leg=second_leg or None,
        expected_ties=expected,
        description=description,
        line=draft.line,
    )
