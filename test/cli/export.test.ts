/** `swb export` and the report's `--goals` / `--by` as a child process (needs the built CLI: see helpers/cli.ts). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EPOCH, requireCli, runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/data.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'swb-export-cli-'));

beforeAll(() => {
  requireCli();
});

describe('swb export', () => {
  it('writes the bundled data as ;-separated Dutch CSV and says the ids are real', async () => {
    const dir = fresh();
    const out = join(dir, 'lists', 'segmenten.csv');
    const r = await runCli(['export', '--delimiter', ';', '--locale', 'nl', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    expect(r.stderr).toContain(`note: ${out} holds real customer ids`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4339);
    expect(lines[0]).toBe(
      'customer_id;rfm_segment;rfm_segment_label;r;f;m;recency_days;frequency;monetary;cluster;cluster_label;value_tier;value_tier_label',
    );
    expect(lines.find((l) => l.startsWith('12347;'))).toMatch(
      /^12347;champions;Kampioenen;5;5;5;3;7;4310,00;1;[^;]+;top-20%;Hoogste 20%$/,
    );
    expect(readdirSync(join(dir, 'lists'))).toEqual(['segmenten.csv']);
  }, 120_000);

  it('--segmentation loyalty writes one row per customer with its key, Dutch label and numbers', async () => {
    const dir = fresh();
    const out = join(dir, 'loyalty.csv');
    const r = await runCli(['export', '--segmentation', 'loyalty', '--locale', 'nl', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4339);
    expect(lines[0]).toBe('customer_id,segment,segment_label,orders,order_days,cycle,cv,max_gap,days_since,revenue');
    expect(lines.find((l) => l.startsWith('12347,'))).toBe('12347,loyal,Loyaal,7,7,58.5,0.276,90,3,4310.0');
    expect(lines.filter((l) => l.split(',')[1] === 'loyal')).toHaveLength(1234);
    const bad = await runCli(['export', '--segmentation', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--segmentation: unknown segmentation: nope (expected one of: timing, loyalty, journey, product-mix, channel, price)',
    );
  }, 120_000);

  it('--segmentation product-mix|channel|price on swb sample --behaviour data: one row per customer, Dutch labels', async () => {
    const dir = fresh();
    const data = join(dir, 'b.csv');
    expect((await runCli(['sample', '--behaviour', '--customers', '600', '--seed', '11', '--out', data])).code).toBe(0);
    const count = (out: string) => {
      const rows = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1);
      const n: Record<string, number> = {};
      for (const r of rows) n[r.split(',')[1] ?? ''] = (n[r.split(',')[1] ?? ''] ?? 0) + 1;
      return { rows, n };
    };
    const price = await runCli([
      'export',
      data,
      '--segmentation',
      'price',
      '--locale',
      'nl',
      '--out',
      join(dir, 'p.csv'),
    ]);
    expect(price.code).toBe(0);
    expect(price.stderr).toMatch(/^export .* 600 customers, columns customer_id, segment, segment_label, share, /m);
    const p = count(join(dir, 'p.csv'));
    expect(p.rows).toHaveLength(600);
    expect(p.rows.find((r) => r.split(',')[1] === 'deal-seeker')).toMatch(/^C\d+,deal-seeker,Koopjesjagers,/);
    const channel = await runCli(['export', data, '--segmentation', 'channel', '--out', join(dir, 'c.csv')]);
    expect(channel.code).toBe(0);
    const c = count(join(dir, 'c.csv'));
    expect(Object.values(c.n).reduce((a, b) => a + b, 0)).toBe(600);
    expect(c.n['omnichannel']).toBeGreaterThan(0);
    const mix = await runCli(['export', data, '--segmentation', 'product-mix', '--out', join(dir, 'm.csv')]);
    expect(mix.code).toBe(0);
    expect(Object.keys(count(join(dir, 'm.csv')).n).sort()).toEqual([
      'few-lines',
      'mixed',
      'mostly:Books',
      'mostly:Fashion',
      'mostly:Garden',
    ]);
  }, 120_000);

  it('--segmentation price on data without a discount column fails with the analysis message and writes no file', async () => {
    const dir = fresh();
    const data = join(dir, 's.csv');
    expect((await runCli(['sample', '--customers', '200', '--out', data])).code).toBe(0);
    const out = join(dir, 'out', 'price.csv');
    const r = await runCli(['export', data, '--segmentation', 'price', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error: Price segments need to know which purchases were on discount, .*\[MISSING_FIELD\]/,
    );
    expect(readdirSync(dir)).toEqual(['s-customers.csv', 's.csv']);
  }, 120_000);

  it('refuses a folder at --out before any work, and a delimiter with Parquet', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'x.csv'));
    const r = await runCli(['export', '--out', join(dir, 'x.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Could not write the segment list to .*x\.csv: that path is a folder/);
    const p = await runCli(['export', '--out', join(dir, 'x.parquet'), '--delimiter', ';']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--delimiter: delimiter applies to CSV only');
  });
});

describe('swb report --goals / --by', () => {
  it('adds a goals section and splits the segments by the named attribute', async () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'goals.json'),
      JSON.stringify({ segments: 'rfm', goals: [{ kpi: 'repeatRate', goal: 0.4 }] }),
    );
    const out = join(dir, 'r.html');
    const r = await runCli(['report', '--goals', join(dir, 'goals.json'), '--by', 'country', '--out', out], {
      env: { SOURCE_DATE_EPOCH: EPOCH },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^goals +\d+\.\d s {2}10 segment × goal rows: 6 met, 1 close, 3 missed$/m);
    expect(r.stderr).toMatch(/^segments .*6 country sub-segments compared/m);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(
      'Hibernating: repeat rate is 27.9% (95% CI 25.5% to 30.3%) against a goal of 40.0%, missed by 12.1%.',
    );
  }, 120_000);

  it('stops on a goals file mistake or an unknown --by name before writing anything', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'goals.json'), JSON.stringify({ goals: [{ kpi: 'retention', goal: 0.3 }] }));
    const g = await runCli(['report', '--goals', join(dir, 'goals.json'), '--out', join(dir, 'r.html')]);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(
      /^error: goals\.json, at \$\.goals\[0\]\.kpi: unknown KPI "retention"; known KPIs: "revenuePerCustomer"/,
    );
    // Without --customers, a name that is not a customer column of the transactions fails before the load (exit 2).
    const b = await runCli(['report', '--by', 'region', '--out', join(dir, 'r.html')]);
    expect(b).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --by region: that is not a column of the transactions file (usable without --customers: country, channel, category, timing, loyalty, journey, product-mix, price); pass --customers FILE with that column to split by it [USAGE]\n',
    });
    // With --customers the names are checked after loading, against both files' text columns.
    writeFileSync(join(dir, 'customers.csv'), 'customer_id,region\n1,north\n2,south\n');
    const c = await runCli([
      'report',
      fixture('orders-plain.csv'),
      '--customers',
      join(dir, 'customers.csv'),
      '--by',
      'device',
      '--out',
      join(dir, 'r.html'),
    ]);
    expect(c.code).toBe(1);
    expect(c.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      'error: --by: unknown attribute "device"; usable: "region", "country" (text columns of --customers and of the transactions file), or a behavioural segmentation: timing, loyalty, journey, product-mix, channel, price [UNKNOWN_COLUMN]',
    ]);
    // `channel` without a channel column: the channel segmentation cannot be written, and the segments section says why
    const t = await runCli(['report', fixture('orders-plain.csv'), '--by', 'channel', '--out', join(dir, 'r.html')]);
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(
      /segments .* could not be computed, its section says why: Channel and payment segments need a sales channel/,
    );
    expect(readdirSync(dir).sort()).toEqual(['customers.csv', 'goals.json', 'r.html']);
  }, 120_000);
});
