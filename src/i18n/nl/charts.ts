/** Dutch words of the charts layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const charts: Texts['charts'] = {
  months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  /** Activity charts: revenue and active customers per period. */
  activity: {
    revenue: (p: string) => `Netto-omzet per ${p}`, revenueDesc: 'Staven met netto-omzet (retouren afgetrokken) per kalenderperiode',
    customers: (p: string) => `Actieve klanten per ${p}`, customersDesc: 'Gestapelde staven per kalenderperiode: klanten die voor het eerst bestellen en terugkerende klanten',
    period: 'Periode', netRevenue: 'Netto-omzet', orders: 'Bestellingen', returned: 'Geretourneerd', count: 'Klanten', kind: 'Klanten',
    new: 'nieuw', returning: 'terugkerend', partial: (d: string) => `laatste periode onvolledig: data tot ${d}`,
    per: { week: 'week', month: 'maand', quarter: 'kwartaal' }, q: 'K',
  },
  /** Cluster charts: choosing k, the projection scatter, profiles and sizes. */
  clusters: {
    kTitle: 'Het aantal clusters kiezen', kDesc: 'Per aantal clusters: de spreiding van klanten binnen hun cluster (lager is compacter) en hoe duidelijk de clusters uit elkaar liggen (hoger is beter); het gekozen aantal is gemarkeerd',
    k: 'Aantal clusters', inertia: 'Spreiding binnen clusters', silhouette: 'Hoe duidelijk gescheiden', chosen: (k: number) => `gekozen: ${k} clusters`,
    scatterTitle: 'Klanten op de twee belangrijkste richtingen van variatie', scatterDesc: 'Steekproef van klanten, geplaatst langs de twee richtingen waarin ze het meest verschillen, gekleurd per cluster',
    pc: (i: number, share: string) => `Richting ${i} (${share} van de verschillen)`, cluster: 'Cluster', sampled: (n: string) => `steekproef van ${n} klanten`,
    heatTitle: 'Clusterprofielen', heatDesc: 'Elke cel: het clustergemiddelde van een kenmerk (tekst); kleur: groen beter dan de gemiddelde klant (recenter, meer bestellingen, meer omzet; andere kolommen: hoger), paars slechter',
    feature: 'Kenmerk', mean: 'Gemiddelde', z: 't.o.v. gemiddelde', better: 'beter', worse: 'slechter', average: 'gemiddeld',
    sizeTitle: 'Omvang en omzet per cluster', sizeDesc: 'Per cluster het aandeel in klanten naast het aandeel in de netto-omzet',
    share: 'Aandeel', measure: 'Maat', customerShare: 'Aandeel klanten', revenueShare: 'Aandeel omzet', customers: 'Klanten',
  },
  /** CLV charts: holdout check, P(alive) histogram and matrix, tiers and segments. */
  clv: {
    holdout: 'Controleperiode: voorspelde en werkelijke aankopen', holdoutDesc: 'Lijnen per groep klanten met hetzelfde aantal herhaalaankopen in de kalibratieperiode: het gemiddelde aantal aankopen dat het model voorspelde voor de controleperiode naast het werkelijke gemiddelde',
    calX: 'Herhaalaankopen in de kalibratieperiode', perCustomer: 'Aankopen per klant in de controleperiode', actual: 'Werkelijk', predicted: 'Voorspeld (BG/NBD)', series: 'Reeks', customers: 'Klanten',
    hist: 'Hoe waarschijnlijk zijn klanten nog actief?', histDesc: 'Histogram van P(actief), de kans volgens het model dat een klant nog niet is afgehaakt, in tienden',
    pAlive: 'P(actief)', matrix: 'P(actief) naar aankoopfrequentie en recentheid', matrixDesc: (T: string) => `Heatmap van P(actief) volgens het model voor een klant die ${T} perioden is gevolgd, naar aantal herhaalaankopen en moment van de laatste; donkerder is waarschijnlijker actief`,
    observed: (T: string) => `een klant die ${T} gevolgd is`,
    x: 'Herhaalaankopen', tx: 'Moment van de laatste aankoop', tiers: 'Klanten en voorspelde waarde per CLV-klasse', tiersDesc: 'Staven per CLV-klasse: het aandeel in de klanten naast het aandeel in de totale voorspelde waarde',
    tier: 'CLV-klasse', share: 'Aandeel', measure: 'Maat', customerShare: 'Aandeel klanten', clvShare: 'Aandeel voorspelde waarde', clv: 'Voorspelde waarde (CLV)',
    segments: 'Voorspelde waarde per segment', segmentsDesc: 'Staven per segment: de totale voorspelde waarde, met gemiddelde P(actief) in de tooltip', segment: 'Segment', meanClv: 'Gemiddelde CLV per klant', atRisk: 'Risico (lage P(actief))',
    tierNames: { top: 'Top', high: 'Hoog', medium: 'Midden', low: 'Laag' }, periods: { weeks: 'weken', days: 'dagen' },
    orMore: 'of meer',
  },
  /** Cohort charts: the retention triangle and the retention and LTV curves. */
  cohorts: {
    heat: 'Klantbehoud per cohort', heatRev: 'Omzetbehoud per cohort',
    heatDesc: 'Cohortdriehoek: één rij per cohort (omvang tussen haakjes), één kolom per periode sinds de eerste bestelling; elke cel toont het aandeel van het cohort dat in die periode bestelde',
    heatRevDesc: 'Cohortdriehoek: elke cel toont de omzet per klant van het cohort in die periode als aandeel van de eerste periode',
    curves: 'Retentiecurves', curvesDesc: 'Eén lijn per cohort: het aandeel van het cohort dat bestelt in elke periode sinds de eerste bestelling; de dikke zwarte lijn is het gemiddelde, gewogen naar cohortomvang',
    ltv: 'Cumulatieve omzet per klant (LTV)', ltvDesc: 'Eén lijn per cohort: netto-omzet per klant opgeteld vanaf de eerste periode; de dikke zwarte lijn is het gewogen gemiddelde',
    since: { month: 'Maanden sinds eerste bestelling', week: 'Weken sinds eerste bestelling', quarter: 'Kwartalen sinds eerste bestelling' },
    cohort: 'Cohort', size: 'Klanten', active: 'Actief', retention: 'Behoud', revenueRetention: 'Omzetbehoud', revenue: 'Netto-omzet',
    ltvValue: 'Cumulatieve omzet per klant', average: 'Gewogen gemiddelde', averageWhere: (n: number) => `het gemiddelde staat waar minstens ${n} cohorten zijn waargenomen`, partial: '* deels waargenomen (de data eindigt in deze periode)',
    partialLeftOut: 'deels waargenomen perioden weggelaten', shown: (n: number, of: number, by: boolean) => `${by ? 'grootste' : 'laatste'} ${n} van ${of} cohorten`,
    unknown: '(onbekend)', q: 'K', period: 'Periode',
  },
  /** RFM charts: the R×F heatmap, segment bars and the distributions. */
  rfm: {
    heatmap: 'Klanten per recency- en frequentiescore', heatmapDesc: 'Heatmap van het R×F-raster: elke cel toont het segment en het aantal klanten; donkerder is meer klanten',
    heatmapMoney: 'donkerder is meer omzet per klant', r: 'Recencyscore (R, 5 = meest recent)', f: 'Frequentiescore (F, 5 = meeste bestellingen)',
    customers: 'Klanten', meanMonetary: 'Gemiddelde netto-omzet', revenue: 'Netto-omzet', segment: 'Segment', cell: 'R×F-cel',
    bars: 'Aandeel in klanten en in omzet per segment', barsDesc: 'Staven per segment: het aandeel in alle klanten naast het aandeel in de totale netto-omzet',
    share: 'Aandeel', measure: 'Maat', customerShare: 'Aandeel klanten', revenueShare: 'Aandeel omzet',
    asOf: 'peildatum', recency: 'Dagen sinds laatste bestelling', frequency: 'Aantal bestellingen', monetary: 'Netto-omzet per klant',
    distTitle: (m: string) => `Verdeling: ${m.toLowerCase()}`, distDesc: (m: string) => `Histogram van ${m.toLowerCase()} over alle klanten`,
    logNote: 'logaritmische schaal', nonPositive: (n: number) => `${n} klanten met netto-omzet ≤ 0 niet getoond`, from: 'Van', to: 'Tot',
  },
  /** Segment charts: sub-segments, KPIs against goals (with the KPI labels), migration and overlap. */
  segments: {
    sub: (k: string, by: string) => `${k}: subsegmenten naar ${by} tegen hun segment`,
    subSub: 'staven: verschil met het segmentgemiddelde (0 = het segment); snorharen: 95%-betrouwbaarheidsinterval',
    subDesc: 'Staven per subsegment die tonen hoe ver de KPI van het eigen segmentgemiddelde ligt, met 95%-betrouwbaarheidsintervallen; grijze staven zijn te klein om te vergelijken',
    diff: 'Verschil met segmentgemiddelde', group: 'Subsegment', status: 'Uitkomst', significant: 'significant', notSignificant: 'niet significant',
    tooSmall: 'te klein', value: 'Subsegment', segmentValue: 'Segment', customers: 'Klanten', ciLow: 'BI onder', ciHigh: 'BI boven',
    goal: 'Doel', kpiTitle: (k: string) => `${k} per segment tegen het doel`, kpiDesc: 'Staven tonen de KPI per segment, het zwarte streepje het doel; de kleur geeft de status',
    segment: 'Segment', met: 'gehaald', close: 'bijna', missed: 'niet gehaald', noGoal: 'geen doel', noData: 'geen gegevens',
    mig: 'Waar de klanten van elk segment heen gingen', migSub: (a: string, b: string) => `rijen: segment op ${a}; kolommen: segment op ${b}; kleur: aandeel van de rij`,
    migDesc: 'Heatmap van de overgangsmatrix tussen twee peildata: elke cel toont hoeveel klanten van het rijsegment in het kolomsegment belandden',
    from: 'Segment aan het begin', to: 'Segment aan het eind', rowShare: 'Aandeel van rij', count: 'Klanten',
    ov: 'Overlap tussen klantgroepen', ovDesc: 'Heatmap van de Jaccard-index (klanten in beide / in een van beide) voor elk paar groepen',
    a: 'Groep', b: 'Groep', jaccard: 'Jaccard', both: 'In beide',
    kpiLabels: { revenuePerCustomer: 'Omzet per klant', ordersPerCustomer: 'Bestellingen per klant', averageOrderValue: 'Gemiddelde orderwaarde', repeatRate: 'Herhaalaankopen', nps: 'NPS' },
    churnLabel: (days: string) => `Churn (${days} dagen)`, meanLabel: (column: string) => `Gemiddelde ${column}`, allCustomers: 'Alle klanten',
  },
};
