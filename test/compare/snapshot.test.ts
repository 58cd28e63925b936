/**
 * Snapshots: each customer's segment per grouping under the `show` pseudonym, and the moves to this run counted
 * in SQL, equal to a count by hand over the two RFM tables.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import { rfm } from '../../src/analyses/rfm/index.js';
import { snapshotMoves, writeSnapshot } from '../../src/compare/snapshot.js';
import { Pseudonyms } from '../../src/privacy/pseudonyms.js';
import { pseudonymSql } from '../../src/privacy/pseudonym-sql.js';
import { writeLines } from '../helpers/data.js';

let wb: Workbench;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'swb-snapshot-'));
  const lines = ['customer_id,order_id,order_date,amount'];
  // 40 customers: ids 1–30 buy in January, 11–40 again in June (31–40 are new after the first date).
  for (let c = 1; c <= 40; c++) {
    if (c <= 30) lines.push(`${c},a${c},2023-01-${String(1 + (c % 28)).padStart(2, '0')},${10 * c}`);
    if (c > 10) lines.push(`${c},b${c},2023-06-${String(1 + (c % 28)).padStart(2, '0')},${5 * c}`);
  }
  wb = await Workbench.open();
  await loadTransactions(wb, writeLines(dir, 'orders.csv', lines));
}, 60_000);
afterAll(() => wb.close());

describe('snapshots', () => {
  it('computes the pseudonym of show in SQL', async () => {
    const key = new Uint8Array(32).fill(9);
    const p = pseudonymSql('x', key);
    const rows = await wb.query(`select ${p.sql} as p from (values ('12346'), ('ü </script>')) t(x)`, p.params);
    const js = new Pseudonyms(key);
    expect(rows.map((r) => r['p'])).toEqual([js.of('12346'), js.of('ü </script>')]);
  });

  it('counts new, gone, stayed and moved customers as the two RFM tables say', async () => {
    const before = await rfm(wb, { asOf: '2023-03-01', laterOrders: 'exclude', table: 'rfm_then', minSize: 1 });
    const out = await writeSnapshot(wb, [{ id: 'rfm', table: before.table, column: 'segment' }], {
      out: join(dir, 'then.parquet'),
      asOf: before.options.asOf,
    });
    const stored = await wb.query(`select count(*)::int as n, min(customer) as c from read_parquet($p)`, { p: out });
    expect(stored[0]).toEqual({ n: 30, c: expect.stringMatching(/^K-[0-9a-f]{10}$/) });
    const now = await rfm(wb, { table: 'rfm_now', minSize: 1 });
    const moves = await snapshotMoves(wb, [{ id: 'rfm', table: now.table, column: 'segment' }], out);
    const then = new Map(
      (await wb.query('select customer_id, segment from rfm_then')).map((r) => [r['customer_id'], r['segment']]),
    );
    const nowRows = await wb.query('select customer_id, segment from rfm_now');
    const stayed = nowRows.filter((r) => then.get(r['customer_id']) === r['segment']).length;
    const moved = nowRows.filter(
      (r) => then.has(r['customer_id']) && then.get(r['customer_id']) !== r['segment'],
    ).length;
    const rfmMoves = moves.groupings[0]!;
    expect(moves.asOf).toBe('2023-03-01');
    expect([rfmMoves.new, rfmMoves.lost, rfmMoves.stayed, rfmMoves.moved]).toEqual([10, 0, stayed, moved]);
    expect(stayed + moved).toBe(30);
    expect(rfmMoves.flows.reduce((a, f) => a + f.customers, 0)).toBe(30);
  });

  it('says so when the file is not a snapshot', async () => {
    await expect(
      snapshotMoves(wb, [{ id: 'rfm', table: 'rfm_now', column: 'segment' }], join(dir, 'orders.csv')),
    ).rejects.toMatchObject({ code: 'NOT_A_REPORT', message: expect.stringContaining('is not a snapshot') });
  });
});
