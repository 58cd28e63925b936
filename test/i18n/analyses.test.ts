import { describe, expect, it } from 'vitest';
import { clusterName, clusterNames, featureLabel } from '../../src/analyses/clusters/words.js';
import { loyaltyName, segmentAction, segmentName } from '../../src/analyses/rfm/words.js';
import { segmentValueName, tierName } from '../../src/i18n/analyses.js';

describe('words for analysis keys', () => {
  it('names RFM segments by key, a map label winning in every locale, unknown keys as they are', () => {
    expect(segmentName('cant-lose', 'en')).toBe("Can't Lose Them");
    expect(segmentName('cant-lose', 'nl')).toBe('Niet kwijtraken');
    expect(segmentName({ key: 'champions', label: 'Stars' }, 'nl')).toBe('Stars');
    expect(segmentName('vip', 'nl')).toBe('vip');
    expect(segmentName('toString', 'en')).toBe('toString');
    expect(segmentAction({ key: 'vip', action: 'Call them.' }, 'en')).toBe('Call them.');
    expect(loyaltyName('potential', 'nl')).toBe('Potentieel trouw');
    expect(loyaltyName('other', 'en')).toBe('other');
  });

  it('names clusters from their parts, customers columns included, numbering duplicates', () => {
    const parts = [
      { feature: 'recency', level: 'low' },
      { feature: 'frequency', level: 'high' },
      { feature: 'nps', level: 'high' },
    ] as const;
    expect(clusterName(parts, 'en')).toBe('Recent, frequent, high NPS');
    expect(clusterName(parts, 'nl')).toBe('Recent, frequent, hoge NPS');
    expect(clusterName([], 'nl')).toBe('Gemiddelde klanten');
    expect(
      clusterNames([{ nameParts: [] }, { nameParts: [{ feature: 'age', level: 'low' }] }, { nameParts: [] }], 'en'),
    ).toEqual(['Average customers (1)', 'Low age', 'Average customers (3)']);
    expect([featureLabel('tenure_days', 'nl'), featureLabel('age', 'nl')]).toEqual(['Klant sinds (dagen)', 'Leeftijd']);
  });

  it('names value-tier keys and leaves other segment values alone', () => {
    expect(['top-20%', 'next-30%', 'rest-50%'].map((k) => segmentValueName(k, 'nl'))).toEqual([
      'Hoogste 20%',
      'Volgende 30%',
      'Overige 50%',
    ]);
    expect(tierName('next-12.5%', 'en')).toBe('Next 12.5%');
    expect(tierName('North', 'en')).toBeUndefined();
    expect(segmentValueName('North', 'nl')).toBe('North');
  });
});
