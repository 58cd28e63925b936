import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { compareSubsegments, type SubsegmentResult } from '../../../src/analyses/segments/subsegments.js';
import { kpis, type KpisResult } from '../../../src/analyses/segments/kpis.js';
import { migration, type MigrationResult } from '../../../src/analyses/segments/migration.js';
import { overlap, type OverlapResult } from '../../../src/analyses/segments/overlap.js';
import {
  kpiGoalChart,
  kpiLabel,
  migrationHeatmap,
  overlapMatrix,
  subsegmentChart,
} from '../../../src/analyses/segments/charts.js';
import { suppressChartCounts } from '../../../src/report/small-groups.js';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../../../src/charts/render.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';

let wb: Workbench;
let sub: SubsegmentResult;
let goals: KpisResult;
let mig: MigrationResult;
let ov: OverlapResult;
const AS_OF = new Date('2024-01-01T00:00:00Z');

beforeAll(async () => {
  wb = await Workbench.open();
  // 400 customers: region by i % 4, device by i % 3 (region 0 and device 0 spend more), scores 0..10; orders in 2023.
  await wb.run(`create table customers as select 'c' || lpad(i::varchar, 4, '0') as customer_id,
      ['North', 'East', 'South', 'West'][i % 4 + 1] as region, ['ios', 'android', 'desktop'][i % 3 + 1] as device, (i * 7) % 11 as nps
    from range(400) t(i)`);
  await wb.run(`create table transactions as select 'c' || lpad(i::varchar, 4, '0') as customer_id, i || '-' || o as order_id,
      timestamp '2023-01-01' + to_days(((i * 13 + o * 37) % 360)::integer) as order_date,
      (20 + (i * 31 % 50) + case when i % 4 = 0 then 30 else 0 end + case when i % 3 = 0 then 15 else 0 end)::double as amount,
      false as is_return, 0::bigint as source_row
    from range(400) t(i), range(1, 4) u(o) where o <= 1 + i % 3`);
  await wb.run("insert into customers values ('c9999', 'Mars', 'ios', 10)");
  await wb.run("insert into transactions values ('c9999', 'x', timestamp '2023-05-05', 10, false, 0)");
  sub = await compareSubsegments(wb, {
    segment: { column: 'region' },
    by: 'device',
    kpi: 'revenuePerCustomer',
    asOf: AS_OF,
  });
  goals = await kpis(wb, {
    segments: { column: 'region' },
    asOf: AS_OF,
    goals: [{ kpi: 'nps', goal: { North: 0, East: 10, South: 50 }, toleranceAbsolute: 5 }],
  });
  mig = await migration(wb, { from: new Date('2023-07-01T00:00:00Z'), to: AS_OF });
  ov = await overlap(
    wb,
    [
      { name: 'North', where: { column: 'region', op: 'eq', value: 'North' } },
      { name: 'iOS', where: { column: 'device', op: 'eq', value: 'ios' } },
      { name: 'Spend ≥ 100', where: { column: 'revenue', op: 'gte', value: 100 } },
    ],
    { asOf: AS_OF },
  );
}, 60_000);
afterAll(() => wb.close());

describe('segment charts', () => {
  it('sub-segment chart: one bar per sub-segment with CI whiskers, the tiny one greyed without a CI, renders', async () => {
    const spec = subsegmentChart(sub);
    const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
    expect(values).toHaveLength(sub.rows.length);
    expect(values[0]).toMatchObject({ segment: 'East', group: 'android' });
    const mars = values.find((v) => v['segment'] === 'Mars' && v['group'] === 'ios');
    expect(mars).toMatchObject({ status: 'too small', lo: null, hi: null });
    expect(values.filter((v) => v['status'] === 'significant').length).toBe(
      sub.rows.filter((r) => r.significant).length,
    );
    const svg = await expectRenders(spec);
    expect(svg).toContain('Difference from segment average');
    const nl = subsegmentChart(sub, { locale: 'nl' });
    expect(JSON.stringify(nl.title)).toContain('Omzet per klant: subsegmenten naar apparaat');
    expectValidSpec(nl);
  });

  it('sub-segment chart: one panel per segment, all on one x scale, so equal bars are equal differences', async () => {
    // Planted: "Top 20%" sub-segments differ by ±800 from their segment, "Rest 50%" ones by ±8 (as revenue tiers do).
    const row = (segment: string, subsegment: string, difference: number) => ({
      ...sub.rows[0]!,
      segment,
      subsegment,
      difference,
      ci: [difference - difference / 2, difference + difference / 2] as [number, number],
      tooSmall: false,
      significant: true,
    });
    const planted: SubsegmentResult = {
      ...sub,
      segments: [
        { ...sub.segments[0]!, segment: 'top-20%' },
        { ...sub.segments[0]!, segment: 'rest-50%' },
      ],
      rows: [row('top-20%', 'a', 800), row('top-20%', 'b', -600), row('rest-50%', 'a', 8), row('rest-50%', 'b', -6)],
    };
    const spec = subsegmentChart(planted) as unknown as {
      vconcat: Array<{ title: { text: string } }>;
      resolve: unknown;
    };
    expect(spec.vconcat.map((p) => p.title.text)).toEqual(['Top 20%', 'Rest 50%']);
    expect(spec.resolve).toEqual({ scale: { x: 'shared' } });
    const svg = await expectRenders(spec as unknown as TopLevelSpec);
    // both panels span all differences, −900..1,200 (CI ends at 1.5 × the difference), made nice: a −€6 bar is not drawn as long as a −€600 one
    const domains = [...svg.matchAll(/aria-label="X-axis[^"]*values from (\S+) to (\S+)"/g)].map((m) => [m[1], m[2]]);
    expect(domains).toEqual([
      ['−€1,000', '€1,200'],
      ['−€1,000', '€1,200'],
    ]);
    // one axis title, under the last panel, short enough for a phone (the KPI is in the chart title)
    expect(svg.match(/>Difference from segment average</g)).toHaveLength(1);
    const nl = subsegmentChart(planted, { locale: 'nl' }) as unknown as { vconcat: Array<{ title: { text: string } }> };
    expect(nl.vconcat.map((p) => p.title.text)).toEqual(['Hoogste 20%', 'Overige 50%']);
    expect(await renderSvg(nl as unknown as TopLevelSpec)).toContain('>Verschil met segmentgemiddelde<');
  });

  it('KPI vs goal: bars coloured by status with goal ticks; segments without a goal keep their bar', async () => {
    const spec = kpiGoalChart(goals);
    const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
    expect(values.map((v) => v['segment'])).toEqual(goals.segments);
    expect(values.find((v) => v['segment'] === 'West')).toMatchObject({ goal: null, status: 'no goal' });
    expect(values.find((v) => v['segment'] === 'South')?.['status']).toBe('missed');
    await expectRenders(spec);
    const nl = kpiGoalChart(goals, { locale: 'nl' });
    expect(JSON.stringify(nl.data)).toContain('geen doel');
    expectValidSpec(nl);
  });

  it('migration heatmap: every from × to cell with row shares, renders', async () => {
    const spec = migrationHeatmap(mig);
    const values = (spec.data as { values: Array<{ from: string; to: string; count: number; rowShare: number }> })
      .values;
    expect(values).toHaveLength(mig.segments.length ** 2);
    expect(values.reduce((a, v) => a + v.count, 0)).toBe(mig.stayed + mig.moved);
    const svg = await expectRenders(spec);
    expect(svg).toContain('Segment at start');
    expectValidSpec(migrationHeatmap(mig, { locale: 'nl' }));
  });

  it('migration heatmap: dates in the locale, no ISO dates; cells never narrower than their longest count', () => {
    const en = migrationHeatmap(mig);
    const nl = migrationHeatmap(mig, { locale: 'nl' });
    expect((en.title as { subtitle: string }).subtitle).toBe(
      'rows: segment on 1 Jul 2023; columns: segment on 1 Jan 2024; colour: share of the row',
    );
    expect((nl.title as { subtitle: string }).subtitle).toBe(
      'rijen: segment op 1 jul 2023; kolommen: segment op 1 jan 2024; kleur: aandeel van de rij',
    );
    for (const spec of [en, nl]) expect(JSON.stringify(spec.title)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // 10 segments; the longest count here has 2-3 digits, so cells keep the 36 px floor: the narrow layout scrolls below 360 px
    const cells = mig.segments.length;
    expect((en.usermeta as { minWidth: number }).minWidth).toBe(cells * 36);
    // 4-digit counts (CDNOW) need 6.4 px per character of "13,463" plus 10 px: 49 px per cell
    const big = { ...mig, matrix: mig.matrix.map((c, i) => (i === 0 ? { ...c, count: 13_463 } : c)) };
    expect((migrationHeatmap(big).usermeta as { minWidth: number }).minWidth).toBe(cells * 49);
  });

  it('migration heatmap: a suppressed count also hides its row share (the row total would give it back)', async () => {
    const small = mig.matrix.find((c) => c.count > 0 && c.count < 10 && c.rowShare < 1);
    expect(small).toBeDefined();
    const spec = suppressChartCounts(migrationHeatmap(mig), 10, 'en');
    const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
    const hidden = values.filter((v) => v['count'] === null);
    expect(hidden.length).toBe(mig.matrix.filter((c) => c.count > 0 && c.count < 10).length);
    for (const v of hidden) expect([v['rowShare'], v['dark'], v['countLabel']]).toEqual([null, null, '< 10']);
    expect(
      values
        .filter((v) => typeof v['count'] === 'number' && (v['count'] as number) >= 10)
        .every((v) => typeof v['rowShare'] === 'number'),
    ).toBe(true);
    await expectRenders(spec);
  });

  it('overlap matrix: symmetric Jaccard with a diagonal of 1, renders', async () => {
    const spec = overlapMatrix(ov);
    const values = (spec.data as { values: Array<{ a: string; b: string; jaccard: number; both: number }> }).values;
    expect(values).toHaveLength(3 + 2 * 3);
    const ab = values.find((v) => v.a === 'North' && v.b === 'iOS');
    const ba = values.find((v) => v.a === 'iOS' && v.b === 'North');
    expect(ab?.jaccard).toBe(ba?.jaccard);
    expect(ab?.both).toBe(ov.pairs[0]?.both);
    await expectRenders(spec);
  });

  it('labels KPIs in both languages', () => {
    expect(kpiLabel({ id: 'averageOrderValue', label: 'Average order value' }, 'nl')).toBe('Gemiddelde orderwaarde');
    expect(kpiLabel({ id: 'churnRate', label: 'Churn rate (90 days)' }, 'nl')).toBe('Churn (90 dagen)');
    expect(kpiLabel({ id: 'mean:csat', label: 'Mean csat' }, 'en')).toBe('Mean csat');
  });
});
