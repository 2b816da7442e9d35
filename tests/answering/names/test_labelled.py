"""The labelled set of typed names (``labelled.txt``): every label met, precision 100%.

The same set and scoring drive ``python -m benchmarks.bench_names``, which prints
the figures of the README; here a single label not met fails, with its line.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_names import Label, judge, read_labels, score
from bot.answering.clubnames import NameIndex, Resolution
from bot.domain.catalog import Catalog
from bot.domain.models import Club

LABELS = read_labels()


def test_the_set_is_large_and_covers_every_outcome() -> None:
    assert len(LABELS) >= 400
    kinds = {k: sum(1 for x in LABELS if x.kind == k) for k in ("club", "ask", "none")}
    assert kinds["club"] >= 300 and kinds["ask"] >= 40 and kinds["none"] >= 60
    assert len({x.text.casefold() for x in LABELS}) == len(LABELS)  # no name twice


def test_every_label_names_loaded_clubs(all_data: Catalog) -> None:
    loaded = {c.name for c in all_data.clubs.values()}
    unknown = [(x.line, n) for x in LABELS for n in x.names if n not in loaded]
    assert unknown == []


def test_every_label_is_met_and_no_wrong_club_is_named(names: NameIndex) -> None:
    found = score(names, LABELS)
    assert found.failures == []
    assert found.precision == 1.0
    assert found.named == found.right == found.meant  # every name of one club answered


def test_the_judge_catches_a_wrong_club() -> None:
    simba, yanga = Club("simba", "Simba"), Club("young-africans", "Young Africans")
    label = Label("Simba", "club", ("Simba",), 1)
    assert judge(label, Resolution("Simba", simba)) is None
    assert judge(label, Resolution("Simba", yanga)) == "expected Simba, got Young Africans"
    asked = Label("x", "ask", ("Simba",), 2)
    assert judge(asked, Resolution("x", candidates=(simba, yanga))) is None
    assert judge(asked, Resolution("x", yanga)) is not None
    assert judge(Label("x", "none", (), 3), Resolution("x", candidates=(simba, yanga)))


def test_labels_read_every_form(tmp_path: Path) -> None:
    path = tmp_path / "labels.txt"
    path.write_text("# comment\n\na => Simba\nb => ? A; B\nc => ?\nd => -\n", encoding="utf-8")
    assert [(x.text, x.kind, x.names) for x in read_labels(path)] == [
        ("a", "club", ("Simba",)),
        ("b", "ask", ("A", "B")),
        ("c", "ask", ()),
        ("d", "none", ()),
    ]
