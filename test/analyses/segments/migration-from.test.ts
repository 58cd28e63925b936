/** The report's migration from a chosen date (`migrationFrom`, `swb report --migration-from`), and its checks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { checkMigrationFrom, migrationFromDate, segmentsForReport } from '../../../src/analyses/segments/report-run.js';
import { runPipeline } from '../../../src/pipeline/run.js';
import { fixture } from '../../helpers/data.js';
import { rejection } from '../../helpers/fixture-tables.js';

// orders-plain.csv: purchases from 1 Feb to 6 Mar 2011 (as-of date 7 Mar 2011)
const AS_OF = new Date('2011-03-07T00:00:00Z');

describe('migrationFrom', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, fixture('orders-plain.csv'));
  });
  afterAll(() => wb.close());

  it('runs the migration from the chosen date, where the default half year would reach before the data', async () => {
    expect((await segmentsForReport(wb, { asOf: AS_OF })).migration).toBeUndefined();
    const input = await segmentsForReport(wb, { asOf: AS_OF, migrationFrom: new Date('2011-02-10T00:00:00Z') });
    expect(input.migration?.options.from).toEqual(new Date('2011-02-10T00:00:00Z'));
    expect(input.migration?.options.to).toEqual(AS_OF);
    // customer 1 was the only one scored on 10 Feb; 2 and 3 appeared after it
    expect(input.migration?.fromSizes.reduce((a, s) => a + s.count, 0)).toBe(1);
    expect(input.migration?.appeared.count).toBe(2);
  });

  it('accepts an ISO day and rejects anything else, naming the option and the flag', async () => {
    expect(migrationFromDate('2011-02-10')).toEqual(new Date('2011-02-10T00:00:00Z'));
    for (const bad of ['10-02-2011', '2011-02-30', 'yesterday']) {
      expect(() => migrationFromDate(bad)).toThrow(
        `migrationFrom (swb report --migration-from) must be a date like 2011-06-10, got "${bad}".`,
      );
    }
  });

  it('rejects a date on or after the as-of date, or not after the first purchase', async () => {
    expect((await rejection(checkMigrationFrom(wb, '2011-03-07', AS_OF))).message).toBe(
      'migrationFrom (swb report --migration-from) 2011-03-07 is not before the as-of date 2011-03-07: the migration runs from it to the as-of date. Pass an earlier date.',
    );
    expect((await rejection(checkMigrationFrom(wb, '2011-02-01', AS_OF))).message).toBe(
      'migrationFrom (swb report --migration-from) 2011-02-01 is before the data: it must come after the first purchase (2011-02-01), or no customer has a segment then. Pass a later date.',
    );
    expect(await checkMigrationFrom(wb, '2011-02-02', AS_OF)).toEqual(new Date('2011-02-02T00:00:00Z'));
  });

  it('is checked by runPipeline before any analysis runs', async () => {
    const stages: string[] = [];
    const run = (migrationFrom: string) =>
      runPipeline(wb, { file: fixture('orders-plain.csv'), migrationFrom, onProgress: (p) => stages.push(p.stage) });
    expect((await rejection(run('2011-13-01'))).message).toMatch(
      /^migrationFrom \(swb report --migration-from\) must be a date/,
    );
    expect(stages).toEqual([]);
    expect((await rejection(run('2012-01-01'))).message).toMatch(/2012-01-01 is not before the as-of date 2011-03-07/);
    expect(stages).toEqual(['load']);
  });
});
