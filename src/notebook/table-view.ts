/**
 * Tables for notebooks: row objects, arquero tables and ReportTables all become one `TableView`
 * (formatted cell text, a row limit, the full row count), rendered as escaped HTML or plain text.
 * Pure: no kernel, no I/O.
 */
import { texts } from '../i18n/index.js';
import { formatNumber, intlTag, isoDate, type Locale } from '../locale.js';
import { escapeHtml } from '../report/escape.js';
import type { ReportTable } from '../report/section.js';
import { CUSTOMER_ID_COLUMNS, defaultPseudonyms, type Pseudonyms } from '../privacy/pseudonyms.js';

/** What `show` needs from an arquero table (duck-typed, so arquero stays an implementation detail). */
export interface TableLike {
  numRows(): number;
  columnNames(): string[];
  objects(options?: { limit?: number }): object[];
}

/** Options for table display. */
export interface TableViewOptions {
  /** Locale for number formatting and the row-count line. @defaultValue `'en'` */
  locale?: Locale;
  /** Most rows shown; the row-count line says how many there are. @defaultValue 20 */
  limit?: number;
  /** Decimals for non-integer numbers in row objects. @defaultValue 2 */
  digits?: number;
  /** Caption above the table. @defaultValue none (a ReportTable's own caption) */
  caption?: string;
  /**
   * Show customer ids as they are; otherwise columns of customer ids show pseudonyms: those named
   * `customer_id`/`customerId` and those in `idColumns`. @defaultValue false
   */
  showIds?: boolean;
  /** More columns holding customer ids, whatever their names (`show` finds them by their values). @defaultValue none */
  idColumns?: ReadonlySet<string>;
  /** Pseudonymiser for customer ids (every pseudonymiser of the process shares one key). @defaultValue a per-process one */
  pseudonyms?: Pseudonyms;
}

/** A table ready to render: formatted cells, the first `limit` rows, the total count. */
export interface TableView {
  caption?: string;
  columns: Array<{ label: string; numeric: boolean }>;
  rows: string[][];
  totalRows: number;
  note?: string;
  locale: Locale;
}

/** Default row limit for tables in notebooks. */
export const DEFAULT_ROW_LIMIT = 20;

/** True for an arquero-like table. */
export function isTableLike(x: unknown): x is TableLike {
  const t = x as Partial<TableLike> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof t?.numRows === 'function' &&
    typeof t.columnNames === 'function' &&
    typeof t.objects === 'function'
  );
}

/** True for a ReportTable (caption, columns and pre-formatted string rows). */
export function isReportTable(x: unknown): x is ReportTable {
  const t = x as Partial<ReportTable> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof t?.caption === 'string' &&
    Array.isArray(t.columns) &&
    Array.isArray(t.rows)
  );
}

/** Format one cell value of a row object for display (numbers with `digits` decimals). */
export function formatCell(value: unknown, locale: Locale, digits: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, locale, digits);
  if (typeof value === 'bigint') return value.toLocaleString(intlTag(locale));
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'Invalid Date';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? isoDate(value) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Build a view of row objects (columns in order of first appearance). */
function viewOfObjects(rows: readonly object[], totalRows: number, options: TableViewOptions): TableView {
  const locale = options.locale ?? 'en';
  const limit = options.limit ?? DEFAULT_ROW_LIMIT;
  const shown = rows.slice(0, limit) as Array<Record<string, unknown>>;
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const row of shown) {
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        labels.push(key);
      }
  }
  const digits = options.digits ?? 2;
  const ids = options.pseudonyms ?? defaultPseudonyms();
  const hide = (label: string): boolean =>
    !options.showIds && (CUSTOMER_ID_COLUMNS.has(label) || (options.idColumns?.has(label) ?? false));
  const columns = labels.map((label) => {
    const values = shown.map((r) => r[label]).filter((v) => v !== null && v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === 'number' || typeof v === 'bigint');
    // One number of decimals per column, so a column of amounts lines up.
    const fractional = values.some((v) => typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v));
    return { label, numeric, digits: fractional ? digits : 0 };
  });
  return {
    ...(options.caption !== undefined ? { caption: options.caption } : {}),
    columns: columns.map(({ label, numeric }) => ({ label, numeric })),
    rows: shown.map((r) =>
      columns.map((c) => {
        const v = r[c.label];
        return hide(c.label) && v !== null && v !== undefined
          ? ids.of(formatCell(v, 'en', 0))
          : formatCell(v, locale, c.digits);
      }),
    ),
    totalRows,
    locale,
  };
}

/**
 * Normalise a table for display.
 * @example tableView(wb.table('select * from transactions'), { limit: 10 })
 */
export function tableView(
  table: readonly object[] | TableLike | ReportTable,
  options: TableViewOptions = {},
): TableView {
  const limit = options.limit ?? DEFAULT_ROW_LIMIT;
  if (isTableLike(table)) return viewOfObjects(table.objects({ limit }), table.numRows(), options);
  if (isReportTable(table)) {
    return {
      caption: options.caption ?? table.caption,
      columns: table.columns.map((c) => ({ label: c.label, numeric: c.numeric ?? false })),
      rows: table.rows.slice(0, limit),
      totalRows: table.rows.length,
      ...(table.note !== undefined ? { note: table.note } : {}),
      locale: options.locale ?? 'en',
    };
  }
  return viewOfObjects(table, table.length, options);
}

/** The row-count line: "4 rows" or "showing 20 of 4,338 rows" (nl: "20 van 4.338 rijen getoond"). */
export function rowCountText(view: TableView): string {
  const total = formatNumber(view.totalRows, view.locale);
  const shown = formatNumber(view.rows.length, view.locale);
  const t = texts(view.locale).report.notebook;
  return view.rows.length < view.totalRows ? t.shownOf(shown, total) : t.rows(total, view.totalRows);
}

/** Render a view as an HTML table with its caption, note and row-count line (all text escaped). */
export function tableHtml(view: TableView): string {
  const align = (numeric: boolean): string => (numeric ? ' style="text-align:right"' : ' style="text-align:left"');
  const head = view.columns.map((c) => `<th${align(c.numeric)}>${escapeHtml(c.label)}</th>`).join('');
  const body = view.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${align(view.columns[i]?.numeric ?? false)}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const caption = view.caption
    ? `<caption style="text-align:left;font-weight:600">${escapeHtml(view.caption)}</caption>`
    : '';
  const footer = [view.note, rowCountText(view)]
    .filter((t): t is string => Boolean(t))
    .map((t) => `<p style="color:#555;font-size:0.9em;margin:0.3em 0">${escapeHtml(t)}</p>`)
    .join('');
  return `<div class="swb-table"><table>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>${footer}</div>`;
}

/** Render a view as fixed-width plain text (the fallback for viewers without HTML). */
export function tableText(view: TableView): string {
  const widths = view.columns.map((c, i) => Math.max(c.label.length, ...view.rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number): string => {
    const w = widths[i] ?? 0;
    return view.columns[i]?.numeric ? text.padStart(w) : text.padEnd(w);
  };
  const lines = [
    view.columns
      .map((c, i) => pad(c.label, i))
      .join('  ')
      .trimEnd(),
    ...view.rows.map((r) =>
      r
        .map((cell, i) => pad(cell, i))
        .join('  ')
        .trimEnd(),
    ),
  ];
  if (view.caption) lines.unshift(view.caption);
  if (view.note) lines.push(view.note);
  lines.push(`(${rowCountText(view)})`);
  return lines.join('\n');
}
