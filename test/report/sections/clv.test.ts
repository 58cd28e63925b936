import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { clvBySegment, type ClvSegmentRow } from '../../../src/analyses/clv/aggregates.js';
import { clvFindings, clvSection } from '../../../src/report/sections/clv.js';
import { formatCurrency, formatNumber, formatPercent } from '../../../src/locale.js';
import { expectValidSpec } from '../../helpers/charts.js';
import { clvTransactions } from '../../helpers/clv.js';

let result: ClvResult;
let segments: ClvSegmentRow[];

beforeAll(async () => {
  const wb = await Workbench.open();
  await clvTransactions(wb);
  result = await clv(wb, { calibrationEnd: new Date('2023-06-30'), holdoutEnd: new Date('2023-09-30'), unit: 'days', discountRate: 0.1 });
  segments = await clvBySegment(wb, result, { table: 'seg' });
  wb.close();
}, 60_000);

describe('clvSection', () => {
  it('writes findings from the result’s numbers in English', () => {
    const f = clvFindings(result, 'en');
    const top = result.tiers[0];
    expect(f[0]).toBe(`Over the next 12 months the model expects ${formatNumber(result.totals.expectedPurchases, 'en')} purchases worth ${formatCurrency(result.totals.clv, 'en', 'EUR', 0)} (discounted at 10% a year) from the 400 customers.`);
    expect(f[1]).toBe(`The top ${formatPercent(top?.share ?? 0, 'en', 0)} of customers by predicted value (${top?.customers}) hold ${formatPercent(top?.clvShare ?? 0, 'en', 0)} of it.`);
    const h = result.holdout;
    expect(f.find((s) => s.startsWith('Check on data'))).toContain(`for the 92 days after the calibration period it predicted ${formatNumber(h?.predictedTotal ?? 0, 'en')} purchases; customers made ${formatNumber(h?.actualTotal ?? 0, 'en')}`);
  });

  it('builds charts, tables and facts in Dutch, with segments named', () => {
    const s = clvSection(result, { locale: 'nl', segments, segmentNames: { A: 'Segment A' } });
    expect(s.title).toBe('Voorspelde klantwaarde');
    expect(s.intro).toHaveLength(3);
    expect(s.findings?.[0]).toMatch(/^In de komende 12 maanden verwacht het model/);
    expect(s.charts?.map((c) => c.id)).toEqual(['clv-holdout', 'clv-palive', 'clv-palive-matrix', 'clv-tiers', 'clv-segments']);
    for (const c of s.charts ?? []) expectValidSpec(c.spec);
    expect(s.tables?.map((t) => t.caption)).toEqual([
      'CLV-klassen', 'P(actief)-banden (risico < 30% ≤ onzeker < 70% ≤ actief)', 'Controle naar herhaalaankopen in de kalibratieperiode', 'Voorspelde waarde per segment',
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
});
