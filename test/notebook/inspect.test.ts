import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import * as aq from 'arquero';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { WorkbenchError } from '../../src/errors.js';
import { summaryText, withSummary } from '../../src/notebook/inspect.js';
import { show } from '../../src/notebook/show.js';
import { Workbench } from '../../src/workbench.js';
import { rfm } from '../../src/analyses/rfm/index.js';
import { transactions } from '../helpers/fixture-tables.js';

/** tslab's own jupyter module: the kernel sets `lastWriteDisplayData` on it for every cell. */
const tslabJupyter = createRequire(import.meta.url)('tslab/dist/jupyter') as { lastWriteDisplayData: unknown };
const enterCell = (sent: unknown[] = []): unknown[] => {
  tslabJupyter.lastWriteDisplayData = (content: unknown) => {
    sent.push(content);
  };
  return sent;
};
afterEach(() => {
  tslabJupyter.lastWriteDisplayData = null;
});

const result = () => ({
  asOf: new Date('2011-12-10T00:00:00Z'),
  customers: 4371,
  rows: Array.from({ length: 4371 }, (_, i) => ({ customerId: String(i), r: 1 + (i % 5) })),
  options: { bins: 5, tieRule: 'same value, same score', segmentMap: { name: 'standard' } },
  warnings: [],
});

describe('results shown bare in a cell', () => {
  it('summarise fields by value, date and size instead of printing every row', () => {
    expect(summaryText(result(), 'RfmResult')).toBe(
      [
        'RfmResult {',
        '  asOf: 2011-12-10',
        '  customers: 4371',
        '  rows: Array(4371)',
        '  options: { bins, tieRule, segmentMap }',
        '  warnings: []',
        '}',
      ].join('\n'),
    );
  });

  it("print the summary inside a kernel, Node's own inspection outside, and keep JSON unchanged", () => {
    const r = withSummary(result(), 'RfmResult');
    expect(inspect(r)).toContain("customerId: '0'");
    enterCell();
    expect(inspect(r)).toBe(summaryText(result(), 'RfmResult'));
    expect(String(r)).toBe(summaryText(result(), 'RfmResult'));
    expect(JSON.parse(JSON.stringify(r)).customers).toBe(4371);
    expect(Object.keys(r)).toEqual(['asOf', 'customers', 'rows', 'options', 'warnings']);
  });
});

describe('analysis results shown bare in a cell', () => {
  it('print an rfm() result as its summary in a kernel and in full outside, with unchanged keys and JSON', async () => {
    const wb = await Workbench.open();
    try {
      await transactions(wb, [
        ['A', 'o1', '2011-01-05', 10],
        ['A', 'o2', '2011-02-05', 20],
        ['B', 'o3', '2011-03-05', 5],
      ]);
      const r = await rfm(wb, { asOf: '2011-04-01' });
      expect(inspect(r)).toContain('customerCount: 2');
      enterCell();
      const text = inspect(r);
      expect(text.split('\n')[0]).toBe('RfmResult {');
      expect(text).toContain('  customerCount: 2');
      expect(text.length).toBeLessThan(2000);
      expect(JSON.parse(JSON.stringify(r)).customerCount).toBe(2);
      expect(Object.keys(r)).not.toContain(String(inspect.custom));
    } finally {
      wb.close();
    }
  });
});

describe('library errors and tables in a cell', () => {
  it('print a WorkbenchError as its code and message without the stack, in a kernel only', async () => {
    await import('../../src/notebook/show.js');
    const error = new WorkbenchError('MISSING_FIELD', 'No column maps to customer_id in orders.csv.');
    expect(inspect(error)).toContain('    at ');
    enterCell();
    expect(inspect(error)).toBe('WorkbenchError [MISSING_FIELD]: No column maps to customer_id in orders.csv.');
  });

  it('print an arquero table as its first 10 rows and a row count', () => {
    const table = aq.table({
      id: Array.from({ length: 25 }, (_, i) => i + 1),
      amount: Array.from({ length: 25 }, (_, i) => 1000 + i),
    });
    expect(inspect(table)).not.toContain('(25 rows)');
    enterCell();
    const lines = inspect(table).split('\n');
    expect(lines[0]).toMatch(/^id\s+amount$/);
    expect(lines[1]).toMatch(/^ *1\s+1,000$/);
    expect(lines).toHaveLength(12);
    expect(lines[11]).toContain('25');
  });
});

describe('show without await', () => {
  it('sends the chart to the cell that called it, even when another cell has started', async () => {
    const spec: TopLevelSpec = {
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    const first = enterCell();
    const pending = show(spec);
    const second = enterCell();
    await pending;
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });
});

describe('show printed instead of awaited', () => {
  it('tells how to use it rather than printing a pending promise', async () => {
    const pending = show([{ a: 1 }]);
    expect(inspect(pending)).toBe(
      'show() is still rendering: write `await show(…)` so the chart is saved with this cell (headless runs and nbconvert stop listening when the cell ends).',
    );
    await pending;
  });
});
