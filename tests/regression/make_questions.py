"""Writes ``questions.txt``: the console questions whose answers must never change by accident.

Run once to (re)create the list: ``python -m tests.regression.make_questions``.
The list covers every command, every club of the seeds (by its name, and
loosely typed), ambiguous names, and bad input.  The expected answers are
written by the regression test's bless switch, not here.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bot.pipeline.build import build_database
from bot.storage.read import read_catalog
from tests.paths import CLUBS, SEASONS

HERE = Path(__file__).resolve().parent

FIXED = [
    "/about",
    "/help",
    "/tie Simba 2012",
    '/tie "Étoile du Sahel" 2014 first',
    "/tie Al-Masry 2017 first",
    '/club "Étoile du Sahel"',
    "/club JSK",
    "/club Simba 2012",
    "/headtohead ASEC Horoya",
    "/headtohead Etoile du Sahel Horoya",
    "/season 2023-24",
    "/season 2017 playoff",
    "/season 2012",
    "/season 2014",
    "/season 2017",
    "/season 2023/24",
    "/season 23-24",
    "/season 2024",
    "/season 2099",
    "/season 2012 prelim",
    "/season 2012 R1",
    "/season 2014 second",
    "/season 2014 first round",
    "/season 2023-24 first",
    "/season 2012 quarterfinal",
    "/season",
    "/decided penalties 2014",
    "/decided away",
    "/decided penalties",
    "/decided away_goals",
    "/decided walkover",
    "/decided withdrawal",
    "/decided aggregate 2012",
    "/decided aggregate",
    "/decided pens 2017",
    "/decided",
    "/decided coin toss",
    "/decided penalties 1999",
    "/tie Leopards",
    "/tie Mazembe",
    "/tie Kaizer",
    "/tie Wydad Casablanca",
    "/tie Simba SC",
    "/tie Etoile du Sahl",
    "/tie Zamalk",
    "/tie MCA",
    "/tie USMA",
    "/tie WAC",
    "/tie RSB",
    "/tie ESS",
    "/tie Yanga",
    "/tie Al Hilal",
    "/tie Al Ahly",
    "/tie etoile sahel",
    "/tie JSK 2012",
    "/tie Simba 2012 quarterfinal",
    "/tie Simba 2099",
    "/tie nonsense club xyz",
    "/tie",
    "/tie @everyone",
    "/tie <@123456789>",
    "/tie **bold** club",
    "/tie club:Simba season:2012",
    '/tie club:"Étoile du Sahel" season:2014 round:first',
    "/club name:Simba",
    "/headtohead club_a:ASEC club_b:Horoya",
    "/headtohead Simba",
    "/headtohead Simba Simba",
    "/headtohead Al Hilal Wydad",
    "/headtohead Simba Al-Ahly Shendi",
    "/headtohead a b c d e f g h i j k l m",
    "/h2h ASEC Horoya",
    "/vs ASEC Horoya",
    "/ties Simba",
    "/team Simba",
    "/info",
    "/commands",
    "/ite Simba",
    "/headtohaed ASEC Horoya",
    "!tie Simba",
    "",
    "/",
    '/tie "Simba',
    '/tie Simba competition:"CAF Confederation Cup"',
    "/tie Simba competition:Nope",
    '/season 2012 competition:"CAF Confederation Cup"',
    "tie Simba 2012",
    "/TIE simba 2012",
    "/tie SIMBA",
    "/tie simba 12",
    "/club Horoya 2014",
    "/club Horoya 2017",
    "/tie Horoya 2014 second",
    "/tie Horoya 2014 playoff",
    '/decided penalties competition:"CAF Confederation Cup"',
    "/tie " + "x" * 600,
    "/club Leopards",
    "/headtohead Leopards Simba",
    "/tie United",
    "/tie Stars",
    "/tie Rangers",
    "/tie Al",
    "/tie FC",
    "/tie Union",
    "/tie Gor",
    "/club Club",
]


async def _catalog_clubs() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "t.sqlite3"
        build_database(SEASONS, db, CLUBS)
        catalog = await read_catalog(db)
    return sorted(c.name for c in catalog.clubs.values())


def questions() -> list[str]:
    names = asyncio.run(_catalog_clubs())
    out = list(FIXED)
    out += [f'/tie "{n}"' for n in names]
    out += [f'/club "{n}"' for n in names[::3]]
    out += [f"/tie {n.lower()}" for n in names[1::7]]
    pairs = list(zip(names[::9], names[4::9], strict=False))
    out += [f'/headtohead "{a}" "{b}"' for a, b in pairs]
    return list(dict.fromkeys(out))


if __name__ == "__main__":
    lines = questions()
    (HERE / "questions.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} questions")
