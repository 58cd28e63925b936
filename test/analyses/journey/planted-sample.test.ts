import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, type JourneyResult } from '../../../src/analyses/journey/index.js';
import { loadEvents } from '../../../src/data/events.js';
import { PLANTED_BEHAVIOUR } from '../../../src/sample/behaviour.js';
import type { SampleResult } from '../../../src/sample/index.js';
import { Workbench } from '../../../src/workbench.js';
import { behaviourSample } from '../../helpers/behaviour-sample.js';

describe('journey on the behaviour sample with its events (a funnel with a planted drop)', () => {
  let wb: Workbench;
  let sample: SampleResult;
  let result: JourneyResult;
  let orders: { one: number; repeat: number };
  beforeAll(async () => {
    ({ wb, sample } = await behaviourSample());
    await loadEvents(wb, sample.events?.file ?? '');
    result = await journey(wb);
    const [o] = await wb.query<{ one: number; repeat: number }>(
      `select count(*) filter (where n = 1)::integer as one, count(*) filter (where n >= 2)::integer as repeat
       from (select customer_id, count(distinct order_id) as n from transactions where not is_return group by all)`,
    );
    orders = o ?? { one: 0, repeat: 0 };
  }, 120_000);
  afterAll(() => wb.close());

  it('puts each customer and prospect in the planted stage', () => {
    const planted = sample.events;
    expect(planted).toBeDefined();
    if (!planted) return;
    const stages = Object.fromEntries(result.stages.map((s) => [s.key, s.customers]));
    console.info({ planted, stages });
    expect(planted.prospects).toBe(2_000);
    expect(stages).toEqual({
      aware: planted.prospects - planted.considering,
      considering: planted.considering,
      'first-purchase': orders.one,
      repeat: orders.repeat - planted.advocates,
      advocate: planted.advocates,
    });
    expect(result.customerCount).toBe(4_000 + planted.prospects);
  });

  it('shows the drop from aware to considering at the planted rate', () => {
    const step = (k: string) => result.funnel.find((s) => s.key === k);
    const consider = step('considering');
    // reached considering: the prospects who viewed a product and every buyer
    expect(consider?.reached).toBe((sample.events?.considering ?? 0) + 4_000);
    // of the prospects, 40% planted: binomial standard error at n = 2000 is 1.1 points; allow about 4 SE
    const prospectRate = (sample.events?.considering ?? 0) / (sample.events?.prospects ?? 1);
    expect(Math.abs(prospectRate - PLANTED_BEHAVIOUR.journey.considerShare)).toBeLessThan(0.045);
    const advocateRate = (sample.events?.advocates ?? 0) / orders.repeat;
    expect(Math.abs(advocateRate - PLANTED_BEHAVIOUR.journey.advocateShare)).toBeLessThan(0.04);
  });
});
