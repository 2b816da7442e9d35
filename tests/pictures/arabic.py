"""Arabic picture words for tests: a stand-in until the languages issue brings real catalogs."""

from __future__ import annotations

from bot.wording.pictures import Ending, PictureWords

ARABIC = PictureWords(
    language="ar",
    rtl=True,
    unknown="غير معروف",
    penalties="ر.ت {a}–{b}",
    penalties_no_score="ر.ت",
    away_goals="خ.م",
    walkover="انسحاب",
    withdrawal="انسحاب",
    extra_time="ش.إ",
    legs_unknown="المباراتان غير معروفتين",
    columns_note="الأدوار التمهيدية",
    source="المصدر: {files}",
    champion_line="البطل: {club}",
    journey_rows=("موسم واحد", "{count} مواسم"),
    many_sources="{count} وثائق",
    endings={
        Ending.CHAMPIONS: "البطل",
        Ending.RUNNER_UP: "الوصيف",
        Ending.OUT: "خرج",
        Ending.THROUGH: "تأهل",
        Ending.UNKNOWN: "غير معروف",
    },
    rounds={"Final": "النهائي", "Semifinals": "نصف النهائي", "Quarterfinals": "ربع النهائي"},
)
