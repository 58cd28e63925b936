import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSegmentation } from '../../src/export/segmentation.js';
import { SEGMENTATION_IDS } from '../../src/export/segmentations.js';
import { Workbench } from '../../src/workbench.js';
import { AS_OF, plantLoyalty } from '../analyses/loyalty/fixture.js';
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
    expect(SEGMENTATION_IDS).toEqual(['timing', 'loyalty', 'journey']);
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
      /nope.*timing, loyalty, journey/,
    );
  });
});
