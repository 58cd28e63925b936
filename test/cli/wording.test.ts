/**
 * Library errors and notes that name an option (`Pass mapping: { customerId: '…' }`, `Pass dateFormat`,
 * `Workbench.open({ memoryLimit: '4GB' })`) reach a `swb` user naming the flag instead, while the library
 * keeps its own wording.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli } from '../helpers/cli.js';
import { fixture, ONLINE_RETAIL } from '../helpers/data.js';
import { messages } from '../../src/messages.js';
import { forCli, INLINE_PHRASES } from '../../src/cli/wording.js';

beforeAll(() => {
  requireCli();
});

const dir = mkdtempSync(join(tmpdir(), 'swb-wording-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** Option names of the library API that a CLI user cannot type. */
const API_WORDS = /mapping: \{|dateFormat|memoryLimit|Workbench\.open|idColumn|decimal: ',' (or '\.' )?if/;

describe('library messages in flag wording', () => {
  it('a missing transactions column names --mapping and --preset', async () => {
    expect(await runCli(['validate', fixture('no-customer.csv')])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: No column maps to customer_id in no-customer.csv (columns: "id", "email", "total"). Pass --mapping map.json holding {"customerId": "<column>"}, or --preset P. [MISSING_FIELD]\n',
    });
    const noAmount = file('no-amount.csv', 'customer_id,order_date\nA,2011-01-02\n');
    expect((await runCli(['validate', noAmount])).stderr).toBe(
      'error: No column maps to amount in no-amount.csv (columns: "customer_id", "order_date"). Pass --mapping map.json holding {"amount": "<column>"} or both {"quantity": "<column>", "unitPrice": "<column>"}, or --preset P. [MISSING_FIELD]\n',
    );
  });

  it('unreadable dates name --date-format, in the error and in the notes of validate', async () => {
    const r = await runCli(['validate', fixture('bad-dates.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: Dates in column "order_date" of bad-dates.csv could not be read in most rows, e.g. "yesterday" (row 2), "soon" (row 3). ' +
        'Formats tried: ISO (%Y-%m-%d …), %Y%m%d, day-first (%d-%m-%Y, %d/%m/%Y, %d.%m.%Y), month-first (%m/%d/%Y, %m-%d-%Y). ' +
        "Pass --date-format (strptime, e.g. '%d-%m-%Y %H:%M') or fix the column. [BAD_DATES]\n",
    );
    const ambiguous = file(
      'ambiguous.csv',
      'customer_id,order_id,order_date,amount\nA,1,03-04-2011,10\nB,2,05-06-2011,20\n',
    );
    const v = await runCli(['validate', ambiguous]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(
      '\n    - Dates in "order_date" fit both %d-%m-%Y and %m-%d-%Y; %d-%m-%Y was used. Pass --date-format to choose.\n',
    );
  });

  it('running out of memory names --memory-limit', async () => {
    const r = await runCli(['validate', ONLINE_RETAIL, '--preset', 'online-retail', '--memory-limit', '1MB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Ran out of memory with --memory-limit 1MB\. Run again with a larger --memory-limit \(e\.g\. --memory-limit 4GB\), or free disk space in \S+ so the work can spill to disk\. \[OUT_OF_MEMORY\]\n$/,
    );
  });

  it('files swb reads by their column names say which column to name how', async () => {
    const customers = file('customers.csv', 'id,region\n1,north\n');
    const r = await runCli([
      'report',
      fixture('orders-plain.csv'),
      '--customers',
      customers,
      '--out',
      join(dir, 'r.html'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      'error: No column maps to customer_id in customers.csv (columns: "id", "region"). Name its customer id column customer_id (swb recognises the customers file\'s columns by their names). [MISSING_FIELD]',
    ]);
    const prices = file('prices.csv', 'customer_id,start_date,plan,price\nA,2020-01-01,basic,10\n');
    expect((await runCli(['validate', '--subscriptions', prices])).stderr).toBe(
      'error: No column maps to interval in prices.csv (columns: "customer_id", "start_date", "plan", "price"). The prices in "price" need a billing interval: ' +
        'add a column interval (month, quarter, year or week), or name the price column mrr if the prices are monthly amounts. [MISSING_FIELD]\n',
    );
    const noPlanId = file('subs.csv', 'customer_id,start,plan,mrr\nA,2020-01-01,basic,10\n');
    const v = await runCli(['validate', '--subscriptions', noPlanId]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(
      'so periods of one customer that overlap are set aside. Add a subscription_id column if a customer can hold several subscriptions at once.\n',
    );
  });

  it('the library keeps its own wording, and every phrase the CLI swaps is still in the library text', () => {
    expect(messages.missingHint('customer_id')).toBe("Pass mapping: { customerId: '…' } or a preset.");
    expect(messages.outOfMemory('500MB', '/tmp/x', '')).toBe(
      "Ran out of memory with memoryLimit 500MB. Open the Workbench with a larger memoryLimit (Workbench.open({ memoryLimit: '4GB' })), or free disk space in /tmp/x so the work can spill to disk.",
    );
    const failures = [{ row: 2, value: 'x' }];
    const library = [
      messages.badDates('d', 'f.csv', failures, ['%Y']),
      messages.warnAmbiguousDates('d', '%d-%m-%Y', '%m-%d-%Y'),
      messages.badNumbers('amount', 'f.csv', failures),
      messages.warnAmbiguousDot('f.csv', '1.234'),
      messages.warnSubscriptionPerCustomer(),
      messages.outOfMemory('500MB', '/tmp/x', 'detail'),
      ...['customer_id', 'order_date', 'amount'].map((f) =>
        messages.missingField(f, 'f.csv', ['a'], messages.missingHint(f)),
      ),
      messages.missingField('customer_id', 'c.csv', ['a'], messages.missingIdHint()),
      ...['customerId', 'start', 'time', 'event'].map((k) =>
        messages.missingField(k, 's.csv', ['a'], messages.loadMappingHint(k)),
      ),
      messages.missingField('mrr', 's.csv', ['a'], messages.loadMrrHint()),
      messages.missingField('interval', 's.csv', ['a'], messages.loadIntervalHint('price "eur"')),
    ];
    for (const phrase of Object.values(INLINE_PHRASES))
      expect(
        library.some((m) => m.includes(phrase)),
        phrase,
      ).toBe(true);
    for (const m of library) {
      expect(m).toMatch(API_WORDS);
      expect(forCli(m, { memoryLimit: '500MB' }), m).not.toMatch(API_WORDS);
    }
    expect(
      forCli(messages.missingField('interval', 's.csv', ['a'], messages.loadIntervalHint('price "eur"'))),
    ).toContain('The prices in "price \\"eur\\"" need a billing interval: add a column interval');
  });
});
