/**
 * RFM segment maps: which named segment each score combination belongs to. The standard map is
 * the widely used R×F grid (Champions … Hibernating) on 5 bins; other bin counts are mapped onto
 * it linearly. User maps are plain data (ranges on r/f/m) and are checked for gaps and overlaps
 * before any SQL runs, so a bad map fails with the codes to fix rather than with NULL segments.
 */
import { WorkbenchError } from '../../errors.js';
import type { Locale } from '../../locale.js';

/** Text in every supported locale. */
export type LocalizedText = Record<Locale, string>;

/** The coarse manager view of the segments. */
export type LoyaltyGroup = 'loyal' | 'potential' | 'at-risk' | 'lost';

/** The loyalty groups in display order. */
export const LOYALTY_GROUPS: readonly LoyaltyGroup[] = ['loyal', 'potential', 'at-risk', 'lost'];

/** Display names of the loyalty groups. */
export const LOYALTY_NAMES: Readonly<Record<LoyaltyGroup, LocalizedText>> = {
  loyal: { en: 'Loyal', nl: 'Trouw' },
  potential: { en: 'Potential loyal', nl: 'Potentieel trouw' },
  'at-risk': { en: 'At risk', nl: 'Risico' },
  lost: { en: 'Lost', nl: 'Verloren' },
};

/** An inclusive score range `[min, max]`. */
export type ScoreRange = readonly [number, number];

/** One rule: a customer matches when every given range holds (an absent score matches any value). */
export interface SegmentRule {
  /** Recency score range. @defaultValue any */
  r?: ScoreRange;
  /** Frequency score range. @defaultValue any */
  f?: ScoreRange;
  /** Monetary score range. @defaultValue any */
  m?: ScoreRange;
}

/** A named segment: a customer belongs to it when any of its rules matches. */
export interface SegmentDefinition {
  /** Stable key, e.g. `'champions'` (what the `rfm` table stores in `segment`). */
  key: string;
  /** Display name per locale. */
  name: LocalizedText;
  /** One-line description of the customers in it. */
  description: LocalizedText;
  /** What to do with them. */
  action: LocalizedText;
  /** Coarse loyalty group it belongs to. */
  loyalty: LoyaltyGroup;
  /** Rules; the segment is their union. */
  rules: readonly SegmentRule[];
}

/** A complete segment map for a number of bins: every score combination in exactly one segment. */
export interface SegmentMap {
  /** Name of the map (shown in reports). */
  name: string;
  /** Scores run 1..bins. */
  bins: number;
  /** Segments in display order (summaries keep this order). */
  segments: readonly SegmentDefinition[];
}

type Standard = Omit<SegmentDefinition, 'rules'> & { rules: ReadonlyArray<{ r: ScoreRange; f: ScoreRange }> };

/** The standard segments on the 5×5 R×F grid (rows r, columns f), best first. */
const STANDARD: readonly Standard[] = [
  {
    key: 'champions', loyalty: 'loyal', rules: [{ r: [5, 5], f: [4, 5] }],
    name: { en: 'Champions', nl: 'Kampioenen' },
    description: { en: 'Bought recently, buy often and spend the most.', nl: 'Kochten onlangs, kopen vaak en besteden het meest.' },
    action: { en: 'Reward them; ask for reviews and referrals; offer early access.', nl: 'Beloon ze; vraag om reviews en aanbevelingen; geef vroege toegang.' },
  },
  {
    key: 'loyal', loyalty: 'loyal', rules: [{ r: [3, 4], f: [4, 5] }],
    name: { en: 'Loyal Customers', nl: 'Trouwe klanten' },
    description: { en: 'Buy regularly and respond to promotions.', nl: 'Kopen regelmatig en reageren op acties.' },
    action: { en: 'Upsell higher-value products; invite to a loyalty programme.', nl: 'Verkoop duurdere producten; nodig uit voor een loyaliteitsprogramma.' },
  },
  {
    key: 'potential-loyalists', loyalty: 'potential', rules: [{ r: [4, 5], f: [2, 3] }],
    name: { en: 'Potential Loyalists', nl: 'Potentiële trouwe klanten' },
    description: { en: 'Recent customers with more than one order.', nl: 'Recente klanten met meer dan één bestelling.' },
    action: { en: 'Offer membership or loyalty rewards; recommend related products.', nl: 'Bied lidmaatschap of spaarvoordeel; beveel verwante producten aan.' },
  },
  {
    key: 'new', loyalty: 'potential', rules: [{ r: [5, 5], f: [1, 1] }],
    name: { en: 'New Customers', nl: 'Nieuwe klanten' },
    description: { en: 'Bought very recently, but only once.', nl: 'Kochten zeer onlangs, maar pas één keer.' },
    action: { en: 'Onboard them well; make the second order easy.', nl: 'Zorg voor een goede start; maak de tweede bestelling makkelijk.' },
  },
  {
    key: 'promising', loyalty: 'potential', rules: [{ r: [4, 4], f: [1, 1] }],
    name: { en: 'Promising', nl: 'Veelbelovend' },
    description: { en: 'Recent one-time buyers.', nl: 'Recente eenmalige kopers.' },
    action: { en: 'Build brand awareness; offer a small incentive to return.', nl: 'Bouw naamsbekendheid op; geef een kleine reden om terug te komen.' },
  },
  {
    key: 'need-attention', loyalty: 'at-risk', rules: [{ r: [3, 3], f: [3, 3] }],
    name: { en: 'Need Attention', nl: 'Aandacht nodig' },
    description: { en: 'Average recency and frequency; may slip away.', nl: 'Gemiddeld recent en frequent; kunnen afhaken.' },
    action: { en: 'Send limited-time offers based on past purchases.', nl: 'Stuur tijdelijke aanbiedingen op basis van eerdere aankopen.' },
  },
  {
    key: 'about-to-sleep', loyalty: 'at-risk', rules: [{ r: [3, 3], f: [1, 2] }],
    name: { en: 'About to Sleep', nl: 'Bijna slapend' },
    description: { en: 'Below-average recency and few orders.', nl: 'Al even niet gekocht en weinig bestellingen.' },
    action: { en: 'Reactivate with popular products and discounts.', nl: 'Heractiveer met populaire producten en kortingen.' },
  },
  {
    key: 'at-risk', loyalty: 'at-risk', rules: [{ r: [1, 2], f: [3, 4] }],
    name: { en: 'At Risk', nl: 'Risicoklanten' },
    description: { en: 'Bought often, but a long time ago.', nl: 'Kochten vaak, maar lang geleden.' },
    action: { en: 'Send personal win-back e-mails; offer renewals.', nl: 'Stuur persoonlijke terugwin-mails; bied verlengingen aan.' },
  },
  {
    key: 'cant-lose', loyalty: 'at-risk', rules: [{ r: [1, 2], f: [5, 5] }],
    name: { en: "Can't Lose Them", nl: 'Niet kwijtraken' },
    description: { en: 'Were among the best customers, but have not returned for long.', nl: 'Hoorden bij de beste klanten, maar kwamen lang niet terug.' },
    action: { en: 'Win them back personally; ask what went wrong.', nl: 'Win ze persoonlijk terug; vraag wat er misging.' },
  },
  {
    key: 'hibernating', loyalty: 'lost', rules: [{ r: [1, 2], f: [1, 2] }],
    name: { en: 'Hibernating', nl: 'Slapend' },
    description: { en: 'Last order long ago, few orders, low spend.', nl: 'Laatste bestelling lang geleden, weinig bestellingen, lage besteding.' },
    action: { en: 'Try a low-cost reactivation; otherwise stop spending on them.', nl: 'Probeer goedkoop te heractiveren; anders niet meer in investeren.' },
  },
];

/** Map a score on 1..bins linearly onto the 5-point scale of the standard map. */
export function toFivePoint(score: number, bins: number): number {
  return Math.round(1 + ((score - 1) * 4) / (bins - 1));
}

/**
 * The standard R×F segment map (10 segments, every R×F cell once; monetary is not used).
 * For `bins` other than 5, each score is mapped linearly onto 1..5 (`round(1 + (s-1)·4/(bins-1))`)
 * and the cell takes the segment of that 5-point cell; segments no cell maps to are left out
 * (with 3 bins: Need Attention, Promising, …). Pass your own map for anything else.
 * @example const map = standardSegmentMap(); // 5 bins
 */
export function standardSegmentMap(bins = 5): SegmentMap {
  checkBins(bins);
  const segments: SegmentDefinition[] = [];
  for (const s of STANDARD) {
    const rules: SegmentRule[] = [];
    for (const rule of s.rules) {
      const r = scaledRange(rule.r, bins);
      const f = scaledRange(rule.f, bins);
      if (r && f) rules.push({ r, f });
    }
    if (rules.length > 0) segments.push({ ...s, rules });
  }
  return { name: bins === 5 ? 'standard R×F' : `standard R×F (scaled to ${bins} bins)`, bins, segments };
}

/** The scores on 1..bins whose 5-point value lies in `range` (contiguous because the mapping is monotone). */
function scaledRange(range: ScoreRange, bins: number): ScoreRange | undefined {
  const hits: number[] = [];
  for (let s = 1; s <= bins; s++) {
    const five = toFivePoint(s, bins);
    if (five >= range[0] && five <= range[1]) hits.push(s);
  }
  const lo = hits[0];
  const hi = hits[hits.length - 1];
  return lo !== undefined && hi !== undefined ? [lo, hi] : undefined;
}

function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 2 || bins > 20) {
    throw new WorkbenchError('BAD_OPTION', `bins must be a whole number from 2 to 20, got ${bins}.`, { bins });
  }
}

/** True when a rule matches the scores. */
export function ruleMatches(rule: SegmentRule, r: number, f: number, m: number): boolean {
  const within = (range: ScoreRange | undefined, x: number) => range === undefined || (x >= range[0] && x <= range[1]);
  return within(rule.r, r) && within(rule.f, f) && within(rule.m, m);
}

/** The segment of a score combination, or undefined when none matches. */
export function segmentOf(map: SegmentMap, r: number, f: number, m: number): SegmentDefinition | undefined {
  return map.segments.find((s) => s.rules.some((rule) => ruleMatches(rule, r, f, m)));
}

/** True when some rule of the map looks at the monetary score. */
export function usesMonetary(map: SegmentMap): boolean {
  return map.segments.some((s) => s.rules.some((rule) => rule.m !== undefined));
}

/** The code of a score combination: `"545"` (or `"10-3-7"` when bins > 9). */
export function rfmCode(r: number, f: number, m: number | undefined, bins: number): string {
  const parts = m === undefined ? [r, f] : [r, f, m];
  return parts.join(bins > 9 ? '-' : '');
}

/**
 * Check that a map covers every score combination exactly once; throws a `SEGMENT_MAP`
 * WorkbenchError naming the uncovered and doubly covered codes (R×F codes when no rule uses m).
 */
export function validateSegmentMap(map: SegmentMap, bins: number = map.bins): void {
  checkBins(bins);
  const problems: string[] = [];
  if (map.bins !== bins) problems.push(`the map is for ${map.bins} bins but the scores use ${bins}`);
  const keys = new Set<string>();
  for (const s of map.segments) {
    if (keys.has(s.key)) problems.push(`segment key "${s.key}" is used twice`);
    keys.add(s.key);
    for (const rule of s.rules) {
      for (const [name, range] of [['r', rule.r], ['f', rule.f], ['m', rule.m]] as const) {
        if (range && !(Number.isInteger(range[0]) && Number.isInteger(range[1]) && range[0] >= 1 && range[1] <= bins && range[0] <= range[1])) {
          problems.push(`segment "${s.key}" has ${name} range [${range.join(', ')}] outside 1..${bins}`);
        }
      }
    }
  }
  if (problems.length === 0) {
    const withM = usesMonetary(map);
    const uncovered: string[] = [];
    const overlaps: string[] = [];
    for (let r = 1; r <= bins; r++) {
      for (let f = 1; f <= bins; f++) {
        for (let m = 1; m <= (withM ? bins : 1); m++) {
          const hits = map.segments.filter((s) => s.rules.some((rule) => ruleMatches(rule, r, f, m)));
          const code = rfmCode(r, f, withM ? m : undefined, bins);
          if (hits.length === 0) uncovered.push(code);
          if (hits.length > 1) overlaps.push(`${code} (${hits.map((h) => h.key).join(', ')})`);
        }
      }
    }
    if (uncovered.length) problems.push(`no segment covers ${uncovered.join(', ')}`);
    if (overlaps.length) problems.push(`more than one segment covers ${overlaps.join('; ')}`);
  }
  if (problems.length) {
    throw new WorkbenchError('SEGMENT_MAP', `Segment map "${map.name}" is not usable: ${problems.join('; ')}. Every ${usesMonetary(map) ? 'R×F×M' : 'R×F'} code must be in exactly one segment.`, { problems });
  }
}
