/**
 * loadCustomers: read a customers file (one row per customer, with attributes for demographic,
 * geographic, technographic and value segmentation) into the `customers` table. Attribute columns
 * keep the types DuckDB detects; the id becomes `customer_id` (text). Rows without an id and
 * repeated ids are set aside and reported.
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import { recogniseColumns } from './fields.js';
import type { LoadReport, SetAside } from './load-report.js';
import { idExpr } from './parse.js';
import { sha256File, sniffFile } from './sniff.js';
import { sourceRelation } from './source.js';

/** Options for {@link loadCustomers}. */
export interface CustomerLoadOptions {
  /** Column holding the customer id. @defaultValue recognised from the header (CustomerID, klantnummer, …) */
  idColumn?: string;
}

/**
 * Load a customers file into the `customers` table, replacing any previous one.
 * @example await loadCustomers(wb, 'data/sample-customers.csv')
 */
export async function loadCustomers(wb: Workbench, path: string, options: CustomerLoadOptions = {}): Promise<LoadReport> {
  const sniff = await sniffFile(path);
  const sha256 = await sha256File(path);
  const decimalComma = sniff.delimiter === ';' && /\d,\d/.test(sniff.head);
  const relation = await sourceRelation(wb, sniff, { allVarchar: false, decimalComma });
  const names = relation.columns.map((c) => c.name);
  const idColumn = options.idColumn ?? recogniseColumns(names).customerId;
  if (idColumn === undefined) {
    throw new WorkbenchError('MISSING_FIELD', messages.missingField('customer_id', path, names, messages.missingIdHint()), { file: path, columns: names });
  }
  if (!names.includes(idColumn)) {
    throw new WorkbenchError('UNKNOWN_COLUMN', messages.unknownColumn('idColumn', idColumn, path, names), { file: path, column: idColumn });
  }
  const idType = relation.columns.find((c) => c.name === idColumn)?.type ?? 'VARCHAR';
  const others = names.filter((n) => n !== idColumn && n !== 'customer_id').map(quoteIdentifier);
  try {
    await wb.run(
      `CREATE OR REPLACE TEMP TABLE _swb_cust AS SELECT ${idExpr(idColumn, idType)} AS customer_id${others.length ? ', ' + others.join(', ') : ''} FROM ${relation.from}`,
      relation.params,
    );
    return await wb.transaction(async () => {
      const [{ n: rowsRead } = { n: 0 }] = await wb.query<{ n: number }>('SELECT count(*) AS n FROM _swb_cust');
      if (rowsRead === 0) throw new WorkbenchError('HEADER_ONLY', messages.headerOnly(path, names), { file: path });
      await wb.run(`CREATE OR REPLACE TEMP TABLE _swb_cust_n AS
        SELECT *, rowid + ${relation.rowOffset} AS _row, row_number() OVER (PARTITION BY customer_id ORDER BY rowid) AS _k FROM _swb_cust`);
      const reasons = await wb.query<{ reason: 'missing_customer_id' | 'duplicate'; count: number; examples: number[] }>(`
        SELECT CASE WHEN customer_id IS NULL THEN 'missing_customer_id' ELSE 'duplicate' END AS reason, count(*) AS count,
               list(_row ORDER BY _row)[1:5] AS examples
        FROM _swb_cust_n WHERE customer_id IS NULL OR _k > 1 GROUP BY ALL ORDER BY reason DESC`);
      await wb.run(`CREATE OR REPLACE TABLE customers AS SELECT * EXCLUDE (_row, _k) FROM _swb_cust_n
                    WHERE customer_id IS NOT NULL AND _k = 1 ORDER BY _row`);
      const [{ n: rowsLoaded } = { n: 0 }] = await wb.query<{ n: number }>('SELECT count(*) AS n FROM customers');
      const setAside: SetAside[] = reasons.map((r) => ({ reason: r.reason, count: r.count, examples: r.examples.map(Number) }));
      return {
        table: 'customers' as const, source: path, fileName: sniff.fileName, format: sniff.format, sha256,
        rowsRead, rowsLoaded, setAside, customers: rowsLoaded,
        columns: [{ field: 'customer_id', source: idColumn }, ...names.filter((n) => n !== idColumn).map((n) => ({ field: n, source: n }))],
        warnings: sniff.encoding === 'latin-1' ? [messages.warnLatin1(sniff.fileName)] : [],
      };
    });
  } finally {
    await wb.run('DROP TABLE IF EXISTS _swb_cust; DROP TABLE IF EXISTS _swb_cust_n');
  }
}
