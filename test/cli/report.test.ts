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
  it(
    'writes the default report of the bundled data under 3 MB, with progress per stage',
    async () => {
      const r = await demoReport('en'); // built once per run, shared with the golden text test
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${r.file}\n`);
      // lines that start with a space say a long stage is still moving (every 5 s); the stage lines follow them
      const stages = r.stderr
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith(' '))
        .map((l) => l.split(/\s+/)[0]);
      expect(stages).toEqual([
        'load',
        'rfm',
        'cohorts',
        'clusters',
        'segments',
        'trends',
        'timing',
        'loyalty',
        'overview',
        'journey',
        'render',
        'write',
      ]);
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
    },
    DEMO_TIMEOUT,
  );

  it(
    'adds the predicted-value section with --clv, fitted before the as-of day and split by RFM segment',
    async () => {
      const r = await demoReport('en-clv'); // shared with the browser test
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^clv +\d+\.\d s {2}4,334 customers, 2,777 repeat buyers/m);
      const html = readFileSync(r.file, 'utf8');
      expect(html).toContain('id="sec-clv"');
      expect(html).toMatch(/\(calibrationEnd\)<\/td><td>2011-12-09<\/td>/);
      // Default margin: the section says its values are revenue.
      expect(html).toContain('<p>All values here are revenue, not profit (margin 100%).');
      // The holdout check: a separate fit up to 13 weeks before the end, both models compared on those weeks.
      expect(html).toContain('To test it, the same models were also fitted on the data up to 13 weeks before the end');
      expect(html).toMatch(/predicted 3,335 purchases; customers made 4,444 \(-25% off\)/);
      expect(html).toContain('What that means for trusting the numbers: the model predicted 25% fewer purchases');
      // No dropout in one year of data: both models reduce to the same one and predict alike.
      expect(html).toContain('Neither predicted better here: per customer they missed by as much');
      expect(html).toContain('BG/NBD and Pareto/NBD on the holdout period');
      expect(html).toContain('id="chart-clv-tracking"');
      expect(statSync(r.file).size).toBeLessThan(3_000_000);
    },
    DEMO_TIMEOUT,
  );

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
    expect(bad.stderr).toContain(
      '--currency: unknown currency: euro (expected an ISO 4217 code such as EUR, GBP or USD)',
    );
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

  it('writes the report when a section cannot be computed (one customer, --clv), saying why in that section', async () => {
    const dir = fresh();
    const out = join(dir, 'one.html');
    const r = await run([fixture('one-customer.csv'), '--clv', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^clusters +\d+\.\d s {2}could not be computed, its section says why: Every feature is constant or missing/m,
    );
    expect(r.stderr).toMatch(/^clv +\d+\.\d s {2}could not be computed, its section says why: Gamma-Gamma needs/m);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(
      '<h2 id="sec-clusters-h">Clusters</h2>\n<p>This part could not be computed from this data; the rest of the report is not affected.</p>',
    );
    expect(html).toContain('id="sec-rfm"');
    expect(readdirSync(dir)).toEqual(['one.html']);
  });

  it('--clv --margin and --discount-rate reach the model; values are labelled profit, and revenue by default', async () => {
    const dir = fresh();
    const data = join(dir, 's.csv');
    expect((await runCli(['sample', '--customers', '300', '--seed', '5', '--out', data])).code).toBe(0);
    const profit = join(dir, 'profit.html');
    const r = await run([data, '--clv', '--margin', '0.3', '--discount-rate', '0.1', '--out', profit]);
    expect(r.code).toBe(0);
    const html = readFileSync(profit, 'utf8');
    expect(html).toContain('<p>All values here are profit: predicted revenue × a margin of 30%.</p>');
    expect(html).toMatch(/\(margin\)<\/td><td>0\.3<\/td>/);
    expect(html).toMatch(/\(discountRate\)<\/td><td>0\.1<\/td>/);
    const revenue = join(dir, 'revenue.html');
    expect((await run([data, '--clv', '--out', revenue])).code).toBe(0);
    expect(readFileSync(revenue, 'utf8')).toContain(
      '<p>All values here are revenue, not profit (margin 100%). Pass a margin (swb report --clv --margin 0.3) to see profit instead.</p>',
    );
  });

  it('--date-format decides day-month-ambiguous dates (passed to the loader)', async () => {
    const dir = fresh();
    const file = join(dir, 'ambiguous.csv');
    writeFileSync(file, 'customer_id,order_id,order_date,amount\nA,1,03-04-2011,10\nB,2,05-06-2011,20\n');
    const us = await runCli(['validate', file, '--date-format', '%m-%d-%Y']);
    expect(us.code).toBe(0);
    expect(us.stdout).toMatch(/period +2011-03-04 … 2011-05-06/);
    const out = join(dir, 'r.html');
    const r = await run([file, '--date-format', '%m-%d-%Y', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(
      '<li>Dates in the column “order_date” were read in the form MM-DD-YYYY.</li>',
    );
  });

  it('exits 2 naming --memory-limit for an amount DuckDB cannot take, writing nothing', async () => {
    const dir = fresh();
    const r = await run(['--memory-limit', 'lots', '--out', join(dir, 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --memory-limit takes an amount of memory like 512MB or 4GB, not "lots" [USAGE]\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 1 for an --as-of before every order, naming the data's period, writing nothing", async () => {
    const dir = fresh();
    const r = await run(['--as-of', '2009-06-30', '--out', join(dir, 'r.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'The as-of date 2009-06-30 (asOf, --as-of) is on or before the first order: the data runs from 2010-12-01 to 2011-12-09',
    );
    expect(r.stderr).toContain('[BAD_OPTION]');
    expect(readdirSync(dir)).toEqual([]);
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
    expect(r.stderr).toContain(
      'error: The mapping says customerId: "Klant", but orders-plain.csv has no such column (columns: "customer_id", "order_id", "order_date", "amount", "country").',
    );
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
    expect(r.stderr).toContain(
      `error: Could not write the report to ${out}: a part of the path is a file, not a folder.`,
    );
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it.each([
    [['--locale', 'fr'], '--locale: unknown locale: fr (expected one of: en, nl)'],
    [['--as-of', '2011-13-45'], '--as-of must be a date like 2011-12-10, not "2011-13-45"'],
    [['--preset', 'online-retail', '--mapping', 'm.json'], 'use --preset or --mapping, not both'],
    [['a.csv', 'b.csv'], 'report takes at most one FILE, got 2'],
    [['--colour', 'red'], 'unknown flag --colour for swb report; swb report --help lists its flags'],
    [['--returns', 'maybe'], '--returns must be net or exclude, not "maybe"'],
    [['--clv', '--margin', '0'], '--margin takes a number in (0, 1], not "0"'],
    [['--clv', '--margin', 'lots'], '--margin takes a number in (0, 1], not "lots"'],
    [['--clv', '--discount-rate=-0.1'], '--discount-rate takes a number ≥ 0 (0.1 = 10% a year), not "-0.1"'],
    [['--margin', '0.3'], '--margin and --discount-rate apply to the predicted value: add --clv'],
    [
      ['--date-format', 'dd-mm-yyyy'],
      '--date-format takes a strptime format such as %d-%m-%Y or %m/%d/%Y %H:%M, not "dd-mm-yyyy"',
    ],
  ])('exits 2 on usage error %j', async (args, message) => {
    const r = await run(args);
    // One line, like every usage error: `error: … [USAGE]`.
    expect([r.code, r.stderr]).toEqual([2, `error: ${message} [USAGE]\n`]);
  });
});
