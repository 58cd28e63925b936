/** The loader's column expressions plan over a raw table of every column type they branch on (EXPLAIN, no data). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dateExpr, idExpr, numberExpr } from '../../src/data/parse.js';
import { Workbench } from '../../src/workbench.js';
import { expectPlans } from '../helpers/explain.js';

/** Raw column name → DuckDB type, as a CSV or Parquet file may give them (one name with a quote in it). */
const RAW: Record<string, string> = { 'Text "col"': 'VARCHAR', dbl: 'DOUBLE', flt: 'FLOAT', dec: 'DECIMAL(18,3)', big: 'BIGINT', ts: 'TIMESTAMP', day: 'DATE' };

let wb: Workbench;
beforeAll(async () => {
  wb = await Workbench.open();
  await wb.run(`create table raw (${Object.entries(RAW).map(([n, t]) => `"${n.replaceAll('"', '""')}" ${t}`).join(', ')})`);
});
afterAll(() => wb.close());

describe.each(Object.entries(RAW))('column expressions on a %s column', (column, type) => {
  it('numberExpr with a decimal point and a decimal comma', async () => {
    await expectPlans(wb, `select ${numberExpr(column, type, false)} as x, ${numberExpr(column, type, true)} as y from raw`);
  });

  it('dateExpr with a format to bind and with ISO text', async () => {
    await expectPlans(wb, `select ${dateExpr(column, type, 'fmt', '%d-%m-%Y')} as d from raw`, { fmt: '%d-%m-%Y' });
    await expectPlans(wb, `select ${dateExpr(column, type, 'fmt', '%Y-%m-%d')} as d from raw`, { fmt: '%Y-%m-%d' });
  });

  it('idExpr', async () => {
    await expectPlans(wb, `select ${idExpr(column, type)} as id from raw`);
  });
});
