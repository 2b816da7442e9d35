"""Country flags for club names: FIFA trigram → regional-indicator emoji.

Documents give FIFA codes (TUN, CGO, ZAN); Discord renders a flag from two
regional-indicator letters of the ISO 3166-1 alpha-2 code.  Codes without an
ISO country (Zanzibar's ZAN) get no flag rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# CAF members (plus Réunion, an associate that plays in CAF club cups).
FIFA_TO_ISO: Mapping[str, str] = {
    "ALG": "DZ", "ANG": "AO", "BEN": "BJ", "BOT": "BW", "BFA": "BF", "BDI": "BI",
    "CMR": "CM", "CPV": "CV", "CTA": "CF", "CHA": "TD", "COM": "KM", "CGO": "CG",
    "COD": "CD", "DJI": "DJ", "EGY": "EG", "EQG": "GQ", "ERI": "ER", "SWZ": "SZ",
    "ETH": "ET", "GAB": "GA", "GAM": "GM", "GHA": "GH", "GUI": "GN", "GNB": "GW",
    "CIV": "CI", "KEN": "KE", "LES": "LS", "LBR": "LR", "LBY": "LY", "MAD": "MG",
    "MWI": "MW", "MLI": "ML", "MTN": "MR", "MRI": "MU", "MAR": "MA", "MOZ": "MZ",
    "NAM": "NA", "NIG": "NE", "NGA": "NG", "RWA": "RW", "STP": "ST", "SEN": "SN",
    "SEY": "SC", "SLE": "SL", "SOM": "SO", "RSA": "ZA", "SSD": "SS", "SDN": "SD",
    "TAN": "TZ", "TOG": "TG", "TUN": "TN", "UGA": "UG", "ZAM": "ZM", "ZIM": "ZW",
    "REU": "RE",
}  # fmt: skip

_REGIONAL_A = 0x1F1E6


def flag(code: str | None) -> str:
    """The flag emoji for a FIFA code, or "" when unknown (e.g. ZAN)."""
    if not code:
        return ""
    iso = FIFA_TO_ISO.get(code.strip().upper())
    if iso is None:
        return ""
    return "".join(chr(_REGIONAL_A + ord(letter) - ord("A")) for letter in iso)


def add_flags(text: str, countries: Mapping[str, str | None]) -> str:
    """Put a flag before each known club name in ``text`` (longest names win).

    ``countries`` maps a name as it may appear in the text to its FIFA code.
    A name already preceded by its flag is left alone, so this is idempotent.
    """
    flags = {name: flag(code) for name, code in countries.items() if name and flag(code)}
    if not flags or not text:
        return text
    names = sorted(flags, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")

    def put(match: re.Match[str]) -> str:
        name = match.group(1)
        emoji = flags[name]
        before = text[max(0, match.start() - len(emoji) - 1) : match.start()]
        if before.startswith(emoji):
            return name
        return f"{emoji} {name}"

    return pattern.sub(put, text)
