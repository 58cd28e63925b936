/**
 * The SELECT behind a segment export, pure so its text can be read and EXPLAIN-ed in tests. Labels are
 * bound as parameters (they are words, and a user's segment map may hold any text); table names pass
 * through the quoting helper.
 */
import { quoteIdentifier } from '../sql.js';
import type { QueryParam } from '../workbench.js';

/** The label of one key of one column of the export. */
export interface ExportLabel {
  kind: 'rfm' | 'cluster' | 'tier' | 'clv';
  key: string;
  label: string;
}

/** Tables and presentation of {@link exportSelectSql}. */
export interface ExportSqlOptions {
  /** RFM per-customer table (the rows of the export). */
  rfm: string;
  /** Cluster table (`customer_id, cluster`). @defaultValue none: no cluster columns */
  clusters?: string;
  /** Value-tier segment table (`customer_id, segment, …`). @defaultValue none: no tier columns */
  tiers?: string;
  /** CLV per-customer table. @defaultValue none: no CLV columns */
  clv?: string;
  /** Labels of the keys. */
  labels: readonly ExportLabel[];
  /** Numbers as text with a decimal comma (for `;`-separated CSV). @defaultValue false */
  decimalComma?: boolean;
  /**
   * Text cells that a spreadsheet would run as a formula (they begin with `=`, `+`, `-`, `@`, a tab or a
   * carriage return) get a leading `'`, as OWASP advises for CSV files; number columns are never touched.
   * For CSV; Parquet keeps values exact. @defaultValue false
   */
  neutralise?: boolean;
  /**
   * A snapshot (`swb report --snapshot`): adds `previous_rfm_segment`, each customer's RFM segment key in it
   * (empty: not in it, a new customer), matched on the pseudonym. @defaultValue none
   */
  previous?: { path: string; pseudonym: { sql: string; params: Record<string, QueryParam> } };
}

/** RE2 class of the first characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection). */
const FORMULA_START = '^[=+\\-@\\t\\r]';

/** SQL: `expr` (text) with a leading `'` when it begins like a formula. */
export function neutraliseSql(expr: string): string {
  return `case when regexp_matches(${expr}, '${FORMULA_START}') then '''' || ${expr} else ${expr} end`;
}

/** Build the export query: one row per customer of the RFM table, ordered by customer id. */
export function exportSelectSql(o: ExportSqlOptions): {
  sql: string;
  params: Record<string, QueryParam>;
  columns: string[];
  formulaCountSql: string;
} {
  const params: Record<string, QueryParam> = {};
  const values = o.labels.map((l, i) => {
    Object.assign(params, { [`lk${i}`]: l.kind, [`lkey${i}`]: l.key, [`ll${i}`]: l.label });
    return `($lk${i}, $lkey${i}, $ll${i})`;
  });
  const labels = values.length
    ? `(select * from (values ${values.join(', ')}) as v(kind, key, label))`
    : '(select null::varchar as kind, null::varchar as key, null::varchar as label where false)';
  // Money and probabilities at a fixed number of decimals; with a decimal comma they become text, as Dutch Excel reads them.
  const num = (expr: string, digits: number, name: string): string =>
    o.decimalComma
      ? `replace(cast(cast(round(${expr}, ${digits}) as decimal(18, ${digits})) as varchar), '.', ',') as ${name}`
      : `round(${expr}, ${digits})::double as ${name}`;
  // Text cells: the ids, keys and labels (a user's segment map may hold any text).
  const texts: Array<[string, string]> = [];
  const text = (expr: string, name: string): string => {
    texts.push([expr, name]);
    return `${o.neutralise ? neutraliseSql(expr) : expr} as ${name}`;
  };
  const cols = [
    text('r.customer_id', 'customer_id'),
    text('r.segment', 'rfm_segment'),
    text('lr.label', 'rfm_segment_label'),
    'r.r',
    'r.f',
    'r.m',
    'r.recency_days',
    'r.frequency',
    num('r.monetary', 2, 'monetary'),
  ];
  const joins = [`left join labels lr on lr.kind = 'rfm' and lr.key = r.segment`];
  if (o.clusters) {
    cols.push('c.cluster', text('lc.label', 'cluster_label'));
    joins.push(
      `left join ${quoteIdentifier(o.clusters)} c on c.customer_id = r.customer_id`,
      `left join labels lc on lc.kind = 'cluster' and lc.key = cast(c.cluster as varchar)`,
    );
  }
  if (o.tiers) {
    cols.push(text('t.segment', 'value_tier'), text('lt.label', 'value_tier_label'));
    joins.push(
      `left join ${quoteIdentifier(o.tiers)} t on t.customer_id = r.customer_id`,
      `left join labels lt on lt.kind = 'tier' and lt.key = t.segment`,
    );
  }
  if (o.clv) {
    cols.push(
      text('v.clv_tier', 'clv_band'),
      text('lv.label', 'clv_band_label'),
      num('v.clv', 2, 'clv'),
      num('v.p_alive', 4, 'p_alive'),
    );
    joins.push(
      `left join ${quoteIdentifier(o.clv)} v on v.customer_id = r.customer_id`,
      `left join labels lv on lv.kind = 'clv' and lv.key = v.clv_tier`,
    );
  }
  if (o.previous) {
    cols.push(text('p.segment', 'previous_rfm_segment'));
    Object.assign(params, o.previous.pseudonym.params, { swb_prev: o.previous.path });
    joins.push(
      `left join (select customer, segment from read_parquet($swb_prev) where grouping = 'rfm') p on p.customer = ${o.previous.pseudonym.sql}`,
    );
  }
  const from = `from ${quoteIdentifier(o.rfm)} r
${joins.join('\n')}`;
  const sql = `with labels as ${labels}
select ${cols.join(', ')}
${from}
order by r.customer_id`;
  const columns = cols.map((c) => /\bas (\w+)$/.exec(c)?.[1] ?? c.replace(/^\w+\./, ''));
  // Cells that begin like a formula, per text column (the same params): what the export says it neutralised.
  const formulaCountSql = `with labels as ${labels}
select ${texts.map(([expr, name]) => `count(*) filter (where regexp_matches(${expr}, '${FORMULA_START}'))::bigint as ${name}`).join(', ')}
${from}`;
  return { sql, params, columns, formulaCountSql };
}
