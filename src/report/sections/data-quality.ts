/**
 * The data-quality section, straight from a LoadReport: rows read, used and set aside (with the
 * reason, count, share and example line numbers), how returns were handled, which source column
 * became which field, and the loader's notes. Pure.
 */
import type { LoadReport } from '../../data/load-report.js';
import { formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../section.js';
import { texts } from '../../i18n/index.js';
import { columnTitle } from '../../i18n/analyses.js';
import { messages } from '../../messages.js';

/** What the data-quality section reports on: the transactions, or without them the subscriptions, first. */
export interface DataQualityInput {
  /** The transactions load. @defaultValue none (a report on subscriptions only) */
  transactions?: LoadReport;
  /** The subscriptions load. @defaultValue none */
  subscriptions?: LoadReport;
  /** The usage events load. @defaultValue none */
  events?: LoadReport;
  /** The customer attributes load, when there was one. @defaultValue none */
  customers?: LoadReport;
  /**
   * The report's own counts (customers with a purchase and their orders before `asOf`), so the section can
   * say how the file's counts of ids become them. @defaultValue none (the file's counts only)
   */
  used?: { customers: number; orders: number; asOf: Date };
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
    columns: [
      { label: t.reason },
      { label: t.rows, numeric: true },
      { label: t.shareOfRead, numeric: true },
      { label: t.exampleRows },
    ],
    rows: load.setAside.map((s) => [
      t.reasons[s.reason],
      formatNumber(s.count, locale),
      load.rowsRead > 0 ? formatPercent(s.count / load.rowsRead, locale) : t.none,
      s.examples.length
        ? s.examples
            .slice(0, examples)
            .map((n) => formatNumber(n, locale))
            .join(', ')
        : t.none,
    ]),
    note: t.setAsideNote,
  };
}

function mappingTable(load: LoadReport, locale: Locale): ReportTable {
  const t = texts(locale).report;
  return {
    caption: t.mappingCaption(load.fileName),
    columns: [{ label: t.field }, { label: t.sourceColumn }],
    rows: load.columns.map((c) => {
      const m = MRR_FROM_PRICE.exec(c.source);
      return [
        columnTitle(c.field, locale),
        m ? texts(locale).report.loadNotes.mrrFromPrice(m[1] ?? '', m[2] ?? '') : c.source,
      ];
    }),
  };
}

/** A message builder turned into a pattern: its text with each argument as a capture group. */
function pattern(text: string, args: number): RegExp {
  let src = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (let i = 0; i < args; i++) src = src.split(String.fromCharCode(0xe000 + i)).join('(.+?)');
  return new RegExp(`^${src}$`);
}

const ARG = (i: number): string => String.fromCharCode(0xe000 + i);

/** The loader's notes that the report words itself, each matched against the builder that made it. */
const NOTES = {
  dateFormat: pattern(messages.warnDateFormat(ARG(0), ARG(1)), 2),
  ambiguousDates: pattern(messages.warnAmbiguousDates(ARG(0), ARG(1), ARG(2)), 3),
  latin1: pattern(messages.warnLatin1(ARG(0)), 1),
  decimalComma: pattern(messages.warnDecimalComma(ARG(0)), 1),
  derivedOrderId: pattern(messages.warnDerivedOrderId(), 0),
  ignoredColumns: pattern(messages.warnIgnoredColumns([ARG(0)]).replace(JSON.stringify(ARG(0)), ARG(0)), 1),
  moneyText: pattern(messages.warnMoneyText(ARG(0), [ARG(1)]).replace(JSON.stringify(ARG(1)), ARG(1)), 2),
  ambiguousDot: pattern(messages.warnAmbiguousDot(ARG(0), ARG(1)).replace(JSON.stringify(ARG(1)), ARG(1)), 2),
  subscriptionPerCustomer: pattern(messages.warnSubscriptionPerCustomer(), 0),
  shadowedColumns: pattern(messages.warnShadowedColumns([ARG(0)]).replace(JSON.stringify(ARG(0)), ARG(0)), 1),
};

/** The loader's `price ÷ months of interval` (the source of a derived MRR) in the report's words. */
const MRR_FROM_PRICE = pattern(messages.mrrFromPrice(ARG(0), ARG(1)), 2);

/** A strptime format as a reader's pattern: `%Y-%m-%d %H:%M` → `YYYY-MM-DD hh:mm` (`JJJJ-MM-DD uu:mm` in Dutch). */
export function readableDateFormat(format: string, locale: Locale): string {
  const letters: Readonly<Record<string, string | undefined>> = texts(locale).report.loadNotes.dateLetters;
  return format.replace(/%([a-zA-Z])/g, (all, c: string) => letters[c] ?? all);
}

/**
 * A loading note in the report's words, with the exact detail that belongs in the method section
 * (the strptime format); a note the report does not know is shown as it is.
 */
export function loadNote(note: string, locale: Locale): { text: string; technical?: [string, string] } {
  const w = texts(locale).report.loadNotes;
  const unquote = (x: string) => (x.startsWith('"') && x.endsWith('"') ? (JSON.parse(x) as string) : x);
  let m = NOTES.dateFormat.exec(note);
  if (m) {
    const [column, format] = [unquote(m[1] ?? ''), m[2] ?? ''];
    return {
      text: w.dateFormat(column, readableDateFormat(format, locale)),
      technical: [texts(locale).report.method.dateFormat(column), format],
    };
  }
  if ((m = NOTES.ambiguousDates.exec(note))) {
    return {
      text: w.ambiguousDates(
        unquote(m[1] ?? ''),
        readableDateFormat(m[2] ?? '', locale),
        readableDateFormat(m[3] ?? '', locale),
      ),
    };
  }
  if ((m = NOTES.latin1.exec(note))) return { text: w.latin1(m[1] ?? '') };
  if ((m = NOTES.decimalComma.exec(note))) return { text: w.decimalComma(m[1] ?? '') };
  if (NOTES.derivedOrderId.test(note)) return { text: w.derivedOrderId };
  if ((m = NOTES.ignoredColumns.exec(note))) return { text: w.ignoredColumns(m[1] ?? '') };
  if ((m = NOTES.moneyText.exec(note))) return { text: w.moneyText(m[1] ?? '', m[2] ?? '') };
  if ((m = NOTES.ambiguousDot.exec(note))) return { text: w.ambiguousDot(m[1] ?? '', m[2] ?? '') };
  if (NOTES.subscriptionPerCustomer.test(note)) return { text: w.subscriptionPerCustomer };
  if ((m = NOTES.shadowedColumns.exec(note))) return { text: w.shadowedColumns(m[1] ?? '') };
  return { text: note };
}

/** What to do about the rows set aside: one sentence from the reason with the most rows (1% of the rows or more). */
export function dataQualityNext(load: LoadReport, locale: Locale = 'en'): string[] {
  const t = texts(locale).report;
  const w = t.dataQualityNext;
  if (load.rowsRead <= 0) return [];
  const top = [...load.setAside].sort((a, b) => b.count - a.count)[0];
  if (!top || top.count / load.rowsRead < 0.01) return load.setAside.length ? [w.fine] : [];
  const share = formatPercent(top.count / load.rowsRead, locale);
  const n = formatNumber(top.count, locale);
  if (top.reason === 'missing_customer_id') return [w.missing_customer_id(share, n)];
  if (top.reason === 'duplicate') return [w.duplicate(share, n)];
  const reasons: Readonly<Record<string, string | undefined>> = t.reasons;
  return [w.other(share, n, (Object.hasOwn(reasons, top.reason) ? reasons[top.reason] : undefined) ?? top.reason)];
}

/**
 * The data-quality section.
 * @example dataQualitySection({ transactions: await loadTransactions(wb, file) }, { locale: 'nl' })
 */
export function dataQualitySection(input: DataQualityInput, options: DataQualityOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const examples = options.examples ?? 5;
  const t = texts(locale).report;
  const s = texts(locale).subscriptions.report;
  const load = input.transactions ?? input.subscriptions ?? input.events;
  if (!load) throw new TypeError('dataQualitySection needs a load: transactions, subscriptions or events');
  const setAside = load.setAside.reduce((sum, s) => sum + s.count, 0);
  const used = load.rowsRead > 0 ? formatPercent(load.rowsLoaded / load.rowsRead, locale) : t.none;
  const facts: Array<[string, string]> = [
    [t.inputFile, load.fileName],
    [t.rowsRead, formatNumber(load.rowsRead, locale)],
    [t.rowsLoaded, formatNumber(load.rowsLoaded, locale)],
    [t.rowsSetAside, formatNumber(setAside, locale)],
  ];
  facts.push([t.figures.customerIds, formatNumber(load.customers, locale)]);
  if (load.subscriptions !== undefined) facts.push([s.facts.subscriptions, formatNumber(load.subscriptions, locale)]);
  if (load.orders !== undefined) facts.push([t.figures.orderIds, formatNumber(load.orders, locale)]);
  if (load.returns) facts.push([t.returnsHandling, load.returns === 'net' ? t.returnsNet : t.returnsExclude]);
  const intro = [t.dataQualityIntro(formatNumber(load.rowsRead, locale), formatNumber(load.rowsLoaded, locale), used)];
  if (load.setAside.length === 0) intro.push(t.nothingSetAside);
  const u = input.used;
  if (u && load.orders !== undefined && (u.customers !== load.customers || u.orders !== load.orders)) {
    const later = Boolean(load.dateRange && load.dateRange.last >= u.asOf);
    intro.push(
      t.figures.reconcile(
        formatNumber(load.customers, locale),
        formatNumber(u.customers, locale),
        formatNumber(load.orders, locale),
        formatNumber(u.orders, locale),
        formatDate(u.asOf, locale),
        later,
      ),
    );
  }
  const tables: ReportTable[] = [];
  if (load.setAside.length > 0) tables.push(setAsideTable(load, locale, examples));
  tables.push(mappingTable(load, locale));
  const c = input.customers;
  if (c) {
    facts.push([
      t.customersFile,
      `${c.fileName}: ${formatNumber(c.rowsLoaded, locale)} / ${formatNumber(c.rowsRead, locale)}`,
    ]);
    if (c.setAside.length > 0) tables.push(setAsideTable(c, locale, examples));
    tables.push(mappingTable(c, locale));
  }
  // Subscriptions and events besides the first load: one line each, their set-aside rows and their columns.
  const others = (
    [
      [input.subscriptions, s.subscriptionsFile],
      [input.events, s.eventsFile],
    ] as const
  ).filter(([o]) => o !== undefined && o !== load);
  for (const [o, label] of others) {
    if (!o) continue;
    facts.push([
      label,
      `${o.fileName}: ${s.rowsUsed(formatNumber(o.rowsLoaded, locale), formatNumber(o.rowsRead, locale))}`,
    ]);
    if (o.setAside.length > 0) tables.push(setAsideTable(o, locale, examples));
    tables.push(mappingTable(o, locale));
  }
  const notes = [...load.warnings, ...(c?.warnings ?? []), ...others.flatMap(([o]) => o?.warnings ?? [])].map((w) =>
    loadNote(w, locale),
  );
  const technical = notes.flatMap((n) => (n.technical ? [n.technical] : []));
  return {
    id: 'data-quality',
    title: t.dataQualityTitle,
    intro,
    facts,
    ...(notes.length ? { findings: notes.map((n) => n.text) } : {}),
    tables,
    ...(technical.length ? { technical } : {}),
    next: dataQualityNext(load, locale),
  };
}
