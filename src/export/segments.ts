/**
 * exportSegments: segment membership for activation in a CRM or an e-mail tool. One row per scored
 * customer (everyone with a purchase before the as-of moment) with the RFM segment, cluster, value tier
 * and, where computed, CLV band, each as a stable key beside its label in the chosen language, written
 * atomically by DuckDB COPY as CSV or Parquet. The ids are the real customer ids: this file is for
 * operations, unlike the report (which never shows them). In CSV, text cells that begin like a spreadsheet
 * formula get a leading `'` (OWASP: CSV injection), counted in the result; Parquet keeps values exact.
 */
import { basename, extname } from 'node:path';
import { clusters as runClusters, type ClusterResult } from '../analyses/clusters/index.js';
import { clv as runClv } from '../analyses/clv/index.js';
import type { ClvResult } from '../analyses/clv/types.js';
import { rfm as runRfm, type RfmResult } from '../analyses/rfm/index.js';
import { checkSegmentTable, segmentBy, type SegmentByResult } from '../analyses/segments/index.js';
import { keyword } from '../analyses/shared/validate.js';
import { WorkbenchError } from '../errors.js';
import { clusterNames } from '../analyses/clusters/words.js';
import { segmentName } from '../analyses/rfm/words.js';
import { segmentValueName } from '../i18n/analyses.js';
import type { Locale } from '../locale.js';
import { messages } from '../messages.js';
import { exportMessages } from '../messages/export.js';
import type { QueryParam, Workbench } from '../workbench.js';
import { exportSelectSql, type ExportLabel } from './sql.js';
import { copyAtomically } from './write.js';
import { pseudonymSql } from '../privacy/pseudonym-sql.js';
import { checkOutputPath } from '../report/save.js';
import { clvTexts } from '../analyses/clv/texts.js';

/** Output format of {@link exportSegments}. */
export type ExportFormat = 'csv' | 'parquet';

/** Options of {@link exportSegments}. */
export interface ExportSegmentsOptions {
  /** Output file (parent folders are created). */
  out: string;
  /** File format. @defaultValue 'parquet' when `out` ends in `.parquet`, else 'csv' */
  format?: ExportFormat;
  /** CSV field delimiter: `,`, `;` (Dutch/European Excel: numbers then get a decimal comma) or a tab. @defaultValue ',' */
  delimiter?: ',' | ';' | '\t';
  /** Language of the label columns (the key columns never change). @defaultValue 'en' */
  locale?: Locale;
  /** As-of moment; later orders are left out, as in the report. @defaultValue the day after the last order */
  asOf?: Date;
  /** An RFM result whose table is still current. @defaultValue computed with the report's options */
  rfm?: RfmResult;
  /** A cluster result whose table is still current. @defaultValue computed with the report's options (left out with a warning when they cannot be computed) */
  clusters?: ClusterResult;
  /** A value-tier segmentation (`segmentBy(wb, { valueTiers: true })`) whose table is still current. @defaultValue computed */
  tiers?: SegmentByResult;
  /** A CLV result whose table is still current, or `true` to fit BG/NBD + Gamma-Gamma now. @defaultValue none (no CLV columns) */
  clv?: ClvResult | boolean;
  /**
   * A snapshot of an earlier run (`swb report --snapshot`): adds `previous_rfm_segment` (empty for a customer
   * not in it), so the customers who moved can be filtered. @defaultValue none
   */
  previousSnapshot?: string;
}

/** What {@link exportSegments} wrote. */
export interface ExportSegmentsResult {
  /** Absolute path of the file. */
  path: string;
  /** Rows written (one per customer). */
  rows: number;
  /** Column names in file order. */
  columns: string[];
  /** Customers per RFM segment key, in segment-map order (empty segments included). */
  segments: Record<string, number>;
  /** Options used. */
  options: { format: ExportFormat; delimiter: string; decimalComma: boolean; locale: Locale; asOf: Date };
  /**
   * CSV only: text cells per column (ids, keys, labels) that began with `=`, `+`, `-`, `@`, a tab or a
   * carriage return and were written with a leading `'` so that a spreadsheet does not run them as formulas
   * (OWASP's advice on CSV injection). Columns with none are left out; empty for Parquet, which keeps values exact.
   */
  neutralised: Record<string, number>;
  /** Recoverable problems (e.g. clusters that could not be computed on this data), and the neutralised cells. */
  warnings: string[];
}

const TIERS_TABLE = 'segments_value_tiers';

/** Labels of every key the file holds, in the locale. Pure. */
export function exportLabels(
  locale: Locale,
  r: RfmResult,
  c?: ClusterResult,
  tiers?: SegmentByResult,
  clvDone = false,
): ExportLabel[] {
  const out: ExportLabel[] = r.options.segmentMap.segments.map((sg) => ({
    kind: 'rfm',
    key: sg.key,
    label: segmentName(sg, locale),
  }));
  if (c)
    clusterNames(c.profiles, locale).forEach((name, i) =>
      out.push({ kind: 'cluster', key: String(c.profiles[i]!.cluster), label: name }),
    );
  for (const s of tiers?.segments ?? [])
    out.push({ kind: 'tier', key: s.segment, label: segmentValueName(s.segment, locale) });
  if (clvDone)
    for (const [key, label] of Object.entries(clvTexts(locale).section.tierNames))
      out.push({ kind: 'clv', key, label });
  return out;
}

function formatOf(options: ExportSegmentsOptions): ExportFormat {
  const format =
    options.format === undefined
      ? extname(options.out).toLowerCase() === '.parquet'
        ? 'parquet'
        : 'csv'
      : options.format;
  if (format !== 'csv' && format !== 'parquet')
    throw new WorkbenchError('BAD_OPTION', messages.badExportFormat(format), { format });
  if (format === 'parquet' && options.delimiter !== undefined)
    throw new WorkbenchError('BAD_OPTION', messages.delimiterWithParquet(), {});
  return format;
}

/** Clusters as the report computes them; on data where they cannot be computed, none and a warning. */
async function clustersOrWarn(wb: Workbench, asOf: Date, warnings: string[]): Promise<ClusterResult | undefined> {
  try {
    return await runClusters(wb, { asOf });
  } catch (e) {
    if (!(e instanceof WorkbenchError) || e.code === 'OUT_OF_MEMORY' || e.code === 'CLOSED') throw e;
    warnings.push(messages.sectionSkipped(e.message));
    return undefined;
  }
}

/** Text cells per column that begin like a formula (columns with none left out). */
async function formulaCells(
  wb: Workbench,
  countSql: string,
  params: Record<string, QueryParam>,
): Promise<Record<string, number>> {
  const [row] = await wb.query<Record<string, number>>(countSql, params);
  return Object.fromEntries(
    Object.entries(row ?? {})
      .map(([k, n]) => [k, Number(n)])
      .filter(([, n]) => Number(n) > 0),
  );
}

/**
 * Write one row per customer with their RFM segment, cluster, value tier and CLV band (keys and labels).
 * Runs the analyses it is not given, with the report's options, on the loaded `transactions`.
 * @example await exportSegments(wb, { out: 'exports/segments.csv', delimiter: ';', locale: 'nl' });
 */
export async function exportSegments(wb: Workbench, options: ExportSegmentsOptions): Promise<ExportSegmentsResult> {
  const format = formatOf(options);
  const delimiter = format === 'csv' ? keyword('delimiter', options.delimiter ?? ',', [',', ';', '\t'] as const) : ',';
  const locale = options.locale ?? 'en';
  // Before any work: a folder, symlink or device at `out` fails now, not after the analyses.
  await checkOutputPath(options.out, 'the segment list');
  const warnings: string[] = [];
  const r = options.rfm ?? (await runRfm(wb, options.asOf ? { asOf: options.asOf, laterOrders: 'exclude' } : {}));
  const asOf = r.options.asOf;
  const c = options.clusters ?? (await clustersOrWarn(wb, asOf, warnings));
  const tiers = options.tiers ?? (await segmentBy(wb, { valueTiers: true }, { asOf, table: TIERS_TABLE }));
  if (options.tiers) await checkSegmentTable(wb, options.tiers);
  const clvResult =
    options.clv === true
      ? await runClv(wb, { calibrationEnd: new Date(asOf.getTime() - 86_400_000) })
      : options.clv || undefined;
  const decimalComma = format === 'csv' && delimiter === ';';
  const { sql, params, columns, formulaCountSql } = exportSelectSql({
    rfm: r.table,
    ...(c ? { clusters: c.table } : {}),
    tiers: tiers.table,
    ...(clvResult ? { clv: clvResult.table } : {}),
    labels: exportLabels(locale, r, c, tiers, clvResult !== undefined),
    decimalComma,
    neutralise: format === 'csv',
    ...(options.previousSnapshot
      ? { previous: { path: options.previousSnapshot, pseudonym: pseudonymSql('r.customer_id') } }
      : {}),
  });
  const neutralised = format === 'csv' ? await formulaCells(wb, formulaCountSql, params) : {};
  if (Object.keys(neutralised).length)
    warnings.push(exportMessages.formulaCellsNeutralised(basename(options.out), neutralised));
  const path = await copyAtomically(
    wb,
    sql,
    params,
    options.out,
    format === 'csv' ? { format, delimiter } : { format },
    'the segment list',
  );
  return {
    path,
    rows: r.customerCount,
    columns,
    segments: Object.fromEntries(r.segments.map((s) => [s.key, s.customers])),
    options: { format, delimiter, decimalComma, locale, asOf },
    neutralised,
    warnings,
  };
}
