/**
 * RFM segment maps: which named segment each score combination belongs to. The standard map is
 * the widely used R×F grid (Champions … Hibernating) on 5 bins; other bin counts are mapped onto
 * it linearly. User maps are plain data (ranges on r/f/m) and are checked for gaps and overlaps
 * before any SQL runs, so a bad map fails with the codes to fix rather than with NULL segments.
 */
import { WorkbenchError } from '../../errors.js';
import { wholeNumber } from '../shared/validate.js';
import { rfmMessages } from './messages.js';

/** The coarse manager view of the segments. */
export type LoyaltyGroup = 'loyal' | 'potential' | 'at-risk' | 'lost';

/** The loyalty groups in display order (names in words: `loyaltyName` in src/i18n/analyses.ts). */
export const LOYALTY_GROUPS: readonly LoyaltyGroup[] = ['loyal', 'potential', 'at-risk', 'lost'];

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
  /**
   * Stable key, e.g. `'champions'` (what the `rfm` table stores in `segment`). The standard keys have names,
   * descriptions and actions in every locale (`segmentName` in src/i18n/analyses.ts); other keys are shown as they are.
   */
  key: string;
  /** Your own display name, shown in every locale instead of the key's standard name. @defaultValue the key's name */
  label?: string;
  /** Your own one-line description of the customers in it. @defaultValue the key's standard description, or none */
  description?: string;
  /** Your own advice on what to do with them. @defaultValue the key's standard action, or none */
  action?: string;
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

type Standard = Pick<SegmentDefinition, 'key' | 'loyalty'> & { rules: ReadonlyArray<{ r: ScoreRange; f: ScoreRange }> };

/** The standard segments on the 5×5 R×F grid (rows r, columns f), best first. */
const STANDARD: readonly Standard[] = [
  { key: 'champions', loyalty: 'loyal', rules: [{ r: [5, 5], f: [4, 5] }] },
  { key: 'loyal', loyalty: 'loyal', rules: [{ r: [3, 4], f: [4, 5] }] },
  { key: 'potential-loyalists', loyalty: 'potential', rules: [{ r: [4, 5], f: [2, 3] }] },
  { key: 'new', loyalty: 'potential', rules: [{ r: [5, 5], f: [1, 1] }] },
  { key: 'promising', loyalty: 'potential', rules: [{ r: [4, 4], f: [1, 1] }] },
  { key: 'need-attention', loyalty: 'at-risk', rules: [{ r: [3, 3], f: [3, 3] }] },
  { key: 'about-to-sleep', loyalty: 'at-risk', rules: [{ r: [3, 3], f: [1, 2] }] },
  { key: 'at-risk', loyalty: 'at-risk', rules: [{ r: [1, 2], f: [3, 4] }] },
  { key: 'cant-lose', loyalty: 'at-risk', rules: [{ r: [1, 2], f: [5, 5] }] },
  { key: 'hibernating', loyalty: 'lost', rules: [{ r: [1, 2], f: [1, 2] }] },
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
  wholeNumber('bins', bins, 2, 20);
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
 * Declare a custom segment map, checked at once ({@link validateSegmentMap}). A map written as a variable
 * loses its literal types (`loyalty: 'loyal'` becomes `string`, `r: [4, 5]` becomes `number[]`) and no longer
 * fits {@link SegmentMap}; through this helper it keeps them, so `rfm(wb, { segmentMap: map })` type-checks.
 * (`{ … } satisfies SegmentMap` does the same without the check.)
 * @example const twoGroups = defineSegmentMap({ name: 'two groups', bins: 5, segments: [
 *   { key: 'recent', loyalty: 'loyal', rules: [{ r: [4, 5] }] },
 *   { key: 'earlier', loyalty: 'lost', rules: [{ r: [1, 3] }] },
 * ] });
 */
export function defineSegmentMap<const M extends SegmentMap>(map: M): M {
  validateSegmentMap(map);
  return map;
}

/**
 * Check that a map covers every score combination exactly once; throws a `SEGMENT_MAP`
 * WorkbenchError naming the uncovered and doubly covered codes (R×F codes when no rule uses m).
 */
export function validateSegmentMap(map: SegmentMap, bins: number = map.bins): void {
  checkBins(bins);
  const problems: string[] = [];
  if (map.bins !== bins) problems.push(rfmMessages.mapBinsMismatch(map.bins, bins));
  const keys = new Set<string>();
  for (const s of map.segments) {
    if (keys.has(s.key)) problems.push(rfmMessages.segmentKeyTwice(s.key));
    keys.add(s.key);
    for (const rule of s.rules) {
      for (const [name, range] of [
        ['r', rule.r],
        ['f', rule.f],
        ['m', rule.m],
      ] as const) {
        if (
          range &&
          !(
            Number.isInteger(range[0]) &&
            Number.isInteger(range[1]) &&
            range[0] >= 1 &&
            range[1] <= bins &&
            range[0] <= range[1]
          )
        ) {
          problems.push(rfmMessages.rangeOutside(s.key, name, range, bins));
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
    if (uncovered.length) problems.push(rfmMessages.codesUncovered(uncovered));
    if (overlaps.length) problems.push(rfmMessages.codesOverlap(overlaps));
  }
  if (problems.length) {
    throw new WorkbenchError('SEGMENT_MAP', rfmMessages.segmentMapUnusable(map.name, problems, usesMonetary(map)), {
      problems,
    });
  }
}
