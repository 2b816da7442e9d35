"""The competitions tiebot knows: one canonical name each, and the short forms fans type.

Sources name a competition their own way ("CAF CL", "Champions' League",
"CAF Confederation Cup"); readers map those names here so that one
competition is one key whichever file it came from.  Season labels are one
style everywhere: "2012" for a calendar season, "2019–20" for a split one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.names import fold


@dataclass(frozen=True, slots=True)
class Competition:
    name: str
    short: str  # the compact form used in titles and lists ("CL")
    forms: tuple[str, ...]  # other names, as sources write them and fans type them


COMPETITIONS: tuple[Competition, ...] = (
    Competition(
        "CAF Champions League",
        "CL",
        (
            "CAF CL", "CL", "C1", "Champions League", "Champions' League",
            "African Champions League", "CAF Champions' League", "Ligue des champions",
            "Ligue des champions de la CAF", "Liga dos Campeões", "Liga dos Campeões da CAF",
        ),
    ),
    Competition(
        "CAF Confederation Cup",
        "CC",
        (
            "CC", "C2", "Confederation Cup", "Confederations Cup", "CAF Confederations Cup",
            "Coupe de la Confédération", "Coupe de la CAF", "Taça da Confederação",
        ),
    ),
    Competition(
        "CAF Super Cup",
        "SC",
        ("Super Cup", "CAF Supercup", "Supercoupe de la CAF", "Supertaça"),
    ),
    Competition(
        "African Football League",
        "AFL",
        ("AFL", "CAF AFL", "African Super League", "Ligue africaine de football"),
    ),
)  # fmt: skip

# Forms that fold to nothing (a script ``fold`` does not keep) would all collide on "".
_BY_FORM: dict[str, Competition] = {
    fold(form): comp
    for comp in COMPETITIONS
    for form in (comp.name, comp.short, *comp.forms)
    if fold(form)
}


def competition_named(text: str) -> Competition | None:
    """The curated competition a source or a fan names, ignoring case, accents and punctuation."""
    key = fold(text)
    return _BY_FORM.get(key) if key else None


def canonical_name(text: str) -> str:
    """The curated name for ``text``, or ``text`` itself (tidied) when it is not curated."""
    found = competition_named(text)
    return found.name if found else " ".join(text.split())


def season_label(start: int, end: int) -> str:
    """ "2012" for one calendar year, "2019–20" (en dash) for a season across two."""
    if end == start:
        return str(start)
    if end // 100 == start // 100 or end == start + 1:
        return f"{start}–{end % 100:02d}"
    return f"{start}–{end}"
