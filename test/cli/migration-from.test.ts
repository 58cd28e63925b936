/** `swb report --migration-from DATE`: the migration of the segments section starts on the date given; a bad date exits 1 naming the flag. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/data.js';

beforeAll(() => {
  requireCli();
});

describe('swb report --migration-from', () => {
  it('moves the migration to the date given (orders-plain.csv has too little history for the default half year)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'swb-migfrom-')), 'r.html');
    const r = await runCli(['report', fixture('orders-plain.csv'), '--migration-from', '2011-02-10', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^segments .* RFM moves$/m);
    expect(readFileSync(out, 'utf8')).toContain('rows: segment on 10 Feb 2011; columns: segment on 7 Mar 2011');
  });

  it.each([
    ['10-02-2011', 'migrationFrom (swb report --migration-from) must be a date like 2011-06-10, got "10-02-2011".'],
    ['2011-03-07', 'migrationFrom (swb report --migration-from) 2011-03-07 is not before the as-of date 2011-03-07'],
    [
      '2010-12-01',
      'migrationFrom (swb report --migration-from) 2010-12-01 is before the data: it must come after the first purchase (2011-02-01)',
    ],
  ])('exits 1 for %s, naming the flag, writing nothing', async (date, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'swb-migfrom-')), 'r.html');
    const r = await runCli(['report', fixture('orders-plain.csv'), '--migration-from', date, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('--migration-of loyalty: the migration follows the loyalty segments; a name that is none exits 1 naming the choices', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-migof-'));
    const out = join(dir, 'r.html');
    const r = await runCli([
      'report',
      fixture('orders-plain.csv'),
      '--migration-from',
      '2011-02-10',
      '--migration-of',
      'loyalty',
      '--locale',
      'nl',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^segments .* loyalty moves$/m);
    // the three customers' loyalty segments named in Dutch in the migration chart
    expect(readFileSync(out, 'utf8')).toContain('Mogelijk loyaal');
    const bad = await runCli([
      'report',
      fixture('orders-plain.csv'),
      '--migration-of',
      'loyal',
      '--out',
      join(dir, 'x.html'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'migrationOf (swb report --migration-of) must be one of rfm, timing, loyalty, journey, product-mix, channel, price, got "loyal".',
    );
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });
});
