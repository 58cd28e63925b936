/** `swb export --segmentation journey --events FILE` and `--segmentation product-mix --categories FILE`, as child processes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli } from '../helpers/cli.js';
import { writeJourneyFiles } from '../helpers/journey-files.js';
import { generateSample } from '../../src/sample/index.js';

beforeAll(() => {
  requireCli();
});

const rows = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');
/** Customers per segment key (column 2) of an export. */
const counts = (path: string) => {
  const out: Record<string, number> = {};
  for (const line of rows(path).slice(1)) {
    const key = line.split(',')[1] ?? '';
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

describe('swb export with the files a behavioural segmentation reads', () => {
  it('--segmentation journey --events: the stages come from the events and the orders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-export-journey-'));
    const { orders, events } = writeJourneyFiles(dir);
    const out = join(dir, 'journey.csv');
    const args = ['export', orders, '--segmentation', 'journey', '--as-of', '2011-11-01', '--out', out];
    const r = await runCli([...args, '--events', events]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^events +[\d.]+ s {2}events\.csv: 16 rows, 9 customers$/m);
    // the planted funnel: aware 3, considering 2, first purchase 2, repeat 1, advocate 1 (x1: only an unmapped event)
    expect(counts(out)).toEqual({ aware: 3, considering: 2, 'first-purchase': 2, repeat: 1, advocate: 1 });
    expect(rows(out).find((l) => l.startsWith('d1,'))).toMatch(/^d1,advocate,Advocate,1,1,1,/);
    // without the events: the orders alone (first purchase and repeat only)
    const o = await runCli(args);
    expect(o.code, o.stderr).toBe(0);
    expect(counts(out)).toEqual({ 'first-purchase': 3, repeat: 1 });
    const wrong = await runCli(['export', orders, '--segmentation', 'timing', '--events', events, '--out', out]);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      'error: --events is read by --segmentation journey only; pass --segmentation journey, or leave --events out. [USAGE]\n',
    ]);
  }, 120_000);

  it('--segmentation product-mix --categories: the mapping gives the groups the category column gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-export-mix-'));
    const s = await generateSample({ customers: 600, seed: 7, out: join(dir, 'b.csv'), behaviour: true });
    const [header = '', ...lines] = rows(s.transactionsFile);
    const cols = header.split(',');
    const p = cols.indexOf('product_id');
    const c = cols.indexOf('category');
    // the same orders without the category column, and the product → category mapping beside them (the sample's
    // product ids repeat across categories, so each product id here carries its category: one category per product)
    const strip = (l: string, i: number) => {
      const f = l.split(',');
      if (i > 0) f[p] = `${f[p]}-${f[c]}`;
      return f.filter((_, j) => j !== c).join(',');
    };
    writeFileSync(join(dir, 'plain.csv'), [header, ...lines].map(strip).join('\n'));
    const map = new Map(lines.map((l) => [`${l.split(',')[p]}-${l.split(',')[c]}`, l.split(',')[c]]));
    writeFileSync(join(dir, 'map.csv'), ['product,category', ...[...map].map(([k, v]) => `${k},${v}`)].join('\n'));
    const a = await runCli([
      'export',
      s.transactionsFile,
      '--segmentation',
      'product-mix',
      '--out',
      join(dir, 'a.csv'),
    ]);
    const b = await runCli([
      'export',
      join(dir, 'plain.csv'),
      '--segmentation',
      'product-mix',
      '--categories',
      join(dir, 'map.csv'),
      '--out',
      join(dir, 'b.csv'),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'));
    expect(Object.keys(counts(join(dir, 'b.csv'))).some((k) => k.startsWith('mostly:'))).toBe(true);
    // without the mapping the plain file has no categories: the analysis's message, exit 1, no file
    const none = await runCli([
      'export',
      join(dir, 'plain.csv'),
      '--segmentation',
      'product-mix',
      '--out',
      join(dir, 'c.csv'),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--categories FILE');
  }, 180_000);
});
