/**
 * The "What changed" section (first in a report made with `--compare`) and the same comparison as plain text
 * for `swb compare`. Pure: a {@link ReportComparison} and the words in, a section or text out.
 */
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../locale.js';
import { texts } from '../i18n/index.js';
import { columnLabel } from '../i18n/analyses.js';
import type { ReportSection, ReportTable } from '../report/section.js';
import { COUNT } from '../report/small-groups.js';
import type { GroupingChange, KpiChange, ReportComparison } from './compare.js';
import type { Interval } from './data.js';
import type { SnapshotMoves } from './snapshot.js';
import { compareTexts } from './texts.js';
import { cohortCurvesChart, cohortEachChart, MAX_COHORT_PANELS } from './charts.js';

/** Options of {@link comparisonSection}. */
export interface ComparisonSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** Moves between a previous snapshot and this run: counts per grouping and the largest flows. @defaultValue none */
  moves?: SnapshotMoves;
}

/** Flows between two different segments shown per grouping, largest first. */
const MAX_FLOWS = 15;

function movesTables(c: ReportComparison, moves: SnapshotMoves, locale: Locale): ReportTable[] {
  const t = compareTexts(locale);
  return moves.groupings.flatMap((m) => {
    const g = c.groupings.find((x) => x.id === m.id);
    if (!g) return [];
    const label = (key: string) => g.segments.find((s) => s.key === key)?.label ?? key;
    const n = (x: number) => formatNumber(x, locale);
    const name = groupingName(g, locale);
    const rows = [
      [t.moves.new, '', n(m.new)],
      [t.moves.lost, '', n(m.lost)],
      [t.moves.stayed, '', n(m.stayed)],
      ...m.flows
        .filter((f) => f.from !== f.to)
        .slice(0, MAX_FLOWS)
        .map((f) => [label(f.from), label(f.to), n(f.customers)]),
    ];
    return [
      {
        caption: t.moves.caption(name.charAt(0).toUpperCase() + name.slice(1), day(moves.asOf, locale)),
        columns: [
          { label: t.moves.from },
          { label: t.moves.to },
          { label: t.moves.customers, numeric: true, ...COUNT },
        ],
        rows,
        note: t.moves.note(formatNumber(m.moved, locale), String(MAX_FLOWS)),
      },
    ];
  });
}

const day = (iso: string, locale: Locale): string => formatDate(new Date(`${iso}T00:00:00Z`), locale);

function period(facts: ReportComparison['before'], locale: Locale): string {
  return facts.period ? `${day(facts.period.first, locale)} – ${day(facts.period.last, locale)}` : '–';
}

/** A grouping's name in a sentence. */
export function groupingName(g: Pick<GroupingChange, 'kind' | 'variable'>, locale: Locale): string {
  const t = compareTexts(locale).groupings;
  return g.kind === 'by' ? t.by(columnLabel(g.variable ?? '', locale)) : t[g.kind];
}

const signed = (n: number, locale: Locale): string => `${n > 0 ? '+' : ''}${formatNumber(n, locale)}`;

function sizesTable(g: GroupingChange, c: ReportComparison, locale: Locale): ReportTable {
  const t = compareTexts(locale);
  const small = texts(locale).report.privacy.small;
  const count = (n: number | null, minGroup: number, there: boolean): string =>
    !there ? t.missing : n === null ? small(formatNumber(minGroup, locale)) : formatNumber(n, locale);
  const share = (x: number | null): string => (x === null ? t.missing : formatPercent(x, locale, 1));
  const like = c.likeForLike;
  const cap = groupingName(g, locale);
  return {
    caption: t.sizesCaption(cap.charAt(0).toUpperCase() + cap.slice(1)),
    columns: [
      { label: t.columns.segment },
      { label: t.columns.before, numeric: true, ...COUNT },
      { label: t.columns.now, numeric: true, ...COUNT },
      ...(like ? [{ label: t.columns.change, numeric: true }] : []),
      { label: t.columns.shareBefore, numeric: true },
      { label: t.columns.shareNow, numeric: true },
      ...(like ? [{ label: t.columns.beyond }] : []),
    ],
    rows: g.segments.map((s) => [
      s.label,
      count(s.before, c.before.minGroup, g.customersBefore !== null),
      count(s.after, c.after.minGroup, g.customersAfter !== null),
      ...(like ? [s.change === null ? t.missing : signed(s.change, locale)] : []),
      share(s.shareBefore),
      share(s.shareAfter),
      ...(like ? [s.significant === null ? t.untested : s.significant ? t.yes : t.no] : []),
    ]),
    ...(g.kind === 'clusters' ? { note: t.clustersNote } : {}),
  };
}

function kpiTable(
  kpis: readonly KpiChange[],
  c: ReportComparison,
  labels: Map<string, string>,
  locale: Locale,
): ReportTable {
  const t = compareTexts(locale);
  const show = (k: KpiChange, v: Interval | null): string => {
    if (v === null) return t.missing;
    const f = (x: number) =>
      k.kpi === 'repeatRate' ? formatPercent(x, locale, 1) : formatCurrency(x, locale, c.after.currency, 2);
    return t.withInterval(f(v.value), f(v.low), f(v.high));
  };
  return {
    caption: t.kpiCaption,
    columns: [
      { label: t.columns.segment },
      { label: t.columns.kpi },
      { label: t.columns.before, numeric: true },
      { label: t.columns.now, numeric: true },
      ...(c.likeForLike ? [{ label: t.clear }] : []),
    ],
    rows: kpis.map((k) => [
      labels.get(`${k.grouping}\u0000${k.key}`) ?? k.key,
      t.kpiNames[k.kpi],
      show(k, k.before),
      show(k, k.after),
      ...(c.likeForLike ? [k.clearlyDifferent === null ? t.untested : k.clearlyDifferent ? t.yes : t.no] : []),
    ]),
  };
}

function cohortTable(cohorts: NonNullable<ReportComparison['cohorts']>, locale: Locale): ReportTable {
  const t = compareTexts(locale);
  const n = Math.max(cohorts.before.length, cohorts.after.length);
  const share = (x: number | undefined): string => (x === undefined ? t.missing : formatPercent(x, locale, 1));
  return {
    caption: t.cohortCaption(t.periods[cohorts.period] ?? cohorts.period),
    columns: [
      { label: t.columns.period, numeric: true },
      { label: t.columns.before, numeric: true },
      { label: t.columns.now, numeric: true },
    ],
    rows: Array.from({ length: n }, (_, i) => [String(i), share(cohorts.before[i]), share(cohorts.after[i])]),
  };
}

/** The summary sentences: customers, new ones, the biggest change beyond chance per RFM and value tiers. */
function findings(c: ReportComparison, locale: Locale, moves: SnapshotMoves | undefined): string[] {
  const t = compareTexts(locale);
  const out = [
    t.customers(
      formatNumber(c.customers.before, locale),
      formatNumber(c.customers.after, locale),
      signed(c.customers.after - c.customers.before, locale),
    ),
  ];
  const since = c.customers.since;
  const small = texts(locale).report.privacy.small;
  const count = (n: number | null) =>
    n === null ? small(formatNumber(c.after.minGroup, locale)) : formatNumber(n, locale);
  if (since)
    out.push(t.since(day(c.before.asOf, locale), count(since.newCustomers), count(since.lapsed), count(since.lost)));
  else
    out.push(
      c.customers.newSince === null
        ? t.newUnknown(day(c.before.asOf, locale))
        : t.newSince(formatNumber(c.customers.newSince, locale), day(c.before.asOf, locale)),
    );
  if (!c.likeForLike) return out;
  for (const g of c.groupings.filter((x) => x.kind === 'rfm' || x.kind === 'valueTiers')) {
    const moved = g.segments
      .filter((s) => s.significant && s.shareBefore !== null && s.shareAfter !== null)
      .sort((a, b) => Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0))[0];
    out.push(
      moved
        ? t.biggest(
            moved.label,
            groupingName(g, locale),
            formatPercent(moved.shareBefore ?? 0, locale, 1),
            formatPercent(moved.shareAfter ?? 0, locale, 1),
          )
        : t.noneBeyond(groupingName(g, locale)),
    );
  }
  const rfm = moves?.groupings.find((m) => m.id === 'rfm');
  if (rfm)
    out.push(
      t.moves.finding(
        formatNumber(rfm.new, locale),
        formatNumber(rfm.lost, locale),
        formatNumber(rfm.moved, locale),
        formatNumber(rfm.stayed, locale),
      ),
    );
  else out.push(since ? t.movedNeedsSnapshot : t.lostNeedsSnapshot);
  return out;
}

/**
 * The "What changed" section of a comparison: what is not like for like at the top, the facts of both
 * reports, the headline changes, then sizes per grouping, KPIs per segment and the cohort curves.
 * @example report.prepend(comparisonSection(compareReports(before, after), { locale: 'nl' }));
 */
export function comparisonSection(c: ReportComparison, options: ComparisonSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const t = compareTexts(locale);
  const name = (fact: keyof typeof t.factNames) => t.factNames[fact];
  const breaking = c.differences.filter((d) => d.breaks);
  const other = c.differences.filter((d) => !d.breaks && d.fact !== 'asOf' && d.fact !== 'period');
  const facts: Array<[string, string]> = [
    [t.previous, t.asOfFact(day(c.before.asOf, locale), period(c.before, locale))],
    [t.current, t.asOfFact(day(c.after.asOf, locale), period(c.after, locale))],
    ...other.map((d): [string, string] => [t.alsoDiffers, t.factChange(name(d.fact), d.before, d.after)]),
  ];
  const labels = new Map(
    c.groupings.flatMap((g) => g.segments.map((s) => [`${g.id}\u0000${s.key}`, s.label] as [string, string])),
  );
  const tables = c.groupings.map((g) => sizesTable(g, c, locale));
  if (c.kpis.length) tables.push(kpiTable(c.kpis, c, labels, locale));
  if (c.cohorts) tables.push(cohortTable(c.cohorts, locale));
  if (options.moves) tables.push(...movesTables(c, options.moves, locale));
  return {
    id: 'changes',
    title: t.title,
    ...(breaking.length
      ? { caution: t.notLike(breaking.map((d) => t.factChange(name(d.fact), d.before, d.after)).join('; ')) }
      : {}),
    intro: [t.intro(day(c.before.asOf, locale), day(c.after.asOf, locale)), ...(c.kpis.length ? [t.kpiIntro] : [])],
    facts,
    findings: findings(c, locale, options.moves),
    ...(c.cohorts && c.cohorts.before.length && c.cohorts.after.length
      ? {
          charts: [
            {
              id: 'changes-cohorts',
              title: t.chart.title,
              description: t.chart.description(t.periods[c.cohorts.period] ?? c.cohorts.period),
              spec: cohortCurvesChart(c.cohorts, { locale }),
            },
            ...(c.cohorts.cohorts.length
              ? [
                  {
                    id: 'changes-cohort-each',
                    title: t.eachChart.title,
                    description: t.eachChart.description(t.periods[c.cohorts.period] ?? c.cohorts.period),
                    spec: cohortEachChart(c.cohorts, { locale }),
                  },
                ]
              : []),
          ],
        }
      : {}),
    tables,
    ...(c.cohorts && c.cohorts.cohorts.length
      ? {
          next: [
            t.cohortsShown(
              formatNumber(c.cohorts.cohorts.length, locale),
              formatNumber(Math.min(MAX_COHORT_PANELS, c.cohorts.cohorts.length), locale),
            ),
          ],
        }
      : {}),
  };
}

/**
 * A section as plain text (title, caution, facts, sentences, tables with aligned columns), for a terminal.
 * @example io.out(sectionText(comparisonSection(c)));
 */
export function sectionText(s: ReportSection): string {
  const lines = [s.title, '='.repeat(s.title.length)];
  if (s.caution) lines.push('', `! ${s.caution}`);
  if (s.facts?.length) lines.push('', ...s.facts.map(([k, v]) => `${k}: ${v}`));
  for (const p of s.intro ?? []) lines.push('', p);
  if (s.findings?.length) lines.push('', ...s.findings.map((f) => `- ${f}`));
  for (const table of s.tables ?? []) {
    const cells = [table.columns.map((col) => col.label), ...table.rows];
    const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
    const row = (r: string[]) =>
      r
        .map((cell, i) => (table.columns[i]?.numeric ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    lines.push('', table.caption, ...cells.map(row));
    if (table.note) lines.push(table.note);
  }
  for (const p of s.next ?? []) lines.push('', p);
  return lines.join('\n');
}
