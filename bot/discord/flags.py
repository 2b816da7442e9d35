"""Country flags for club names: FIFA trigram → regional-indicator emoji.

Documents give FIFA codes (TUN, CGO, ZAN); Discord renders a flag from two
regional-indicator letters of the ISO 3166-1 alpha-2 code.  Codes without an
ISO country (Zanzibar's ZAN) get no flag rather than a wrong one.
"""

from __future__ import annotations

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
_FLAG_OF: Mapping[str, str] = {
    fifa: "".join(chr(_REGIONAL_A + ord(letter) - ord("A")) for letter in iso)
    for fifa, iso in FIFA_TO_ISO.items()
}


def flag(code: str | None) -> str:
    """The flag emoji for a FIFA code, or "" when unknown (e.g. ZAN)."""
    return _FLAG_OF.get(code.strip().upper(), "") if code else ""


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Flagger:
    """Puts a flag before each known club name in the texts of one answer.

    Built once per answer: the names are sorted once (longest first, so
    "Al-Ahly Shendi" is not flagged as "Al-Ahly"), and each text is scanned
    with plain substring search: answers' titles are short, and compiling a
    regex of every name per field cost more than the rest of the reply.
    """

    def __init__(self, countries: Mapping[str, str | None]) -> None:
        flagged = ((name, flag(code)) for name, code in countries.items() if name)
        self._names = sorted(
            ((name, emoji) for name, emoji in flagged if emoji), key=lambda p: -len(p[0])
        )

    def __call__(self, text: str) -> str:
        if not text or not self._names:
            return text
        spans: list[tuple[int, int, str]] = []
        for name, emoji in self._names:
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                edges = (start == 0 or not _is_word(text[start - 1])) and (
                    end == len(text) or not _is_word(text[end])
                )
                if edges and not any(s < end and start < e for s, e, _ in spans):
                    spans.append((start, end, emoji))
                start = text.find(name, end)
        if not spans:
            return text
        out: list[str] = []
        pos = 0
        for start, end, emoji in sorted(spans):
            name = text[start:end]
            already = text[max(0, start - len(emoji) - 1) : start].startswith(emoji)
            out += [text[pos:start], name if already else f"{emoji} {name}"]
            pos = end
        out.append(text[pos:])
        return "".join(out)
