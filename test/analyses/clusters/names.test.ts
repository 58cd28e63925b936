import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clusters } from '../../../src/analyses/clusters/index.js';
import { clusterLevel, clusterNameParts } from '../../../src/analyses/clusters/names.js';
import { clusterName, clusterNames } from '../../../src/analyses/clusters/words.js';
import { available, CDNOW_MASTER } from '../../helpers/data.js';

const RFM = ['recency', 'frequency', 'monetary'];
const overall = { recency: 300, frequency: 3, monetary: 200 };

describe('cluster names from the cluster’s position against the whole base', () => {
  it('a recency worse than the overall mean is never called recent, whatever the z-score says', () => {
    // z within ±0.5 and a mean of 462 days against 300 overall: neutral, not "fairly recent"
    const mid = clusterNameParts({ recency: -0.3, frequency: 0, monetary: 0 }, RFM, {
      means: { ...overall, recency: 462 },
      overall,
    });
    expect(mid[0]).toEqual({ feature: 'recency', level: 'mid' });
    expect(clusterName(mid, 'en')).toBe('Average recency, occasional, average spend');
    expect(clusterName(mid, 'nl')).toBe('Gemiddeld recent, af en toe, gemiddelde besteding');
    // z below −0.5 on the log scale, but the mean in days is above the overall mean (a long tail): not "recent"
    const skewed = clusterNameParts({ recency: -0.8, frequency: 0, monetary: 0 }, RFM, {
      means: { ...overall, recency: 320 },
      overall,
    });
    expect(skewed[0]?.level).toBe('mid');
  });

  it('recent needs both: z below −0.5 and a mean below the overall mean; lapsed the reverse', () => {
    const recent = clusterNameParts({ recency: -0.8, frequency: 1.2, monetary: 0.9 }, RFM, {
      means: { recency: 40, frequency: 9, monetary: 900 },
      overall,
    });
    expect(clusterName(recent, 'en')).toBe('Recent, frequent, high spend');
    const lapsed = clusterNameParts({ recency: 0.9, frequency: -0.7, monetary: -0.6 }, RFM, {
      means: { recency: 520, frequency: 1, monetary: 40 },
      overall,
    });
    expect(clusterName(lapsed, 'en')).toBe('Lapsed, rare, low spend');
    // high z but a raw mean below average: no word either way
    const odd = clusterNameParts({ recency: 0.7, frequency: 0, monetary: 0 }, RFM, {
      means: { ...overall, recency: 250 },
      overall,
    });
    expect(odd[0]?.level).toBe('mid');
  });

  it('without raw means the level follows the z-score alone', () => {
    expect([clusterLevel(0.51), clusterLevel(-0.51), clusterLevel(0.49), clusterLevel(-0.49)]).toEqual([
      'high',
      'low',
      'mid',
      'mid',
    ]);
  });
});

describe.runIf(available(CDNOW_MASTER, 'CDNOW master cluster-name tests'))(
  'cluster names on the CDNOW master file',
  () => {
    let wb: Workbench;
    beforeAll(async () => {
      wb = await Workbench.open();
      await loadTransactions(wb, CDNOW_MASTER, { preset: 'cdnow' });
    });
    afterAll(() => wb.close());

    it('no cluster with a mean recency above the base’s mean recency is named recent', async () => {
      const r = await clusters(wb, { k: 4, seed: 42, projectionPoints: 0 });
      // the base's mean recency, from the clusters' own means weighted by size
      const base = r.profiles.reduce((s, p) => s + p.size * (p.means['recency'] ?? 0), 0) / r.customerCount;
      const names = clusterNames(r.profiles, 'en');
      const worse = r.profiles.filter((p) => (p.means['recency'] ?? 0) > base);
      expect(worse.length).toBeGreaterThan(0);
      for (const p of worse) {
        expect(p.nameParts.find((n) => n.feature === 'recency')?.level).not.toBe('low');
        expect(names[p.cluster - 1]).not.toMatch(/^(Recent|Fairly recent)/);
      }
      const better = r.profiles.filter((p) => p.nameParts.some((n) => n.feature === 'recency' && n.level === 'low'));
      for (const p of better) expect(p.means['recency'] ?? Infinity).toBeLessThan(base);
    });
  },
);
