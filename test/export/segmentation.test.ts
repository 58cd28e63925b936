import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelPayment } from '../../src/analyses/channel/index.js';
import { priceSensitivity } from '../../src/analyses/price/index.js';
import { productMix } from '../../src/analyses/product-mix/index.js';
import { exportSegmentation } from '../../src/export/segmentation.js';
import { SEGMENTATION_IDS } from '../../src/export/segmentations.js';
import { Workbench } from '../../src/workbench.js';
import { AS_OF, plantLoyalty } from '../analyses/loyalty/fixture.js';
import { behaviourSample } from '../helpers/behaviour-sample.js';
import { PLANTED, timedTransactions } from '../analyses/timing/fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'swb-segmentation-'));
const asOf = new Date(`${AS_OF}T00:00:00Z`);
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

describe('exportSegmentation', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
  });
  afterAll(() => wb.close());

  it('lists the segmentations swb export --segmentation offers', () => {
    expect(SEGMENTATION_IDS).toEqual(['timing', 'loyalty', 'journey', 'product-mix', 'channel', 'price']);
  });

  it('writes one loyalty row per customer: key, label in the language, the numbers behind it', async () => {
    await plantLoyalty(wb);
    const out = join(dir, 'loyalty.csv');
    const r = await exportSegmentation(wb, { segmentation: 'loyalty', out, asOf, locale: 'nl', delimiter: ';' });
    // Without a CLV model the signal is the RFM segment scored here on 10 customers; the rhythm rules do not change.
    expect(r.rows).toBe(10);
    expect(r.columns).toEqual([
      'customer_id',
      'segment',
      'segment_label',
      'orders',
      'order_days',
      'cycle',
      'cv',
      'max_gap',
      'days_since',
      'revenue',
    ]);
    const rows = lines(out);
    expect(rows[0]).toBe(r.columns.join(';'));
    expect(rows).toHaveLength(11);
    expect(rows.find((l) => l.startsWith('l2;'))).toBe('l2;loyal;Loyaal;5;5;14,0;0,000;14;5;500,00');
    expect(rows.find((l) => l.startsWith('s1;'))).toMatch(/^s1;switcher;Wisselaar;5;5;62,5;0,912;147;16;500,00$/);
    expect(Object.values(r.segments).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('writes one timing row per customer with the planted segments', async () => {
    await timedTransactions(wb, PLANTED);
    const out = join(dir, 'timing.csv');
    const r = await exportSegmentation(wb, { segmentation: 'timing', out, asOf });
    expect(r.segments).toEqual({
      'holiday-season': 2,
      due: 1,
      weekend: 2,
      night: 1,
      morning: 1,
      afternoon: 2,
      evening: 1,
      'no-pattern': 1,
      'one-order': 3,
    });
    expect(lines(out).find((l) => l.startsWith('d1,'))).toBe('d1,due,Due for an order,4,0,0,4,0,0,0,7.0,246,400.0');
  });

  it('writes the journey stage per customer: the key, the label and the activity behind it', async () => {
    const { plantJourney } = await import('../analyses/journey/fixture.js');
    await plantJourney(wb);
    const out = join(dir, 'journey.csv');
    const r = await exportSegmentation(wb, { segmentation: 'journey', out, asOf, locale: 'nl' });
    expect(r.segments).toEqual({ aware: 3, considering: 2, 'first-purchase': 2, repeat: 1, advocate: 1 });
    expect(r.columns.slice(3)).toEqual(['orders', 'events', 'mapped_events', 'active_days', 'channels']);
    expect(lines(out).find((l) => l.startsWith('a2,'))).toBe('a2,aware,Bewust,0,5,5,4,1');
    expect(lines(out).find((l) => l.startsWith('d1,'))).toBe('d1,advocate,Ambassadeur,1,1,1,0,0');
  });

  it('refuses an unknown segmentation, naming the ones there are', async () => {
    await expect(exportSegmentation(wb, { segmentation: 'nope' as 'timing', out: join(dir, 'x.csv') })).rejects.toThrow(
      /nope.*timing, loyalty, journey, product-mix, channel, price/,
    );
  });
});

describe('exportSegmentation of product mix, channel and price on the behaviour sample', () => {
  let wb: Workbench;
  beforeAll(async () => {
    ({ wb } = await behaviourSample(1_500));
  });
  afterAll(() => wb.close());

  it('product-mix: one row per customer; the groups and their counts are those of productMix', async () => {
    const mix = await productMix(wb);
    const out = join(dir, 'mix.csv');
    const r = await exportSegmentation(wb, { segmentation: 'product-mix', out, locale: 'nl' });
    expect(r.segments).toEqual(
      Object.fromEntries([...mix.clusters.map((c) => [c.key, c.customers]), ['few-lines', mix.fewLines]]),
    );
    expect(Object.keys(r.segments)).toEqual([...mix.clusters.map((c) => c.key), 'few-lines']);
    expect(r.segments).toEqual({
      'mostly:Garden': 220,
      'mostly:Books': 212,
      mixed: 211,
      'mostly:Fashion': 205,
      'few-lines': 652,
    });
    expect(r.rows).toBe(mix.customerCount);
    expect(r.columns).toEqual(['customer_id', 'segment', 'segment_label', 'lines', 'spend', 'categories', 'top_share']);
    const rows = lines(out)
      .slice(1)
      .map((l) => l.split(','));
    expect(rows).toHaveLength(mix.customerCount);
    expect(new Set(rows.map((c) => c[0])).size).toBe(rows.length);
    const garden = rows.find((c) => c[1] === 'mostly:Garden');
    expect(garden?.[2]).toBe('Vooral Garden');
    // few-lines customers have fewer than the 3 categorised lines a group needs
    expect(rows.filter((c) => c[1] === 'few-lines').every((c) => Number(c[3]) < 3)).toBe(true);
    expect(rows.find((c) => c[1] === 'few-lines')?.[2]).toBe('Te weinig regels om te groeperen');
    expect(rows.every((c) => Number(c[6]) > 0 && Number(c[6]) <= 1)).toBe(true);
  });

  it('channel: the counts per segment are those of channelPayment, with the Dutch label', async () => {
    const ch = await channelPayment(wb);
    const out = join(dir, 'channel.csv');
    const r = await exportSegmentation(wb, { segmentation: 'channel', out, locale: 'nl', delimiter: ';' });
    expect(r.rows).toBe(1_500);
    for (const s of ch.segments) expect(r.segments[s.key]).toBe(s.customers);
    expect(r.segments).toEqual({ omnichannel: 224, 'single-channel': 587, 'one-order': 689, 'no-channel': 0 });
    expect(r.columns.slice(3)).toEqual(['orders', 'channels', 'revenue', 'days_since']);
    const omni = lines(out).find((l) => l.split(';')[1] === 'omnichannel');
    expect(omni).toMatch(/^[^;]+;omnichannel;Omnichannel;\d+;[2-9];-?\d+,\d\d;\d+$/);
    expect(r.warnings).toEqual([]);
  });

  it('price: the counts per segment are those of priceSensitivity, the share behind each key', async () => {
    const pr = await priceSensitivity(wb);
    const out = join(dir, 'price.csv');
    const r = await exportSegmentation(wb, { segmentation: 'price', out, locale: 'nl' });
    expect(r.segments).toEqual(Object.fromEntries(pr.segments.map((s) => [s.key, s.customers])));
    expect(r.segments).toEqual({ 'full-price': 930, mixed: 151, 'deal-seeker': 419 });
    expect(r.columns.slice(3)).toEqual(['share', 'orders', 'discounted_orders', 'revenue', 'days_since']);
    const rows = lines(out)
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.find((c) => c[1] === 'deal-seeker')?.[2]).toBe('Koopjesjagers');
    expect(rows.filter((c) => c[1] === 'deal-seeker').every((c) => Number(c[3]) >= 0.5)).toBe(true);
    expect(rows.filter((c) => c[1] === 'full-price').every((c) => Number(c[3]) < 0.1)).toBe(true);
  });
});

describe('exportSegmentation without the columns a segmentation needs', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await plantLoyalty(wb);
  });
  afterAll(() => wb.close());

  it.each([
    ['product-mix', /need a product category per order line/],
    ['channel', /need a sales channel or a payment method/],
    ['price', /no discount, promotion code or list price column/],
  ] as const)('%s fails with MISSING_FIELD and writes no file', async (segmentation, message) => {
    const out = join(dir, `missing-${segmentation}.csv`);
    await expect(exportSegmentation(wb, { segmentation, out, asOf })).rejects.toMatchObject({
      code: 'MISSING_FIELD',
      message: expect.stringMatching(message),
    });
    expect(existsSync(out)).toBe(false);
  });

  it('channel with a payment method but no sales channel: every customer "no channel", and says why', async () => {
    await wb.run(`alter table transactions add column payment_method varchar default 'card'`);
    const r = await exportSegmentation(wb, { segmentation: 'channel', out: join(dir, 'pay-only.csv'), asOf });
    expect(r.segments).toEqual({ omnichannel: 0, 'single-channel': 0, 'one-order': 0, 'no-channel': 10 });
    expect(r.warnings).toEqual([
      'transactions has a payment method but no sales channel: every customer is "no channel". Load a "channel" column (or map yours: mapping: { channel: \'…\' }) for single-channel and omnichannel segments.',
    ]);
  });
});
