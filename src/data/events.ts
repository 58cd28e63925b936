/**
 * loadEvents: read product usage events (tens of millions of rows) into the canonical `events` table. The
 * rows stream through DuckDB: one CREATE TABLE AS over the file parses every row (its rowid follows file
 * order; the file's checksum is taken beside it) and gives each a set-aside reason as a one-byte code, the
 * reasons are counted with bounded aggregates (first five row numbers each), the set-aside rows are deleted
 * in place and the code column dropped, and the table is renamed to `events` in one transaction.
 */
import { WorkbenchError } from '../errors.js';
import { tagResult } from '../inspect.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import type { ColumnUse, LoadReport, SetAsideReason } from './load-report.js';
import { dateExpr, headerSql, idExpr, isText } from './parse.js';
import type { SniffResult } from './sniff.js';
import { typedFrom, sourceRelation, type SourceRelation } from './source.js';
import {
  checkReplace, countReasons, textExpr as text, ISO_DATE_FORMATS, requireField, resolveInputMapping, textDateFormat, withSniffedFile,
} from './input-load.js';
import { EVENT_HEADERS, type EventMapping } from './subscription-fields.js';
import { setAsideFarDates } from './far-dates.js';
import { examplesAsLines } from './line-map.js';

/** Options for {@link loadEvents}. */
export interface EventLoadOptions {
  /** Explicit column mapping (wins over recognised headers such as user_id, timestamp, event_name, platform). */
  mapping?: EventMapping;
  /** strptime format of the event time. @defaultValue chosen from a sample (ISO, then day-first, then month-first) */
  dateFormat?: string;
  /** Load over an existing `events` table; `false` refuses when there is one. @defaultValue true */
  replace?: boolean;
}

/** Reason order in reports. */
export const EVENT_REASONS: readonly SetAsideReason[] = ['repeated_header', 'missing_customer_id', 'unparseable_date', 'date_out_of_range', 'missing_event'];

/** The one-byte codes of `_swb_reason`: 0 = kept, else 1 + the index here. */
const EVENT_CODES: readonly SetAsideReason[] = ['missing_customer_id', 'unparseable_date', 'missing_event', 'date_out_of_range', 'repeated_header'];
const REPEATED_HEADER = EVENT_CODES.indexOf('repeated_header') + 1;
const OUT_OF_RANGE = EVENT_CODES.indexOf('date_out_of_range') + 1;

const SAMPLE = '_swb_events_sample';
/** A regular table (not TEMP), so that it can become `events` by a rename without a second copy of the rows. */
const STAGED = '_swb_events_load';

/**
 * Load an events file (CSV/TSV, also .gz; Parquet; JSON) into the `events` table: `customer_id, event_time
 * TIMESTAMP, event_name, platform, device, app_version` (text, trimmed, kept as given; NULL when absent);
 * other columns are dropped. Rows without a customer id, with a time that does not parse or far outside the
 * period of the other events (the transactions' rule: more than 24 months from the main body), or without an
 * event name are set aside. Identical rows are all kept: several equal events in one second can be real
 * (a double click, a retried call), and only the source can tell a duplicate.
 * @example const report = await loadEvents(wb, 'events.csv.gz', { mapping: { time: 'occurred' } });
 */
export async function loadEvents(wb: Workbench, path: string, options: EventLoadOptions = {}): Promise<LoadReport> {
  await checkReplace(wb, 'events', options.replace, path);
  return withSniffedFile(path, async (sniff, sha256) => {
    try {
      return await loadSniffed(wb, path, options, sniff, sha256);
    } finally {
      await wb.run(`DROP TABLE IF EXISTS ${SAMPLE}; DROP TABLE IF EXISTS ${STAGED}`);
    }
  });
}

async function loadSniffed(wb: Workbench, path: string, options: EventLoadOptions, sniff: SniffResult, sha256: Promise<string>): Promise<LoadReport> {
  const relation = await sourceRelation(wb, sniff, { allVarchar: true });
  const names = relation.columns.map((c) => c.name);
  const m = resolveInputMapping(names, path, options.mapping, EVENT_HEADERS);
  const customerId = requireField(m.customerId, 'customer_id', path, names, messages.loadMappingHint('customerId'));
  const time = requireField(m.time, 'event_time', path, names, messages.loadMappingHint('time'));
  const event = requireField(m.event, 'event_name', path, names, messages.loadMappingHint('event'));
  const warnings: string[] = [];
  const usedColumns = new Set(Object.values(m));
  const ignored = names.filter((n) => !usedColumns.has(n));
  if (ignored.length) warnings.push(messages.warnIgnoredColumns(ignored));
  if (sniff.encoding === 'latin-1') warnings.push(messages.warnLatin1(sniff.fileName));

  await wb.run(`CREATE OR REPLACE TEMP TABLE ${SAMPLE} AS SELECT ${quoteIdentifier(time)} FROM ${relation.from} LIMIT 5000`, relation.params);
  const [{ n: sampled } = { n: 0 }] = await wb.query<{ n: number }>(`SELECT count(*) AS n FROM ${SAMPLE}`);
  if (sampled === 0) throw new WorkbenchError('HEADER_ONLY', messages.headerOnly(path, names), { file: path });
  const timeType = relation.columns.find((c) => c.name === time)?.type ?? 'VARCHAR';
  const format = isText(timeType) ? await textDateFormat(wb, SAMPLE, time, { ...relation, path }, time, options.dateFormat, warnings) : '';

  const idType = relation.columns.find((c) => c.name === customerId)?.type ?? 'VARCHAR';
  const build = (source: SourceRelation, type: string) =>
    wb.run(stageSql(source.from, m, { customerId, idType, time, timeType: type, event }, format), { ...source.params, fmt: format, hid: customerId, hdate: time });
  // ISO times read typed are parsed by the CSV reader itself; one cell it cannot take fails the read: repeat it as text.
  const typed = ISO_DATE_FORMATS.has(format) ? typedFrom(relation, sniff, relation.columns.map((c) => (c.name === time ? 'TIMESTAMP' : 'VARCHAR'))) : undefined;
  if (typed) await build(typed, 'TIMESTAMP').catch(() => build(relation, timeType));
  else await build(relation, timeType);

  await setAsideFarDates(wb, { table: STAGED, date: 'event_time', kept: '_swb_reason = 0', setAside: `_swb_reason = ${OUT_OF_RANGE}` });
  const { rowsRead, setAside: counted } = await countReasons(wb, STAGED, relation.rowOffset, EVENT_REASONS, EVENT_CODES);
  const setAside = await examplesAsLines(sniff, counted);
  if (setAside.length) await wb.run(`DELETE FROM ${STAGED} WHERE _swb_reason > 0`);
  await wb.run(`ALTER TABLE ${STAGED} DROP COLUMN _swb_reason`);
  // Distinct customers as the groups of a GROUP BY: about twice as fast as count(DISTINCT) over 50M rows.
  const [s] = await wb.query<{ n: number; customers: number; first: Date | null; last: Date | null }>(
    `SELECT count(*) AS n, (SELECT count(*) FROM (SELECT customer_id FROM ${STAGED} GROUP BY customer_id)) AS customers,
       min(event_time) AS first, max(event_time) AS last FROM ${STAGED}`);
  const columns: ColumnUse[] = (['customerId', 'time', 'event', 'platform', 'device', 'appVersion'] as const)
    .filter((k) => m[k] !== undefined).map((k) => ({ field: FIELDS[k], source: m[k] as string }));
  const checksum = await sha256;
  await wb.transaction(() => wb.run(`DROP TABLE IF EXISTS events; ALTER TABLE ${STAGED} RENAME TO events`));
  return tagResult({
    table: 'events' as const, source: path, fileName: sniff.fileName, format: sniff.format, sha256: checksum,
    rowsRead, rowsLoaded: s?.n ?? 0, setAside,
    ...(s?.first && s.last ? { dateRange: { first: s.first, last: s.last } } : {}),
    customers: s?.customers ?? 0, columns, warnings,
  }, 'LoadReport');
}

const FIELDS: Readonly<Record<keyof EventMapping, string>> = {
  customerId: 'customer_id', time: 'event_time', event: 'event_name', platform: 'platform', device: 'device', appVersion: 'app_version',
};

/**
 * The one pass over the file: the parsed columns in table order and the set-aside reason `_swb_reason`: 0 = kept,
 * else 1 + its index in {@link EVENT_CODES}.
 */
function stageSql(
  from: string, m: EventMapping, c: { customerId: string; idType: string; time: string; timeType: string; event: string }, format: string,
): string {
  // A text id is read as any text field (idExpr would trim every value); numbers go through idExpr.
  const id = isText(c.idType) ? text(c.customerId) : idExpr(c.customerId, c.idType);
  return `CREATE OR REPLACE TABLE ${STAGED} AS
    SELECT * EXCLUDE (_swb_header), CAST(CASE WHEN _swb_header THEN ${REPEATED_HEADER}
        WHEN customer_id IS NULL THEN 1 WHEN event_time IS NULL THEN 2 WHEN event_name IS NULL THEN 3 ELSE 0 END AS UTINYINT) AS _swb_reason
    FROM (SELECT ${id} AS customer_id, CAST(${dateExpr(c.time, c.timeType, 'fmt', format)} AS TIMESTAMP) AS event_time,
      ${text(c.event)} AS event_name, ${text(m.platform)} AS platform, ${text(m.device)} AS device, ${text(m.appVersion)} AS app_version,
      ${headerSql(c.customerId, c.time, false)} AS _swb_header
      FROM ${from})`;
}
