"""Portuguese phrases: the same questions as the English table, as Lusophone fans ask them.

European Portuguese first (Angola and Mozambique: "golos", "meias-finais",
"penáltis"), with the Brazilian forms fans also type ("gols", "semifinal",
"pênaltis").  Contractions are words of their own: "do", "da", "no", "na".
The format is in ``phrasebook``.
"""

from __future__ import annotations

from bot.answering.questions.phrasebook import Phrasebook

BOOK = Phrasebook(
    "pt",
    macros={
        "season": "[em|de|na|no|da|do|durante|para] [a|o] [temporada|epoca|edicao] [de] {season}",
        "comp": "[na|no|da|do|em|de] [a|o] {competition}",
        "art": "[o|a|os|as]",
        "of": "[de|do|da|dos|das]",
    },
    rounds="""
        final: final | a final | finais
        semi: meias finais | meia final | semifinal | semifinais | semi final | semi finais
          | meias
        quarter: quartos de final | quartas de final | quartos | quartas
        round of 16: oitavos de final | oitavas de final | oitavos | oitavas
        group: fase de grupos | grupos
        first: primeira eliminatoria | primeira ronda | primeira fase | 1a eliminatoria
        second: segunda eliminatoria | segunda ronda | segunda fase
        preliminary: eliminatoria preliminar | ronda preliminar | fase preliminar | preliminar
        playoff: play off | playoff | repescagem
    """,
    competitions="""
        CL: liga dos campeoes | liga dos campeoes da caf | liga dos campeoes africanos
          | liga dos campeoes de africa | liga dos campeoes da africa | champions africana
        CC: taca da confederacao | taca das confederacoes | copa da confederacao | taca caf
          | copa caf
        SC: supertaca | supertaca africana | supercopa africana | supertaca da caf
        AFL: liga africana de futebol | superliga africana
    """,
    methods="""
        penalties: penaltis | penaltes | grandes penalidades | desempate por penaltis
          | pontapes da marca de grande penalidade | disputa por penaltis | penalidades
        away_goals: golos fora | gols fora | golos fora de casa | gols fora de casa
          | regra dos golos fora | regra dos gols fora
        walkover: falta de comparencia | wo | w o
        withdrawal: desistencia | desistencias | abandono
        aggregate: agregado | resultado agregado | no agregado
    """,
    edges="""o a de do da dos das em no na e contra x por pela pelo quem que qual quando como
        foi quais""",
    phrases="""
    help: (ajuda|comandos|o que sabes fazer|o que voce faz|como funciona)
    about: (o que sabes|que temporadas|quais temporadas|que competicoes|quais competicoes)
      [conheces|tens|estao carregadas|voce conhece]

    records: [os] (recordes|records) [<season>] [<comp>] [<season>]
    records: [as] (maiores|mais largas) (goleadas|vitorias|reviravoltas|remontadas)
      [<season>] [<comp>]
    records: [as] (reviravoltas|remontadas|viradas) [<season>] [<comp>]

    tie lost: quem (eliminou|derrotou|afastou|venceu|bateu|despachou|tirou) <art> {club}
      [<season>] [<comp>] [<season>]
    tie lost: (por quem|contra quem) <art> {club} foi (eliminado|eliminada|afastado|afastada)
      [<season>] [<comp>]
    tie lost: (quando|como|em que fase|em que eliminatoria) <art> {club} foi (eliminado
      |eliminada|afastado|afastada) [<season>] [<comp>]

    headtohead: [confrontos|jogos|historico] [entre] <art> {club} (contra|x|vs|v|versus
      |frente a) <art> {club2} [<comp>]
    headtohead: (confrontos|jogos|historico|duelos) entre <art> {club} e <art> {club2}
      [<comp>]
    headtohead strict: {club} e {club2} [<comp>]
    headtohead lastwin: quando <art> {club} (venceu|ganhou a|bateu|derrotou|eliminou) <art>
      {club2} pela ultima vez [<comp>]
    headtohead: (quando|quantas vezes) <art> {club} (venceu|ganhou|bateu|derrotou|jogou contra
      |enfrentou|defrontou|eliminou) <art> {club2} [pela ultima vez] [<comp>]

    season round=final: quem (ganhou|venceu|conquistou) <art> [{competition}] <season>
      [{competition}] [final|titulo]
    season round=final: quem (ganhou|venceu|conquistou) <art> [final|titulo] <of> <art>
      [{competition}] <season> [{competition}]
    season round=final: [o|os] (campeao|campeoes|vencedor|vencedores) <of> <art>
      [{competition}] <season> [{competition}]
    winners: [os] (vencedores|campeoes|finais|palmares|historico de campeoes) <of> <art>
      [{competition}]
    winners: (quem|que clube) (tem|ganhou|venceu) mais (titulos|trofeus) [<comp>]

    group: [o] grupo <of> <art> {club} [<season>] [<comp>] [<season>]
    group: (em que grupo|qual grupo|qual o grupo) (estava|esta|jogou|ficou) <art> {club}
      [<season>] [<comp>]
    group: [os] (grupos|classificacoes) <of> <art> [temporada] <season> [<comp>]
    bracket: [o|a] (quadro|chave|chaveamento|arvore) <of> <art> [{competition}] <season>
      [<comp>]

    decided: [os] (jogos|eliminatorias|confrontos|duelos) (decididos|decididas|resolvidos
      |resolvidas|ganhos|ganhas) (nos|nas|por|pelos|pelas|em|no|na|pela|pelo) {method}
      [<season>] [<comp>]
    decided: (quem|que clubes) (ganhou|ganharam|passou|passaram|se qualificou) (nos|nas|por
      |pelos|pelas|em|no|na|pela|pelo) {method} [<season>] [<comp>]
    decided: [os|as] {method} [<season>] [<comp>] [<season>]

    season: quem (jogou|esteve|chegou) (a|na|nas|no|nos|as) {round} <of> <art>
      [{competition}] <season> [<comp>]
    season: <art> {round} <of> <art> [{competition}] <season> [<comp>]
    season: (o que aconteceu|resumo) (em|de|da|do) <art> [{competition}] <season> [<comp>]
    season: [a] [temporada|epoca] [{competition}] <season> [{competition}]

    club: (como foi|como correu|como se saiu|ate onde chegou|onde chegou) <art> {club}
      [<season>] [<comp>] [<season>]
    club: [a|o] (campanha|percurso|historico|palmares|carreira|temporadas|resultados) <of>
      <art> {club} [<season>] [<comp>]
    club: quantos (titulos|trofeus|finais) (tem|ganhou|venceu|jogou) <art> {club} [<comp>]
    tie: <art> {club} (ganhou|venceu|passou|se qualificou) [na|no|a|o] [{round}] [<season>]
      [<comp>]
    tie: (contra quem|quem) <art> {club} (jogou|enfrentou|defrontou|venceu) [na|no|nas|nos]
      [{round}] [<season>] [<comp>]
    tie: [os] (jogos|eliminatorias|confrontos|resultados) <of> <art> {club} [na|no|nas|nos]
      [{round}] [<season>] [<comp>] [<season>]
    """,
)
