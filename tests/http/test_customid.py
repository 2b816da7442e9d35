"""Component ids carry their query, signed: any replica can read them, nobody can forge them."""

from __future__ import annotations

import pytest

from bot.answering.table import COMMANDS
from bot.http.customid import MAX_ID, PAGE, PICK, ComponentId, CustomIds

IDS = CustomIds(b"a secret shared by every replica")


def query(command="tie", number=0, kind=PAGE, **given):
    spec = next(c for c in COMMANDS if c.name == command)
    return ComponentId(kind, command, tuple((o.name, given.get(o.name)) for o in spec.options),
                       number)  # fmt: skip


@pytest.mark.parametrize(
    "component",
    [
        query(club="Simba", season="2012", number=3),
        query(club="A|B%7C%25|", round="First round", number=35 * 36),
        query("headtohead", kind=PICK, number=1, club_a="Étoile du Sahel", club_b="Leopards"),
        query("decided", method="penalties", competition="CAF Champions League"),
        query("about"),
    ],
)
def test_round_trip(component):
    encoded = IDS.encode(component)
    assert encoded is not None and len(encoded) <= MAX_ID
    assert IDS.decode(encoded) == component


def test_another_secret_cannot_read_or_forge():
    encoded = IDS.encode(query(club="Simba"))
    assert CustomIds(b"another secret entirely!").decode(encoded) is None


def test_any_change_is_refused():
    encoded = IDS.encode(query(club="Simba", number=1))
    assert encoded is not None
    for i in range(len(encoded)):
        for replacement in "x|0%":
            changed = encoded[:i] + replacement + encoded[i + 1 :]
            if changed != encoded:
                assert IDS.decode(changed) is None, changed


@pytest.mark.parametrize("foreign", [None, 3, "", "|", "p0|0|x", "x" * 101, "p9|0||AAAAAAAAAAAA"])
def test_foreign_ids_are_refused(foreign):
    assert IDS.decode(foreign) is None


def test_a_query_too_long_for_100_characters_gets_no_id():
    assert IDS.encode(query("headtohead", club_a="A" * 60, club_b="B" * 60)) is None
