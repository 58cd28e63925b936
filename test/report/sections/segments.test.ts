import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { segmentBy, type SegmentByResult } from '../../../src/analyses/segments/index.js';
import { compareSubsegments, type SubsegmentResult } from '../../../src/analyses/segments/subsegments.js';
import { kpis, type KpisResult } from '../../../src/analyses/segments/kpis.js';
import { migration, type MigrationResult } from '../../../src/analyses/segments/migration.js';
import { overlap, type OverlapResult } from '../../../src/analyses/segments/overlap.js';
import {
  segmentsFindings,
  segmentsSection,
  segmentsSummaryFindings,
  subsegmentMethod,
} from '../../../src/analyses/segments/section.js';
import { generateSample } from '../../../src/sample/index.js';
import { loadTransactions } from '../../../src/data/load.js';
import { loadCustomers } from '../../../src/data/customers.js';
import { expectValidSpec } from '../../helpers/charts.js';
import { flowText } from '../../../src/analyses/segments/words.js';

let wb: Workbench;
let tiers: SegmentByResult;
let nps: SubsegmentResult;
let device: SubsegmentResult;
let goals: KpisResult;
let mig: MigrationResult;
let ov: OverlapResult;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swb-segsection-'));
  const s = await generateSample({ customers: 4000, seed: 5, out: join(dir, 's.csv') });
  wb = await Workbench.open();
  await loadTransactions(wb, s.transactionsFile);
  await loadCustomers(wb, s.customersFile);
  tiers = await segmentBy(wb, { valueTiers: true }, { table: 'tiers' });
  const young = {
    rules: [{ name: '18-34', where: { column: 'age_band', op: 'in' as const, value: ['18-24', '25-34'] } }],
    rest: '35+',
  };
  nps = await compareSubsegments(wb, { segment: young, by: 'city_size', kpi: 'nps' });
  device = await compareSubsegments(wb, { by: 'device', kpi: 'nps', minSize: 30 });
  goals = await kpis(wb, {
    segments: { column: 'region' },
    goals: [{ kpi: 'repeatRate', goal: { North: 0.2, East: 0.9, South: 0.5, West: 0.5 } }],
  });
  mig = await migration(wb, { from: new Date('2023-06-01T00:00:00Z'), to: new Date('2023-12-16T00:00:00Z') });
  ov = await overlap(wb, [
    { name: 'Young', where: { column: 'age_band', op: 'in', value: ['18-24', '25-34'] } },
    { name: 'Big city', where: { column: 'city_size', op: 'eq', value: 'large' } },
  ]);
}, 120_000);
afterAll(() => wb.close());

describe('segmentsSection', () => {
  it('writes findings for every part, the planted NPS gap first', () => {
    const f = segmentsFindings(
      { segments: tiers, subsegments: [nps, device], kpis: goals, migration: mig, overlap: ov },
      'en',
    );
    const top = tiers.segments[0]!;
    expect(top.share).toBe(0.2);
    expect(f[0]).toBe(
      `The top 20% of customers by revenue (from €${Math.round(tiers.tiers![0]!.minRevenue).toLocaleString('en-GB')} each) bring ${(100 * top.revenueShare).toFixed(1)}% of net revenue.`,
    );
    const large = nps.highlights[0]!;
    expect(large.subsegment).toBe('large');
    expect(f[1]).toBe(
      `18-34: customers with city size large have NPS ${large.kpi.toFixed(1)}, against ${large.segmentKpi.toFixed(1)} for the whole segment (difference ${large.difference.toFixed(1)}, 95% CI ${large.ci![0].toFixed(1)} to ${large.ci![1].toFixed(1)}).`,
    );
    expect(f).toContain('No sub-segment by device differs significantly from its segment in NPS.');
    const n = (s: string) => goals.rows.filter((r) => r.status === s).length;
    expect(f).toContain(`Goals: ${n('met')} met, ${n('close')} close, ${n('missed')} missed.`);
    expect(f.some((x) => x.startsWith('Furthest behind: East, repeat rate'))).toBe(true);
    expect(f).toContain(`${flowText(mig, mig.flows[0]!, 'en')} (${Math.round(100 * mig.flows[0]!.rowShare)}%).`);
    expect(f.some((x) => x.startsWith('Young and Big city overlap most:'))).toBe(true);
  });

  it('builds the section in Dutch with valid charts and tables', () => {
    const s = segmentsSection(
      { segments: tiers, subsegments: [nps], kpis: goals, migration: mig, overlap: ov },
      { locale: 'nl' },
    );
    expect(s.id).toBe('segments');
    expect(s.title).toBe('Segmenten');
    expect(s.charts?.map((c) => c.id)).toEqual([
      'segments-sub-1',
      'segments-kpi-1',
      'segments-migration',
      'segments-overlap',
    ]);
    for (const c of s.charts ?? []) expectValidSpec(c.spec);
    expect(s.findings?.[0]).toMatch(
      /^De hoogste 20% van de klanten naar omzet \(vanaf €\s[\d.]+ per klant\) brengen \d+,\d% van de netto-omzet op\.$/,
    );
    expect(s.findings?.some((x) => x.includes('werden'))).toBe(true);
    const sub = s.tables?.find((t) => t.caption === 'NPS: subsegmenten naar stadsgrootte');
    expect(sub?.rows.find((r) => r[1] === 'large' && r[0] === '18-34')?.[7]).toBe('significant');
    expect(sub?.note).toContain(
      'Zo is het berekend: het aandeel promotors (score 9–10) min het aandeel criticasters (score 0–6);',
    );
    const all = segmentsSection({ subsegments: [device] }, { locale: 'nl' });
    expect(all.tables?.[0]?.rows.map((r) => r[0])).toEqual(['Alle klanten', 'Alle klanten', 'Alle klanten']);
    const kpiTable = s.tables?.find((t) => t.caption === 'KPI’s tegen doelen');
    expect(kpiTable?.rows.find((r) => r[0] === 'East')?.[5]).toBe('niet gehaald');
  });

  it('suppresses too-small sub-segments in charts and tables, saying how many', () => {
    const small = {
      ...nps,
      options: { ...nps.options, minSize: 500 },
      rows: nps.rows.map((r) => ({ ...r, tooSmall: r.n < 500, significant: r.n >= 500 && r.significant })),
    };
    const hidden = small.rows.filter((r) => r.tooSmall).length;
    expect(hidden).toBeGreaterThan(0);
    const s = segmentsSection({ subsegments: [small] });
    expect(s.tables?.[0]?.rows).toHaveLength(small.rows.length - hidden);
    expect(s.tables?.[0]?.note).toContain(
      `${hidden} sub-segment(s) with fewer than 500 customers are too small to compare and are not shown.`,
    );
    expect((s.charts?.[0]?.spec.data as { values: unknown[] }).values).toHaveLength(small.rows.length - hidden);
  });

  it('gives the summary the largest significant difference and the biggest move', () => {
    expect(segmentsSummaryFindings({ segments: tiers, subsegments: [device, nps], migration: mig })).toEqual([
      segmentsFindings({ subsegments: [nps] })[0],
      `${flowText(mig, mig.flows[0]!, 'en')} (${Math.round(100 * mig.flows[0]!.rowShare)}%).`,
    ]);
  });

  it('states a Bonferroni adjustment under the table', () => {
    const adjusted = { ...nps, options: { ...nps.options, adjust: 'bonferroni' as const, z: 2.638 } };
    // plain words under the table; the exact adjustment (Bonferroni, z) is in the method section's row
    expect(segmentsSection({ subsegments: [adjusted] }, { locale: 'nl' }).tables?.[0]?.note).toContain(
      'daarom zijn de intervallen breder gemaakt',
    );
    expect(subsegmentMethod(adjusted).methodText('nl')).toMatch(
      /^stadsgrootte binnen elk segment: NPS \(NPS = % promotors .*\(Bonferroni, z = 2,64\)\)$/,
    );
  });

  it('leaves out the parts it was not given', () => {
    const s = segmentsSection({ migration: mig });
    expect(s.charts?.map((c) => c.id)).toEqual(['segments-migration']);
    expect(s.tables).toEqual([]);
  });
});
