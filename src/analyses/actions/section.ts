/**
 * The "lists to act on" section: for every segment of the report, the value to filter on in the file of
 * `swb export` (`rfm_segment = champions`, `cluster = 1`, `value_tier = top-20%`) and, for RFM segments,
 * what to do. The report links to nothing and holds no id: it only names the columns and values.
 */
import type { ClusterResult } from '../clusters/index.js';
import type { RfmResult } from '../rfm/index.js';
import type { SegmentByResult } from '../segments/index.js';
import { clusterNames } from '../clusters/words.js';
import { segmentAction, segmentName } from '../rfm/words.js';
import { segmentValueName } from '../../i18n/analyses.js';
import { formatNumber, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { actionTexts } from './texts.js';

/** The segmentations the export holds. */
export interface ActionsSectionInput {
  rfm?: RfmResult;
  clusters?: ClusterResult;
  /** Value tiers. */
  tiers?: SegmentByResult;
}

/**
 * The section, or undefined when there is no segmentation to act on.
 * @example actionsSection({ rfm: results.rfm, clusters: results.clusters, tiers: results.segments?.segments }, { locale: 'nl' })
 */
export function actionsSection(
  input: ActionsSectionInput,
  options: { locale?: Locale } = {},
): ReportSection | undefined {
  const locale = options.locale ?? 'en';
  const t = actionTexts(locale).section;
  const count = (n: number) => formatNumber(n, locale);
  const tables: ReportTable[] = [];
  if (input.rfm) {
    tables.push({
      caption: t.rfmCaption,
      columns: t.rfmCols.map((label, i) => ({ label, ...(i === 2 ? { numeric: true, kind: 'count' as const } : {}) })),
      rows: input.rfm.options.segmentMap.segments.flatMap((sg) => {
        const n = input.rfm!.segments.find((s) => s.key === sg.key)?.customers ?? 0;
        return n > 0 ? [[segmentName(sg, locale), `rfm_segment = ${sg.key}`, count(n), segmentAction(sg, locale)]] : [];
      }),
    });
  }
  const other: string[][] = [];
  if (input.clusters) {
    const names = clusterNames(input.clusters.profiles, locale);
    input.clusters.profiles.forEach((p, i) =>
      other.push([t.cluster(p.cluster, names[i] ?? ''), `cluster = ${p.cluster}`, count(p.size)]),
    );
  }
  for (const s of input.tiers?.segments ?? [])
    other.push([segmentValueName(s.segment, locale), `value_tier = ${s.segment}`, count(s.size)]);
  if (other.length)
    tables.push({
      caption: t.otherCaption,
      columns: t.otherCols.map((label, i) => ({
        label,
        ...(i === 2 ? { numeric: true, kind: 'count' as const } : {}),
      })),
      rows: other,
    });
  return tables.length ? { id: 'actions', title: t.title, intro: [t.intro, t.codes], tables } : undefined;
}
