/**
 * Which columns of a table about to be shown hold customer ids, told by their values rather than their
 * names: `select customer_id as klant` or a subscription id that is the customer id must not show raw ids
 * either. A text column counts as customer ids when every value shown is a customer id of a table of an
 * open Workbench. Only text columns are looked at: DuckDB gives counts and sums as numbers, customer ids
 * as text, and a column of small numbers would match every dense numbering of customers (CDNOW's 1…23,570).
 */
import { openWorkbenches, type Workbench } from '../workbench.js';
import { CUSTOMER_ID_COLUMNS } from '../privacy/pseudonyms.js';

/** Tables whose `customer_id` column holds the customers a notebook may show. */
export const CUSTOMER_TABLES: readonly string[] = ['transactions', 'customers', 'subscriptions', 'events'];

/**
 * The text columns of `rows` whose every non-empty value is a customer id (name-matched columns are left to
 * the name rule). Pure: the look-up of known ids is passed in.
 * @example textColumnsOfIds([{ klant: '12346', n: 3 }], new Set(['12346'])) // Set { 'klant' }
 */
export function textColumnsOfIds(
  rows: ReadonlyArray<Record<string, unknown>>,
  known: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  for (const [label, values] of candidateColumns(rows))
    if (values.size > 0 && [...values].every((v) => known.has(v))) out.add(label);
  return out;
}

/** Columns not named as customer ids whose non-empty values are all strings, with those values. */
function candidateColumns(rows: ReadonlyArray<Record<string, unknown>>): Map<string, Set<string>> {
  const columns = new Map<string, Set<string>>();
  const rejected = new Set<string>();
  for (const row of rows) {
    for (const [label, v] of Object.entries(row)) {
      if (rejected.has(label) || CUSTOMER_ID_COLUMNS.has(label) || v === null || v === undefined || v === '') continue;
      if (typeof v !== 'string') {
        rejected.add(label);
        columns.delete(label);
        continue;
      }
      let values = columns.get(label);
      if (!values) columns.set(label, (values = new Set()));
      values.add(v);
    }
  }
  return columns;
}

/** The values among `values` that are a customer id in a table of `wb` (one query; tables without customer_id skipped). */
async function knownIn(wb: Workbench, values: readonly string[]): Promise<string[]> {
  const tables: string[] = [];
  for (const t of CUSTOMER_TABLES) if ((await wb.columns(t)).some((c) => c.name === 'customer_id')) tables.push(t);
  if (tables.length === 0) return [];
  const ids = tables.map((t) => `select customer_id::varchar as id from ${t}`).join(' union all ');
  const rows = await wb.query<{ v: string }>(
    `select v from (select unnest(from_json($values, '["VARCHAR"]')) as v) where v in (${ids})`,
    { values: JSON.stringify(values) },
  );
  return rows.map((r) => r.v);
}

/**
 * The columns of `rows` that hold customer ids by their values, looked up in every open Workbench
 * (none open: an empty set, and the name rule alone applies).
 * @example await idColumnsByValue(await wb.query('select customer_id as klant from rfm limit 5')) // Set { 'klant' }
 */
export async function idColumnsByValue(
  rows: ReadonlyArray<Record<string, unknown>>,
  workbenches: readonly Workbench[] = openWorkbenches(),
): Promise<Set<string>> {
  const columns = candidateColumns(rows);
  const values = [...new Set([...columns.values()].flatMap((s) => [...s]))];
  if (values.length === 0 || workbenches.length === 0) return new Set();
  const known = new Set<string>();
  // A failing look-up fails the show: better no table than raw ids.
  for (const wb of workbenches) for (const v of await knownIn(wb, values)) known.add(v);
  return textColumnsOfIds(rows, known);
}
