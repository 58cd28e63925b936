import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timing, type TimingResult } from '../../../src/analyses/timing/index.js';
import { timingHeatmap, timingSegmentBars } from '../../../src/analyses/timing/charts.js';
import { Workbench } from '../../../src/workbench.js';
import { expectRenders } from '../../helpers/charts.js';
import { AS_OF, DATES_ONLY, PLANTED, timedTransactions } from './fixture.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: object): Values => (spec as { data: { values: Values } }).data.values;

let wb: Workbench;
let timed: TimingResult;
let datesOnly: TimingResult;

beforeAll(async () => {
  wb = await Workbench.open();
  await timedTransactions(wb, PLANTED);
  timed = await timing(wb, { asOf: AS_OF });
  await timedTransactions(wb, DATES_ONLY);
  datesOnly = await timing(wb, { asOf: AS_OF });
});
afterAll(() => wb.close());

describe('timing charts', () => {
  it('heatmap: one cell per weekday × hour with its orders and share, weekdays Monday first', async () => {
    const spec = timingHeatmap(timed);
    const values = valuesOf(spec);
    expect(values).toHaveLength(168);
    expect(values.find((v) => v['day'] === 'Mon' && v['hour'] === 9)).toEqual({
      day: 'Mon',
      weekday: 'Monday',
      hour: 9,
      range: '9:00–10:00',
      orders: 6,
      share: 6 / 31,
    });
    expect(spec.title).toBe('Orders by weekday and hour');
    const svg = await expectRenders(spec);
    expect(svg).toContain('Hour of day');
    expect(svg).toContain('Sun');
  });

  it('heatmap without times: one column per weekday, in Dutch', async () => {
    const spec = timingHeatmap(datesOnly, { locale: 'nl' });
    const values = valuesOf(spec);
    expect(values.map((v) => [v['day'], v['hour'], v['orders']])).toEqual([
      ['ma', 'Hele dag', 8],
      ['di', 'Hele dag', 6],
      ['wo', 'Hele dag', 5],
      ['do', 'Hele dag', 4],
      ['vr', 'Hele dag', 1],
      ['za', 'Hele dag', 5],
      ['zo', 'Hele dag', 2],
    ]);
    expect(spec.title).toBe('Bestellingen per weekdag');
    // the colours start at 0 orders: seven busy days must not look like a busy and an empty one
    expect(JSON.stringify((spec as { encoding?: { color?: unknown } }).encoding?.color)).toContain('"zero":true');
    const svg = await expectRenders(spec);
    expect(svg).toContain('Hele dag');
  });

  it('segment bars: every segment in report order with customers, share and revenue; counts of people marked', async () => {
    const spec = timingSegmentBars(timed);
    const values = valuesOf(spec);
    expect(values.map((v) => [v['segment'], v['customers']])).toEqual([
      ['Holiday-season buyers', 2],
      ['Due for an order', 1],
      ['Weekend buyers', 2],
      ['Night buyers', 1],
      ['Morning buyers', 1],
      ['Afternoon buyers', 2],
      ['Evening buyers', 1],
      ['No clear moment', 1],
      ['One order so far', 3],
    ]);
    expect(values[0]).toMatchObject({ revenue: 470, perCustomer: 235 });
    expect(spec.usermeta).toEqual({ counts: ['customers'] });
    const svg = await expectRenders(spec);
    expect(svg).toContain('Holiday-season buyers');
    expect(svg).toContain('21.4%'); // one-order: 3 of 14
  });

  it('segment bars without times leave out the band segments; empty segments have no revenue per customer', async () => {
    const values = valuesOf(timingSegmentBars(datesOnly, { locale: 'nl' }));
    expect(values.map((v) => v['segment'])).toEqual([
      'Feestdagenkopers',
      'Toe aan een bestelling',
      'Weekendkopers',
      'Geen vast moment',
      'Eén bestelling',
    ]);
    await expectRenders(timingSegmentBars(datesOnly, { locale: 'nl' }));
    const empty = valuesOf(
      timingSegmentBars({
        ...timed,
        segments: timed.segments.map((s) => ({ ...s, customers: 0, revenue: 0, revenuePerCustomer: NaN })),
      }),
    );
    expect(empty[0]).toMatchObject({ customers: 0, perCustomer: null });
  });
});
