"""Arabic plural forms in real answers: 0, 1, 2, 3–10, 11–99 and 100+ each take their own
form (CLDR's six categories), and French and Portuguese count 0 and 1 their own way."""

from __future__ import annotations

import pytest

from bot.wording.i18n.words import FSI, PDI, words_for
from bot.wording.markdown import plural
from bot.wording.speaker import Speaker


def bare(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("/group 2022-23", "0 نقطة"),  # 0: a team without a point (not "0 نقاط")
        ("/season 2023-24 CL", "النهائي: مواجهة واحدة في المصدر"),  # 1: the word says one
        ("/season 2023-24 CL", "نصف النهائي: مواجهتان في المصدر"),  # 2: the dual
        ("/decided withdrawal", "3 مواجهات في المواسم المحمّلة حُسمت بانسحاب."),  # 3–10
        ("/decided penalties 2014", "10 مواجهات في 2014 حُسمت بركلات الترجيح."),  # 3–10
        ("/decided penalties", "85 مواجهةً في المواسم المحمّلة حُسمت بركلات الترجيح."),  # 11–99
        ("/season 2023-24 CL", "الدور التمهيدي 1: 22 مواجهةً في المصدر"),  # 11–99
        ("/decided away", "120 مواجهةً في المواسم المحمّلة حُسمت"),  # 100+ (n % 100 = 20)
        ("/decided aggregate", "972 مواجهةً في المواسم المحمّلة حُسمت"),  # 100+ (n % 100 = 72)
        ("/decided walkover 2023-24", "مواجهتان في 2023–24 حُسمتا بفوز إداري."),  # dual verb
        ("/headtohead Ahly Zamalek", "و0 تعادل"),  # 0 draws
        ("/headtohead Ahly Zamalek", "و3 تعادلات"),  # 3 draws
    ],
)
def test_arabic_counts_take_their_plural_form(shipped: Speaker, line: str, said: str) -> None:
    assert said in bare(shipped.ask(line, "ar").to_markdown())


def test_a_hundred_and_more_follow_the_last_two_digits() -> None:
    """100, 101, 102 take the singular, 103 the 3–10 form, 111 the 11–99 one (no shipped
    answer counts exactly 100–102 of anything: the same message shows it)."""
    ar = words_for("ar")
    said = [bare(plural(n, "tie", ar)) for n in (100, 101, 102, 103, 111, 200)]
    assert said == ["100 مواجهة", "101 مواجهة", "102 مواجهة", "103 مواجهات", "111 مواجهةً",
                    "200 مواجهة"]  # fmt: skip


def test_french_and_portuguese_counts(shipped: Speaker) -> None:
    fr = shipped.ask("/headtohead Ahly Zamalek", "fr").to_markdown()
    assert "0 nul," in fr and "3 nuls," in fr  # French: 0 and 1 take the singular
    pt = shipped.ask("/headtohead Ahly Zamalek", "pt").to_markdown()
    assert "0 empates," in pt and "3 empates," in pt  # Portuguese (pt-PT): 0 is plural
    assert "1 confrontation (Finale)" in shipped.ask("/tie Al Ahly 2023-24 final", "fr").summary
