import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSES } from '../../../src/analyses/registry.js';
import { timingAnalysis } from '../../../src/analyses/timing/analysis.js';
import { timing, type TimingResult } from '../../../src/analyses/timing/index.js';
import { timingFindings, timingSection } from '../../../src/analyses/timing/section.js';
import { Workbench } from '../../../src/workbench.js';
import { AS_OF, DATES_ONLY, PLANTED, timedTransactions } from './fixture.js';

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

describe('timing section', () => {
  it('findings in plain English, the summary one first', () => {
    expect(timingFindings(timed, 'en')).toEqual([
      '14% of customers buy mostly in the holiday season; 1 customer is due for their next order.',
      'Customers with three or more orders usually order again after 18.5 days (the median of their own usual times); those due for their next order have gone more than twice their own usual time, and over 30 days, without ordering.',
      '23% of all orders are placed on Saturday or Sunday; 2 customers buy mostly at the weekend.',
      'Most orders are placed in the morning (6–12 h): 45% of all orders; 1 customer places at least 60% of their orders then.',
      'The busiest hour of the week is Monday 9:00–10:00.',
      '21% of customers have ordered only once, so they have no timing pattern yet.',
    ]);
  });

  it('findings in Dutch, and without times they say so instead of inventing bands', () => {
    expect(timingFindings(datesOnly, 'nl')).toEqual([
      '14% van de klanten koopt vooral in de feestdagenperiode; 1 klant is toe aan de volgende bestelling.',
      'Klanten met drie of meer bestellingen bestellen gewoonlijk na 18,5 dagen opnieuw (de mediaan van hun eigen gewone tijd); wie toe is aan een bestelling, heeft meer dan twee keer die eigen tijd, en meer dan 30 dagen, niet besteld.',
      '23% van alle bestellingen wordt op zaterdag of zondag geplaatst; 2 klanten kopen vooral in het weekend.',
      'De data heeft geen tijdstippen, dus op welk moment van de dag klanten kopen is niet te zien.',
      '21% van de klanten heeft pas één keer besteld en heeft dus nog geen timingpatroon.',
    ]);
  });

  it('writes a share under 1% with one decimal', () => {
    const few = { ...timed, customerCount: 1000 };
    expect(timingFindings(few, 'en')[0]).toBe(
      '0.2% of customers buy mostly in the holiday season; 1 customer is due for their next order.',
    );
  });

  it('names days without any order', () => {
    const closed = { ...timed, grid: timed.grid.map((c) => (c.weekday >= 6 ? { ...c, orders: 0 } : c)) };
    expect(timingFindings(closed, 'en')).toContain(
      'There are no orders at all on Saturday and Sunday: the shop may be closed then, so time campaigns for the days customers do buy.',
    );
  });

  it('section: intro with the season baseline, two charts, one row per segment with its rule and action, facts', () => {
    const s = timingSection(timed, { locale: 'en', currency: 'GBP' });
    expect(s.id).toBe('timing');
    expect(s.title).toBe('Occasion and timing');
    expect(s.intro?.[1]).toBe(
      'The holiday season covers 37 of the 341 days in the data (11%): a customer who buys evenly through the year would have about that share of their orders in it.',
    );
    expect(s.charts?.map((c) => c.id)).toEqual(['timing-heatmap', 'timing-segments']);
    const table = s.tables?.[0];
    expect(table?.rows[0]).toEqual([
      'Holiday-season buyers',
      'Two or more orders, mostly between 20 November and 31 December',
      'Start their campaign in early November, before the season; remind them of what they bought last year.',
      '2 *',
      '14.3%',
      '£470',
      '£235',
    ]);
    expect(table?.rows.map((r) => r[0])).toHaveLength(9);
    expect(table?.note).toBe(
      'Rules are checked from top to bottom; a customer gets the first that fits. “Mostly” means at least 60% of their orders. * Fewer than 30 customers: too small to act on as a group.',
    );
    expect(s.facts).toEqual([
      ['Customers', '14'],
      ['Orders', '31'],
      ['As-of date', '1 Nov 2011 (orders up to and including 31 Oct 2011)'],
      ['Times of day in the data', 'yes'],
      ['Holiday-season days in the data', '37 of 341'],
      ['Usual time between orders (median)', '18.5 days'],
      ['Customers with a purchase cycle (3 or more orders, on 2 or more days)', '4'],
    ]);
  });

  it('section without times: the intro says so, the table has no band segments', () => {
    const s = timingSection(datesOnly, { locale: 'nl' });
    expect(s.title).toBe('Koopmoment en timing');
    expect(s.intro?.[1]).toMatch(/^De data bevat datums zonder tijdstip/);
    expect(s.tables?.[0]?.rows.map((r) => r[0])).toEqual([
      'Feestdagenkopers',
      'Toe aan een bestelling',
      'Weekendkopers',
      'Geen vast moment',
      'Eén bestelling',
    ]);
    expect(s.facts).toContainEqual(['Tijdstippen in de data', 'nee (alleen datums)']);
  });

  it('registry entry: listed before the lists to act on, runs by default, says what it did', () => {
    const ids = ANALYSES.map((a) => a.id);
    expect(ids.indexOf('timing')).toBeLessThan(ids.indexOf('actions'));
    expect(timingAnalysis.when).toBeUndefined();
    expect(timingAnalysis.detail?.(timed)).toBe('14 customers in 9 timing segments, 1 due');
    expect(timingAnalysis.detail?.(datesOnly)).toBe('14 customers in 5 timing segments, 1 due, no times of day');
    const shown = timingAnalysis.present?.(timed, {
      locale: 'en',
      currency: 'EUR',
      results: {},
      failures: {},
      enough: true,
    });
    expect(shown?.findings[0]).toBe(
      '14% of customers buy mostly in the holiday season; 1 customer is due for their next order.',
    );
    expect(Object.keys(shown?.runs[0]?.options ?? {})).toEqual([
      'asOf',
      'minSize',
      'minShare',
      'season',
      'cycle',
      'due',
    ]);
  });
});
