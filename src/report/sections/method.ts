/**
 * The method section: what a reader needs to reproduce the report — input file name and SHA-256,
 * preset, rows used, as-of date, every analysis's options (defaults filled in), tool version. Pure.
 */
import type { LoadReport } from '../../data/load-report.js';
import { formatNumber, isoDate, type Locale } from '../../locale.js';
import type { ReportSection } from '../section.js';
import { texts } from '../../i18n/index.js';

/** An option value that words itself in the report's language (e.g. a sub-segment comparison and its method). */
export interface MethodText {
  /** The value in words. */
  methodText: (locale: Locale) => string;
}

/** One analysis and the options it actually ran with. */
export interface AnalysisRun {
  /** Name, e.g. `RFM` (the known names — RFM, Cohorts, Clusters, Segments, CLV — are translated). */
  name: string;
  /**
   * Options as used (e.g. `result.options`), one row each. Dates print as ISO dates, yes/no for booleans,
   * lists joined by commas, objects as `name: value` pairs, known keywords in words, {@link MethodText} in words.
   */
  options: object;
}

/** What the method section states. */
export interface MethodInput {
  /** The transactions load. @defaultValue none (a report on subscriptions only) */
  transactions?: LoadReport;
  /** The subscriptions load (file name, checksum, rows used). @defaultValue none */
  subscriptions?: LoadReport;
  /** The usage events load (file name, checksum, rows used). @defaultValue none */
  events?: LoadReport;
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
  /** Privacy settings and the customers-file attributes the analyses used. @defaultValue none (not shown) */
  privacy?: { minGroup: number; attributes: readonly string[] };
}

/** Options for {@link methodSection}. */
export interface MethodOptions {
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
}

const isMethodText = (v: unknown): v is MethodText =>
  typeof v === 'object' && v !== null && typeof (v as Partial<MethodText>).methodText === 'function';

/** The words of a known option name, with the name itself for reproducing the run: `As-of date (asOf)`. */
function optionName(key: string, locale: Locale): string {
  const names: Readonly<Record<string, string | undefined>> = texts(locale).report.method.options;
  const words = Object.hasOwn(names, key) ? names[key] : undefined;
  return words === undefined ? key : `${words} (${key})`;
}

/**
 * An option value as readable, reproducible text: ISO dates, yes/no, numbers in full, lists joined by
 * commas, objects as `name: value` pairs, known keywords in words (other strings as they are).
 * @example optionText(['recency', 'frequency'], 'en') // "recency, frequency"
 */
export function optionText(value: unknown, locale: Locale = 'en'): string {
  const t = texts(locale).report;
  if (value === undefined || value === null) return t.none;
  if (value instanceof Date) return isoDate(value);
  if (isMethodText(value)) return value.methodText(locale);
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 6 }).format(value)
      : String(value);
  if (typeof value === 'string') {
    const words: Readonly<Record<string, string | undefined>> = t.method.values;
    return (Object.hasOwn(words, value) ? words[value] : undefined) ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => optionText(v, locale)).join(locale === 'nl' ? '; ' : ', ');
  if (typeof value === 'object') {
    const names: Readonly<Record<string, string | undefined>> = t.method.options;
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${(Object.hasOwn(names, k) ? names[k] : undefined) ?? k}: ${optionText(v, locale)}`)
      .join('; ');
  }
  return String(value);
}

/**
 * The method section.
 * @example methodSection({ transactions: load, asOf, analyses: [{ name: 'RFM', options: rfm.options }], version }, { locale })
 */
export function methodSection(input: MethodInput, options: MethodOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const t = texts(locale).report;
  const load = input.transactions;
  const facts: Array<[string, string]> = [];
  if (load) {
    facts.push([t.inputFile, load.fileName], [t.checksum, load.sha256]);
    if (load.preset) facts.push([t.preset, load.preset]);
    facts.push([t.transactionsLoaded, formatNumber(load.rowsLoaded, locale)]);
  }
  const s = texts(locale).subscriptions.report;
  for (const [other, file, rows] of [
    [input.subscriptions, s.subscriptionsFile, s.subscriptionRows],
    [input.events, s.eventsFile, s.eventRows],
  ] as const) {
    if (other)
      facts.push(
        [file, other.fileName],
        [`${t.checksum} (${other.fileName})`, other.sha256],
        [rows, formatNumber(other.rowsLoaded, locale)],
      );
  }
  if (input.customers)
    facts.push(
      [t.customersFile, input.customers.fileName],
      [`${t.checksum} (${input.customers.fileName})`, input.customers.sha256],
    );
  if (input.asOf) facts.push([t.asOf, isoDate(input.asOf)]);
  if (input.currency) facts.push([t.currency, input.currency]);
  if (input.privacy) {
    const p = t.privacy;
    facts.push([p.minGroup, formatNumber(input.privacy.minGroup, locale)], [p.pseudonyms, p.pseudonymsOn]);
    if (input.customers)
      facts.push([
        p.attributesUsed,
        input.privacy.attributes.length ? input.privacy.attributes.join(', ') : p.attributesNone,
      ]);
  }
  facts.push([t.toolVersion, `segment-workbench ${input.version}`]);
  const analysisNames: Readonly<Record<string, string | undefined>> = t.method.analyses;
  const rows = input.analyses.flatMap((a) =>
    Object.entries(a.options)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      // one row per sub-segment comparison, so a long list reads as a list
      .flatMap(([k, v]) =>
        Array.isArray(v) && v.every(isMethodText)
          ? v.map((x): [string, unknown] => [k, x])
          : [[k, v] as [string, unknown]],
      )
      .map(([k, v]) => [
        (Object.hasOwn(analysisNames, a.name) ? analysisNames[a.name] : undefined) ?? a.name,
        optionName(k, locale),
        optionText(v, locale),
      ]),
  );
  return {
    id: 'method',
    title: t.methodTitle,
    intro: [t.methodIntro],
    facts,
    ...(rows.length
      ? {
          tables: [
            {
              caption: t.optionsCaption,
              columns: [{ label: t.analysis }, { label: t.option }, { label: t.value }],
              rows,
            },
          ],
        }
      : {}),
  };
}
