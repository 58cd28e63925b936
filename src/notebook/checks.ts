/**
 * What a dataset lacks, checked from a notebook cell: a column, a table, enough history. Each check
 * returns a boolean for the cell to branch on and, when something is missing, shows in words what is
 * left out (a Markdown output), so a notebook written on one dataset runs to the end on another.
 */
import type { Workbench } from '../workbench.js';
import { isWorkbenchError } from '../errors.js';
import type { Locale } from '../locale.js';
import { texts } from '../i18n/index.js';
import { quoteIdentifier } from '../sql.js';
import { publishDisplay } from './display.js';

/** Options of the checks. */
export interface CheckOptions {
  /** Language of the note. @defaultValue `'en'` */
  locale?: Locale;
  /** What the notebook leaves out when the check fails, as a noun phrase ("cohorts by country"). */
  skipped?: string;
}

/**
 * Display Markdown as a cell output (plain text outside a kernel).
 * @example showMarkdown('**Note.** No country column.');
 */
export function showMarkdown(markdown: string): void {
  publishDisplay({ data: { 'text/markdown': markdown, 'text/plain': markdown } });
}

/**
 * True when `table` exists in the workbench and has `column`.
 * @example if (await hasColumn(wb, 'transactions', 'country')) …
 */
export async function hasColumn(wb: Workbench, table: string, column: string): Promise<boolean> {
  return (await wb.columns(table)).some((c) => c.name === column);
}

/**
 * True when `table` has every one of `columns`; otherwise shows which are missing and what is left out.
 * @example if (await needColumns(wb, 'customers', ['age_band'], { skipped: 'segments by age band' })) …
 */
export async function needColumns(
  wb: Workbench,
  table: string,
  columns: readonly string[],
  options: CheckOptions = {},
): Promise<boolean> {
  const missing: string[] = [];
  for (const c of columns) if (!(await hasColumn(wb, table, c))) missing.push(c);
  if (missing.length === 0) return true;
  const t = texts(options.locale ?? 'en').analyses.notebook;
  const exists = await wb.hasTable(table);
  showMarkdown(
    exists
      ? t.missingColumns(
          missing.map((c) => `\`${c}\``),
          table,
          options.skipped,
        )
      : t.missingTable(table, options.skipped),
  );
  return false;
}

/**
 * Run a step that the data may not support (a model fit, a comparison needing attributes). A library
 * error about the data or the options (`NO_DATA`, `BAD_OPTION`) is shown in words and gives undefined;
 * any other error is thrown.
 * @example const fit = await attempt(() => clv(wb, { calibrationEnd }), { skipped: 'the holdout check' });
 */
export async function attempt<T>(step: () => Promise<T>, options: CheckOptions = {}): Promise<T | undefined> {
  try {
    return await step();
  } catch (e) {
    if (!isWorkbenchError(e) || (e.code !== 'NO_DATA' && e.code !== 'BAD_OPTION')) throw e;
    showMarkdown(texts(options.locale ?? 'en').analyses.notebook.cannotCompute(e.message, options.skipped));
    return undefined;
  }
}

/** The period of the purchases in a transactions table. */
export interface DataPeriod {
  /** Day of the first purchase (UTC midnight). */
  first: Date;
  /** Day of the last purchase (UTC midnight). */
  last: Date;
  /** Days from the first to the last purchase day. */
  days: number;
}

const DAY = 86_400_000;

/**
 * First and last purchase day (returns left out), before `asOf` when given; undefined without purchases.
 * @example const period = await dataPeriod(wb); // { first, last, days }
 */
export async function dataPeriod(
  wb: Workbench,
  options: { asOf?: Date | undefined; source?: string } = {},
): Promise<DataPeriod | undefined> {
  const source = options.source ?? 'transactions';
  const [row] = await wb.query(
    `select date_trunc('day', min(order_date)) as first, date_trunc('day', max(order_date)) as last
    from ${quoteIdentifier(source)} where not coalesce(is_return, false) and ($asOf::timestamp is null or order_date < $asOf::timestamp)`,
    { asOf: options.asOf ?? null },
  );
  const first = row?.['first'];
  const last = row?.['last'];
  if (!(first instanceof Date) || !(last instanceof Date)) return undefined;
  return { first, last, days: Math.round((last.getTime() - first.getTime()) / DAY) };
}

/**
 * Two as-of dates for comparing segments over time: `to` is `asOf` or the day after the last purchase,
 * `from` is `months` months earlier, moved later when that is before the data has a quarter of its
 * period behind it (so the first date still has customers to score).
 * @example const { from, to } = await comparisonDates(wb, { months: 6 });
 */
export async function comparisonDates(
  wb: Workbench,
  options: { asOf?: Date | undefined; months?: number } = {},
): Promise<{ from: Date; to: Date } | undefined> {
  const period = await dataPeriod(wb, options);
  if (!period) return undefined;
  const to = options.asOf ?? new Date(period.last.getTime() + DAY);
  const wanted = new Date(to);
  wanted.setUTCMonth(wanted.getUTCMonth() - (options.months ?? 6));
  const earliest = new Date(
    period.first.getTime() + Math.ceil((to.getTime() - period.first.getTime()) / DAY / 4) * DAY,
  );
  return { from: wanted < earliest ? earliest : wanted, to };
}

/** The dates of a CLV calibration with a holdout check, from the data's own period. */
export interface HoldoutDates {
  /** The last purchase day (or the day before `asOf`): the end of the data the models may see. */
  lastDay: Date;
  /** `holdoutWeeks` weeks before `lastDay`: the end of the calibration period of the check. */
  calibrationEnd: Date;
  /** True when the calibration period is at least as long as the holdout (else a note was shown). */
  check: boolean;
}

/**
 * Dates for a CLV holdout check: the last day of data, and `holdoutWeeks` before it. When the data's period
 * is too short to calibrate on at least as long as it holds out, shows so and sets `check` to false.
 * Undefined (with a note) when there are no purchases.
 * @example const d = await holdoutDates(wb, { holdoutWeeks: 13 }); if (d?.check) …
 */
export async function holdoutDates(
  wb: Workbench,
  options: { asOf?: Date | undefined; holdoutWeeks: number; locale?: Locale },
): Promise<HoldoutDates | undefined> {
  const t = texts(options.locale ?? 'en').analyses.notebook;
  const period = await dataPeriod(wb, options);
  if (!period) {
    showMarkdown(t.noPurchases);
    return undefined;
  }
  const lastDay = options.asOf ? new Date(options.asOf.getTime() - DAY) : period.last;
  const holdout = Math.max(0, options.holdoutWeeks) * 7 * DAY;
  const calibrationEnd = new Date(lastDay.getTime() - holdout);
  const check = holdout > 0 && calibrationEnd.getTime() - period.first.getTime() >= holdout;
  if (holdout > 0 && !check) showMarkdown(t.tooShortForHoldout(period.days, options.holdoutWeeks));
  return { lastDay, calibrationEnd, check };
}
