/**
 * Data minimisation for reports: which attributes of the customers file the analyses actually used, so the
 * report names those (the method section lists them) and carries no other customers-file column. Pure.
 */
import type { LoadReport } from '../data/load-report.js';
import type { PipelineResults } from './run.js';

/**
 * Customers-file attributes (beyond `customer_id`) that an analysis in `results` read, in file order.
 * @example customerAttributesUsed(results) // ['age_band', 'region', 'city_size', 'nps']
 */
export function customerAttributesUsed(
  results: Pick<PipelineResults, 'customers' | 'segments' | 'clusters' | 'cohorts'>,
): string[] {
  const load = results.customers;
  if (!load) return [];
  const used = new Set<string>();
  for (const sub of results.segments?.subsegments ?? []) {
    used.add(sub.byVariable);
    for (const c of sub.kpi.columns) used.add(c);
  }
  if (results.segments?.segments) used.add(results.segments.segments.variable);
  for (const k of results.segments?.kpis?.kpis ?? []) for (const c of k.columns) used.add(c);
  for (const f of results.clusters?.features ?? []) used.add(f.name);
  if (results.cohorts?.options.by) used.add(results.cohorts.options.by);
  return load.columns.map((c) => c.field).filter((f) => f !== 'customer_id' && used.has(f));
}

/** The customers load report with only `customer_id` and the used attributes among its columns. */
export function minimiseLoad(load: LoadReport, used: readonly string[]): LoadReport {
  const keep = new Set(['customer_id', ...used]);
  return { ...load, columns: load.columns.filter((c) => keep.has(c.field)) };
}
