/** The option rules every analysis verb shares: dates, unknown keys, output tables. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusters } from '../../../src/analyses/clusters/index.js';
import { clv } from '../../../src/analyses/clv/index.js';
import { clvSummary } from '../../../src/analyses/clv/summary.js';
import { cohorts } from '../../../src/analyses/cohorts/index.js';
import { activity } from '../../../src/analyses/overview/activity.js';
import { overview } from '../../../src/analyses/overview/index.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { rfmCustomers } from '../../../src/analyses/rfm/customers.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';
import { compareSubsegments } from '../../../src/analyses/segments/subsegments.js';
import { kpis } from '../../../src/analyses/segments/kpis.js';
import { migration } from '../../../src/analyses/segments/migration.js';
import { overlap } from '../../../src/analyses/segments/overlap.js';
import { dateOption, levenshtein, nearest } from '../../../src/analyses/shared/validate.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { Workbench } from '../../../src/workbench.js';
import { rejection, transactions, type Tx } from '../../helpers/fixture-tables.js';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('dateOption', () => {
  it('accepts a Date, an ISO day (00:00 UTC) and an ISO date-time with its zone', () => {
    expect(dateOption('asOf', new Date('2011-12-10T00:00:00Z')).toISOString()).toBe('2011-12-10T00:00:00.000Z');
    expect(dateOption('asOf', '2011-12-10').toISOString()).toBe('2011-12-10T00:00:00.000Z');
    expect(dateOption('asOf', '2011-12-10T09:30:00+01:00').toISOString()).toBe('2011-12-10T08:30:00.000Z');
  });

  it.each([['10-12-2011'], ['2011-02-30'], ['2011-12-10T09:30'], ['yesterday'], [20111210]])(
    'refuses %j naming the option',
    (value) => {
      const e = thrown(() => dateOption('calibrationEnd', value));
      expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
      expect((e as Error).message).toBe(
        `calibrationEnd must be a Date or an ISO date like '2011-12-10', got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`,
      );
    },
  );
});

describe('nearest known key', () => {
  it('is found by edit distance, and only when it is close', () => {
    expect(levenshtein('bin', 'bins')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(nearest('bin', ['asOf', 'bins', 'scoring'])).toBe('bins');
    expect(nearest('asof', ['asOf', 'bins'])).toBe('asOf');
    expect(nearest('calibrationEnds', ['calibrationEnd', 'holdoutEnd'])).toBe('calibrationEnd');
    expect(nearest('colour', ['asOf', 'bins'])).toBeUndefined();
  });
});

const ROWS: Tx[] = [
  ['a', 'o1', '2011-01-05', 100, 'NL'],
  ['a', 'o2', '2011-03-05', 50, 'NL'],
  ['b', 'o3', '2011-02-01', 30, 'BE'],
  ['b', 'o4', '2011-06-01', 20, 'BE'],
  ['c', 'o5', '2011-06-20', 10, 'NL'],
  ['d', 'o6', '2011-04-01', 70, 'BE'],
];

describe('every analysis verb', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await transactions(wb, ROWS);
  });
  afterAll(() => wb.close());

  it('gives the same RFM for asOf as a string and as a Date', async () => {
    const a = await rfm(wb, { asOf: '2011-07-01' });
    const b = await rfm(wb, { asOf: new Date('2011-07-01T00:00:00Z') });
    expect(a.options.asOf.toISOString()).toBe('2011-07-01T00:00:00.000Z');
    expect(a.grid).toEqual(b.grid);
    const rows = await rfmCustomers(wb, { orderBy: 'customer_id' });
    // a: last order 5 March → 118 days before 1 July.
    expect(rows.map((r) => r.recency_days)).toEqual([118, 30, 11, 91]);
  });

  it('takes ISO strings for every date option', async () => {
    expect((await cohorts(wb, { asOf: '2011-07-01' })).options.asOf.toISOString()).toBe('2011-07-01T00:00:00.000Z');
    expect((await overview(wb, { asOf: '2011-03-01' })).customers).toBe(2);
    expect((await activity(wb, { asOf: '2011-07-01' })).options.asOf?.toISOString()).toBe('2011-07-01T00:00:00.000Z');
    expect((await segmentBy(wb, { valueTiers: true }, { asOf: '2011-07-01' })).options.asOf.toISOString()).toBe(
      '2011-07-01T00:00:00.000Z',
    );
    const m = await migration(wb, { from: '2011-04-01', to: '2011-07-01' });
    expect([m.options.from.toISOString(), m.options.to.toISOString()]).toEqual([
      '2011-04-01T00:00:00.000Z',
      '2011-07-01T00:00:00.000Z',
    ]);
    const e = await rejection(clv(wb, { calibrationEnd: '01/06/2011' }));
    expect(e.message).toBe('calibrationEnd must be a Date or an ISO date like \'2011-12-10\', got "01/06/2011".');
    expect((await rejection(cohorts(wb, { asOf: '2011-7-1' }))).message).toContain(
      'asOf must be a Date or an ISO date',
    );
  });

  it.each([
    ['rfm', () => rfm(wb, { bin: 3 } as never), 'unknown option bin for rfm(); did you mean bins?'],
    [
      'cohorts',
      () => cohorts(wb, { peroid: 'week' } as never),
      'unknown option peroid for cohorts(); did you mean period?',
    ],
    ['clusters', () => clusters(wb, { seeds: 3 } as never), 'unknown option seeds for clusters(); did you mean seed?'],
    ['clv', () => clv(wb, { horizon: 6 } as never), 'unknown option horizon for clv(); did you mean horizonMonths?'],
    [
      'segmentBy',
      () => segmentBy(wb, { valueTiers: true }, { minsize: 5 } as never),
      'unknown option minsize for segmentBy(); did you mean minSize?',
    ],
    [
      'compareSubsegments',
      () => compareSubsegments(wb, { by: 'country', kpi: 'nps', ajust: 'bonferroni' } as never),
      'unknown option ajust for compareSubsegments(); did you mean adjust?',
    ],
    [
      'kpis',
      () => kpis(wb, { goals: [{ kpi: 'repeatRate', goal: 0.5 }], churnday: 30 } as never),
      'unknown option churnday for kpis(); did you mean churnDays?',
    ],
    [
      'migration',
      () => migration(wb, { from: '2011-04-01', to: '2011-07-01', topflows: 2 } as never),
      'unknown option topflows for migration(); did you mean topFlows?',
    ],
    [
      'overlap',
      () => overlap(wb, [], { asof: '2011-07-01' } as never),
      'unknown option asof for overlap(); did you mean asOf?',
    ],
    [
      'overview',
      () => overview(wb, { topshare: 0.1 } as never),
      'unknown option topshare for overview(); did you mean topShare?',
    ],
    [
      'activity',
      () => activity(wb, { colour: 'red' } as never),
      'unknown option colour for activity(); known options: period, asOf.',
    ],
    [
      'rfmCustomers',
      () => rfmCustomers(wb, { limits: 3 } as never),
      'unknown option limits for rfmCustomers(); did you mean limit?',
    ],
    [
      'clvSummary',
      () => clvSummary(wb, { calibrationEnd: '2011-05-01', unt: 'days' } as never),
      'unknown option unt for clvSummary(); did you mean unit?',
    ],
  ])('%s: an unknown option is a BAD_OPTION error naming the nearest known one', async (_verb, run, message) => {
    const e = await rejection(run());
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toBe(message);
  });

  it('never writes over the transactions or customers table unless replace: true', async () => {
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['segmentBy', () => segmentBy(wb, { valueTiers: true }, { table: 'transactions' })],
      ['rfm', () => rfm(wb, { table: 'Customers' })],
      ['clusters', () => clusters(wb, { table: 'transactions', k: 2 })],
      ['clv', () => clv(wb, { summaryTable: 'transactions' })],
      ['clvSummary', () => clvSummary(wb, { calibrationEnd: '2011-05-01', table: 'transactions' })],
      ['migration', () => migration(wb, { from: '2011-04-01', to: '2011-07-01', table: 'transactions' })],
    ];
    for (const [verb, run] of cases) {
      const e = await rejection(run());
      expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
      expect(e.message).toMatch(
        new RegExp(
          `^${verb}\\(\\) would replace the table \\w+, which holds your data\\. Give another table name, or pass replace: true`,
        ),
      );
    }
    const [row] = await wb.query('select count(*) as n, sum(amount) as s from transactions');
    expect(row).toEqual({ n: 6, s: 280 });
    // Asked for explicitly, it is done.
    const scratch = await Workbench.open();
    await transactions(scratch, ROWS);
    await scratch.run('create table customers as select distinct customer_id from transactions');
    const r = await segmentBy(scratch, { valueTiers: true }, { table: 'customers', replace: true });
    expect(r.table).toBe('customers');
    expect((await scratch.query('select count(*) as n from customers where segment is not null'))[0]).toEqual({ n: 4 });
    scratch.close();
  });
});
