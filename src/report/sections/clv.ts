/**
 * The predictive customer value section: what the BG/NBD + Gamma-Gamma models assume, how to read
 * P(alive), findings (expected value, concentration, customers at risk, the holdout check), the
 * charts, tier / band / holdout tables and the fitted parameters. Pure: result in, section out.
 */
import type { ClvResult } from '../../analyses/clv/types.js';
import type { ClvSegmentRow } from '../../analyses/clv/aggregates.js';
import { clvHoldoutChart, clvSegmentChart, clvTierChart, pAliveHistogramChart, pAliveMatrixChart } from '../../charts/clv.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportChart, ReportSection, ReportTable } from '../section.js';

/** Options of {@link clvSection}. */
export interface ClvSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
  /** CLV per segment of another segmentation (from `clvBySegment`), shown as chart and table. @defaultValue none */
  segments?: readonly ClvSegmentRow[];
  /** Display names of the segment keys. @defaultValue the keys */
  segmentNames?: Readonly<Record<string, string>>;
}

/** Holdout misses beyond this relative error are called out as a warning in the findings. */
const HOLDOUT_TOLERANCE = 0.2;

const T = {
  en: {
    title: 'Predicted customer value',
    intro: [
      'This section looks forward. The BG/NBD model (Fader, Hardie & Lee 2005) assumes that while a customer is active they buy at their own steady rate (rates differ between customers), and that after every purchase they may quietly stop for good, with a chance that also differs between customers. It learns both from each customer’s number of repeat purchases, the time of the last one and how long they have been observed. The Gamma-Gamma model adds how much each customer spends per purchase, assuming spend does not depend on how often they buy.',
      'P(alive) is the model’s probability that a customer has not yet stopped. A customer who bought often but not for a long time gets a low P(alive): for them the silence is unusual. A customer who bought rarely is not suspicious after the same silence. Customers who never bought again after their first purchase have P(alive) = 1 in this model, because it only lets customers stop right after a purchase; judge them by their low expected purchases instead.',
      'Where it fails: the model knows no seasons, promotions or trends (a busy season in the holdout is under-predicted), no contracts or subscriptions (customers who leave at a known moment), and it needs enough repeat buyers. The holdout check below compares its predictions with what customers actually did.',
    ],
    value: (months: number, purchases: string, clv: string, customers: string, disc: string) => `Over the next ${months} months the model expects ${purchases} purchases worth ${clv}${disc} from the ${customers} customers.`,
    discount: (r: string) => ` (discounted at ${r} a year)`,
    top: (share: string, n: string, clv: string) => `The top ${share} of customers by predicted value (${n}) hold ${clv} of it.`,
    risk: (n: string, share: string, limit: string) => `${n} customers (${share}) are at risk: their P(alive) is below ${limit}. Win-back offers are best aimed at those with the highest past spend.`,
    holdout: (len: string, pred: string, act: string, err: string) => `Check on data the model did not see: for the ${len} after the calibration period it predicted ${pred} purchases; customers made ${act} (${err}).`,
    holdoutBad: 'That is more than 20% off: read the predictions with care (seasons, promotions or a changing business may be the cause).',
    noDropout: 'The data show almost no sign of customers stopping (the fitted dropout chance is near zero), so P(alive) is close to 100% for everyone; a longer calibration period may show dropout.',
    off: (x: string) => `${x} off`,
    periods: { weeks: 'weeks', days: 'days' },
    charts: {
      holdout: ['Predicted and actual purchases in the holdout period', 'Customers grouped by their repeat purchases in the calibration period; for each group the mean purchases the model predicted for the holdout period beside the mean they made.'],
      hist: ['Distribution of P(alive)', 'How many customers fall in each tenth of P(alive); the left bars are customers the model thinks have probably stopped.'],
      matrix: ['P(alive) by frequency and recency', 'For a customer observed for the whole calibration period: more purchases and a later last purchase mean more likely active; frequent buyers who went quiet early are the likeliest to have stopped.'],
      tiers: ['Customers and predicted value per CLV tier', 'Each CLV tier’s share of customers beside its share of the predicted value.'],
      segments: ['Predicted value per segment', 'Total predicted value per segment; the tooltip shows mean CLV and mean P(alive).'],
    },
    tierNames: { top: 'Top', high: 'High', medium: 'Medium', low: 'Low' },
    bandNames: { at_risk: 'At risk', uncertain: 'Uncertain', alive: 'Active' },
    tierCaption: 'CLV tiers', bandCaption: (a: string, b: string) => `P(alive) bands (at risk < ${a} ≤ uncertain < ${b} ≤ active)`,
    groupCols: ['Group', 'Customers', 'Share', 'Predicted purchases', 'Predicted value', 'Share of value', 'Mean P(alive)'],
    holdoutCaption: 'Holdout check by repeat purchases in the calibration period', holdoutCols: ['Repeat purchases', 'Customers', 'Actual per customer', 'Predicted per customer'],
    segCaption: 'Predicted value per segment', segCols: ['Segment', 'Customers', 'Predicted value', 'Mean CLV', 'Mean P(alive)', 'At risk'],
    facts: {
      calibration: 'Calibration period ends', holdout: 'Holdout period ends', unit: 'Time unit', horizon: 'CLV horizon', months: 'months', discount: 'Discount rate (per year)', margin: 'Margin',
      customers: 'Customers', repeat: 'Repeat buyers', bgnbd: 'BG/NBD r, α, a, b', ll: 'BG/NBD log-likelihood', gg: 'Gamma-Gamma p, q, γ', rho: 'Correlation of frequency and spend (repeat buyers)',
    },
  },
  nl: {
    title: 'Voorspelde klantwaarde',
    intro: [
      'Deze sectie kijkt vooruit. Het BG/NBD-model (Fader, Hardie & Lee 2005) gaat ervan uit dat een klant zolang hij actief is in zijn eigen vaste tempo koopt (het tempo verschilt per klant), en dat hij na elke aankoop stilletjes voorgoed kan afhaken, met een kans die ook per klant verschilt. Het leert beide uit het aantal herhaalaankopen van elke klant, het moment van de laatste en hoe lang de klant gevolgd is. Het Gamma-Gamma-model voegt toe hoeveel elke klant per aankoop besteedt, in de veronderstelling dat dat bedrag niet afhangt van hoe vaak hij koopt.',
      'P(actief) is de kans volgens het model dat een klant nog niet is afgehaakt. Een klant die vaak kocht maar al lang niet meer, krijgt een lage P(actief): voor hem is de stilte ongewoon. Bij een klant die zelden koopt, is dezelfde stilte niet verdacht. Klanten die na hun eerste aankoop nooit meer kochten, hebben in dit model P(actief) = 1, omdat het klanten alleen direct na een aankoop laat afhaken; beoordeel hen op hun lage verwachte aantal aankopen.',
      'Waar het tekortschiet: het model kent geen seizoenen, acties of trends (een druk seizoen in de controleperiode wordt onderschat), geen contracten of abonnementen (klanten die op een bekend moment vertrekken), en het heeft genoeg herhaalkopers nodig. De controle hieronder vergelijkt de voorspellingen met wat klanten werkelijk deden.',
    ],
    value: (months: number, purchases: string, clv: string, customers: string, disc: string) => `In de komende ${months} maanden verwacht het model ${purchases} aankopen met een waarde van ${clv}${disc} van de ${customers} klanten.`,
    discount: (r: string) => ` (verdisconteerd met ${r} per jaar)`,
    top: (share: string, n: string, clv: string) => `De beste ${share} van de klanten naar voorspelde waarde (${n}) hebben ${clv} daarvan.`,
    risk: (n: string, share: string, limit: string) => `${n} klanten (${share}) lopen risico: hun P(actief) is lager dan ${limit}. Terugwinacties richt u het best op wie in het verleden het meest besteedde.`,
    holdout: (len: string, pred: string, act: string, err: string) => `Controle op gegevens die het model niet zag: voor de ${len} na de kalibratieperiode voorspelde het ${pred} aankopen; klanten deden er ${act} (${err}).`,
    holdoutBad: 'Dat wijkt meer dan 20% af: lees de voorspellingen met zorg (seizoenen, acties of een veranderend bedrijf kunnen de oorzaak zijn).',
    noDropout: 'De gegevens tonen bijna geen klanten die afhaken (de geschatte kans daarop is vrijwel nul), dus P(actief) ligt voor iedereen dicht bij 100%; een langere kalibratieperiode kan afhaken wel laten zien.',
    off: (x: string) => `${x} verschil`,
    periods: { weeks: 'weken', days: 'dagen' },
    charts: {
      holdout: ['Voorspelde en werkelijke aankopen in de controleperiode', 'Klanten gegroepeerd naar hun herhaalaankopen in de kalibratieperiode; per groep het gemiddelde aantal voorspelde aankopen in de controleperiode naast het werkelijke gemiddelde.'],
      hist: ['Verdeling van P(actief)', 'Hoeveel klanten in elk tiende van P(actief) vallen; de linker staven zijn klanten die volgens het model waarschijnlijk zijn afgehaakt.'],
      matrix: ['P(actief) naar frequentie en recentheid', 'Voor een klant die de hele kalibratieperiode gevolgd is: meer aankopen en een latere laatste aankoop betekenen waarschijnlijker actief; frequente kopers die vroeg stil werden, zijn het vaakst afgehaakt.'],
      tiers: ['Klanten en voorspelde waarde per CLV-klasse', 'Per CLV-klasse het aandeel in de klanten naast het aandeel in de voorspelde waarde.'],
      segments: ['Voorspelde waarde per segment', 'Totale voorspelde waarde per segment; de tooltip toont gemiddelde CLV en gemiddelde P(actief).'],
    },
    tierNames: { top: 'Top', high: 'Hoog', medium: 'Midden', low: 'Laag' },
    bandNames: { at_risk: 'Risico', uncertain: 'Onzeker', alive: 'Actief' },
    tierCaption: 'CLV-klassen', bandCaption: (a: string, b: string) => `P(actief)-banden (risico < ${a} ≤ onzeker < ${b} ≤ actief)`,
    groupCols: ['Groep', 'Klanten', 'Aandeel', 'Voorspelde aankopen', 'Voorspelde waarde', 'Aandeel waarde', 'Gem. P(actief)'],
    holdoutCaption: 'Controle naar herhaalaankopen in de kalibratieperiode', holdoutCols: ['Herhaalaankopen', 'Klanten', 'Werkelijk per klant', 'Voorspeld per klant'],
    segCaption: 'Voorspelde waarde per segment', segCols: ['Segment', 'Klanten', 'Voorspelde waarde', 'Gem. CLV', 'Gem. P(actief)', 'Risico'],
    facts: {
      calibration: 'Einde kalibratieperiode', holdout: 'Einde controleperiode', unit: 'Tijdseenheid', horizon: 'CLV-horizon', months: 'maanden', discount: 'Disconteringsvoet (per jaar)', margin: 'Marge',
      customers: 'Klanten', repeat: 'Herhaalkopers', bgnbd: 'BG/NBD r, α, a, b', ll: 'BG/NBD log-likelihood', gg: 'Gamma-Gamma p, q, γ', rho: 'Correlatie frequentie en besteding (herhaalkopers)',
    },
  },
} as const;

/** Plain-language findings, most important first. */
export function clvFindings(result: ClvResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = T[locale];
  const o = result.options;
  const n = (x: number) => formatNumber(x, locale);
  const pct = (x: number) => formatPercent(x, locale, 0);
  const out = [t.value(o.horizonMonths, n(result.totals.expectedPurchases), formatCurrency(result.totals.clv, locale, currency, 0), n(result.customers),
    o.discountRate > 0 ? t.discount(pct(o.discountRate)) : '')];
  const top = result.tiers[0];
  if (top && top.customers > 0) out.push(t.top(pct(top.share), n(top.customers), pct(top.clvShare)));
  const risk = result.aliveBands[0];
  if (risk && risk.customers > 0) out.push(t.risk(n(risk.customers), pct(risk.share), pct(o.aliveBands[0])));
  if (result.bgnbd.a / (result.bgnbd.a + result.bgnbd.b) < 1e-3) out.push(t.noDropout);
  const h = result.holdout;
  if (h && h.actualTotal > 0) {
    const err = h.predictedTotal / h.actualTotal - 1;
    const len = `${formatNumber(h.length, locale, Number.isInteger(h.length) ? 0 : 1)} ${t.periods[o.unit]}`;
    out.push(t.holdout(len, n(h.predictedTotal), n(h.actualTotal), t.off(`${err > 0 ? '+' : ''}${formatPercent(err, locale, 0)}`)));
    if (Math.abs(err) > HOLDOUT_TOLERANCE) out.push(t.holdoutBad);
  }
  return out;
}

function groupTable<K extends string>(caption: string, groups: ClvResult['tiers'] | ClvResult['aliveBands'], names: Record<K, string>, locale: Locale, currency: string): ReportTable {
  const t = T[locale];
  return {
    caption,
    columns: t.groupCols.map((label, i) => ({ label, numeric: i > 0 })),
    rows: groups.map((g) => [
      names[g.key as K] ?? g.key, formatNumber(g.customers, locale), formatPercent(g.share, locale, 1), formatNumber(g.expectedPurchases, locale),
      formatCurrency(g.clv, locale, currency, 0), formatPercent(g.clvShare, locale, 1), formatPercent(g.meanPAlive, locale, 0),
    ]),
  };
}

/**
 * The predicted customer value section of a report.
 * @example clvSection(await clv(wb, { calibrationEnd, holdoutEnd }), { locale: 'nl', segments: await clvBySegment(wb, r, { table: 'rfm', column: 'segment' }) })
 */
export function clvSection(result: ClvResult, options: ClvSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = T[locale];
  const o = result.options;
  const num = (x: number, d: number) => formatNumber(x, locale, d);
  const chart = (id: string, [title, description]: readonly [string, string], spec: ReportChart['spec']): ReportChart => ({ id, title, description, spec });
  const charts: ReportChart[] = [];
  if (result.holdout) charts.push(chart('clv-holdout', t.charts.holdout, clvHoldoutChart(result, { locale })));
  charts.push(chart('clv-palive', t.charts.hist, pAliveHistogramChart(result, { locale })));
  charts.push(chart('clv-palive-matrix', t.charts.matrix, pAliveMatrixChart(result, { locale })));
  charts.push(chart('clv-tiers', t.charts.tiers, clvTierChart(result, { locale })));
  const names = options.segmentNames ?? {};
  const segments = options.segments?.map((s) => ({ ...s, segment: names[s.segment] ?? s.segment }));
  if (segments) charts.push(chart('clv-segments', t.charts.segments, clvSegmentChart(segments, { locale })));
  const tables: ReportTable[] = [
    groupTable(t.tierCaption, result.tiers, t.tierNames, locale, currency),
    groupTable(t.bandCaption(formatPercent(o.aliveBands[0], locale, 0), formatPercent(o.aliveBands[1], locale, 0)), result.aliveBands, t.bandNames, locale, currency),
  ];
  if (result.holdout) {
    tables.push({
      caption: t.holdoutCaption,
      columns: t.holdoutCols.map((label, i) => ({ label, numeric: i > 0 })),
      rows: result.holdout.rows.map((r) => [r.orMore ? `${r.x}+` : String(r.x), formatNumber(r.customers, locale), num(r.actual, 2), num(r.predicted, 2)]),
    });
  }
  if (segments) {
    tables.push({
      caption: t.segCaption,
      columns: t.segCols.map((label, i) => ({ label, numeric: i > 0 })),
      rows: segments.map((s) => [s.segment, formatNumber(s.customers, locale), formatCurrency(s.clv, locale, currency, 0),
        formatCurrency(s.meanClv, locale, currency, 0), formatPercent(s.meanPAlive, locale, 0), formatNumber(s.atRisk, locale)]),
    });
  }
  const bg = result.bgnbd;
  const gg = result.gammaGamma;
  const facts: Array<[string, string]> = [
    [t.facts.calibration, formatDate(o.calibrationEnd, locale)],
    ...(o.holdoutEnd ? [[t.facts.holdout, formatDate(o.holdoutEnd, locale)] as [string, string]] : []),
    [t.facts.unit, t.periods[o.unit]],
    [t.facts.horizon, `${o.horizonMonths} ${t.facts.months}`],
    [t.facts.discount, formatPercent(o.discountRate, locale, 1)],
    [t.facts.margin, formatPercent(o.margin, locale, 0)],
    [t.facts.customers, formatNumber(result.customers, locale)],
    [t.facts.repeat, formatNumber(result.repeatBuyers, locale)],
    [t.facts.bgnbd, [bg.r, bg.alpha, bg.a, bg.b].map((v) => (v < 1e-3 || v > 1e4 ? v.toExponential(2) : num(v, 3))).join('; ')],
    [t.facts.ll, num(bg.logLikelihood, 1)],
    [t.facts.gg, [gg.p, gg.q, gg.gamma].map((v) => num(v, 2)).join('; ')],
    [t.facts.rho, Number.isFinite(result.spendFrequencyCorrelation) ? num(result.spendFrequencyCorrelation, 2) : '–'],
  ];
  return { id: 'clv', title: t.title, intro: [...t.intro], findings: clvFindings(result, locale, currency), charts, tables, facts };
}
