"""Country codes: FIFA's three-letter codes of CAF members (plus Zanzibar and Réunion).

Every reader maps its source's own abbreviations onto these, so a club's
country means the same whichever document named it.
"""

from __future__ import annotations

FIFA_CODES = frozenset(
    "ALG ANG BEN BOT BFA BDI CMR CPV CTA CHA COM CGO COD DJI EGY EQG ERI SWZ ETH GAB GAM GHA "
    "GUI GNB CIV KEN LES LBR LBY MAD MWI MLI MTN MRI MAR MOZ NAM NIG NGA RWA STP SEN SEY SLE "
    "SOM RSA SSD SDN TAN TOG TUN UGA ZAM ZIM ZAN REU".split()
)
