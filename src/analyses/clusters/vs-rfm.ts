/**
 * How the two segmentations agree: customers per (cluster, RFM segment), with row and column shares
 * and the adjusted Rand index between the two partitions. Takes the two results it compares (their
 * per-customer tables are read); customers in only one of them are left out.
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { adjustedRandFromTable } from '../../stats/adjusted-rand.js';
import type { RfmResult } from '../rfm/index.js';
import type { ClusterResult } from './index.js';
import { clusterMessages } from './messages.js';

/** What {@link clusterVsRfm} compares: the two results (only their `table` is read). */
export interface ClusterVsRfmInput {
  /** A {@link clusters} result; its table holds `customer_id, cluster`. */
  clusters: Pick<ClusterResult, 'table'>;
  /** An `rfm` result; its table holds `customer_id, segment`. */
  rfm: Pick<RfmResult, 'table'>;
}

/** One cell of the cross-tab. */
export interface ClusterRfmCell {
  cluster: number;
  segment: string;
  customers: number;
  /** Share of the cluster's customers in this segment. */
  shareOfCluster: number;
  /** Share of the segment's customers in this cluster. */
  shareOfSegment: number;
}

/** The cross-tab of clusters × RFM segments. */
export interface ClusterRfmCrosstab {
  /** Non-empty cells, by cluster then segment. */
  cells: ClusterRfmCell[];
  /** Cluster numbers present, ascending. */
  clusters: number[];
  /** Segments present, largest first. */
  segments: string[];
  /** Customers in both tables. */
  customers: number;
  /** Adjusted Rand index between clusters and segments (1 = same grouping, ≈ 0 = unrelated). */
  adjustedRand: number;
}

/**
 * Cross-tabulate clusters against RFM segments.
 * @example const ct = await clusterVsRfm(wb, { rfm: await rfm(wb), clusters: await clusters(wb) });
 */
export async function clusterVsRfm(wb: Workbench, input: ClusterVsRfmInput): Promise<ClusterRfmCrosstab> {
  const clustersTable = input.clusters.table;
  const rfmTable = input.rfm.table;
  for (const [t, how] of [
    [clustersTable, 'clusters(wb)'],
    [rfmTable, 'rfm(wb)'],
  ] as const) {
    if (!(await wb.hasTable(t))) throw new WorkbenchError('NO_DATA', clusterMessages.runFirst(t, how), { table: t });
  }
  const rows = await wb.query<{ cluster: number; segment: string; customers: number }>(
    `select c.cluster, r.segment, count(*)::bigint as customers
     from ${quoteIdentifier(clustersTable)} as c join ${quoteIdentifier(rfmTable)} as r using (customer_id)
     group by all order by c.cluster, r.segment`,
  );
  if (rows.length === 0)
    throw new WorkbenchError('NO_DATA', clusterMessages.noCommonCustomers(clustersTable, rfmTable), {});
  const clusterTotals = new Map<number, number>();
  const segmentTotals = new Map<string, number>();
  for (const r of rows) {
    clusterTotals.set(r.cluster, (clusterTotals.get(r.cluster) ?? 0) + r.customers);
    segmentTotals.set(r.segment, (segmentTotals.get(r.segment) ?? 0) + r.customers);
  }
  const clusterList = [...clusterTotals.keys()].sort((a, b) => a - b);
  const segments = [...segmentTotals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  const count = new Map(rows.map((r) => [`${r.cluster}\u0000${r.segment}`, r.customers]));
  const table = clusterList.map((c) => segments.map((s) => count.get(`${c}\u0000${s}`) ?? 0));
  return {
    cells: rows.map((r) => ({
      ...r,
      shareOfCluster: r.customers / (clusterTotals.get(r.cluster) as number),
      shareOfSegment: r.customers / (segmentTotals.get(r.segment) as number),
    })),
    clusters: clusterList,
    segments,
    customers: [...clusterTotals.values()].reduce((a, b) => a + b, 0),
    adjustedRand: adjustedRandFromTable(table),
  };
}
