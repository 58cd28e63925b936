/**
 * Examples in messages name a customer by where the analyst can find them, not by their id: a message ends
 * up in notebook outputs, logs and tickets, which are shared like reports. The line number of the
 * customer's first row in the transactions file points at the same customer for whoever has the file,
 * and tells nothing to whoever does not.
 */
import type { Workbench } from '../workbench.js';

/**
 * The line number in the transactions file of each customer's first row (`transactions.source_row`), in
 * the order of `ids`; null for a customer without transaction rows or when there is no such table.
 * @example await firstRowsOf(wb, ['12346']) // [61620]
 */
export async function firstRowsOf(wb: Workbench, ids: readonly string[]): Promise<Array<number | null>> {
  if (ids.length === 0) return [];
  const columns = await wb.columns('transactions');
  if (!columns.some((c) => c.name === 'source_row') || !columns.some((c) => c.name === 'customer_id'))
    return ids.map(() => null);
  const rows = await wb.query<{ id: string; row: number | bigint | null }>(
    `select customer_id::varchar as id, min(source_row) as row from transactions
     where customer_id::varchar in (select unnest(from_json($ids, '["VARCHAR"]'))) group by 1`,
    { ids: JSON.stringify(ids) },
  );
  const byId = new Map(rows.map((r) => [r.id, r.row === null ? null : Number(r.row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * The customers of `ids` as a reader may see them: `line 61,620 of the transactions file` for each,
 * `a customer without transaction rows` where there is none (never the id itself).
 * @example await customerExamples(wb, ['12346', '12347']) // 'lines 61,620 and 14,939 of the transactions file'
 */
export async function customerExamples(wb: Workbench, ids: readonly string[]): Promise<string> {
  const rows = (await firstRowsOf(wb, ids)).filter((r): r is number => r !== null);
  const missing = ids.length - rows.length;
  const lines = rows.map((r) => r.toLocaleString('en'));
  const found =
    lines.length === 0
      ? ''
      : `${lines.length === 1 ? 'line' : 'lines'} ${lines.length === 1 ? lines[0] : `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`} of the transactions file`;
  const without =
    missing === 0
      ? ''
      : missing === 1
        ? 'a customer without transaction rows'
        : `${missing} customers without transaction rows`;
  return [found, without].filter(Boolean).join('; ');
}
