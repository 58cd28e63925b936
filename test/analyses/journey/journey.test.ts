import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, parseJourneyMap, type JourneyResult } from '../../../src/analyses/journey/index.js';
import { journeyFunnel, journeyOverTime } from '../../../src/analyses/journey/charts.js';
import { journeySection } from '../../../src/analyses/journey/section.js';
import { loadTransactions } from '../../../src/data/load.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { Workbench } from '../../../src/workbench.js';
import { expectRenders } from '../../helpers/charts.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';
import { AS_OF, plantJourney } from './fixture.js';

const stages = (r: JourneyResult) => Object.fromEntries(r.stages.map((s) => [s.key, s.customers]));
const reached = (r: JourneyResult) => r.funnel.map((f) => f.reached);
const engagement = (r: JourneyResult) => Object.fromEntries(r.engagement.map((e) => [e.key, e.customers]));

describe('journey on a planted funnel', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
  });
  afterAll(() => wb.close());

  it('puts each customer at the furthest stage an event or the orders show, and counts the funnel', async () => {
    await plantJourney(wb);
    const r = await journey(wb, { asOf: AS_OF });
    expect(r.ordersOnly).toBe(false);
    expect(r.customerCount).toBe(9); // x1 has only an unmapped event
    expect(stages(r)).toEqual({ aware: 3, considering: 2, 'first-purchase': 2, repeat: 1, advocate: 1 });
    // reached = at that stage or a later one; d1's review reaches advocate (and so every stage before it)
    expect(reached(r)).toEqual([9, 6, 4, 2, 1]);
    expect(r.funnel.map((f) => f.conversion).slice(1)).toEqual([6 / 9, 4 / 6, 2 / 4, 1 / 2]);
    expect(r.events).toEqual({
      rows: 14,
      mapped: 13,
      topNames: [
        { name: 'page_view', rows: 8 },
        { name: 'add_to_cart', rows: 2 },
        { name: 'hover', rows: 2 },
        { name: 'email_open', rows: 1 },
        { name: 'product_view', rows: 1 },
      ],
    });
    expect(r.warnings).toEqual([]);
  });

  it('levels engagement by active days in the last 30 days (a2: 4 of its 5 days; f2, r1: one order; a1: one visit)', async () => {
    await plantJourney(wb);
    const r = await journey(wb, { asOf: AS_OF });
    expect(engagement(r)).toEqual({ high: 1, medium: 3, low: 1, none: 4 });
    const rows = await wb.query<{ customer_id: string; engagement: string }>(
      `select customer_id, engagement from journey where engagement in ('high', 'low') order by customer_id`,
    );
    expect(rows).toEqual([
      { customer_id: 'a2', engagement: 'high' },
      { customer_id: 'c2', engagement: 'low' },
    ]);
  });

  it('counts the funnel at monthly points up to the as-of date', async () => {
    await plantJourney(wb);
    const r = await journey(wb, { asOf: AS_OF });
    expect(r.overTime).toHaveLength(12);
    expect(r.overTime[0]?.at.toISOString()).toBe('2010-12-01T00:00:00.000Z');
    expect(r.overTime.at(-1)?.reached).toEqual({
      aware: 9,
      considering: 6,
      'first-purchase': 4,
      repeat: 2,
      advocate: 1,
    });
    // On 1 May: a3 (March), d1 (order and review in April) and r1 (e-mail open 20 April)
    expect(r.overTime.find((p) => p.at.toISOString().startsWith('2011-05-01'))?.reached).toEqual({
      aware: 3,
      considering: 1,
      'first-purchase': 1,
      repeat: 1,
      advocate: 1,
    });
  });

  it('takes a user map: names it maps, and no more', async () => {
    await plantJourney(wb);
    const map = parseJourneyMap('event_name;stage\nhover;considering\npage_view;aware\n', 'map.csv');
    const r = await journey(wb, { asOf: AS_OF, map });
    // a1–a3, c1 aware; c2 and x1 considering by 'hover'; add_to_cart, product_view, email_open and review are unmapped
    // now, so d1 (one order, a review) is at first purchase
    expect(stages(r)).toEqual({ aware: 4, considering: 2, 'first-purchase': 3, repeat: 1, advocate: 0 });
    expect(r.options).toMatchObject({ mapGiven: true, mapSize: 2, events: 'events' });
  });

  it('without events: stages from the orders alone, and a warning saying what is missing', async () => {
    await plantJourney(wb, false);
    const r = await journey(wb, { asOf: AS_OF });
    expect(r.ordersOnly).toBe(true);
    expect(stages(r)).toEqual({ aware: 0, considering: 0, 'first-purchase': 3, repeat: 1, advocate: 0 });
    expect(r.warnings[0]).toMatch(/^No events table: stages come from the orders alone/);
    const s = journeySection(r);
    expect(s.intro?.[1]).toMatch(/^There is no events file with names in the journey map/);
    expect(s.findings?.[0]).toBe('Of the customers who reached first purchase, 25% went on to repeat.');
  });

  it('builds a section and charts that render, in Dutch', async () => {
    await plantJourney(wb);
    const r = await journey(wb, { asOf: AS_OF });
    const s = journeySection(r, { locale: 'nl' });
    expect(s.title).toBe('Klantreis en betrokkenheid');
    expect(s.findings?.[0]).toBe(
      'De grootste uitval zit tussen eerste aankoop en herhaalaankoop: maar 50% gaat door; werk eerst aan die stap.',
    );
    expect(s.tables?.[0]?.rows.map((row) => row[0])).toEqual([
      'Bewust',
      'Overwegend',
      'Eerste aankoop',
      'Herhaalaankoop',
      'Ambassadeur',
    ]);
    expect(await expectRenders(journeyFunnel(r, { locale: 'nl' }))).toContain('Ambassadeur');
    expect(await expectRenders(journeyOverTime(r))).toContain('Advocate');
  });
});

describe('journey map files', () => {
  const fails = (text: string) => {
    try {
      parseJourneyMap(text, 'map.csv');
    } catch (e) {
      expect(isWorkbenchError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('name the file, the row and the column of a mistake', () => {
    expect(fails('event,stage\n')).toMatch(
      /^map\.csv, row 1: the journey map needs a header with the columns event_name and stage/,
    );
    expect(fails('event_name,stage\nvisit,aware\nopen,buying\n')).toBe(
      'map.csv, row 3, column stage: unknown stage "buying". Use one of: aware, considering, first-purchase, repeat, advocate.',
    );
    expect(fails('event_name,stage\n,aware\n')).toMatch(/^map\.csv, row 2, column event_name: empty\./);
    expect(fails('event_name,stage\nVisit,aware\n\nvisit,considering\n')).toBe(
      'map.csv, row 4, column event_name: "visit" is mapped already on row 2. Keep one row per event name.',
    );
    expect(fails('event_name,stage\n')).toMatch(/has a header but no rows/);
  });
});

describe('journey on the bundled Online Retail data (no events)', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
  }, 120_000);
  afterAll(() => wb.close());

  it('counts first-purchase and repeat customers as RFM counts one-order and repeat customers', async () => {
    const r = await journey(wb);
    expect(r.ordersOnly).toBe(true);
    expect(r.customerCount).toBe(4338);
    // Independently: customers with two or more distinct purchase orders before the as-of date.
    const [row] = await wb.query<{ n: number }>(
      `select count(*)::bigint as n from (select customer_id from transactions where not is_return and order_date < $a
       group by customer_id having count(distinct order_id) >= 2)`,
      { a: r.options.asOf },
    );
    expect(stages(r)).toEqual({
      aware: 0,
      considering: 0,
      'first-purchase': 4338 - Number(row?.n),
      repeat: row?.n,
      advocate: 0,
    });
    expect(stages(r)['repeat']).toBe(2845);
  });
});

describe('journey charts and tables with orders only', () => {
  it('show only the stages the orders show, and no label for the first stage’s conversion', async () => {
    const wb = await Workbench.open();
    try {
      await plantJourney(wb, false);
      const r = await journey(wb, { asOf: AS_OF });
      const values = (journeyFunnel(r) as { data: { values: Array<Record<string, unknown>> } }).data.values;
      expect(values).toEqual([
        { stage: 'First purchase', customers: 4, conversion: null },
        { stage: 'Repeat', customers: 1, conversion: 0.25 },
      ]);
      const svg = await expectRenders(journeyFunnel(r));
      expect(svg).not.toContain('>null<'); // no label where there is no stage before
      expect(journeySection(r).tables?.[0]?.rows.map((row) => [row[0], row[3], row[6]])).toEqual([
        ['First purchase', '3 *', '–'], // * under the default minimum size of 30
        ['Repeat', '1 *', '25%'],
      ]);
    } finally {
      wb.close();
    }
  });
});

describe('journey with events outside the period', () => {
  it('says the events table has no event before the as-of date', async () => {
    const wb = await Workbench.open();
    try {
      await plantJourney(wb);
      const r = await journey(wb, { asOf: '2011-01-01' });
      expect(r.ordersOnly).toBe(true);
      expect(r.warnings).toEqual([
        'Table events has no event before the as-of date 2011-01-01: stages come from the orders alone. Check that the events cover the period of the orders.',
        'No customer has an order or an event before the as-of date: there are no journey stages.',
      ]);
    } finally {
      wb.close();
    }
  });
});
