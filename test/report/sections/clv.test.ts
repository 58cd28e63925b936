import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { clvBySegment, type ClvSegmentRow } from '../../../src/analyses/clv/aggregates.js';
import { clvDoubts, clvFindings, clvSection } from '../../../src/analyses/clv/section.js';
import { formatCurrency, formatNumber, formatPercent } from '../../../src/locale.js';
import { expectValidSpec } from '../../helpers/charts.js';
import { clvTransactions } from '../../helpers/clv.js';

let result: ClvResult;
let segments: ClvSegmentRow[];

beforeAll(async () => {
  const wb = await Workbench.open();
  await clvTransactions(wb);
  result = await clv(wb, {
    calibrationEnd: new Date('2023-06-30'),
    holdoutEnd: new Date('2023-09-30'),
    unit: 'days',
    discountRate: 0.1,
  });
  segments = await clvBySegment(wb, result, { table: 'seg' });
  wb.close();
}, 60_000);

describe('clvSection', () => {
  it('writes findings from the result’s numbers in English', () => {
    const f = clvFindings(result, 'en');
    const top = result.tiers[0];
    expect(f[0]).toBe(
      `Over the next 12 months the model expects ${formatNumber(result.totals.expectedPurchases, 'en')} purchases worth ${formatCurrency(result.totals.clv, 'en', 'EUR', 0)} (discounted at 10% a year) from the 400 customers.`,
    );
    expect(f[1]).toBe(
      `The top ${formatPercent(top?.share ?? 0, 'en', 0)} of customers by predicted value (${top?.customers}) hold ${formatPercent(top?.clvShare ?? 0, 'en', 0)} of it.`,
    );
    const h = result.holdout;
    expect(f.find((s) => s.startsWith('Check on data'))).toContain(
      `for the 92 days after the calibration period it predicted ${formatNumber(h?.predictedTotal ?? 0, 'en')} purchases; customers made ${formatNumber(h?.actualTotal ?? 0, 'en')}`,
    );
  });

  it('builds charts, tables and facts in Dutch, with segments named', () => {
    const s = clvSection(result, { locale: 'nl', segments, segmentNames: { A: 'Segment A' } });
    expect(s.title).toBe('Voorspelde klantwaarde');
    // The planted holdout misses (131.6 purchases predicted, 13 made): the doubt comes first, then the
    // model (3 paragraphs, the last saying the check below tests it), then the value note.
    expect(s.intro).toHaveLength(4);
    expect(s.caution).toBe(
      'De voorspellingen hieronder zijn op deze gegevens niet betrouwbaar; baseer er geen beslissingen op: over de periode die het niet zag, zat de voorspelling van het totale aantal aankopen +912% naast, meer dan de 20% die is toegestaan.',
    );
    expect(s.intro?.[2]).toMatch(
      /De controle hieronder vergelijkt de voorspellingen met wat klanten werkelijk deden\.$/,
    );
    // Margin 1 (the default): the reader is told the values are revenue.
    expect(s.intro?.[3]).toBe(
      'Alle bedragen hier zijn omzet, geen winst (marge 100%). Geef een marge op (swb report --clv --margin 0.3) om winst te zien.',
    );
    expect(s.findings?.[0]).toMatch(/^In de komende 12 maanden verwacht het model/);
    expect(s.charts?.map((c) => c.id)).toEqual([
      'clv-tracking',
      'clv-tracking-weekly',
      'clv-holdout',
      'clv-palive',
      'clv-palive-matrix',
      'clv-tiers',
      'clv-segments',
    ]);
    for (const c of s.charts ?? []) expectValidSpec(c.spec);
    expect(s.tables?.map((t) => t.caption)).toEqual([
      'CLV-klassen',
      'P(actief)-banden (risico < 30% ≤ onzeker < 70% ≤ actief)',
      'Controle naar herhaalaankopen in de kalibratieperiode',
      'Voorspelde waarde per segment',
    ]);
    expect(s.tables?.[0]?.rows.map((r) => r[0])).toEqual(['Top', 'Hoog', 'Midden', 'Laag']);
    expect(s.tables?.[3]?.rows.map((r) => r[0]).sort()).toEqual(['B', 'Segment A']);
    expect(s.facts?.find(([k]) => k === 'Einde kalibratieperiode')?.[1]).toBe('30 jun 2023');
  });

  it('leaves out the holdout chart and table without a holdout', () => {
    const s = clvSection({ ...result, holdout: null });
    expect(s.charts?.map((c) => c.id)).not.toContain('clv-holdout');
    expect(s.tables).toHaveLength(2);
    expect(s.findings?.some((f) => f.startsWith('Check on data'))).toBe(false);
  });

  it('finds the planted holdout miss: 131.6 purchases predicted for 13 made', () => {
    expect(result.holdout?.actualTotal).toBe(13);
    expect(result.holdout?.predictedTotal).toBeCloseTo(131.59, 1);
    expect(clvDoubts(result)).toEqual([{ kind: 'holdoutMiss', error: expect.closeTo(9.122, 2) }]);
  });

  it('says first, in English, that a fit without dropout is not reliable, and that no holdout tested it', () => {
    const active = result.aliveBands[2];
    if (!active) throw new Error('no active band');
    // Online Retail's fit: a = 1.15e-6, b = 1.42e4, every customer in the active band at P(alive) 100%.
    const flat: ClvResult = {
      ...result,
      holdout: null,
      bgnbd: { ...result.bgnbd, a: 1.15e-6, b: 1.42e4 },
      aliveBands: [
        { ...active, key: 'at_risk', customers: 0, share: 0 },
        { ...active, key: 'uncertain', customers: 0, share: 0 },
        { ...active, customers: 400, share: 1, meanPAlive: 1 },
      ],
    };
    expect(clvDoubts(flat)).toEqual([{ kind: 'noDropout', certainShare: 1 }]);
    const s = clvSection(flat);
    expect(s.caution).toBe(
      'The predictions below are not reliable on this data; do not act on them: the model finds no sign of customers stopping (P(alive) is 99% or more for 100% of customers), so it assumes that every customer, lapsed ones too, keeps buying at their past rate.',
    );
    expect(s.intro?.[2]).toMatch(
      /This report has no holdout check: the model was fitted on all the data, so its predictions have not been tested against what customers did afterwards\.$/,
    );
    expect(s.intro?.join(' ')).not.toContain('check below');
    expect(s.charts?.map((c) => c.id)).not.toContain('clv-holdout');
  });

  it('no dropout also when 95% of customers have P(alive) of 99% or more, whatever a and b are', () => {
    const bands = result.aliveBands.map((b, i) =>
      i === 2 ? { ...b, share: 0.95, meanPAlive: 0.995 } : { ...b, share: 0.025 },
    );
    expect(clvDoubts({ ...result, holdout: null, aliveBands: bands })).toEqual([
      { kind: 'noDropout', certainShare: 0.95 },
    ]);
    const fewer = result.aliveBands.map((b, i) =>
      i === 2 ? { ...b, share: 0.94, meanPAlive: 0.995 } : { ...b, share: 0.03 },
    );
    expect(clvDoubts({ ...result, holdout: null, aliveBands: fewer })).toEqual([]);
  });

  it('a holdout within 20% leaves the section without a doubt, the check below promised and shown', () => {
    const h = result.holdout;
    if (!h) throw new Error('no holdout');
    const close: ClvResult = { ...result, holdout: { ...h, actualTotal: 120 } }; // 131.6 / 120 = +9.7%
    expect(clvDoubts(close)).toEqual([]);
    const s = clvSection(close);
    expect(s.caution).toBeUndefined();
    expect(s.intro?.[0]).toMatch(/^This section looks forward\./);
    expect(s.intro?.[2]).toMatch(
      /The holdout check below compares its predictions with what customers actually did\.$/,
    );
    expect(s.charts?.map((c) => c.id).slice(0, 3)).toEqual(['clv-tracking', 'clv-tracking-weekly', 'clv-holdout']);
    expect(clvDoubts({ ...result, holdout: { ...h, actualTotal: 109 } })).toEqual([
      { kind: 'holdoutMiss', error: expect.closeTo(0.207, 3) },
    ]);
  });
});
