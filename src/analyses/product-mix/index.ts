/**
 * Product mix (needs): each customer's share of spend per product category, clustered with the library's
 * seeded k-means (`clusters/fit.ts`) into groups named by what they mostly buy ("mostly Books", or "mixed"), and
 * the categories that sell together (pairs bought by the same customers beyond chance: lift with a bootstrap
 * interval, see pairs.ts). Categories come from the transactions' `category` column or a product → category
 * table (`loadCategories`). Spend, shares and assignment run in DuckDB over the whole data; k-means is fitted on
 * a deterministic sample of at most `MIX_RULES.fitSample` customers, and every customer is assigned in SQL.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { chooseK, countDistinct, fitKMeans, silhouetteScore, type KMeansFit } from '../clusters/fit.js';
import { resolveAsOf } from '../shared/as-of.js';
import { checkTransactionSource } from '../shared/source.js';
import { checkOptionKeys, minSizeOption, optionKeys, wholeNumber } from '../shared/validate.js';
import { mixMessages } from './messages.js';
import { pairLifts } from './pairs.js';
import {
  assignSql,
  categoriesSql,
  fitSampleSql,
  MIX_RULES,
  mixRowsSql,
  mixSegmentsSql,
  patternsSql,
  profilesSql,
  spendCoverageSql,
  spendSql,
  vectorsSql,
  type CategorySource,
} from './sql.js';
import type {
  MixCategory,
  MixCluster,
  MixPair,
  ProductMixCustomer,
  ProductMixOptions,
  ProductMixOptionsUsed,
  ProductMixResult,
} from './types.js';

export { MIX_RULES } from './sql.js';
export type * from './types.js';

const KEYS = optionKeys<ProductMixOptions>({
  asOf: true,
  minSize: true,
  source: true,
  categories: true,
  k: true,
  seed: true,
  minLines: true,
});

/** Whether the transactions (or a mapping table) can give categories: the columns the analysis reads. */
export async function productMixColumns(
  wb: Workbench,
  source = 'transactions',
): Promise<{ hasCategory: boolean; hasProductId: boolean; columns: string[] }> {
  const columns = await checkTransactionSource(wb, source);
  return { hasCategory: columns.includes('category'), hasProductId: columns.includes('product_id'), columns };
}

interface Fitted {
  used: ProductMixOptionsUsed;
  categories: MixCategory[];
  /** Temp tables to drop. */
  tables: { spend: string; vectors: string; assigned: string };
  fit: KMeansFit;
  kTable: Array<{ k: number; silhouette: number }>;
  coverage: ProductMixResult['coverage'];
}

async function fitMix(wb: Workbench, options: ProductMixOptions, verb: string): Promise<Fitted> {
  checkOptionKeys(verb, options, KEYS);
  const source = options.source ?? 'transactions';
  const minSize = minSizeOption(options.minSize);
  const minLines = wholeNumber('minLines', options.minLines ?? 3, 1);
  const seed = wholeNumber('seed', options.seed ?? 42, 0);
  if (options.k !== undefined && !(Number.isInteger(options.k) && options.k >= 2 && options.k <= 12))
    throw new WorkbenchError('BAD_OPTION', mixMessages.badK(options.k), { k: options.k });
  const has = await productMixColumns(wb, source);
  if (options.categories !== undefined && !has.hasProductId)
    throw new WorkbenchError('MISSING_FIELD', mixMessages.needsProductId(source), { missing: ['product_id'] });
  if (options.categories === undefined && !has.hasCategory)
    throw new WorkbenchError('MISSING_FIELD', mixMessages.needsCategories(source, has.columns), {
      missing: ['category'],
    });
  const cs: CategorySource = {
    source,
    hasColumn: has.hasCategory,
    ...(options.categories !== undefined ? { mapping: options.categories } : {}),
  };
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf);
  const tables = {
    spend: wb.tempName('_swb_mix_spend'),
    vectors: wb.tempName('_swb_mix_vec'),
    assigned: wb.tempName('_swb_mix'),
  };
  try {
    await wb.run(spendSql(cs, tables.spend), { asOf });
    const [cov] = await wb.query<{
      rows: number;
      with_category: number;
      revenue: number;
      with_category_revenue: number;
    }>(spendCoverageSql(tables.spend));
    const coverage = {
      rows: Number(cov?.rows ?? 0),
      withCategory: Number(cov?.with_category ?? 0),
      revenue: Number(cov?.revenue ?? 0),
      withCategoryRevenue: Number(cov?.with_category_revenue ?? 0),
    };
    if (coverage.withCategory === 0) throw new WorkbenchError('NO_DATA', mixMessages.noCategorised(), {});
    const rows = await wb.query<{ idx: number; category: string; spend: number; customers: number }>(
      categoriesSql(tables.spend),
    );
    const d = Math.max(...rows.map((r) => Number(r.idx))) + 1;
    const categories: MixCategory[] = Array.from({ length: d }, (_, i) => {
      const inIdx = rows.filter((r) => Number(r.idx) === i);
      const other = i === MIX_RULES.maxCategories;
      return {
        name: other ? 'other' : (inIdx[0]?.category ?? ''),
        other,
        spend: inIdx.reduce((a, r) => a + Number(r.spend), 0),
        customers: inIdx.reduce((a, r) => a + Number(r.customers), 0),
      };
    });
    await wb.run(vectorsSql(tables.spend, tables.vectors, d));
    const sample = await wb.query<Record<string, number>>(fitSampleSql(tables.vectors, d, MIX_RULES.fitSample), {
      minLines,
    });
    const points = sample.map((r) => Array.from({ length: d }, (_, i) => Number(r[`s${i}`])));
    const distinct = countDistinct(points);
    if (points.length < 2 || distinct < 2)
      throw new WorkbenchError('TOO_FEW_POINTS', mixMessages.tooFewCustomers(points.length, minLines), {});
    const fitOptions = { seed, restarts: 4, maxIterations: 100 };
    const kTable: Array<{ k: number; silhouette: number }> = [];
    let fit: KMeansFit | undefined;
    if (options.k !== undefined) fit = await fitKMeans(points, Math.min(options.k, distinct), fitOptions);
    else {
      const fits = new Map<number, KMeansFit>();
      const top = Math.min(MIX_RULES.kRange[1], d, distinct);
      const sil = points.slice(0, MIX_RULES.silhouetteSample);
      for (let k = MIX_RULES.kRange[0]; k <= top; k++) {
        const f = await fitKMeans(points, k, fitOptions);
        fits.set(k, f);
        kTable.push({ k, silhouette: silhouetteScore(sil, f.labels.slice(0, sil.length), k) });
      }
      fit = fits.get(chooseK(kTable.map((r) => ({ ...r, inertia: fits.get(r.k)?.inertia ?? NaN }))));
    }
    if (!fit) throw new WorkbenchError('TOO_FEW_POINTS', mixMessages.tooFewCustomers(points.length, minLines), {});
    await wb.run(assignSql(tables.vectors, tables.assigned, fit.centroids), { minLines });
    const used: ProductMixOptionsUsed = {
      asOf,
      asOfFromData: fromData,
      minSize,
      source,
      categories: options.categories ?? null,
      k: fit.k,
      kChosen: options.k === undefined,
      seed,
      minLines,
    };
    return { used, categories, tables, fit, kTable, coverage };
  } catch (e) {
    await dropTables(wb, tables);
    throw e;
  }
}

async function dropTables(wb: Workbench, tables: Fitted['tables']): Promise<void> {
  for (const t of Object.values(tables)) await wb.run(`drop table if exists ${quoteIdentifier(t)}`);
}

/** Cluster keys by profile: `mostly:<category>` when the average customer spends at least half there, else `mixed`. */
export function clusterKeys(profiles: readonly (readonly number[])[], categories: readonly MixCategory[]): string[] {
  const seen = new Map<string, number>();
  return profiles.map((p) => {
    let best = 0;
    p.forEach((v, i) => {
      if (v > (p[best] ?? 0)) best = i;
    });
    const cat = categories[best];
    const base = cat && !cat.other && (p[best] ?? 0) >= MIX_RULES.mostlyShare ? `mostly:${cat.name}` : 'mixed';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * Product-mix clusters and the categories that sell together. Needs a `category` column or a product → category
 * table (`categories`); MISSING_FIELD, saying what to load, without either.
 * @example const mix = await productMix(wb, { k: 4 }); mix.clusters[0].key // 'mostly:Books'
 */
export async function productMix(wb: Workbench, options: ProductMixOptions = {}): Promise<ProductMixResult> {
  const f = await fitMix(wb, options, 'productMix');
  try {
    const d = f.categories.length;
    const prof = await wb.query<Record<string, number>>(profilesSql(f.tables.assigned, d));
    const clustered = prof.filter((r) => Number(r['cluster']) >= 0);
    const profiles = clustered.map((r) => Array.from({ length: d }, (_, i) => Number(r[`m${i}`] ?? 0)));
    const keys = clusterKeys(profiles, f.categories);
    const clusteredCount = clustered.reduce((a, r) => a + Number(r['customers']), 0);
    const clusters: MixCluster[] = clustered
      .map((r, j) => {
        const profile = profiles[j] ?? [];
        const key = keys[j] ?? 'mixed';
        const customers = Number(r['customers']);
        return {
          key,
          mostly: key.startsWith('mostly:') ? key.slice(7).replace(/#\d+$/, '') : null,
          customers,
          share: clusteredCount > 0 ? customers / clusteredCount : NaN,
          spend: Number(r['spend']),
          profile,
          tooSmall: customers < f.used.minSize,
        };
      })
      .sort((a, b) => b.customers - a.customers || (a.key < b.key ? -1 : 1));
    const fewLines = Number(prof.find((r) => Number(r['cluster']) === -1)?.['customers'] ?? 0);
    const patterns = (await wb.query<{ mask: number; customers: number }>(patternsSql(f.tables.spend))).map((p) => ({
      mask: Number(p.mask),
      customers: Number(p.customers),
    }));
    const named = f.categories.filter((c) => !c.other).length;
    const pairs: MixPair[] = pairLifts(patterns, named, { replicates: MIX_RULES.replicates, seed: f.used.seed })
      .map((p) => ({
        a: f.categories[p.a]?.name ?? '',
        b: f.categories[p.b]?.name ?? '',
        customersBoth: p.customersBoth,
        expected: p.expected,
        lift: p.lift,
        low: p.low,
        high: p.high,
        together: p.low > 1,
        tooSmall: p.customersBoth < f.used.minSize,
      }))
      .sort((x, y) => (y.lift || 0) - (x.lift || 0) || (x.a + x.b < y.a + y.b ? -1 : 1));
    const warnings: string[] = [];
    if (f.coverage.withCategory * 2 < f.coverage.rows)
      warnings.push(mixMessages.warnMostlyEmpty(`${Math.round((100 * f.coverage.withCategory) / f.coverage.rows)}%`));
    return tagResult(
      {
        options: f.used,
        customerCount: clusteredCount + fewLines,
        clusteredCount,
        coverage: f.coverage,
        categories: f.categories,
        clusters,
        fewLines,
        kTable: f.kTable,
        pairs,
        warnings,
      },
      'ProductMixResult',
    );
  } finally {
    await dropTables(wb, f.tables);
  }
}

/** The key of each cluster number of a fit, as {@link productMix} names them (cluster -1 is `few-lines`). */
async function clusterKeyMap(wb: Workbench, f: Fitted): Promise<Map<number, string>> {
  const d = f.categories.length;
  const prof = await wb.query<Record<string, number>>(profilesSql(f.tables.assigned, d));
  const clustered = prof.filter((r) => Number(r['cluster']) >= 0);
  const keys = clusterKeys(
    clustered.map((r) => Array.from({ length: d }, (_, i) => Number(r[`m${i}`] ?? 0))),
    f.categories,
  );
  return new Map(clustered.map((r, j) => [Number(r['cluster']), keys[j] ?? 'mixed']));
}

/**
 * One row per customer with a categorised purchase before the as-of date, ordered by customer id: the mix
 * segment key (`mostly:<category>`, `mixed` or `few-lines`) and the numbers behind it (for
 * `swb export --segmentation product-mix`). Same options ⇒ same clusters as {@link productMix}.
 * @example const rows = await productMixCustomers(wb, { k: 4 });
 */
export async function productMixCustomers(
  wb: Workbench,
  options: ProductMixOptions = {},
): Promise<ProductMixCustomer[]> {
  const f = await fitMix(wb, options, 'productMixCustomers');
  try {
    const d = f.categories.length;
    const keyOf = await clusterKeyMap(wb, f);
    const rows = await wb.query<Record<string, unknown>>(mixRowsSql(f.tables.assigned, d));
    return rows.map((r) => ({
      customerId: String(r['customer_id']),
      segment: keyOf.get(Number(r['cluster'])) ?? 'few-lines',
      lines: Number(r['lines']),
      spend: Number(r['spend']),
      shares: Object.fromEntries(f.categories.map((c, i) => [c.name, Number(r[`s${i}`])])),
    }));
  } finally {
    await dropTables(wb, f.tables);
  }
}

/**
 * (Re)create `table` in DuckDB with one row per customer with a categorised purchase before the as-of date:
 * `customer_id`, `segment` (as {@link productMixCustomers}), `lines`, `spend`, `categories` (how many it bought
 * in) and `top_share` (its largest share of spend in one category). Same options ⇒ same clusters as
 * {@link productMix}. Returns the warnings of the run (a mostly empty category column).
 * @example await productMixTable(wb, 'mix_segments', { asOf: '2024-01-01' });
 */
export async function productMixTable(
  wb: Workbench,
  table: string,
  options: ProductMixOptions = {},
): Promise<{ warnings: string[] }> {
  const f = await fitMix(wb, options, 'productMixTable');
  try {
    const keyOf = await clusterKeyMap(wb, f);
    const params = Object.fromEntries([...keyOf].map(([j, key]) => [`k${j}`, key]));
    await wb.run(mixSegmentsSql(f.tables.assigned, table, f.categories.length, [...keyOf.keys()]), params);
    const warnings: string[] = [];
    if (f.coverage.withCategory * 2 < f.coverage.rows)
      warnings.push(mixMessages.warnMostlyEmpty(`${Math.round((100 * f.coverage.withCategory) / f.coverage.rows)}%`));
    return { warnings };
  } finally {
    await dropTables(wb, f.tables);
  }
}
