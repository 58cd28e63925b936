import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench, openWorkbenches } from '../../src/workbench.js';
import { displayOutputs } from '../../src/notebook/show.js';
import { idColumnsByValue, textColumnsOfIds } from '../../src/notebook/id-columns.js';
import { defaultPseudonyms } from '../../src/privacy/pseudonyms.js';

describe('columns of customer ids, told by their values', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await wb.run(`create table transactions as select * from (values
      ('17850', 'O1', 15.3), ('17850', 'O2', 20.0), ('12346', 'O3', 77183.6), ('3', 'O4', 1.0)) t(customer_id, order_id, amount)`);
  });
  afterAll(() => wb.close());

  it('a text column is ids when every value is a known id; numbers and mixed columns are not', () => {
    const known = new Set(['17850', '12346', '3']);
    const rows = [
      { klant: '17850', product: '17850', n: 3, label: '3' },
      { klant: '12346', product: '85123A', n: 17850, label: 'x' },
    ];
    expect([...textColumnsOfIds(rows, known)]).toEqual(['klant']);
    // customer_id itself is left to the name rule
    expect([...textColumnsOfIds([{ customer_id: '17850' }], known)]).toEqual([]);
  });

  it('finds an alias of customer_id in a query result through the open Workbench', async () => {
    expect(openWorkbenches()).toContain(wb);
    const rows = await wb.query(
      'select customer_id as klant, count(*) as orders from transactions group by 1 order by 1',
    );
    expect([...(await idColumnsByValue(rows))]).toEqual(['klant']);
    // a count column (numbers) stays as it is, even where its values equal ids
    expect([...(await idColumnsByValue([{ n: 3 }, { n: 17850 }]))]).toEqual([]);
  });

  it('show() prints pseudonyms for an aliased id column, in rows and in arquero tables', async () => {
    const ids = defaultPseudonyms();
    for (const table of [
      await wb.query(
        'select customer_id as klant, sum(amount) as revenue from transactions group by 1 order by 2 desc',
      ),
      await wb.table('select customer_id as "Kundennummer", order_id from transactions order by order_id'),
    ]) {
      const [out] = await displayOutputs(table);
      const text = `${String(out?.data['text/plain'])}\n${String(out?.data['text/html'])}`;
      expect(text).not.toMatch(/17850|12346/);
      expect(text).toContain(ids.of('17850'));
    }
    const [shown] = await displayOutputs(await wb.query('select customer_id as klant from transactions order by 1'), {
      showIds: true,
    });
    expect(String(shown?.data['text/plain'])).toContain('17850');
  });

  it('a closed Workbench is no longer asked', async () => {
    const other = await Workbench.open();
    other.close();
    expect(openWorkbenches()).not.toContain(other);
  });
});
