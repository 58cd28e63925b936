/**
 * loadSubscriptions: read a file of subscription periods into the canonical `subscriptions` table and
 * report what happened to every row. One row is one period of a subscription at one plan and price; a plan
 * change is a new row that starts the day the previous one ended. Steps, all in DuckDB: sniff → the first
 * rows as text choose the date format and decimal mark → one pass parses and classifies every row into a
 * staging table (rowid = file order) → exact duplicates and overlapping periods are marked → the kept rows
 * become `subscriptions` in one transaction (a failed load leaves the Workbench as it was).
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import { tagResult } from '../inspect.js';
import type { ColumnUse, LoadReport, SetAsideReason } from './load-report.js';
import { columnMarkSql, dateExpr, headerSql, idExpr, idTrimmedSql, isText, moneyNoteExamples, numberExpr, numberStyle } from './parse.js';
import { ID_TRIMMED, loadNotes } from './load-notes.js';
import type { SniffResult } from './sniff.js';
import { sourceRelation, type SourceRelation } from './source.js';
import { checkReplace, countReasons, textExpr as text, requireField, resolveInputMapping, textDateFormat, withSniffedFile } from './input-load.js';
import { markDuplicatesAndOverlaps } from './subscription-overlaps.js';
import { openFarEnds, setAsideFarDates } from './far-dates.js';
import { isoDay } from '../messages/format.js';
import { lineNumbers } from './line-map.js';
import { mrrFromPriceSql, SUBSCRIPTION_HEADERS, type SubscriptionMapping } from './subscription-fields.js';

/** Options for {@link loadSubscriptions}. */
export interface SubscriptionLoadOptions {
  /** Explicit column mapping (wins over recognised headers such as subscription_id, klantnummer, begindatum, prijs). */
  mapping?: SubscriptionMapping;
  /** strptime format of the start and end dates. @defaultValue chosen from a sample (ISO, then day-first, then month-first) */
  dateFormat?: string;
  /** Decimal mark of text amounts. @defaultValue detected from a sample */
  decimal?: ',' | '.';
  /** Load over an existing `subscriptions` table; `false` refuses when there is one. @defaultValue true */
  replace?: boolean;
}

/** Reason order in reports. */
export const SUBSCRIPTION_REASONS: readonly SetAsideReason[] = [
  'repeated_header', 'missing_customer_id', 'missing_subscription_id', 'unparseable_date', 'date_out_of_range', 'end_before_start', 'unparseable_amount', 'invalid_interval',
  'negative_mrr', 'overlapping_period', 'price_change_in_period', 'duplicate',
];

/** The canonical columns, in table order; source columns with these names (any case) are not kept. */
const CANONICAL = ['subscription_id', 'customer_id', 'plan', 'start_date', 'end_date', 'mrr', 'currency'];

const SAMPLE = '_swb_subs_sample';
const STAGED = '_swb_subs_load';

/**
 * Load a subscriptions file (CSV/TSV, also .gz; Parquet; JSON) into the `subscriptions` table:
 * `subscription_id, customer_id, plan, start_date, end_date` (exclusive: the first day no longer paid; NULL =
 * still running)`, mrr DECIMAL(18,4), currency`, then every other source column as loaded. MRR is the `mrr`
 * column, or `price` ÷ months of the billing `interval` (month 1, quarter 3, half year 6, year 12, week 12/52).
 * Rows are set aside with a reason: no customer id, no subscription id, a start (or non-empty end) that does
 * not parse, a start far outside the period of the other starts (the transactions' rule: more than 24 months
 * from the main body), an end on or before the start, an amount that does not parse, an unknown interval, MRR
 * below zero, exact duplicates, and periods that overlap an earlier-starting kept period of the same subscription
 * (the later one is set aside; at another MRR of the same plan as a price change inside a period). An end date far after every other date (a 9999-12-31 "no end") is read as
 * still running, with a note.
 * Without a subscription id column each customer is one subscription (a warning says so).
 * @example const report = await loadSubscriptions(wb, 'abonnementen.csv', { mapping: { plan: 'pakket' } });
 */
export async function loadSubscriptions(wb: Workbench, path: string, options: SubscriptionLoadOptions = {}): Promise<LoadReport> {
  await checkReplace(wb, 'subscriptions', options.replace, path);
  return withSniffedFile(path, async (sniff, sha256) => {
    try {
      return await loadSniffed(wb, path, options, sniff, sha256);
    } finally {
      await wb.run(`DROP TABLE IF EXISTS ${SAMPLE}; DROP TABLE IF EXISTS ${STAGED}`);
    }
  });
}

async function loadSniffed(wb: Workbench, path: string, options: SubscriptionLoadOptions, sniff: SniffResult, sha256: Promise<string>): Promise<LoadReport> {
  const relation = await sourceRelation(wb, sniff, { allVarchar: true });
  const names = relation.columns.map((c) => c.name);
  const typeOf = (column: string | undefined) => relation.columns.find((c) => c.name === column)?.type ?? 'VARCHAR';
  const m = resolveInputMapping(names, path, options.mapping, SUBSCRIPTION_HEADERS);
  const customerId = requireField(m.customerId, 'customer_id', path, names, messages.loadMappingHint('customerId'));
  const start = requireField(m.start, 'start_date', path, names, messages.loadMappingHint('start'));
  const amount = requireField(m.mrr ?? m.price, 'mrr', path, names, messages.loadMrrHint());
  const interval = m.mrr === undefined ? requireField(m.interval, 'interval', path, names, messages.loadIntervalHint(amount)) : undefined;
  const warnings: string[] = [];
  if (m.subscriptionId === undefined) warnings.push(messages.warnSubscriptionPerCustomer());
  const taken = new Set([m.subscriptionId, customerId, m.plan, start, m.end, m.mrr, m.currency].filter((c) => c !== undefined));
  const rest = names.filter((n) => !taken.has(n));
  const shadowed = rest.filter((n) => CANONICAL.includes(n.toLowerCase()) || n.toLowerCase().startsWith('_swb_'));
  if (shadowed.length) warnings.push(messages.warnShadowedColumns(shadowed));
  const extras = rest.filter((n) => !shadowed.includes(n));

  await wb.run(`CREATE OR REPLACE TEMP TABLE ${SAMPLE} AS SELECT * FROM ${relation.from} LIMIT 5000`, relation.params);
  const [{ n: sampled } = { n: 0 }] = await wb.query<{ n: number }>(`SELECT count(*) AS n FROM ${SAMPLE}`);
  if (sampled === 0) throw new WorkbenchError('HEADER_ONLY', messages.headerOnly(path, names), { file: path });
  const textDate = [start, m.end].find((c) => c !== undefined && isText(typeOf(c)));
  const format = textDate === undefined ? '' : await textDateFormat(wb, SAMPLE, textDate, { ...relation, path }, textDate, options.dateFormat, warnings);
  const numeric = isText(typeOf(amount)) ? [amount] : [];
  const style = await numberStyle(wb, SAMPLE, numeric, { from: relation.from, params: relation.params, columns: numeric });
  if (style.ambiguousDot !== undefined && !options.decimal) warnings.push(messages.warnAmbiguousDot(sniff.fileName, style.ambiguousDot));
  const decimalComma = options.decimal ? options.decimal === ',' : style.decimalComma;
  if (decimalComma) warnings.push(messages.warnDecimalComma(sniff.fileName));
  const readMoney = moneyNoteExamples(style, decimalComma);
  if (style.moneyText && readMoney.length) warnings.push(messages.warnMoneyText(sniff.fileName, readMoney));
  if (sniff.encoding === 'latin-1') warnings.push(messages.warnLatin1(sniff.fileName));

  const value = numberExpr(amount, typeOf(amount), decimalComma, style.moneyText);
  await wb.run(stageSql(relation, names, extras, {
    subscriptionId: m.subscriptionId === undefined ? idExpr(customerId, typeOf(customerId)) : idExpr(m.subscriptionId, typeOf(m.subscriptionId)),
    customerId: idExpr(customerId, typeOf(customerId)),
    plan: text(m.plan),
    start: `CAST(${dateExpr(start, typeOf(start), 'fmt', format)} AS DATE)`,
    end: m.end === undefined ? 'NULL::DATE' : `CAST(${dateExpr(m.end, typeOf(m.end), 'fmt', format)} AS DATE)`,
    endGiven: m.end === undefined ? 'false' : `${text(m.end)} IS NOT NULL`,
    amount: value,
    monthly: interval === undefined ? `round(${value}, 4)` : mrrFromPriceSql(value, quoteIdentifier(interval)),
    currency: text(m.currency),
    header: headerSql(customerId, start),
    mark: `CAST((${columnMarkSql(amount, typeOf(amount), style.moneyText)} | CASE WHEN ${idTrimmedSql(customerId, typeOf(customerId))} THEN ${ID_TRIMMED} ELSE 0 END) AS UTINYINT)`,
  }), { ...relation.params, fmt: format, hid: customerId, hdate: start });
  // Before duplicates and overlaps: a start typed as 2100 neither moves the period nor makes another row overlap.
  await setAsideFarDates(wb, { table: STAGED, date: 'start_date', kept: '_swb_reason IS NULL', setAside: "_swb_reason = 'date_out_of_range'" });
  const farEnds = await openFarEnds(wb, STAGED, '_swb_reason IS NULL', relation.rowOffset);
  await markDuplicatesAndOverlaps(wb, STAGED);
  const { rowsRead, setAside: counted } = await countReasons(wb, STAGED, relation.rowOffset, SUBSCRIPTION_REASONS);
  const notes = await loadNotes(wb, STAGED, relation.rowOffset, {
    file: sniff.fileName, column: amount, idColumn: customerId, decimalComma, columns: { reason: '_swb_reason', mark: '_swb_mark' },
  });
  const lines = await lineNumbers(sniff, [...notes.rows, ...farEnds.rows, ...counted.flatMap((s) => s.examples)]);
  const line = (n: number) => lines.get(n) ?? n;
  warnings.push(...notes.texts(line));
  if (farEnds.count > 0 && m.end !== undefined) {
    warnings.push(messages.warnFarEnds(sniff.fileName, m.end, farEnds.count, farEnds.rows.map(line).sort((a, b) => a - b), isoDay(farEnds.first ?? new Date(0))));
  }
  const setAside = counted.map((s) => ({ ...s, examples: s.examples.map(line).sort((a, b) => a - b) }));
  const columns: ColumnUse[] = [
    { field: 'subscription_id', source: m.subscriptionId ?? customerId }, { field: 'customer_id', source: customerId },
    ...(m.plan ? [{ field: 'plan', source: m.plan }] : []), { field: 'start_date', source: start },
    ...(m.end ? [{ field: 'end_date', source: m.end }] : []), { field: 'mrr', source: interval ? messages.mrrFromPrice(amount, interval) : amount },
    ...(m.currency ? [{ field: 'currency', source: m.currency }] : []), ...extras.map((e) => ({ field: e, source: e })),
  ];
  const checksum = await sha256;
  return wb.transaction(async () => {
    const kept = [...CANONICAL, ...extras].map(quoteIdentifier).join(', ');
    await wb.run(`CREATE OR REPLACE TABLE subscriptions AS SELECT ${kept} FROM ${STAGED} WHERE _swb_reason IS NULL
                  ORDER BY customer_id, subscription_id, start_date, rowid`);
    const [s] = await wb.query<{ n: number; customers: number; subscriptions: number; first: Date | null; last: Date | null }>(
      `SELECT count(*) AS n, count(DISTINCT customer_id) AS customers, count(DISTINCT subscription_id) AS subscriptions,
              min(start_date) AS first, max(greatest(start_date, coalesce(end_date, start_date))) AS last FROM subscriptions`);
    return tagResult({
      table: 'subscriptions' as const, source: path, fileName: sniff.fileName, format: sniff.format, sha256: checksum,
      rowsRead, rowsLoaded: s?.n ?? 0, setAside,
      ...(s?.first && s.last ? { dateRange: { first: s.first, last: s.last } } : {}),
      customers: s?.customers ?? 0, subscriptions: s?.subscriptions ?? 0, columns, warnings,
    }, 'LoadReport');
  });
}

type Parsed = Record<'subscriptionId' | 'customerId' | 'plan' | 'start' | 'end' | 'endGiven' | 'amount' | 'monthly' | 'currency' | 'mark' | 'header', string>;

/** One pass over the file: every row parsed and given its set-aside reason (NULL = kept). Helper columns start with `_swb_`. */
function stageSql(relation: SourceRelation, names: readonly string[], extras: readonly string[], p: Parsed): string {
  return `CREATE OR REPLACE TEMP TABLE ${STAGED} AS
    SELECT *, CASE
        WHEN _swb_header THEN 'repeated_header'
        WHEN customer_id IS NULL THEN 'missing_customer_id'
        WHEN subscription_id IS NULL THEN 'missing_subscription_id'
        WHEN start_date IS NULL OR (_swb_end_given AND end_date IS NULL) THEN 'unparseable_date'
        WHEN end_date <= start_date THEN 'end_before_start'
        WHEN _swb_amount IS NULL THEN 'unparseable_amount'
        WHEN _swb_monthly IS NULL THEN 'invalid_interval'
        WHEN _swb_monthly < 0 THEN 'negative_mrr'
        WHEN mrr IS NULL THEN 'unparseable_amount'
      END AS _swb_reason
    FROM (
      SELECT ${p.subscriptionId} AS subscription_id, ${p.customerId} AS customer_id, ${p.plan} AS plan,
        ${p.start} AS start_date, ${p.end} AS end_date, TRY_CAST(_swb_monthly AS DECIMAL(18, 4)) AS mrr, ${p.currency} AS currency,
        ${extras.map((e) => `${quoteIdentifier(e)}, `).join('')}_swb_end_given, _swb_amount, _swb_monthly, _swb_hash, _swb_mark, _swb_header
      FROM (SELECT *, ${p.endGiven} AS _swb_end_given, ${p.amount} AS _swb_amount, ${p.monthly} AS _swb_monthly, ${p.mark} AS _swb_mark, ${p.header} AS _swb_header,
              hash(${names.map(quoteIdentifier).join(', ')}) AS _swb_hash
            FROM ${relation.from}))`;
}

