"""English phrases: the questions fans ask, each mapped to a command of the table.

Order matters: the first phrase that covers the whole question wins, so phrases
with telling words ("knocked out", "vs", "group") come first; phrases with no
words of their own ("Simba 2012") are tried after those of every language, and
read a club only by name, alias or initials.  The format is in ``phrasebook``.
"""

from __future__ import annotations

from bot.answering.questions.phrasebook import Phrasebook

BOOK = Phrasebook(
    "en",
    macros={
        "season": "[in|of|during|for|from|at] [the] {season} [season|edition|campaign]",
        "comp": "[in|of|at|during|from] [the] {competition}",
        "club-words": "history|record|records|path|journey|run|runs|campaign|campaigns|titles"
        "|honours|honors|trophies|career|stats|statistics|profile|seasons",
    },
    rounds="""
        final: final | finals | the final | final match
        semi: semi | semis | semi final | semi finals | semifinal | semifinals
        quarter: quarter | quarters | quarter final | quarter finals | quarterfinal
          | quarterfinals | last eight | last 8
        round of 16: round of 16 | last 16 | last sixteen | eighth finals
        group: group | groups | group stage | group phase | group round
        first: first round | round 1 | r1 | 1st round | round one
        second: second round | round 2 | r2 | 2nd round | round two
        third: third round | round 3 | r3 | 3rd round
        preliminary: preliminary | preliminary round | prelim | prelims | preliminaries
        playoff: playoff | playoffs | play off | play offs | play-off round | playoff round
    """,
    competitions="""
        CL: champions league | caf champions league | african champions league | cl | c1
          | champions cup | african cup of champions
        CC: confederation cup | confederations cup | caf confederation cup | cc | c2 | caf cup
        SC: super cup | caf super cup | supercup
        AFL: african football league | afl | african super league
    """,
    methods="""
        penalties: penalties | penalty | pens | shootout | shootouts | shoot out | shoot outs
          | penalty shootout | penalty shootouts | spot kicks | a shootout | a penalty shootout
        away_goals: away goals | away goal | the away goals rule | away goals rule
          | the away goal rule
        walkover: walkover | walkovers | walk over | forfeit | forfeits
        withdrawal: withdrawal | withdrawals
        aggregate: aggregate | on aggregate | the aggregate score
    """,
    edges="""the in of and or vs v against to by at on for from with who did last ever s a an
        all any is are was were be it this that what which how when where why me my you your
        i can please tell show not no yes best good new old""",
    phrases="""
    # help, and what is loaded
    help: (help|commands|what can you do|how does this work|how do i ask|what can i ask)
    about: (about|what do you know|what is loaded|which seasons|what seasons
      |which competitions|what data) [do you (know|have)|are (loaded|there)]

    # records
    records: [the] [all time] records [<season>] [<comp>] [<season>]
    records: [the|what|which] [are|were|is|was] [the] (biggest|largest|highest|widest|heaviest)
      (win|wins|victory|victories|margin|margins|winning margins|aggregate wins|defeats
      |thrashings|scores) [ever] [<season>] [<comp>] [<season>]
    records: [the|what|which] [are|were] [the] (highest scoring|most goals in|top scoring)
      (ties|tie|matches|games) [ever] [<season>] [<comp>] [<season>]
    records: [the] [biggest|best|greatest] (comeback|comebacks) [ever] [<season>] [<comp>]
      [<season>]
    records: [who|which club|which team] [has|have] [won|lost] [the] most (shoot outs
      |shootouts|penalty shootouts) [won|lost] [<season>] [<comp>]
    records: [the] longest (winning runs|winning run|runs|run|streak|streaks|winning streak
      |winning streaks) [of ties won] [<season>] [<comp>]

    # who knocked a club out: the answer points at the tie it lost
    tie lost: who (knocked out|eliminated|beat|defeated|dumped out|put out|ousted|knocked)
      {club} [out] [<season>] [<comp>] [<season>]
    tie lost: who [did] {club} (lose to|lost to|go out to|went out to|get knocked out by
      |get eliminated by) [<season>] [<comp>] [<season>]
    tie lost: (which|what) (team|club) (knocked|put) {club} out [<season>] [<comp>]
    tie lost: (how|when|where|why) (was|were|did) {club} (knocked out|eliminated
      |get knocked out|go out|lose|get eliminated) [<season>] [<comp>] [<season>]
    tie lost: [in] (which|what) round (was|were|did) {club} (knocked out|eliminated|go out
      |lose|get knocked out) [<season>] [<comp>]

    # two clubs
    headtohead: [the] (head to head|h2h|record|history|matches|games|ties) (between|of)
      {club} (and|vs|v|versus|against) {club2} [<comp>]
    headtohead: {club} (vs|v|versus|against|x) {club2} [head to head|h2h|record|history]
      [<comp>]
    headtohead strict: {club} (and|or) {club2} [head to head|h2h] [<comp>]
    headtohead lastwin: when did {club} last (beat|knock out|eliminate) {club2} [<comp>]
    headtohead lastwin: when did {club} (beat|knock out|eliminate) {club2} for the last time
      [<comp>]
    headtohead: (when|how often|how many times) (did|has|have) {club} [last] (beat|beaten
      |play|played|meet|met|face|faced|lose to|lost to|knock out|knocked out|eliminate
      |eliminated) {club2} [for the] [last] [time] [<comp>]
    headtohead: (has|have|did) {club} ever (beat|beaten|play|played|meet|met|face|faced
      |knocked out|knock out|eliminated|eliminate) {club2} [<comp>]
    headtohead: (when|where) (was|is) [the] (last|latest) (win|victory|meeting|match|game|tie)
      (of|by|between) {club} (over|against|vs|v|and) {club2} [<comp>]

    # who won a season: its final
    season round=final: who (won|win|wins|lifted) [the] [{competition}] <season>
      [{competition}] [final|title|trophy|cup]
    season round=final: who (won|win|wins|lifted) [the] [{competition}] [final|title|trophy
      |cup] <season> [{competition}]
    season round=final: who (were|was|are|is|became) [the] (champions|champion|winners
      |winner) [of] [the] [{competition}] <season> [{competition}]
    season round=final: [the] [{competition}] <season> [{competition}] (winner|winners
      |champion|champions)
    season round=final: [the] [{competition}] (winner|winners|champion|champions) <season>
      [<comp>]

    # every winner, most titles
    winners: (who|which club|which team|what club) (has|have) [won] [the] most
      [{competition}] (titles|trophies|cups) [<comp>]
    winners: [the] most titles [<comp>]
    winners: [the|all|list of|past|previous] [the] [{competition}] (winners|champions|finals
      |roll of honour|roll of honor|title holders|winners list) [list] [<comp>]
    winners: who (won|has won|have won) [the] {competition} [titles] [before|so far]

    # a club's group, every group of a season
    group: {club} [s] (group|groups|group stage|group table|standings) [<season>] [<comp>]
      [<season>]
    group: [the] [{competition}] (group|group table|standings) (of|for|with) {club}
      [<season>] [<comp>] [<season>]
    group: (which|what) group (was|were|is|are|did) {club} [in|play in|drawn in] [<season>]
      [<comp>] [<season>]
    group: [the] (groups|group stage|group tables|group standings|standings|tables) [of|for]
      [the] <season> [<comp>]

    # a picture of a season
    bracket: [the] [{competition}] (bracket|brackets|knockout bracket|knockout tree|tree)
      [of|for] [the] <season> [<comp>]
    bracket: [the] [{competition}] <season> [{competition}] (bracket|knockout bracket)

    # ties decided a given way
    decided: [which|what|the] [ties|matches|games] [were|was] (decided|won|settled|lost|went)
      (on|by|via|after|with|to) {method} [<season>] [<comp>] [<season>]
    decided: (which|what) (ties|matches|games|clubs|teams) (went to|needed|were won on
      |won on|won by|went through on|advanced on|qualified on) {method} [<season>] [<comp>]
    decided: (who|which clubs|which teams) (won|went through|advanced|qualified) (on|by|via)
      {method} [<season>] [<comp>] [<season>]
    decided: how many (ties|matches|games) (were|went to) [decided] [on|by] {method}
      [<season>] [<comp>]
    decided: [the] {method} [ties|matches|games|wins] [<season>] [<comp>] [<season>]

    # a round of a season, a season
    season: who (played|was|were|played in|reached|made) [in] [the] {round} [of] [the]
      [{competition}] <season> [<comp>]
    season: [the] {round} [of] [the] [{competition}] <season> [<comp>]
    season: [the] [{competition}] <season> [{competition}] {round}
    season: (what happened in|tell me about|show me|show|summary of|overview of) [the]
      [{competition}] <season> [<comp>]
    season: [the] [{competition}] <season> [{competition}] [season|edition|ties]

    # one club: its ties, or its whole path
    tie: (did|has|have|does) {club} (win|won|qualify|qualified|advance|advanced|go through
      |get through|make it|progress|pass) [in|past|through|to] [the] [{round}] [<season>]
      [<comp>] [<season>]
    tie: (who|which team|which club) did {club} (play|face|meet|draw|beat) [in] [the]
      [{round}] [<season>] [<comp>] [<season>]
    tie: {club} [s] (ties|tie|matches|games|results|fixtures|knockout ties) [in] [the]
      [{round}] [<season>] [<comp>] [<season>]
    tie: {club} (in|at) [the] [{competition}] [<season>] {round} [<season>] [<comp>]
    club: how did {club} (do|fare|perform|get on|play|go) [<season>] [<comp>] [<season>]
    club: how far did {club} (go|get|reach|progress|make it) [<season>] [<comp>] [<season>]
    club: (tell me about|what about|show me|show|info on|information about|about) {club}
      [<season>] [<comp>] [<season>]
    club: {club} [s] (<club-words>) [<season>] [<comp>]
    club: [the] (<club-words>) of {club} [<season>] [<comp>]
    club: how many (titles|trophies|cups|finals) (has|have|did) {club} (won|win|played|play
      |reached|reach) [<comp>]
    club: (has|did) {club} ever (won|win) [the] [{competition}] [title]

    # a club alone, with a season: read strictly
    tie: {club} <season> [{round}] [<comp>]
    club: {club} [<comp>]
    """,
)
