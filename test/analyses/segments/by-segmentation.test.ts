import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';
import { migration } from '../../../src/analyses/segments/migration.js';
import { compareSubsegments } from '../../../src/analyses/segments/subsegments.js';
import { checkByAttributes, migrationOfOption, segmentsForReport } from '../../../src/analyses/segments/report-run.js';
import { segmentsSection } from '../../../src/analyses/segments/section.js';
import { byValueName, migrationSegmentName } from '../../../src/analyses/segments/words.js';
import { goalsForReport, parseGoals } from '../../../src/analyses/goals/index.js';
import { timingTexts } from '../../../src/analyses/timing/texts.js';
import { loyaltyTexts } from '../../../src/analyses/loyalty/texts.js';
import { AS_OF, plantLoyalty } from '../loyalty/fixture.js';
import { PLANTED, timedTransactions } from '../timing/fixture.js';

const asOf = new Date(`${AS_OF}T00:00:00Z`);

describe('a behavioural segmentation as a grouping', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
  });
  afterAll(() => wb.close());

  it('segmentBy groups by the timing segments, in the segmentation order, exactly as planted', async () => {
    await timedTransactions(wb, PLANTED);
    const s = await segmentBy(wb, { column: 'timing' }, { asOf, minSize: 1 });
    expect(s.segments.map((x) => [x.segment, x.size, x.revenue])).toEqual([
      ['holiday-season', 2, 470], // h1 200 − a £30 return, h2 300
      ['due', 1, 400],
      ['weekend', 2, 500], // w1's order after the as-of date left out
      ['night', 1, 200],
      ['morning', 1, 200],
      ['afternoon', 2, 600],
      ['evening', 1, 200],
      ['no-pattern', 1, 200],
      ['one-order', 3, 300],
    ]);
    expect(await wb.query(`select customer_id from segments where segment = 'weekend' order by 1`)).toEqual([
      { customer_id: 'w1' },
      { customer_id: 'w2' },
    ]);
  });

  it('KPIs per timing segment: revenue per customer of each segment against all customers', async () => {
    await timedTransactions(wb, PLANTED);
    const c = await compareSubsegments(wb, { by: 'timing', kpi: 'revenuePerCustomer', asOf, minSize: 1 });
    const kpi = Object.fromEntries(c.rows.map((r) => [r.subsegment, r.kpi]));
    // 3,070 of net revenue over 14 customers
    expect(c.segments[0]?.kpi).toBeCloseTo(3070 / 14, 9);
    expect(kpi).toEqual({
      'holiday-season': 235,
      due: 400,
      weekend: 250,
      night: 200,
      morning: 200,
      afternoon: 300,
      evening: 200,
      'no-pattern': 200,
      'one-order': 100,
    });
  });

  it('migration follows the loyalty segments between two dates, each written as of its date', async () => {
    await plantLoyalty(wb);
    const m = await migration(wb, {
      from: new Date('2011-08-01T00:00:00Z'),
      to: asOf,
      segmentation: { column: 'loyalty' },
    });
    expect(m.segments.map((s) => s.key)).toEqual(['loyal', 'potential-loyal', 'switcher', 'at-risk']);
    const moves = Object.fromEntries(
      (
        await wb.query<{ customer_id: string; segment_from: string | null; segment_to: string }>(
          'select * from migration order by customer_id',
        )
      ).map((r) => [r.customer_id, [r.segment_from, r.segment_to]]),
    );
    // s1: weekly in January, then 20 June — overdue on 1 August (42 days against a cycle of 7), a switcher once
    // it bought again in October; s2: one gap of 40 days by August (regularity not judged), then seven of 10.
    expect(moves['s1']).toEqual(['at-risk', 'switcher']);
    expect(moves['s2']).toEqual(['potential-loyal', 'switcher']);
    // r1 weekly in February only and p3 one order in December 2010: at risk at both dates
    expect(moves['r1']).toEqual(['at-risk', 'at-risk']);
    expect(moves['p3']).toEqual(['at-risk', 'at-risk']);
    // l2 first bought in September: it appears, as loyal
    expect(moves['l2']).toEqual([null, 'loyal']);
    expect(m.appeared.count).toBe(5);
    expect(m.stayed + m.moved).toBe(5);
    expect(migrationSegmentName(m, 'switcher', 'nl')).toBe(loyaltyTexts('nl').segments.switcher.name);
  });

  it('goals per loyalty segment key: "segments": "loyalty" in the goals file', async () => {
    await plantLoyalty(wb);
    const spec = parseGoals({ segments: 'loyalty', goals: [{ kpi: 'repeatRate', goal: { switcher: 0.9 } }] }, 'g.json');
    expect(spec.segments).toEqual({ column: 'loyalty' });
    const g = await goalsForReport(wb, spec, { asOf });
    const switcher = g.kpis.rows.find((r) => r.segment === 'switcher');
    // both switchers ordered again: a repeat rate of 1 against a goal of 0.9
    expect([switcher?.size, switcher?.value, switcher?.status]).toEqual([2, 1, 'met']);
    expect(() => parseGoals({ segments: 'loyaltyy', goals: [{ kpi: 'repeatRate', goal: 1 }] }, 'g.json')).toThrow(
      /g.json, at \$.segments: segments must be .*"loyalty"/,
    );
  });

  it('the report splits the value tiers by timing and shows KPIs per timing segment, in Dutch', async () => {
    await timedTransactions(wb, PLANTED);
    expect(await checkByAttributes(wb, ['timing'])).toEqual(['timing']);
    const input = await segmentsForReport(wb, { asOf, by: ['timing'], migrationOf: 'timing' });
    expect(input.subsegments?.map((s) => [s.segmentVariable, s.byVariable, s.kpi.id])).toEqual([
      ['all', 'timing', 'revenuePerCustomer'],
      ['all', 'timing', 'repeatRate'],
      ['revenue tiers', 'timing', 'revenuePerCustomer'],
    ]);
    // h1 bought in December 2010, more than 182 days before the as-of date: a migration, here between timing segments
    expect(input.migration?.options.segmentation).toEqual({ column: 'timing' });
    const weekend = timingTexts('nl').segments.weekend.name;
    expect(byValueName('timing', 'weekend', 'nl')).toBe(weekend);
    const section = segmentsSection(input, { locale: 'nl' });
    // every sub-segment of 14 customers is too small to compare; the captions name the grouping in words
    expect(section.tables?.[1]?.caption).toBe('Omzet per klant: subsegmenten naar koopmoment');
    // the migration between timing segments names them in Dutch
    const heatmap = JSON.stringify(section.charts?.find((c) => c.id.includes('migration'))?.spec);
    expect(heatmap).toContain(weekend);
    expect(heatmap).not.toContain('"weekend"');
    expect(() => migrationOfOption('loyal')).toThrow(/--migration-of\) must be one of rfm, timing, loyalty/);
  });
});
