import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { defaultPseudonyms, Pseudonyms } from '../../src/privacy/pseudonyms.js';
import { tableHtml, tableText, tableView } from '../../src/notebook/table-view.js';
import { loadTransactions } from '../../src/data/load.js';
import { ONLINE_RETAIL } from '../helpers/data.js';

describe('pseudonyms', () => {
  it('are K- and 10 hex digits of HMAC-SHA256 with the key, stable for one key and different across keys', () => {
    const key = new Uint8Array(32).fill(7);
    const a = new Pseudonyms(key);
    // HMAC-SHA256(32 × 0x07, "12346"), computed independently with Python's hmac module
    expect(a.of('12346')).toBe('K-534661ccfd');
    expect(a.of('12346')).toBe(new Pseudonyms(key).of('12346'));
    expect(a.of('12346')).not.toBe(a.of('12347'));
    expect(new Pseudonyms().of('12346')).not.toBe(a.of('12346'));
    expect(JSON.stringify({ a })).toBe('{"a":"Pseudonyms"}');
  });

  it('are the same computed in DuckDB, for every id tried, also with a key longer than a block', async () => {
    const wb = await Workbench.open();
    try {
      for (const key of [new Uint8Array(32).fill(7), new Uint8Array(100).fill(3)]) {
        const p = new Pseudonyms(key);
        const ids = ['12346', '', 'Ünïcode ☃', "o'brien"];
        const { sql, params } = p.sql('id');
        const rows = await wb.query<{ id: string; p: string }>(
          `select id, ${sql} as p from unnest([$a, $b, $c, $d]) t(id)`,
          { a: ids[0] ?? '', b: ids[1] ?? '', c: ids[2] ?? '', d: ids[3] ?? '', ...params },
        );
        expect(rows.map((r) => r.p)).toEqual(ids.map((id) => p.of(id)));
      }
      expect(new Pseudonyms(new Uint8Array(32).fill(7)).sql('id').sql).not.toContain('07');
    } finally {
      wb.close();
    }
  });

  describe('notebook tables', () => {
    let wb: Workbench;
    let ids: string[];
    beforeAll(async () => {
      wb = await Workbench.open();
      await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
      ids = (await wb.query('select distinct customer_id from transactions')).map((r) => String(r['customer_id']));
    }, 120_000);
    afterAll(async () => {
      await wb.close();
    });

    it('show no customer id from the data unless showIds, and the same customer twice gets one pseudonym', async () => {
      const rows = await wb.query(
        `select customer_id, count(*)::integer as lines from transactions group by all order by lines desc, customer_id limit 20`,
      );
      const view = tableView(rows, { pseudonyms: defaultPseudonyms() });
      const html = tableHtml(view) + tableText(view);
      expect(ids.length).toBeGreaterThan(4000);
      expect(ids.filter((id) => html.includes(`>${id}<`) || view.rows.some((r) => r[0] === id))).toEqual([]);
      expect(view.rows.every((r) => /^K-[0-9a-f]{10}$/.test(r[0] ?? ''))).toBe(true);
      expect(view.rows[0]![0]).toBe(defaultPseudonyms().of(String(rows[0]!['customer_id'])));
      expect(tableView(rows, { showIds: true }).rows[0]![0]).toBe(String(rows[0]!['customer_id']));
    });
  });
});
