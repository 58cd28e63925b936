import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { runPipeline } from '../../../src/pipeline/run.js';
import { reportFromResults } from '../../../src/pipeline/build-report.js';
import { checkSufficiency, resolveMinimums } from '../../../src/analyses/shared/sufficiency.js';
import { loadTransactions } from '../../../src/data/load.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { clusters } from '../../../src/analyses/clusters/index.js';
import { clv } from '../../../src/analyses/clv/index.js';
import { rfmFindings } from '../../../src/analyses/rfm/section.js';

const dir = mkdtempSync(join(tmpdir(), 'swb-sufficiency-'));
const csv = (name: string, rows: Array<[string, string, string, number]>): string => {
  const file = join(dir, name);
  writeFileSync(file, `customer_id,order_id,order_date,amount\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
};

// Five customers over 2023: A and D have 3+ orders; A, D and B order in the 30 days before 2 Dec.
const FIVE = csv('five.csv', [
  ['A', 'o1', '2023-01-05', 10],
  ['A', 'o2', '2023-03-10', 20],
  ['A', 'o3', '2023-11-20', 30],
  ['B', 'o4', '2023-02-01', 15],
  ['B', 'o5', '2023-12-01', 25],
  ['C', 'o6', '2023-06-15', 40],
  ['D', 'o7', '2023-07-01', 5],
  ['D', 'o8', '2023-08-01', 5],
  ['D', 'o9', '2023-09-01', 5],
  ['D', 'o10', '2023-11-25', 5],
  ['E', 'o11', '2023-10-10', 50],
]);

// 60 customers over three months: 1 January to 31 March 2023, so 90 days of history at 1 April.
const day = (d: number) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
const THREE_MONTHS = csv(
  'three-months.csv',
  Array.from({ length: 60 }, (_, i): Array<[string, string, string, number]> => [
    [`c${i}`, `a${i}`, day(i === 59 ? 89 : (i * 7) % 89), 10 + i],
    ...(i % 3 === 0 ? [[`c${i}`, `b${i}`, day(((i * 11) % 80) + 5), 12] as [string, string, string, number]] : []),
  ]).flat(),
);

async function run(file: string) {
  const wb = await Workbench.open();
  try {
    const results = await runPipeline(wb, { file });
    return { results, report: reportFromResults(results, { version: 'test' }) };
  } finally {
    wb.close();
  }
}

describe('is the data enough', () => {
  it('minimums are options; a check left at its default uses DEFAULT_MINIMUMS', () => {
    const facts = { customers: 120, historyDays: 200, repeatBuyers: 3, recentOrders: 0 };
    expect(checkSufficiency(facts, 'rfm')).toEqual({
      ok: true,
      checks: [
        { name: 'customers', value: 120, minimum: 50 },
        { name: 'historyDays', value: 200, minimum: 180 },
      ],
    });
    expect(checkSufficiency(facts, 'rfm', { customers: 500 }).ok).toBe(false);
    expect(checkSufficiency(facts, 'clv').checks.map((c) => c.value >= c.minimum)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('a 5-customer file fails RFM, clusters and CLV on customers; the RFM section says so and the summary quotes none of its findings', async () => {
    const { results, report } = await run(FIVE);
    expect(results.asOf).toEqual(new Date('2023-12-02T00:00:00Z'));
    expect(results.sufficiency?.rfm).toEqual({
      ok: false,
      checks: [
        { name: 'customers', value: 5, minimum: 50 },
        { name: 'historyDays', value: 331, minimum: 180 },
      ],
    });
    expect(results.sufficiency?.clv.checks).toEqual([
      { name: 'customers', value: 5, minimum: 500 },
      { name: 'historyDays', value: 331, minimum: 365 },
      { name: 'repeatBuyers', value: 2, minimum: 100 },
      { name: 'recentOrders', value: 3, minimum: 1 },
    ]);
    expect(results.sufficiency?.clusters.ok).toBe(false);
    const rfm = report.sections.find((s) => s.id === 'rfm')!;
    expect(rfm.caution).toBe(
      'Not enough data for reliable results here: 5 customers with a purchase (needs 50). The summary quotes nothing from this section.',
    );
    const summary = report.sections.find((s) => s.id === 'summary')!.findings ?? [];
    expect(rfmFindings(results.rfm!).length).toBeGreaterThan(0);
    expect(summary.filter((f) => rfmFindings(results.rfm!).includes(f))).toEqual([]);
  }, 60_000);

  it('a 3-month file has enough customers for RFM but 90 days of history, under 180', async () => {
    const { results, report } = await run(THREE_MONTHS);
    expect(results.asOf).toEqual(new Date('2023-04-01T00:00:00Z'));
    expect(results.sufficiency?.rfm).toEqual({
      ok: false,
      checks: [
        { name: 'customers', value: 60, minimum: 50 },
        { name: 'historyDays', value: 90, minimum: 180 },
      ],
    });
    expect(report.sections.find((s) => s.id === 'rfm')!.caution).toBe(
      'Not enough data for reliable results here: 90 days of history (needs 180). The summary quotes nothing from this section.',
    );
    const cohorts = report.sections.find((s) => s.id === 'cohorts');
    expect(cohorts?.caution).toBeUndefined();
  }, 60_000);
});

/** Load a file into a fresh Workbench, run `body`, close. */
async function withData<T>(file: string, body: (wb: Workbench) => Promise<T>): Promise<T> {
  const wb = await Workbench.open();
  try {
    await loadTransactions(wb, file);
    return await body(wb);
  } finally {
    wb.close();
  }
}

describe('each analysis carries its own sufficiency', () => {
  it('rfm() on a 5-customer table fails the customers check: 5 against 50', async () => {
    const r = await withData(FIVE, (wb) => rfm(wb));
    expect(r.sufficiency).toEqual({
      ok: false,
      checks: [
        { name: 'customers', value: 5, minimum: 50 },
        { name: 'historyDays', value: 331, minimum: 180 },
      ],
    });
    expect(r.options.minimums).toEqual({ customers: 50, historyDays: 180 });
  }, 60_000);

  it('rfm() on a 3-month table fails the history check: 90 days against 180', async () => {
    const r = await withData(THREE_MONTHS, (wb) => rfm(wb));
    expect(r.sufficiency).toEqual({
      ok: false,
      checks: [
        { name: 'customers', value: 60, minimum: 50 },
        { name: 'historyDays', value: 90, minimum: 180 },
      ],
    });
  }, 60_000);

  it('minimums are an option of each verb: lowered ones pass, an added check is made', async () => {
    const [r, c] = await withData(
      FIVE,
      async (wb) =>
        [
          await rfm(wb, { minimums: { customers: 5, historyDays: 300, repeatBuyers: 3 } }),
          await clusters(wb, { k: 2, minimums: { customers: 5 } }),
        ] as const,
    );
    expect(r.sufficiency).toEqual({
      ok: false,
      checks: [
        { name: 'customers', value: 5, minimum: 5 },
        { name: 'historyDays', value: 331, minimum: 300 },
        { name: 'repeatBuyers', value: 2, minimum: 3 },
      ],
    });
    expect(c.sufficiency).toEqual({
      ok: true,
      checks: [
        { name: 'customers', value: 5, minimum: 5 },
        { name: 'historyDays', value: 331, minimum: 180 },
      ],
    });
    expect(c.options.minimums).toEqual({ customers: 5, historyDays: 180 });
  }, 60_000);

  it('clv() checks the data up to the end of its calibration day', async () => {
    // calibration ends 30 Nov: B's order of 1 Dec is after it, so 2 orders in the last 30 days (A 20 Nov, D 25 Nov),
    // and 5 January to 1 December is 330 days
    const r = await withData(FIVE, (wb) => clv(wb, { calibrationEnd: '2023-11-30', fitSample: 100 }));
    expect(r.sufficiency.checks).toEqual([
      { name: 'customers', value: 5, minimum: 500 },
      { name: 'historyDays', value: 330, minimum: 365 },
      { name: 'repeatBuyers', value: 2, minimum: 100 },
      { name: 'recentOrders', value: 2, minimum: 1 },
    ]);
  }, 60_000);

  it('a bad minimum is an error naming it', async () => {
    expect(() => resolveMinimums('rfm', { customers: -1 })).toThrow(
      'minimums.customers must be a whole number ≥ 0, got -1.',
    );
    expect(() => resolveMinimums('rfm', { custmers: 5 } as never)).toThrow(
      'unknown minimum of rfm(): custmers (expected one of: customers, historyDays, repeatBuyers, recentOrders)',
    );
    await withData(FIVE, async (wb) => {
      await expect(rfm(wb, { minimums: 50 as never })).rejects.toThrow(
        'minimums of rfm() must be an object like { customers: 50, historyDays: 180 }, got 50.',
      );
      await expect(rfm(wb, { minimum: {} } as never)).rejects.toThrow(
        'unknown option minimum for rfm(); did you mean minimums?',
      );
    });
  }, 60_000);

  it('the pipeline passes its minimums to each analysis and reads their sufficiency', async () => {
    const wb = await Workbench.open();
    try {
      const results = await runPipeline(wb, { file: THREE_MONTHS, minimums: { rfm: { historyDays: 90 } } });
      expect(results.rfm?.sufficiency).toEqual({
        ok: true,
        checks: [
          { name: 'customers', value: 60, minimum: 50 },
          { name: 'historyDays', value: 90, minimum: 90 },
        ],
      });
      expect(results.sufficiency?.rfm).toBe(results.rfm?.sufficiency);
      await expect(runPipeline(wb, { file: THREE_MONTHS, minimums: { cohorts: {} } as never })).rejects.toThrow(
        'unknown minimums analysis: cohorts',
      );
    } finally {
      wb.close();
    }
  }, 60_000);
});
