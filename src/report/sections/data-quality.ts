/**
 * The data-quality section, straight from a LoadReport: rows read, used and set aside (with the
 * reason, count, share and example line numbers), how returns were handled, which source column
 * became which field, and the loader's notes. Pure.
 */
import type { LoadReport } from '../../data/load-report.js';
import { formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../section.js';
import { texts } from '../../i18n/index.js';

/** What the data-quality section reports on. */
export interface DataQualityInput {
  /** The transactions load. */
  transactions: LoadReport;
  /** The customer attributes load, when there was one. @defaultValue none */
  customers?: LoadReport;
}

/** Options for {@link dataQualitySection}. */
export interface DataQualityOptions {
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
  /** Example line numbers shown per reason. @defaultValue 5 */
  examples?: number;
}

function setAsideTable(load: LoadReport, locale: Locale, examples: number): ReportTable {
  const t = texts(locale).report;
  return {
    caption: `${t.setAsideCaption} (${load.fileName})`,
    columns: [{ label: t.reason }, { label: t.rows, numeric: true }, { label: t.shareOfRead, numeric: true }, { label: t.exampleRows }],
    rows: load.setAside.map((s) => [
      t.reasons[s.reason],
      formatNumber(s.count, locale),
      load.rowsRead > 0 ? formatPercent(s.count / load.rowsRead, locale) : t.none,
      s.examples.length ? s.examples.slice(0, examples).map((n) => formatNumber(n, locale)).join(', ') : t.none,
    ]),
    note: t.setAsideNote,
  };
}

function mappingTable(load: LoadReport, locale: Locale): ReportTable {
  const t = texts(locale).report;
  return {
    caption: t.mappingCaption(load.fileName),
    columns: [{ label: t.field }, { label: t.sourceColumn }],
    rows: load.columns.map((c) => [c.field, c.source]),
  };
}

/**
 * The data-quality section.
 * @example dataQualitySection({ transactions: await loadTransactions(wb, file) }, { locale: 'nl' })
 */
export function dataQualitySection(input: DataQualityInput, options: DataQualityOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const examples = options.examples ?? 5;
  const t = texts(locale).report;
  const load = input.transactions;
  const setAside = load.setAside.reduce((sum, s) => sum + s.count, 0);
  const used = load.rowsRead > 0 ? formatPercent(load.rowsLoaded / load.rowsRead, locale) : t.none;
  const facts: Array<[string, string]> = [
    [t.inputFile, load.fileName],
    [t.rowsRead, formatNumber(load.rowsRead, locale)],
    [t.rowsLoaded, formatNumber(load.rowsLoaded, locale)],
    [t.rowsSetAside, formatNumber(setAside, locale)],
  ];
  if (load.returns) facts.push([t.returnsHandling, load.returns === 'net' ? t.returnsNet : t.returnsExclude]);
  const intro = [t.dataQualityIntro(formatNumber(load.rowsRead, locale), formatNumber(load.rowsLoaded, locale), used)];
  if (load.setAside.length === 0) intro.push(t.nothingSetAside);
  const tables: ReportTable[] = [];
  if (load.setAside.length > 0) tables.push(setAsideTable(load, locale, examples));
  tables.push(mappingTable(load, locale));
  const c = input.customers;
  if (c) {
    facts.push([t.customersFile, `${c.fileName}: ${formatNumber(c.rowsLoaded, locale)} / ${formatNumber(c.rowsRead, locale)}`]);
    if (c.setAside.length > 0) tables.push(setAsideTable(c, locale, examples));
    tables.push(mappingTable(c, locale));
  }
  const warnings = [...load.warnings, ...(c?.warnings ?? [])];
  return {
    id: 'data-quality',
    title: t.dataQualityTitle,
    intro,
    facts,
    ...(warnings.length ? { findings: warnings } : {}),
    tables,
  };
}
