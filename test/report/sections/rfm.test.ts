import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { rfm, type RfmResult } from '../../../src/analyses/rfm/index.js';
import { rfmFindings, rfmSection } from '../../../src/analyses/rfm/section.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';

let wb: Workbench;
let result: RfmResult;

beforeAll(async () => {
  wb = await Workbench.open();
  // One customer per R×F cell: F orders of 10·F + R each, last order 10·(6-R) days before 2020-06-01.
  // Monetary of cell (r, f) = f·(10f + r); total 2975.
  await wb.run(`create table transactions as
    select 'r' || rr || 'f' || ff as customer_id, 'r' || rr || 'f' || ff || '-' || o as order_id,
      timestamp '2020-06-01 10:00:00' - to_days(((6 - rr) * 10 + (o - 1) * 100)::integer) as order_date,
      (10 * ff + rr)::double as amount, false as is_return, 0::bigint as source_row
    from range(1, 6) t1(rr), range(1, 6) t2(ff), range(1, 6) t3(o) where o <= ff`);
  result = await rfm(wb, { asOf: new Date('2020-06-02T00:00:00Z'), minSize: 2 });
});
afterAll(() => wb.close());

describe('rfmFindings', () => {
  it('states segment, top-20%, at-risk and lost figures computed by hand', () => {
    expect(rfmFindings(result, 'en')).toEqual([
      'Champions are 8.0% of customers and bring 15.3% of net revenue.', // 2/25; (180 + 275) / 2975
      'The top 20% of customers by net revenue bring 44.5% of it.', // f = 5 row: 1325 / 2975
      '36.0% of customers (9) are at risk or slipping away; together they brought 40.1% of net revenue — worth a win-back campaign.', // (99 + 13 + 46 + 93 + 96 + 164 + 168 + 255 + 260) / 2975
      '16.0% of customers are lost: on average their last order was 46 days ago.', // recency 51 and 41
    ]);
  });
  it('speaks Dutch', () => {
    expect(rfmFindings(result, 'nl')[0]).toBe(
      'Kampioenen zijn 8,0% van de klanten en brengen 15,3% van de netto-omzet op.',
    );
  });
});

describe('rfmSection', () => {
  it('has intro, facts, a segment table with actions, a loyalty table and five valid charts', async () => {
    const section = rfmSection(result, { locale: 'en', currency: 'GBP' });
    expect(section.id).toBe('rfm');
    expect(section.intro?.[0]).toContain('as of 2 Jun 2020');
    const [segments, loyalty] = section.tables ?? [];
    // the action right after the name, so a phone shows it before the table scrolls
    expect(segments?.columns.map((c) => c.label)).toEqual([
      'Segment',
      'Suggested action',
      'Description',
      'Customers',
      'Share',
      'Net revenue',
      'Share of revenue',
    ]);
    expect(segments?.rows[0]).toEqual([
      'Champions',
      'Reward them; ask for reviews and referrals; offer early access.',
      'Bought recently, buy often and spend the most.',
      '2',
      '8.0%',
      '£455',
      '15.3%',
    ]);
    expect(segments?.rows).toHaveLength(10);
    // Segments of one customer (New Customers, Promising, Need Attention) are below minSize 2: starred, with a note.
    expect(segments?.rows.filter((r) => r[3]?.endsWith(' *')).map((r) => [r[0], r[3]])).toEqual([
      ['New Customers', '1 *'],
      ['Promising', '1 *'],
      ['Need Attention', '1 *'],
    ]);
    expect(segments?.note).toBe(
      '* Fewer than 2 customers: too small to act on as a group; look at these customers one by one.',
    );
    expect(loyalty?.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Loyal', '6'],
      ['Potential loyal', '6'],
      ['At risk', '9'],
      ['Lost', '4'],
    ]);
    expect(section.facts).toContainEqual(['Customers with a purchase', '25']);
    expect(section.charts?.map((c) => c.id)).toEqual([
      'rfm-heatmap',
      'rfm-segments',
      'rfm-recency',
      'rfm-frequency',
      'rfm-monetary',
    ]);
    for (const chart of section.charts ?? []) expectValidSpec(chart.spec);
    await expectRenders(section.charts![0]!.spec);
  });
  it('is in Dutch with nl number formats', () => {
    const section = rfmSection(result, { locale: 'nl' });
    expect(section.title).toBe('RFM-segmenten');
    expect(section.tables?.[0]?.rows[0]?.slice(3)).toEqual(['2', '8,0%', '€\u00a0455', '15,3%']);
    expect(section.facts?.[0]).toEqual(['Peildatum', '2 jun 2020 (bestellingen tot en met 1 jun 2020)']);
  });
});
