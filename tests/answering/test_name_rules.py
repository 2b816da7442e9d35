"""Each rule of name resolution on a few hand-made clubs: order, margins, kinds, scopes."""

from __future__ import annotations

import pytest

from bot.answering.clubnames import NameIndex, Resolution, Rule
from bot.answering.namewords import similarity
from bot.answering.placewords import countries_of, join_countries
from bot.domain.models import Club
from bot.domain.names import slug

CLUBS = [
    Club(slug(n), n, country, aliases, nicknames)
    for n, country, aliases, nicknames in (
        ("Espérance de Tunis", "TUN", ("Espérance",), ("EST",)),
        ("Club Africain", "TUN", ("Club Africain (Tunis)",), ()),
        ("Estrela de Cantanhez", "GNB", (), ()),
        ("Sagrada Esperança", "ANG", (), ()),
        ("AC Léopards", "CGO", (), ()),
        ("AFC Leopards", "KEN", (), ()),
        ("Royal Leopards", "SWZ", (), ()),
        ("AS Vita Club", "COD", ("Vita Club",), ()),
        ("Vita Club Mokanda", "CGO", (), ()),
        ("AS Douanes (Niger)", "NIG", ("AS Douanes",), ()),
        ("AS Douanes (Togo)", "TOG", ("AS Douanes",), ()),
        ("Bendel Insurance", "NGA", (), ()),
        ("Akwa United", "NGA", (), ()),
        ("Rivers United", "NGA", (), ()),
        ("Renaissance", "CHA", (), ()),
        ("Renaissance du Congo", "COD", (), ()),
        ("KCCA", "UGA", ("Kampala City",), ()),
        ("Kaizer Chiefs", "RSA", (), ("Chiefs",)),
        ("Centre Chiefs", "BOT", (), ()),
        ("JS Kabylie", "ALG", (), ()),
        ("Young Africans", "TAN", (), ()),
    )
]
INDEX = NameIndex(CLUBS)
KEYS = {c.name: c.key for c in CLUBS}


def read(text: str, *scopes: set[str]) -> Resolution:
    return INDEX.resolve(text, [frozenset(KEYS[n] for n in s) for s in scopes])


def named(res: Resolution) -> str | None:
    return res.club.name if res.club else None


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("Espérance", "Espérance de Tunis", Rule.EXACT),
        ("La Espérance", "Espérance de Tunis", Rule.WORDS),  # an article is no word
        ("EST", "Espérance de Tunis", Rule.NICKNAME),
        ("JSK", "JS Kabylie", Rule.ACRONYM),
        ("Kabylie", "JS Kabylie", Rule.WORDS),
        ("Mokanda", "Vita Club Mokanda", Rule.WORDS),
        ("Mokan", "Vita Club Mokanda", Rule.PREFIX),
        ("Mokandaa", "Vita Club Mokanda", Rule.FUZZY),
    ],
)
def test_rules_in_order(text: str, name: str | None, rule: Rule) -> None:
    res = read(text)
    assert (named(res), res.rule) == (name, rule)


def test_a_rule_finding_several_clubs_asks() -> None:
    res = read("Leopards")
    assert res.club is None and res.rule is Rule.WORDS
    assert {c.name for c in res.candidates} == {"AC Léopards", "AFC Leopards", "Royal Leopards"}
    assert read("AS Douanes").ambiguous  # one alias, two clubs: a question too


def test_a_beginning_or_a_slip_never_beats_a_whole_word() -> None:
    assert named(read("Esperanca")) == "Sagrada Esperança"  # a whole word, not a slip of EST's
    assert named(read("Esperence")) == "Espérance de Tunis"  # a slip, and nothing whole
    assert read("Esperence").rule is Rule.FUZZY and not read("Esperence").sure
    assert read("Est").rule is Rule.NICKNAME  # never the beginning of "Estrela"


def test_kind_words_never_decide_alone() -> None:
    united = read("United")
    assert united.club is None and united.rule is Rule.GENERIC and united.ambiguous
    assert read("FC").club is None and not read("FC").candidates
    assert named(read("Simba FC")) is None  # an unknown word is never dropped


def test_labels_break_ties_and_common_words_must_be_there() -> None:
    assert named(read("AS Vita")) == "AS Vita Club"  # "AS" only in one of the two Vitas
    assert read("Vita").ambiguous
    assert named(read("Bendel")) == "Bendel Insurance"
    assert named(read("Bendel United")) is None  # Bendel United is another club
    assert named(read("Rivers Utd")) == "Rivers United"


def test_a_country_narrows_and_a_city_alone_never_decides() -> None:
    assert named(read("AS Douanes Niger")) == "AS Douanes (Niger)"
    assert named(read("Douanes Togo")) == "AS Douanes (Togo)"
    assert named(read("Kampala")) is None  # a big city: "did you mean KCCA?"
    assert [c.name for c in read("Kampala").suggestions] == ["KCCA"]
    assert read("Tunis").ambiguous
    assert countries_of(join_countries("south africa").split()[0]) == {"RSA"}
    assert countries_of("congo") == {"CGO", "COD"}


def test_scopes_narrow_before_ranking() -> None:
    res = read("Leopards", {"AC Léopards", "Club Africain"})
    assert named(res) == "AC Léopards" and res.scope == 0 and not res.sure
    both = read("Leopards", {"AC Léopards", "Royal Leopards"})
    assert both.ambiguous and {c.name for c in both.candidates} == {"AC Léopards", "Royal Leopards"}
    # the round's clubs first, then the season's
    wide = read("Leopards", {"Club Africain"}, {"AFC Leopards", "Club Africain"})
    assert named(wide) == "AFC Leopards" and wide.scope == 1


def test_a_whole_word_in_scope_beats_an_exact_name_out_of_it_a_slip_never_does() -> None:
    res = read("Renaissance", {"Renaissance du Congo"})
    assert named(res) == "Renaissance du Congo" and res.rule is Rule.WORDS and res.scope == 0
    out = read("Esperance", {"Sagrada Esperança"})  # EST did not play: still EST (no ties)
    assert named(out) == "Espérance de Tunis" and out.scope == -1 and out.sure


def test_a_found_name_names_the_clubs_it_could_also_be() -> None:
    chiefs = read("Chiefs")
    assert named(chiefs) == "Kaizer Chiefs" and [c.name for c in chiefs.suggestions] == [
        "Centre Chiefs"
    ]
    scoped = read("Chiefs", {"Kaizer Chiefs"})
    assert named(scoped) == "Kaizer Chiefs" and scoped.suggestions == ()


def test_short_slips_only_suggest() -> None:
    res = read("Vitaa")  # five letters with a slip
    assert res.club is None and not res.candidates


def test_slips_count_a_swapped_letter_once() -> None:
    assert similarity("africian", "africain") == similarity("africian", "african") == 87.5
