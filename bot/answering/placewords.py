"""Places fans type with a club name: countries ("AS Douanes Niger") and big cities.

A country typed with a name is not a word of the name: it narrows the clubs to
that country instead, so it can tell the five AS Douanes apart and never makes
an unknown word that would stop the name from being read.  Folded English and
French names and adjectives, each to the FIFA codes of ``bot.domain.countries``.

A city that is home to many clubs ("Kampala", "Khartoum", "Tunis") locates a
club but does not say which: typed alone it is a question or a suggestion,
never an answer, even when one loaded club happens to spell it ("Al Khartoum
SC" is not Al-Ahli Khartoum).  Clubs fans call by their town ("Berkane",
"Sétif") are not in this list.
"""

from __future__ import annotations

from bot.domain.names import fold

_NAMES: dict[str, tuple[str, ...]] = {
    "ALG": ("algeria", "algerie", "algerian", "algerien"),
    "ANG": ("angola", "angolan", "angolais"),
    "BEN": ("benin", "beninese", "beninois"),
    "BOT": ("botswana",),
    "BFA": ("burkina", "burkinabe", "burkinafaso"),
    "BDI": ("burundi", "burundian", "burundais"),
    "CMR": ("cameroon", "cameroun", "cameroonian", "camerounais"),
    "CPV": ("capeverde", "caboverde", "capvert", "capeverdean"),
    "CTA": ("centrafrique", "centrafricain", "centrafricaine"),
    "CHA": ("chad", "tchad", "chadian", "tchadien"),
    "COM": ("comoros", "comores", "comorian", "comorien"),
    "CGO": ("congo", "brazzaville", "congolese", "congolais"),
    "COD": ("congo", "rdc", "drc", "zaire", "congolese", "congolais"),
    "DJI": ("djibouti",),
    "EGY": ("egypt", "egypte", "egyptian", "egyptien"),
    "EQG": ("equatorialguinea", "equatoguinean"),
    "ERI": ("eritrea", "erythree", "eritrean"),
    "SWZ": ("eswatini", "swaziland"),
    "ETH": ("ethiopia", "ethiopie", "ethiopian", "ethiopien"),
    "GAB": ("gabon", "gabonese", "gabonais"),
    "GAM": ("gambia", "gambie", "gambian"),
    "GHA": ("ghana", "ghanaian", "ghaneen"),
    "GUI": ("guinea", "guinee", "guinean", "guineen"),
    "GNB": ("guineabissau", "guineebissau"),
    "CIV": ("ivorycoast", "cotedivoire", "ivoire", "ivorian", "ivoirien"),
    "KEN": ("kenya", "kenyan"),
    "LES": ("lesotho",),
    "LBR": ("liberia", "liberian"),
    "LBY": ("libya", "libye", "libyan", "libyen"),
    "MAD": ("madagascar", "malagasy", "malgache"),
    "MWI": ("malawi", "malawian"),
    "MLI": ("mali", "malian", "malien"),
    "MTN": ("mauritania", "mauritanie", "mauritanian", "mauritanien"),
    "MRI": ("mauritius", "maurice", "mauritian", "mauricien"),
    "MAR": ("morocco", "maroc", "moroccan", "marocain"),
    "MOZ": ("mozambique", "mozambican", "mocambique"),
    "NAM": ("namibia", "namibie", "namibian"),
    "NIG": ("niger", "nigerien"),
    "NGA": ("nigeria", "nigerian"),
    "RWA": ("rwanda", "rwandan", "rwandais"),
    "STP": ("saotome", "santomean"),
    "SEN": ("senegal", "senegalese", "senegalais"),
    "SEY": ("seychelles", "seychellois"),
    "SLE": ("sierraleone", "sierraleonean"),
    "SOM": ("somalia", "somalie", "somali"),
    "RSA": ("rsa", "southafrica", "southafrican"),
    "SSD": ("southsudan", "southsudanese"),
    "SDN": ("sudan", "soudan", "sudanese", "soudanais"),
    "TAN": ("tanzania", "tanzanie", "tanzanian"),
    "TOG": ("togo", "togolese", "togolais"),
    "TUN": ("tunisia", "tunisie", "tunisian", "tunisien"),
    "UGA": ("uganda", "ouganda", "ugandan"),
    "ZAM": ("zambia", "zambie", "zambian"),
    "ZIM": ("zimbabwe", "zimbabwean"),
    "ZAN": ("zanzibar", "zanzibari"),
    "REU": ("reunion",),
}

COUNTRY_WORDS: dict[str, frozenset[str]] = {}
for _code, _words in _NAMES.items():
    for _word in _words:
        COUNTRY_WORDS[fold(_word)] = COUNTRY_WORDS.get(fold(_word), frozenset()) | {_code}


# Country names of two or three words, read as one ("south africa" -> "southafrica").
_JOINED = sorted(
    (
        "south africa", "south african", "south sudan", "south sudanese", "ivory coast",
        "cote d ivoire", "cote divoire", "burkina faso", "cape verde", "cabo verde", "cap vert",
        "equatorial guinea", "guinea bissau", "guinee bissau", "sao tome", "sierra leone",
    ),
    key=len,
    reverse=True,
)  # fmt: skip


def join_countries(folded: str) -> str:
    """``folded`` with multi-word country names written as one word."""
    if " " not in folded:
        return folded
    padded = f" {folded} "
    for name in _JOINED:
        if f" {name} " in padded:
            padded = padded.replace(f" {name} ", f" {name.replace(' ', '')} ")
    return padded.strip()


CITY_WORDS = frozenset(
    """abidjan accra addis abeba ababa alger algiers alexandria antananarivo bamako banjul
    bangui benghazi bissau blantyre brazzaville bujumbura bulawayo cairo casablanca conakry
    cotonou dakar dar salaam douala durban freetown gaborone harare ibadan johannesburg juba
    kampala kano khartoum kigali kinshasa kumasi lagos libreville lilongwe lome luanda
    lubumbashi lusaka maputo maseru mbabane mogadishu monrovia moroni nairobi ndjamena niamey
    nouakchott omdurman oran ouagadougou pretoria rabat soweto tripoli tunis windhoek yaounde
    zanzibar""".split()
)


def countries_of(word: str) -> frozenset[str]:
    """FIFA codes a folded word names as a country ("niger" -> NIG); empty when none."""
    return COUNTRY_WORDS.get(word, frozenset())
