"""Arabic phrases: the same questions as the English table, as Arabic-speaking fans ask them.

Words are folded as club names are (hamza forms of alef, alef maqsura, teh
marbuta, tatweel, diacritics, the article "ال"), so "أفريقيا"/"إفريقيا" and
"النهائي"/"نهائي" are one word each.  The particle "ب" written onto a noun
("بدوري") is listed as a vocabulary phrase of its own; "و" written onto the
article ("والزمالك") is read as a word of its own.  Seasons may be typed in Latin
or Arabic-Indic digits ("٢٠١٢").  The format is in ``phrasebook``.
"""

from __future__ import annotations

from bot.answering.questions.phrasebook import Phrasebook

BOOK = Phrasebook(
    "ar",
    macros={
        "season": "[في|عام|سنة|موسم|خلال|لموسم|بموسم|نسخة|بطولة] [عام|سنة|موسم] {season}",
        "comp": "[في|ب|من] {competition}",
        "who": "من|من الذي|مين",
    },
    rounds="""
        final: النهائي | المباراة النهائية | نهائي
        semi: نصف النهائي | الدور نصف النهائي | نصف نهائي
        quarter: ربع النهائي | الدور ربع النهائي | ربع نهائي
        round of 16: دور الستة عشر | دور ال16 | ثمن النهائي
        group: دور المجموعات | مرحلة المجموعات | المجموعات
        first: الدور الأول | الدور الاول
        second: الدور الثاني
        preliminary: الدور التمهيدي | التمهيدي
        playoff: الملحق | الدور الفاصل | دور الملحق
    """,
    competitions="""
        CL: دوري أبطال أفريقيا | بدوري أبطال أفريقيا | دوري الأبطال | بدوري الأبطال
          | دوري أبطال أفريقيا للأندية | دوري ابطال افريقيا
        CC: كأس الكونفدرالية | بكأس الكونفدرالية | الكونفدرالية | كأس الكونفدرالية الأفريقية
          | بكأس الكونفدرالية الأفريقية | بالكونفدرالية
        SC: السوبر الأفريقي | كأس السوبر الأفريقي | بكأس السوبر الأفريقي | بالسوبر الأفريقي
        AFL: الدوري الأفريقي | دوري السوبر الأفريقي | بالدوري الأفريقي
    """,
    methods="""
        penalties: ركلات الترجيح | بركلات الترجيح | ضربات الترجيح | بضربات الترجيح
          | ركلات الجزاء الترجيحية | الترجيح
        away_goals: الأهداف خارج الأرض | قاعدة الأهداف خارج الأرض | بالأهداف خارج الأرض
          | بفارق الأهداف خارج الأرض | الهدف خارج الأرض
        walkover: عدم الحضور | بالانسحاب قبل المباراة | الفوز الإداري | اداريا
        withdrawal: الانسحاب | بالانسحاب | انسحاب
        aggregate: مجموع المباراتين | بمجموع المباراتين | مجموع اللقاءين
    """,
    edges="في من على و ضد مع ب عن الى إلى امام أمام ما متى كيف هل ماذا كم",
    phrases="""
    help: (مساعدة|الأوامر|ماذا تستطيع أن تفعل|كيف أسأل)
    about: (ماذا تعرف|ما المواسم|أي المواسم|ما البطولات|ما هي المواسم) [المتوفرة|المحملة
      |التي تعرفها]

    records: (الأرقام القياسية|أرقام قياسية|الأرقام) [<season>] [<comp>] [<season>]
    records: (أكبر|أعرض|أكثر) (الانتصارات|انتصار|فوز|النتائج|العودات|المباريات تهديفا)
      [<season>] [<comp>]
    records: (العودات|الريمونتادا|ريمونتادا) [<season>] [<comp>]

    tie lost: (<who>) (أقصى|أخرج|أطاح|أطاح ب|هزم|أزاح|أقصي|ودع) {club} [<season>] [<comp>]
      [<season>]
    tie lost: (متى|كيف|في أي دور|أين) (خرج|أقصي|ودع|سقط) {club} [<season>] [<comp>]
      [<season>]

    headtohead: [مواجهات|مباريات|تاريخ مواجهات|لقاءات] {club} (ضد|أمام|vs) {club2} [<comp>]
    headtohead: (مواجهات|مباريات|تاريخ مواجهات|لقاءات) [بين] {club} و {club2} [<comp>]
    headtohead strict: {club} و {club2} [<comp>]
    headtohead lastwin: متى (فاز|تغلب) {club} على {club2} (آخر مرة|لآخر مرة|للمرة الأخيرة)
      [<comp>]
    headtohead: متى (فاز|تغلب|لعب|التقى) {club} (على|مع|ضد) {club2} [آخر مرة|لآخر مرة
      |للمرة الأخيرة] [<comp>]

    season round=final: (<who>) (فاز|توج|حصل على|حقق) [ب|بلقب|لقب] [{competition}] <season>
      [{competition}]
    season round=final: (بطل|الفائز|الفائز ب|الفائز بلقب) [{competition}] <season>
      [{competition}]
    winners: (أبطال|الفائزون|الفائزين|سجل أبطال|قائمة أبطال|سجل الفائزين|قائمة الفائزين|سجل)
      [ب] {competition}
    winners: (من|أي نادي|ما النادي) (الأكثر تتويجا|فاز بأكبر عدد من الألقاب|الأكثر ألقابا)
      [ب|في] [{competition}]

    group: (مجموعة|مجموعات) {club} [<season>] [<comp>] [<season>]
    group: (في أي مجموعة|ما مجموعة|ما هي مجموعة) (كان|لعب|يلعب|وقع) {club} [<season>] [<comp>]
    group: (مجموعات|دور المجموعات|ترتيب المجموعات|جداول المجموعات) [<comp>] <season> [<comp>]
    bracket: (شجرة|مخطط) (البطولة|الأدوار الإقصائية|خروج المغلوب) [<comp>] <season> [<comp>]

    decided: (المباريات|المواجهات|الأدوار) التي (حسمت|انتهت|تقررت) [ب] {method} [<season>]
      [<comp>]
    decided: (<who>) (فاز|تأهل|عبر) {method} [<season>] [<comp>]
    decided: {method} [<season>] [<comp>] [<season>]

    season: (<who>) (لعب|وصل|تأهل) (في|إلى|الى|ل) {round} [<comp>] <season> [<comp>]
    season: {round} [<comp>] <season> [<comp>]
    season: (ماذا حدث في|ملخص|ملخص موسم) [<comp>] <season> [<comp>]
    season: [موسم] [{competition}] <season> [{competition}]

    club: (كيف كان|ما هو|ما) (مشوار|أداء|مسار|مسيرة) {club} [<season>] [<comp>] [<season>]
    club: (مشوار|مسيرة|سجل|تاريخ|ألقاب|إنجازات|نتائج|مسار) {club} [<season>] [<comp>]
      [<season>]
    club: (إلى أين|الى أين|أين) وصل {club} [<season>] [<comp>]
    club: كم (لقبا|لقب|بطولة|نهائيا) (حقق|فاز به|يملك|لعب) {club} [<comp>]
    tie: (مباريات|مواجهات) {club} [في] [{round}] [<season>] [<comp>] [<season>]
    tie: هل (فاز|تأهل|عبر) {club} [في] [{round}] [<season>] [<comp>]
    """,
)
