import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCli, runCli } from '../helpers/cli.js';
import { fixture, ONLINE_RETAIL } from '../helpers/data.js';

const run = (...args: string[]) => runCli(args);

beforeAll(() => {
  requireCli();
});

describe('swb validate', () => {
  it('prints the LoadReport of the bundled data and exits 0', async () => {
    const r = await run('validate', ONLINE_RETAIL, '--preset', 'online-retail');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rows read     541,909');
    expect(r.stdout).toContain('rows loaded   401,564');
    expect(r.stdout).toMatch(/135,080 {2}no customer id \(rows 624, 1445/);
    expect(r.stdout).toContain('period        2010-12-01 … 2011-12-09');
  });
  it('exits 1 with the loader message for a missing file', async () => {
    const r = await run('validate', 'missing.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('File not found: missing.csv');
  });
  it('exits 1 naming the missing field and the columns found', async () => {
    const r = await run('validate', fixture('no-customer.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No column maps to customer_id in no-customer.csv (columns: "id", "email", "total")');
  });
  it('exits 1 for a mapping file naming a column that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-cli-'));
    writeFileSync(
      join(dir, 'map.json'),
      JSON.stringify({ customerId: 'Klant', orderDate: 'order_date', amount: 'amount' }),
    );
    const r = await run('validate', fixture('orders-plain.csv'), '--mapping', join(dir, 'map.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('customerId: "Klant"');
  });
  it('validates several files in one run: each reported, failures named with their code, exit 1 if any failed', async () => {
    const r = await run('validate', fixture('orders-plain.csv'), 'missing.csv', fixture('orders-european.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout.match(/→ table transactions/g)).toHaveLength(2);
    expect(r.stdout).toContain('orders-plain.csv (csv) → table transactions');
    expect(r.stdout).toContain('orders-european.csv (csv) → table transactions');
    expect(r.stderr).toMatch(/^error: missing.csv: File not found: missing.csv\..* \[FILE_NOT_FOUND\]\n$/);
    const ok = await run('validate', fixture('orders-plain.csv'), fixture('orders-european.csv'));
    expect(ok.code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', 'a.csv', '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });
});

describe('swb sample', () => {
  it('writes transactions and customers files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-cli-'));
    const r = await run('sample', '--customers', '200', '--seed', '5', '--out', join(dir, 's.csv'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 's-customers.csv'), 'utf8').split('\n')[0]).toBe(
      'customer_id,age_band,region,city_size,acquisition_channel,device,nps,true_cluster,cohort_month',
    );
    expect(r.stdout).toMatch(/wrote [\d,]+ transaction rows/);
  });
  it('exits 2 for a bad --customers', async () => {
    expect((await run('sample', '--customers', 'many', '--out', 'x.csv')).code).toBe(2);
  });
});
