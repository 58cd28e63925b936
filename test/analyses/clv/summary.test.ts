import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clvGroups, clvSummary, type ClvSummaryRow } from '../../../src/analyses/clv/summary.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { available, CDNOW_SAMPLE, SHARED } from '../../helpers/data.js';

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

async function tx(rows: Array<[string, string, number, boolean?]>): Promise<void> {
  await wb.run(
    `create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean)`,
  );
  for (const [i, [c, d, a, r]] of rows.entries()) {
    await wb.run('insert into transactions values ($c, $o, $d, $a, $r)', {
      c,
      o: `o${i}`,
      d: new Date(d),
      a,
      r: r ?? false,
    });
  }
}

describe('clvSummary on a hand-made fixture', () => {
  it('counts repeat purchase days (same-day orders once), t_x, T and mean repeat spend', async () => {
    await tx([
      ['a', '2024-01-01T09:00:00Z', 10],
      ['a', '2024-01-01T15:00:00Z', 5], // first day: 2 orders
      ['a', '2024-01-08T10:00:00Z', 20],
      ['a', '2024-01-08T11:00:00Z', 4], // one repeat day, 24 spent
      ['a', '2024-01-15T10:00:00Z', 6],
      ['a', '2024-01-16T10:00:00Z', -6, true], // return ignored
      ['a', '2024-01-29T10:00:00Z', 99], // the calibration end day counts
      ['a', '2024-02-05T10:00:00Z', 7], // holdout
      ['b', '2024-01-22T00:00:00Z', 3],
      ['c', '2024-02-01T00:00:00Z', 3], // first buys in the holdout: not in the summary
    ]);
    const s = await clvSummary(wb, {
      calibrationEnd: new Date('2024-01-29T18:00:00Z'),
      holdoutEnd: new Date('2024-02-11'),
      unit: 'days',
    });
    expect(s).toMatchObject({ customers: 2, repeatBuyers: 1, holdoutLength: 13 });
    expect(s.options.calibrationEnd.toISOString()).toBe('2024-01-29T00:00:00.000Z');
    const rows = await wb.query<ClvSummaryRow & Record<string, unknown>>(
      `select * from clv_summary order by customer_id`,
    );
    expect(rows.map(({ first_purchase: _f, ...r }) => r)).toEqual([
      { customer_id: 'a', x: 3, t_x: 28, T: 28, monetary: (24 + 6 + 99) / 3, x_holdout: 1, spend_holdout: 7 },
      { customer_id: 'b', x: 0, t_x: 0, T: 7, monetary: 0, x_holdout: 0, spend_holdout: 0 },
    ]);
    expect(await clvGroups(wb, 'clv_summary')).toEqual([
      { x: 0, t_x: 0, T: 7, count: 1 },
      { x: 3, t_x: 28, T: 28, count: 1 },
    ]);
  });

  it('has no holdout columns without a holdout end and refuses a holdout end before the calibration end', async () => {
    await tx([
      ['a', '2024-01-01', 1],
      ['a', '2024-01-15', 2],
    ]);
    const s = await clvSummary(wb, { calibrationEnd: new Date('2024-01-08') });
    expect(s.holdoutLength).toBe(0);
    const [row] = await wb.query('select x, "T", x_holdout from clv_summary');
    expect(row).toEqual({ x: 0, T: 1, x_holdout: null });
    const err = await clvSummary(wb, {
      calibrationEnd: new Date('2024-01-08'),
      holdoutEnd: new Date('2024-01-08'),
    }).catch((e: unknown) => e);
    expect(isWorkbenchError(err) && err.code).toBe('BAD_OPTION');
  });
});

describe.runIf(available(CDNOW_SAMPLE, 'CDNOW CLV summary tests'))('clvSummary on the CDNOW 1/10 sample', () => {
  it('equals the published calibration summary customer by customer (39 weeks to 1997-09-30)', async () => {
    await loadTransactions(wb, CDNOW_SAMPLE, { preset: 'cdnow' });
    const s = await clvSummary(wb, { calibrationEnd: new Date('1997-09-30'), holdoutEnd: new Date('1998-06-30') });
    expect(s).toMatchObject({ customers: 2357, repeatBuyers: 946, holdoutLength: 39 });
    const published = readFileSync(`${SHARED}cdnow_sample_summary.csv`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);
    const ours = await wb.query<{ id: number; x: number; t_x: number; T: number; monetary: number }>(
      'select customer_id::integer as id, x, t_x, "T", monetary from clv_summary order by id',
    );
    expect(ours).toHaveLength(published.length);
    const mismatches = published.filter(([id, x, tx, T, zbar], i) => {
      const o = ours[i];
      return (
        !o ||
        o.id !== id ||
        o.x !== x ||
        o.t_x.toFixed(2) !== tx.toFixed(2) ||
        o.T.toFixed(2) !== T.toFixed(2) ||
        Math.abs(o.monetary - zbar) > 0.005 + 1e-9
      );
    });
    expect(mismatches).toEqual([]);
  });
});
