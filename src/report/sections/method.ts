/**
 * The method section: what a reader needs to reproduce the report — input file name and SHA-256,
 * preset, rows used, as-of date, every analysis's options (defaults filled in), tool version. Pure.
 */
import type { LoadReport } from '../../data/load-report.js';
import { formatNumber, isoDate, type Locale } from '../../locale.js';
import type { ReportSection } from '../section.js';
import { texts } from '../../i18n/index.js';

/** One analysis and the options it actually ran with. */
export interface AnalysisRun {
  /** Display name, e.g. `RFM`. */
  name: string;
  /** Options as used (e.g. `result.options`). Dates print as ISO dates, other values as JSON. */
  options: object;
}

/** What the method section states. */
export interface MethodInput {
  /** The transactions load. */
  transactions: LoadReport;
  /** The customer attributes load, when there was one. @defaultValue none */
  customers?: LoadReport;
  /** As-of date of the analyses. @defaultValue none (not shown) */
  asOf?: Date;
  /** ISO 4217 currency the amounts were reported in. @defaultValue none (not shown) */
  currency?: string;
  /** Analyses in report order. */
  analyses: AnalysisRun[];
  /** Version of segment-workbench that made the report. */
  version: string;
}

/** Options for {@link methodSection}. */
export interface MethodOptions {
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
}

/** An option value as reproducible text: ISO dates, JSON for everything else, strings bare. */
export function optionText(value: unknown): string {
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : v));
}

/**
 * The method section.
 * @example methodSection({ transactions: load, asOf, analyses: [{ name: 'RFM', options: rfm.options }], version }, { locale })
 */
export function methodSection(input: MethodInput, options: MethodOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const t = texts(locale).report;
  const load = input.transactions;
  const facts: Array<[string, string]> = [[t.inputFile, load.fileName], [t.checksum, load.sha256]];
  if (load.preset) facts.push([t.preset, load.preset]);
  facts.push([t.transactionsLoaded, formatNumber(load.rowsLoaded, locale)]);
  if (input.customers) facts.push([t.customersFile, input.customers.fileName], [`${t.checksum} (${input.customers.fileName})`, input.customers.sha256]);
  if (input.asOf) facts.push([t.asOf, isoDate(input.asOf)]);
  if (input.currency) facts.push([t.currency, input.currency]);
  facts.push([t.toolVersion, `segment-workbench ${input.version}`]);
  const rows = input.analyses.flatMap((a) =>
    Object.entries(a.options)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => [a.name, k, optionText(v)]),
  );
  return {
    id: 'method',
    title: t.methodTitle,
    intro: [t.methodIntro],
    facts,
    ...(rows.length
      ? { tables: [{ caption: t.optionsCaption, columns: [{ label: t.analysis }, { label: t.option }, { label: t.value }], rows }] }
      : {}),
  };
}
