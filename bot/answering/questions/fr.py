"""French phrases: the same questions as the English table, as French-speaking fans ask them.

Elided articles are words of their own ("l'Espérance" reads "l'" then
"Espérance"), so a phrase writes them as ``<art>`` ("[le|la|les|l']").  Accents,
hyphens and case do not matter (words are folded): "éliminé" and "elimine", "a-t-il"
and "a t il" are the same words.  The format is in ``phrasebook``.
"""

from __future__ import annotations

from bot.answering.questions.phrasebook import Phrasebook

BOOK = Phrasebook(
    "fr",
    macros={
        "season": "[en|de|du|lors de|pendant|pour|dans|a] [la|le|l'] [saison|edition|annee] [de]"
        " {season}",
        "comp": "[en|dans|de|du|a] [la|le|l'] {competition}",
        "art": "[le|la|les|l']",
        "out": "elimine|eliminee|elimines|sorti|sortie|battu|battue|boute|evince|evincee",
    },
    rounds="""
        final: finale | la finale | finales
        semi: demi finale | demi finales | demies | demi
        quarter: quart de finale | quarts de finale | quarts
        round of 16: huitiemes de finale | huitieme de finale | huitiemes
        group: phase de groupes | phase de poules | groupes | poules
        first: premier tour | 1er tour | tour 1
        second: deuxieme tour | second tour | 2e tour | tour 2
        third: troisieme tour | 3e tour
        preliminary: tour preliminaire | preliminaire | preliminaires
        playoff: barrage | barrages | tour de barrage
    """,
    competitions="""
        CL: ligue des champions | ligue des champions de la caf | ligue des champions africaine
          | ldc | c1
        CC: coupe de la confederation | coupe de la caf | c2
        SC: supercoupe | supercoupe de la caf | supercoupe d afrique
        AFL: ligue africaine de football | super ligue africaine
    """,
    methods="""
        penalties: tirs au but | aux tirs au but | tab | penaltys | penalties
          | seance de tirs au but | la seance de tirs au but
        away_goals: buts a l exterieur | la regle des buts a l exterieur
          | regle des buts a l exterieur
        walkover: forfait | forfaits | tapis vert
        withdrawal: retrait | retraits | abandon | desistement
        aggregate: score cumule | cumul | au cumul
    """,
    edges="""le la les l de du des d en et contre a au aux par qui pour que quel quelle quand
        comment est il elle ont ete""",
    phrases="""
    help: (aide|commandes|que sais tu faire|comment ca marche|comment poser une question)
    about: (que sais tu|quelles saisons|quelles competitions|quelles donnees) [connais tu
      |as tu|sont chargees]

    records: [les] records [<season>] [<comp>] [<season>]
    records: [les|quelles sont les] (plus larges|plus grosses|plus grandes|plus belles)
      (victoires|remontees|remontadas|raclees) [<season>] [<comp>]
    records: [les] (matchs|confrontations|doubles confrontations) les plus prolifiques
      [<season>] [<comp>]
    records: [les] (remontees|remontadas) [<season>] [<comp>]

    tie lost: qui a (elimine|sorti|battu|evince|boute) <art> {club} [<season>] [<comp>]
      [<season>]
    tie lost: (par qui|contre qui) <art> {club} (a t il|a t elle|s est fait|a ete|est) [ete]
      (<out>) [<season>] [<comp>]
    tie lost: (quand|comment|a quel tour) <art> {club} (a t il ete|a t elle ete|est il
      |s est il fait|a ete) (<out>) [<season>] [<comp>]
    tie lost: <art> {club} (<out>) par qui [<season>] [<comp>]

    headtohead: [confrontations|face a face|duels] [entre] <art> {club} (contre|face a|vs|v|x)
      <art> {club2} [<comp>]
    headtohead: (confrontations|face a face|duels|bilan) entre <art> {club} et <art> {club2}
      [<comp>]
    headtohead strict: {club} et {club2} [<comp>]
    headtohead lastwin: quand <art> {club} (a t il|a t elle|a) (battu|elimine) <art> {club2}
      pour la derniere fois [<comp>]
    headtohead: (quand|combien de fois) <art> {club} (a t il|a t elle|a) [deja] (battu
      |affronte|rencontre|joue contre|elimine|perdu contre) <art> {club2} [pour la derniere
      fois] [<comp>]

    season round=final: qui a (gagne|remporte) <art> [{competition}] <season> [{competition}]
      [finale|titre]
    season round=final: qui a (gagne|remporte) <art> [finale|titre] [de] <art> [{competition}]
      <season> [{competition}]
    season round=final: [le|les] (vainqueur|vainqueurs|champion|champions) [de|du|d'] <art>
      [{competition}] <season> [{competition}]
    winners: [le|les] (vainqueurs|champions|laureats|finales|palmares) [de|du] <art>
      [{competition}]
    winners: (qui a|quel club a) (gagne|remporte) le plus de (titres|trophees) [<comp>]

    group: [le] groupe [de|du|d'] <art> {club} [<season>] [<comp>] [<season>]
    group: (dans quel groupe|quel groupe) (etait|est|jouait) <art> {club} [<season>] [<comp>]
    group: [les] (groupes|classements|tableaux des groupes) [de|du] <art> [saison] <season>
      [<comp>]
    bracket: [le] (tableau|tableau final|arbre) [de|du] <art> [{competition}] <season> [<comp>]

    decided: [les] (matchs|rencontres|confrontations|qualifications|duels) (decides|decidees
      |joues|jouees|gagnes|gagnees|remportes|remportees) [aux|au|par|sur|a la] {method}
      [<season>] [<comp>]
    decided: (qui|quels clubs) (a|ont|s est|se sont) (gagne|qualifie|qualifies|passe) [aux|au
      |par|sur|a la] {method} [<season>] [<comp>]
    decided: [les] {method} [<season>] [<comp>] [<season>]

    season: (qui a joue|qui etait) (la|le|les|en) {round} [de|du] <art> [{competition}]
      <season> [<comp>]
    season: <art> {round} [de|du|d'] <art> [{competition}] <season> [<comp>]
    season: (que s est il passe en|resume de) <art> [{competition}] <season> [<comp>]
    season: [la] [saison] [{competition}] <season> [{competition}]

    club: (comment|jusqu ou) (s est comporte|s est comportee|a joue|s en est sorti|est alle
      |est allee|s est passee la saison de|s est passe pour) <art> {club} [<season>] [<comp>]
    club: [le] (parcours|historique|bilan|palmares|saison|saisons|resultats) [de|du|d'] <art>
      {club} [<season>] [<comp>] [<season>]
    club: combien de (titres|trophees|finales) <art> {club} (a t il|a t elle|a) (gagne
      |gagnes|remporte|remportes|joue|jouees) [<comp>]
    tie: (est ce que|est ce qu') <art> {club} (a|s est) (gagne|passe|qualifie|elimine)
      [contre|en|au] [{round}] [<season>] [<comp>]
    tie: (contre qui|qui) <art> {club} (a t il|a t elle|a) (joue|affronte|rencontre|battu)
      [en|au|lors du] [{round}] [<season>] [<comp>]
    tie: [les] (matchs|confrontations|resultats) [de|du|d'] <art> {club} [en|au] [{round}]
      [<season>] [<comp>] [<season>]
    """,
)
