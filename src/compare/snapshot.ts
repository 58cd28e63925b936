/**
 * Customer-level snapshots of a run, for the analyst (never in the HTML): each customer's segment per grouping
 * under the pseudonym `show` uses (`K-…`, keyed by `SWB_PSEUDONYM_KEY` or the per-user key), written as Parquet
 * atomically; and the moves between a previous snapshot and this run, counted in SQL (who is new, who is gone,
 * who moved from which segment to which). Snapshots compare only under the same pseudonym key.
 */
import { quoteIdentifier } from '../sql.js';
import type { QueryParam, Workbench } from '../workbench.js';
import { copyAtomically } from '../export/write.js';
import { pseudonymSql } from '../privacy/pseudonym-sql.js';
import { WorkbenchError } from '../errors.js';
import { compareMessages } from './messages.js';

/** One grouping of this run as a table of customers: `customer_id` and the segment expression. */
export interface SnapshotSource {
  /** Grouping id (`rfm`, `valueTiers`, `clusters`), as in the embedded results. */
  id: string;
  /** Table with one row per customer and a `customer_id` column. */
  table: string;
  /** Column holding the segment key (`segment`), or for clusters `cluster` with `names`. */
  column: string;
  /** Segment keys by the column's value, when the column holds numbers (clusters: their English names). @defaultValue the column as text */
  names?: ReadonlyArray<readonly [number, string]>;
}

/** Counts of one grouping between a snapshot and this run. */
export interface GroupingMoves {
  /** Grouping id. */
  id: string;
  /** Customers in both, by segment then and now (stayed where `from === to`), largest first. */
  flows: Array<{ from: string; to: string; customers: number }>;
  /** Customers now who are not in the snapshot. */
  new: number;
  /** Customers in the snapshot who are not here now. */
  lost: number;
  /** Customers in both in the same segment. */
  stayed: number;
  /** Customers in both in another segment. */
  moved: number;
}

/** The moves of every grouping in both. */
export interface SnapshotMoves {
  /** As-of date of the snapshot (`YYYY-MM-DD`). */
  asOf: string;
  /** Per grouping. */
  groupings: GroupingMoves[];
}

/** One `select` of (customer pseudonym, grouping, segment) over every source. */
function currentSql(sources: readonly SnapshotSource[], params: Record<string, QueryParam>): string {
  const p = pseudonymSql('t.customer_id');
  Object.assign(params, p.params);
  return sources
    .map((s, i) => {
      params[`swb_g${i}`] = s.id;
      const col = `t.${quoteIdentifier(s.column)}`;
      if (!s.names)
        return `select ${p.sql} as customer, $swb_g${i} as grouping, ${col}::varchar as segment from ${quoteIdentifier(s.table)} t`;
      const values = s.names.map(([n, name], j) => {
        params[`swb_n${i}_${j}`] = n;
        params[`swb_k${i}_${j}`] = name;
        return `($swb_n${i}_${j}, $swb_k${i}_${j})`;
      });
      return `select ${p.sql} as customer, $swb_g${i} as grouping, coalesce(n.name, ${col}::varchar) as segment
from ${quoteIdentifier(s.table)} t left join (values ${values.join(', ')}) n(num, name) on n.num = ${col}`;
    })
    .join('\nunion all\n');
}

/**
 * Write each customer's segment per grouping (pseudonymised) to a Parquet file, atomically. Returns its absolute path.
 * Columns: `customer` (pseudonym), `grouping`, `segment`, `as_of`; ordered by grouping and customer.
 * @throws WorkbenchError `WRITE_FAILED` when the path is not a regular file or its folder cannot be written.
 * @example await writeSnapshot(wb, [{ id: 'rfm', table: 'rfm', column: 'segment' }], { out: 'snapshots/2011-09.parquet', asOf });
 */
export async function writeSnapshot(
  wb: Workbench,
  sources: readonly SnapshotSource[],
  options: { out: string; asOf: Date },
): Promise<string> {
  const params: Record<string, QueryParam> = { swb_as_of: options.asOf.toISOString().slice(0, 10) };
  const sql = `select customer, grouping, segment, $swb_as_of::date as as_of from (${currentSql(sources, params)}) order by grouping, customer`;
  return copyAtomically(wb, sql, params, options.out, { format: 'parquet' }, 'the snapshot');
}

/** The as-of date of a snapshot file, checking that it is one. */
async function snapshotAsOf(wb: Workbench, path: string): Promise<string> {
  try {
    const head = await wb.query(
      `select min(as_of)::varchar as as_of, count(customer) as n, count(grouping) + count(segment) as g from read_parquet($swb_path)`,
      { swb_path: path },
    );
    return String(head[0]?.['as_of'] ?? '');
  } catch (e) {
    throw new WorkbenchError('NOT_A_REPORT', compareMessages.notSnapshot(path), { file: path, cause: e });
  }
}

/** Count the flows between `before` and `now_` (both `customer, grouping, segment`) for the groupings `ids`. */
async function countMoves(
  wb: Workbench,
  nowSql: string,
  beforeSql: string,
  params: Record<string, QueryParam>,
  ids: readonly string[],
): Promise<GroupingMoves[]> {
  const rows = await wb.query(
    `with now_ as (${nowSql}),
before as (${beforeSql}),
pairs as (
  select coalesce(n.grouping, b.grouping) as grouping, b.segment as from_, n.segment as to_
  from now_ n full join before b on b.customer = n.customer and b.grouping = n.grouping
  where coalesce(n.grouping, b.grouping) in (select distinct grouping from now_)
)
select grouping, from_, to_, count(*)::bigint as customers from pairs
group by all order by grouping, customers desc, from_ nulls first, to_ nulls first`,
    params,
  );
  return ids.map((id): GroupingMoves => {
    const mine = rows.filter((r) => r['grouping'] === id);
    const n = (r: (typeof mine)[number]) => Number(r['customers']);
    const flows = mine
      .filter((r) => r['from_'] !== null && r['to_'] !== null)
      .map((r) => ({ from: String(r['from_']), to: String(r['to_']), customers: n(r) }));
    return {
      id,
      flows,
      new: mine.filter((r) => r['from_'] === null).reduce((a, r) => a + n(r), 0),
      lost: mine.filter((r) => r['to_'] === null).reduce((a, r) => a + n(r), 0),
      stayed: flows.filter((f) => f.from === f.to).reduce((a, f) => a + f.customers, 0),
      moved: flows.filter((f) => f.from !== f.to).reduce((a, f) => a + f.customers, 0),
    };
  });
}

/**
 * Count the moves between a snapshot ({@link writeSnapshot}) and this run's groupings, in SQL.
 * @throws WorkbenchError `NOT_A_REPORT` when the file is not a snapshot (no `customer`, `grouping`, `segment`).
 * @example const moves = await snapshotMoves(wb, sources, 'snapshots/2011-09.parquet');
 */
export async function snapshotMoves(
  wb: Workbench,
  sources: readonly SnapshotSource[],
  path: string,
): Promise<SnapshotMoves> {
  const asOf = await snapshotAsOf(wb, path);
  const params: Record<string, QueryParam> = { swb_path: path };
  const now = currentSql(sources, params);
  const before = 'select customer, grouping, segment from read_parquet($swb_path)';
  return {
    asOf,
    groupings: await countMoves(
      wb,
      now,
      before,
      params,
      sources.map((s) => s.id),
    ),
  };
}

/**
 * Count the moves between two snapshot files (the previous one first), in SQL, for every grouping of the newer
 * one: what `swb compare --snapshots OLD.parquet,NEW.parquet` prints. Both must be written under the same
 * pseudonym key (else every customer reads as new and gone). `asOf` is the previous snapshot's.
 * @throws WorkbenchError `NOT_A_REPORT` when a file is not a snapshot.
 * @example const moves = await snapshotFileMoves(wb, 'snapshots/2011-09.parquet', 'snapshots/2011-12.parquet');
 */
export async function snapshotFileMoves(
  wb: Workbench,
  before: string,
  after: string,
): Promise<SnapshotMoves & { asOfAfter: string }> {
  const asOf = await snapshotAsOf(wb, before);
  const asOfAfter = await snapshotAsOf(wb, after);
  const params: Record<string, QueryParam> = { swb_before: before, swb_after: after };
  const ids = (
    await wb.query('select distinct grouping from read_parquet($swb_after) order by grouping', { swb_after: after })
  ).map((r) => String(r['grouping']));
  const groupings = await countMoves(
    wb,
    'select customer, grouping, segment from read_parquet($swb_after)',
    'select customer, grouping, segment from read_parquet($swb_before)',
    params,
    ids,
  );
  return { asOf, asOfAfter, groupings };
}
