"""The indexed Flagger (answers with many clubs) flags exactly as a search for every name does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord.flags import _SCAN_ALL_UP_TO, Flagger, _is_word


def flag_every_name(names: list[tuple[str, str]], text: str) -> str:
    """The reference: every name searched in the whole text (the Flagger before its index)."""
    spans: list[tuple[int, int, str]] = []
    for name, emoji in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            edges = (start == 0 or not _is_word(text[start - 1])) and (
                end == len(text) or not _is_word(text[end])
            )
            if edges and not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, emoji))
            start = text.find(name, end)
    out, pos = [], 0
    for start, end, emoji in sorted(spans):
        name = text[start:end]
        already = text[max(0, start - len(emoji) - 1) : start].startswith(emoji)
        out += [text[pos:start], name if already else f"{emoji} {name}"]
        pos = end
    return "".join([*out, text[pos:]])


CODES = ["TUN", "EGY", "NIG", "ZAN", "RSA", "GUI"]
# few letters, so names overlap, nest and repeat: the cases where order and edges matter
PIECES = st.sampled_from(["Al", "Ahly", "A", "Sahel", "Étoile", "du", "-", " ", "_", "1", "é"])
NAMES = st.lists(st.lists(PIECES, min_size=1, max_size=4).map("".join), min_size=1, max_size=30)


@settings(max_examples=400, deadline=None)
@given(names=NAMES, codes=st.data(), pieces=st.lists(PIECES, max_size=20))
def test_indexed_flagger_matches_searching_every_name(names, codes, pieces):
    countries = {n: codes.draw(st.sampled_from(CODES)) for n in names}
    flagger = Flagger(countries)
    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    text = text + " " + " vs ".join(names[:3])  # some names surely present
    assert flagger(text) == flag_every_name(flagger._names, text)
    assert flagger(flagger(text)) == flag_every_name(flagger._names, flagger(text))


def test_many_names_are_indexed_and_flagged():
    countries = {f"Club {i}": "TUN" for i in range(_SCAN_ALL_UP_TO + 5)}
    countries["Al Ahly"] = "EGY"
    flagger = Flagger(countries)
    assert flagger._by_word  # the index is in use
    assert flagger("Club 12 1–0 Al Ahly") == "🇹🇳 Club 12 1–0 🇪🇬 Al Ahly"
    assert flagger("Club 1 vs Club 12") == "🇹🇳 Club 1 vs 🇹🇳 Club 12"
    assert flagger("Club 123") == "Club 123"
