/** `swb report` as a child process (needs the built CLI: see helpers/cli.ts; `npm test` builds it first). */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EPOCH, requireCli, runCli, type CliRunOptions } from '../helpers/cli.js';
import { fixture } from '../helpers/data.js';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';

const run = (args: string[], options: CliRunOptions = {}) => runCli(['report', ...args], options);

const fresh = (): string => mkdtempSync(join(tmpdir(), 'swb-report-cli-'));

beforeAll(() => {
  requireCli();
});

describe('swb report', () => {
  it('writes the default report of the bundled data under 3 MB, with progress per stage', async () => {
    const r = await demoReport('en'); // built once per run, shared with the golden text test
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${r.file}\n`);
    const stages = r.stderr.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(stages).toEqual(['load', 'rfm', 'cohorts', 'clusters', 'segments', 'overview', 'render', 'write']);
    expect(r.stderr).toMatch(/^load +\d+\.\d s {2}online_retail\.csv\.gz: 541,909 rows read, 401,564 used/m);
    const size = statSync(r.file).size;
    expect(size).toBeLessThan(3_000_000);
    console.info(`demo report: ${(size / 1e6).toFixed(2)} MB`);
    const html = readFileSync(r.file, 'utf8');
    expect(html).toContain('<p class="generated">Generated 2023-11-14 22:13 UTC</p>');
    expect(html).toContain('<dd>541,909</dd>');
    // Online Retail is in pounds: the preset says so, and every money figure follows.
    expect(html).toContain('£8,278,519');
    expect(html).not.toContain('€');
    // Re-running gives the same bytes (sampled clusters, parallel sums and all), and leaves no temp file.
    const dir = fresh();
    const again = join(dir, 'again.html');
    expect((await run([...r.args, '--out', again], { env: { SOURCE_DATE_EPOCH: EPOCH } })).code).toBe(0);
    expect(readFileSync(again, 'utf8') === html).toBe(true);
    expect(readdirSync(dir)).toEqual(['again.html']);
  }, DEMO_TIMEOUT);

  it('adds the predicted-value section with --clv, fitted before the as-of day and split by RFM segment', async () => {
    const r = await demoReport('en-clv'); // shared with the browser test
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^clv +\d+\.\d s {2}4,334 customers, 2,777 repeat buyers/m);
    const html = readFileSync(r.file, 'utf8');
    expect(html).toContain('id="sec-clv"');
    expect(html).toContain('<th scope="row">CLV</th><td>calibrationEnd</td><td>2011-12-09</td>');
    expect(statSync(r.file).size).toBeLessThan(3_000_000);
  }, DEMO_TIMEOUT);

  it('formats money in the currency given, and rejects an unknown one', async () => {
    const dir = fresh();
    const out = join(dir, 'usd.html');
    const r = await run([fixture('orders-plain.csv'), '--currency', 'usd', '--locale', 'nl', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/US\$\s\d/);
    expect(html).not.toContain('€');
    const bad = await run([fixture('orders-plain.csv'), '--currency', 'euro', '--out', join(dir, 'bad.html')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--currency: unknown currency: euro (expected an ISO 4217 code such as EUR, GBP or USD)');
    expect(readdirSync(dir)).toEqual(['usd.html']);
  });

  it('is byte-identical across runs with SOURCE_DATE_EPOCH, and writes the locale default path', async () => {
    const dir = fresh();
    const args = [fixture('orders-plain.csv'), '--locale', 'nl'];
    const a = await run(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(a.code).toBe(0);
    const path = join(dir, 'reports', 'segment-report.nl.html');
    expect(a.stdout).toBe(`${path}\n`);
    const first = readFileSync(path);
    const b = await run(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(b.code).toBe(0);
    expect(readFileSync(path).equals(first)).toBe(true);
    expect(first.toString('utf8')).toContain('<html lang="nl">');
  });

  it('exits 1 with the loader message for a missing file, writing nothing', async () => {
    const dir = fresh();
    const r = await run(['missing.csv', '--out', join(dir, 'r.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: File not found: missing.csv.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 1 for a mapping that names a column the file does not have', async () => {
    const dir = fresh();
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ customerId: 'Klant', orderDate: 'order_date', amount: 'amount' }));
    const r = await run([fixture('orders-plain.csv'), '--mapping', map, '--out', join(dir, 'r.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: The mapping says customerId: "Klant", but orders-plain.csv has no such column (columns: "customer_id", "order_id", "order_date", "amount", "country").');
    expect(readdirSync(dir)).toEqual(['map.json']);
  });

  it('exits 1 for a mapping file that is not JSON', async () => {
    const dir = fresh();
    const map = join(dir, 'map.json');
    writeFileSync(map, '{ customerId: Klant');
    const r = await run([fixture('orders-plain.csv'), '--mapping', map, '--out', join(dir, 'r.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: Mapping file ${map} is not a JSON object`);
  });

  it('exits 1 naming the path when the output cannot be written, leaving nothing', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    const out = join(dir, 'file', 'r.html');
    const r = await run([fixture('orders-plain.csv'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: Could not write the report to ${out}: a part of the path is a file, not a folder.`);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it.each([
    [['--locale', 'fr'], '--locale: unknown locale: fr (expected one of: en, nl)'],
    [['--as-of', '2011-13-45'], '--as-of must be a date like 2011-12-10, not "2011-13-45"'],
    [['--preset', 'online-retail', '--mapping', 'm.json'], 'use --preset or --mapping, not both'],
    [['a.csv', 'b.csv'], 'report takes at most one FILE, got 2'],
    [['--colour', 'red'], "Unknown option '--colour'"],
    [['--returns', 'maybe'], '--returns must be net or exclude, not "maybe"'],
  ])('exits 2 on usage error %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: swb report [FILE]');
  });
});
