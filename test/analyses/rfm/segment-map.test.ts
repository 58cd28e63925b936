import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../../src/errors.js';
import {
  rfmCode,
  segmentOf,
  standardSegmentMap,
  toFivePoint,
  validateSegmentMap,
  type SegmentDefinition,
  type SegmentMap,
} from '../../../src/analyses/rfm/segment-map.js';
import { loyaltyName, segmentAction, segmentDescription, segmentName } from '../../../src/analyses/rfm/words.js';

/** The widely used R×F grid, by hand: row r = 5..1, column f = 1..5. */
const GRID = [
  ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
  ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
  ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
];

const seg = (key: string, rules: SegmentDefinition['rules']): SegmentDefinition => ({ key, loyalty: 'lost', rules });

describe('standardSegmentMap', () => {
  it('names all 25 R×F cells as the standard grid, for every m', () => {
    const map = standardSegmentMap();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) expect(segmentName(segmentOf(map, r, f, m)!, 'en')).toBe(GRID[5 - r]![f - 1]);
      }
    }
    expect(() => validateSegmentMap(map)).not.toThrow();
  });

  it('has ten segments with Dutch names, a description and an action each', () => {
    const map = standardSegmentMap();
    expect(map.segments.map((s) => segmentName(s, 'nl'))).toEqual([
      'Kampioenen',
      'Trouwe klanten',
      'Potentiële trouwe klanten',
      'Nieuwe klanten',
      'Veelbelovend',
      'Aandacht nodig',
      'Bijna slapend',
      'Risicoklanten',
      'Niet kwijtraken',
      'Slapend',
    ]);
    for (const s of map.segments) {
      for (const t of [segmentDescription, segmentAction])
        expect(t(s, 'en').length * t(s, 'nl').length).toBeGreaterThan(0);
    }
    expect(segmentDescription('champions', 'en')).toBe('Bought recently, buy often and spend the most.');
    expect(segmentAction('hibernating', 'nl')).toBe(
      'Probeer goedkoop te heractiveren; anders niet meer in investeren.',
    );
    expect(['loyal', 'potential', 'at-risk', 'lost'].map((g) => loyaltyName(g, 'nl'))).toEqual([
      'Trouw',
      'Potentieel trouw',
      'Risico',
      'Verloren',
    ]);
    expect(map.segments.map((s) => s.loyalty)).toEqual([
      'loyal',
      'loyal',
      'potential',
      'potential',
      'potential',
      'at-risk',
      'at-risk',
      'at-risk',
      'at-risk',
      'lost',
    ]);
  });

  it('scales to other bin counts, still covering every cell once', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => toFivePoint(s, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([1, 2, 3].map((s) => toFivePoint(s, 3))).toEqual([1, 3, 5]);
    for (const bins of [2, 3, 4, 6, 7, 10]) expect(() => validateSegmentMap(standardSegmentMap(bins))).not.toThrow();
    const three = standardSegmentMap(3);
    // 3 bins reach the 5-point scores 1, 3, 5 only, so Promising (r = 4 only) drops out
    expect(three.segments.map((s) => s.key)).toEqual([
      'champions',
      'loyal',
      'potential-loyalists',
      'new',
      'need-attention',
      'about-to-sleep',
      'at-risk',
      'cant-lose',
      'hibernating',
    ]);
    expect(segmentOf(three, 2, 2, 1)?.key).toBe('need-attention');
    expect(segmentOf(three, 3, 1, 1)?.key).toBe('new');
  });

  it('rejects bins outside 2..20', () => {
    expect(() => standardSegmentMap(1)).toThrow(/bins must be a whole number from 2 to 20/);
    expect(() => standardSegmentMap(2.5)).toThrow();
  });
});

describe('validateSegmentMap', () => {
  const twoBins = (segments: SegmentDefinition[]): SegmentMap => ({ name: 'mine', bins: 2, segments });

  it('names uncovered and doubly covered R×F codes', () => {
    const map = twoBins([seg('top', [{ r: [2, 2] }]), seg('low', [{ r: [1, 2], f: [1, 1] }])]);
    let error: unknown;
    try {
      validateSegmentMap(map);
    } catch (e) {
      error = e;
    }
    expect(isWorkbenchError(error, 'SEGMENT_MAP')).toBe(true);
    expect((error as Error).message).toBe(
      'Segment map "mine" is not usable: no segment covers 12; more than one segment covers 21 (top, low). Every R×F code must be in exactly one segment.',
    );
  });

  it('checks R×F×M codes when a rule uses m', () => {
    const map = twoBins([seg('big', [{ m: [2, 2] }]), seg('small', [{ m: [1, 1], f: [1, 1] }])]);
    expect(() => validateSegmentMap(map)).toThrow('no segment covers 121, 221');
    const ok = twoBins([seg('big', [{ m: [2, 2] }]), seg('small', [{ m: [1, 1] }])]);
    expect(() => validateSegmentMap(ok)).not.toThrow();
  });

  it('rejects ranges outside the bins, duplicate keys and a bins mismatch', () => {
    expect(() => validateSegmentMap(twoBins([seg('a', [{ r: [1, 3] }])]))).toThrow(
      'segment "a" has r range [1, 3] outside 1..2',
    );
    expect(() => validateSegmentMap(twoBins([seg('a', [{ r: [1, 1] }]), seg('a', [{ r: [2, 2] }])]))).toThrow(
      'segment key "a" is used twice',
    );
    expect(() => validateSegmentMap(standardSegmentMap(5), 4)).toThrow('the map is for 5 bins but the scores use 4');
  });
});

describe('rfmCode', () => {
  it('joins digits, with dashes above 9 bins', () => {
    expect(rfmCode(5, 4, 3, 5)).toBe('543');
    expect(rfmCode(5, 4, undefined, 5)).toBe('54');
    expect(rfmCode(10, 3, 7, 10)).toBe('10-3-7');
  });
});
