/**
 * Small-group suppression, in one place for every section: a report cell that counts fewer than
 * `minGroup` people reads "< 10" instead of its number. Tables say which columns count people
 * (`ReportColumn.kind: 'count'`); charts say which data fields do (`usermeta.counts`, and
 * `usermeta.countLabels` for label fields that end in "(count)", as cohort rows do). A suppressed chart
 * value becomes null (its bar or label is not drawn) and its tooltip reads "< 10"; in a chart that writes
 * counts into cells (`usermeta.smallLabels`, heatmaps) its label reads "< 10" too, and fields computed from the
 * count (`usermeta.countDerived`, e.g. a row share that the row total would turn back into it) are nulled. Zero is shown: an
 * empty group discloses no one. Pure; separate from `minSize`, which decides what statistics are made of.
 */
import type { TopLevelSpec } from 'vega-lite';
import { texts } from '../i18n/index.js';
import { formatNumber, type Locale } from '../locale.js';
import type { ReportChart, ReportColumn, ReportSection, ReportTable } from './section.js';

/** Smallest group of people a shared report shows as a number. */
export const DEFAULT_MIN_GROUP = 10;

/** Spread into a {@link ReportColumn} whose cells count people. */
export const COUNT = { kind: 'count' } as const satisfies Pick<ReportColumn, 'kind'>;

/** Whether a count of people must be suppressed. */
export const isSmallGroup = (n: number, minGroup: number): boolean => n > 0 && n < minGroup;

/** The integer at the start of a formatted count cell (`1,234 *` → 1234), or undefined. */
export function countOfCell(text: string): number | undefined {
  const m = /^(\d[\d.,\u00a0\u202f ]*)/.exec(text);
  return m ? Number(m[1]!.replace(/\D/g, '')) : undefined;
}

function suppressTable(table: ReportTable, minGroup: number, small: string, note: string): ReportTable {
  const counts = table.columns.flatMap((c, i) => (c.kind === 'count' ? [i] : []));
  let hit = false;
  const rows = table.rows.map((row) =>
    row.map((cell, i) => {
      if (!counts.includes(i)) return cell;
      const n = countOfCell(cell);
      if (n === undefined || !isSmallGroup(n, minGroup)) return cell;
      hit = true;
      const rest = cell.replace(/^(\d[\d.,\u00a0\u202f ]*)/, '').trim();
      return rest ? `${small} ${rest}` : small;
    }),
  );
  return hit ? { ...table, rows, note: table.note ? `${table.note} ${note}` : note } : table;
}

type Json = unknown;
type Place = 'text' | 'tooltip' | 'other';

/** Replace, anywhere in a spec, the text and tooltip encodings of `fields` and the exact label strings. */
function rewrite(node: Json, place: Place, fields: ReadonlySet<string>, labels: ReadonlyMap<string, string>): Json {
  if (typeof node === 'string') return labels.get(node) ?? node;
  if (Array.isArray(node)) return node.map((x) => rewrite(x, place, fields, labels));
  if (typeof node !== 'object' || node === null) return node;
  const o = node as Record<string, Json>;
  const f = typeof o.field === 'string' && fields.has(o.field) ? o.field : undefined;
  if (f && place !== 'other') {
    return {
      field: `${f}${place === 'text' ? 'Label' : 'Tip'}`,
      type: 'nominal',
      ...(o.title !== undefined ? { title: o.title } : {}),
    };
  }
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, rewrite(v, k === 'text' || k === 'tooltip' ? k : 'other', fields, labels)]),
  );
}

/**
 * A chart spec with its counts of people below `minGroup` suppressed (see the module note); the spec
 * as given when none is small.
 */
export function suppressChartCounts(spec: TopLevelSpec, minGroup: number, locale: Locale): TopLevelSpec {
  const meta = (spec as { usermeta?: Record<string, unknown> }).usermeta ?? {};
  const counts = Array.isArray(meta.counts) ? meta.counts.filter((x): x is string => typeof x === 'string') : [];
  const countLabels = (
    typeof meta.countLabels === 'object' && meta.countLabels !== null ? meta.countLabels : {}
  ) as Record<string, string>;
  const smallLabels = meta.smallLabels === true;
  const derived = (
    typeof meta.countDerived === 'object' && meta.countDerived !== null ? meta.countDerived : {}
  ) as Record<string, string[]>;
  const data = (spec as { data?: { values?: unknown } }).data;
  if (!counts.length || !data || !Array.isArray(data.values)) return spec;
  const rows = data.values as Array<Record<string, unknown>>;
  const small = texts(locale).report.privacy.small(formatNumber(minGroup, locale));
  const hitFields = new Set(
    counts.filter((f) => rows.some((r) => typeof r[f] === 'number' && isSmallGroup(r[f], minGroup))),
  );
  if (!hitFields.size) return spec;
  const labels = new Map<string, string>();
  const values = rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const f of hitFields) {
      const v = r[f];
      const hide = typeof v === 'number' && isSmallGroup(v, minGroup);
      out[f] = hide ? null : v;
      out[`${f}Label`] = typeof v === 'number' && !hide ? formatNumber(v, locale) : hide && smallLabels ? small : '';
      out[`${f}Tip`] = hide ? small : typeof v === 'number' ? formatNumber(v, locale) : '';
      // figures computed from a hidden count (a share of the row) would give it away with the row's total
      if (hide) for (const d of derived[f] ?? []) out[d] = null;
      for (const [labelField, countField] of Object.entries(countLabels)) {
        const label = r[labelField];
        if (countField !== f || !hide || typeof label !== 'string') continue;
        const shown = label.replace(/\([^()]*\)$/, `(${small})`);
        labels.set(label, shown);
        out[labelField] = shown;
      }
    }
    return out;
  });
  const rewritten = rewrite({ ...spec, data: { ...data, values: [] } }, 'other', hitFields, labels) as Record<
    string,
    unknown
  >;
  return { ...rewritten, data: { ...data, values } } as unknown as TopLevelSpec;
}

/**
 * Sections with every count of people below `minGroup` suppressed, in tables (count columns) and charts
 * (`usermeta.counts`), each with a note. Pure.
 * @example suppressSmallGroups(sections, { minGroup: 10, locale: 'nl' })
 */
export function suppressSmallGroups(
  sections: readonly ReportSection[],
  options: { minGroup?: number; locale?: Locale } = {},
): ReportSection[] {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const locale = options.locale ?? 'en';
  const t = texts(locale).report.privacy;
  const n = formatNumber(minGroup, locale);
  const small = t.small(n);
  const note = t.note(n);
  if (minGroup <= 1) return [...sections];
  return sections.map((s) => {
    const tables = s.tables?.map((tb) => suppressTable(tb, minGroup, small, note));
    const charts = s.charts?.map((c): ReportChart => {
      const spec = suppressChartCounts(c.spec, minGroup, locale);
      return spec === c.spec ? c : { ...c, spec, description: `${c.description} ${note}` };
    });
    return { ...s, ...(tables ? { tables } : {}), ...(charts ? { charts } : {}) };
  });
}
