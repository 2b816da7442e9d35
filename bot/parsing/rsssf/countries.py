"""RSSSF's own country abbreviations, mapped to FIFA codes.

RSSSF writes countries as short mixed-case forms of their English names
("Ngr" is Niger, "Nga" Nigeria, "CoK" DR Congo, "SAf" South Africa), not as
FIFA codes; the rest of the bot speaks FIFA codes only.  An abbreviation not
in this map is reported by the reader, never guessed.
"""

from __future__ import annotations

RSSSF_TO_FIFA: dict[str, str] = {
    "Alg": "ALG",  # Algeria
    "Ang": "ANG",  # Angola
    "Ben": "BEN",  # Benin
    "Bot": "BOT",  # Botswana
    "BuF": "BFA",  # Burkina Faso
    "Bdi": "BDI",  # Burundi
    "Cmr": "CMR",  # Cameroon
    "CAf": "CTA",  # Central African Republic
    "Chd": "CHA",  # Chad
    "Com": "COM",  # Comoros
    "CoB": "CGO",  # Congo (Brazzaville)
    "CoK": "COD",  # DR Congo (Kinshasa)
    "Dji": "DJI",  # Djibouti
    "Egy": "EGY",  # Egypt
    "EqG": "EQG",  # Equatorial Guinea
    "Eri": "ERI",  # Eritrea
    "Eth": "ETH",  # Ethiopia
    "Gab": "GAB",  # Gabon
    "Gam": "GAM",  # Gambia
    "Gha": "GHA",  # Ghana
    "Gui": "GUI",  # Guinea
    "IvC": "CIV",  # Ivory Coast
    "Ken": "KEN",  # Kenya
    "Les": "LES",  # Lesotho
    "Lbr": "LBR",  # Liberia
    "Lby": "LBY",  # Libya
    "Mad": "MAD",  # Madagascar
    "Mwi": "MWI",  # Malawi
    "Mli": "MLI",  # Mali
    "Mtn": "MTN",  # Mauritania
    "Mor": "MAR",  # Morocco
    "Moz": "MOZ",  # Mozambique
    "Nam": "NAM",  # Namibia
    "Ngr": "NIG",  # Niger
    "Nga": "NGA",  # Nigeria
    "Rwa": "RWA",  # Rwanda
    "Sen": "SEN",  # Senegal
    "Sey": "SEY",  # Seychelles
    "SLe": "SLE",  # Sierra Leone
    "Som": "SOM",  # Somalia
    "SAf": "RSA",  # South Africa
    "SSu": "SSD",  # South Sudan
    "Sud": "SDN",  # Sudan
    "Swa": "SWZ",  # Swaziland (Eswatini)
    "Tan": "TAN",  # Tanzania
    "Tog": "TOG",  # Togo
    "Tun": "TUN",  # Tunisia
    "Uga": "UGA",  # Uganda
    "Zam": "ZAM",  # Zambia
    "Zan": "ZAN",  # Zanzibar
    "Zim": "ZIM",  # Zimbabwe
}


def fifa_code(abbreviation: str) -> str | None:
    """The FIFA code for an RSSSF abbreviation, or None when it is not known."""
    return RSSSF_TO_FIFA.get(abbreviation)
