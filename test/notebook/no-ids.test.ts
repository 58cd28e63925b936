import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { exportSegments, loadTransactions, rfm } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'swb-no-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what leaves the workbench carries no raw customer id', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    // No order id column: each customer-day is one order, and its made-up id must not hold the customer id.
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      'customer_id,order_date,amount\n17850,2011-01-05,10\n17850,2011-01-05,5\n17850,2011-02-01,7\n12346,2011-01-05,3\n',
    );
    await loadTransactions(wb, file);
  });
  afterAll(() => wb.close());

  it('a made-up order id is a keyed hash: one per customer and day, no customer id or date in it', async () => {
    const rows = await wb.query<{ customer_id: string; order_id: string; day: string }>(
      "select customer_id, order_id, strftime(order_date, '%Y-%m-%d') as day from transactions order by source_row",
    );
    for (const r of rows) {
      expect(r.order_id).toMatch(/^O-[0-9a-f]{32}$/);
      expect(r.order_id).not.toContain(r.customer_id);
    }
    expect(rows.map((r) => r.order_id)).toEqual([
      rows[0]?.order_id,
      rows[0]?.order_id,
      rows[2]?.order_id,
      rows[3]?.order_id,
    ]);
    expect(new Set(rows.map((r) => r.order_id)).size).toBe(3);
  });

  it('a segment list (real ids, for a CRM) is readable by its owner only', async () => {
    const result = await rfm(wb, { bins: 2 });
    const out = join(dir, 'lists', 'segments.csv');
    await exportSegments(wb, { out, rfm: result });
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});
