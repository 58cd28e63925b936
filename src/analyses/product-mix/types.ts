/** The types of the product-mix analysis: options, the options used, the result (keys and numbers). */
import type { DateInput } from '../shared/validate.js';

/** Options of `productMix` and `productMixCustomers`. */
export interface ProductMixOptions {
  /** End of observation: orders on or after it are left out. @defaultValue the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** Clusters with fewer customers are flagged `tooSmall`; pairs bought together by fewer are too. @defaultValue 30 */
  minSize?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Product → category table (`product_id, category`, see `loadCategories`); wins over the transactions' `category`. @defaultValue none */
  categories?: string;
  /** Number of clusters, 2–12. @defaultValue chosen by silhouette among 2–8 */
  k?: number;
  /** Seed of k-means and of the bootstrap. @defaultValue 42 */
  seed?: number;
  /** Order lines with a category a customer needs to be clustered (fewer: segment `few-lines`). @defaultValue 3 */
  minLines?: number;
}

/** The options of a run with every default filled in. */
export interface ProductMixOptionsUsed {
  asOf: Date;
  asOfFromData: boolean;
  minSize: number;
  source: string;
  /** Product → category table, or null when the transactions' own column was used. */
  categories: string | null;
  /** k used, and whether it was chosen by silhouette. */
  k: number;
  kChosen: boolean;
  seed: number;
  minLines: number;
}

/** A category as the analysis numbered it. */
export interface MixCategory {
  /** Its name in the data, or `other` for the categories past the twelfth (by spend). */
  name: string;
  /** True for the `other` feature. */
  other: boolean;
  /** Spend in it (purchase rows). */
  spend: number;
  /** Customers who bought in it. */
  customers: number;
}

/** One cluster of customers with a similar mix. */
export interface MixCluster {
  /** Stable key: `mostly:<category>` or `mixed` (a second cluster with the same name gets `#2`). */
  key: string;
  /** The category the average customer spends at least half in, or null for `mixed`. */
  mostly: string | null;
  /** Customers in it. */
  customers: number;
  /** customers / clustered customers. */
  share: number;
  /** Spend of its customers. */
  spend: number;
  /** Average share of spend per category (same order as `categories`). */
  profile: number[];
  /** Fewer customers than `minSize`. */
  tooSmall: boolean;
}

/** Two categories bought by the same customers (see pairs.ts for the method). */
export interface MixPair {
  a: string;
  b: string;
  customersBoth: number;
  expected: number;
  lift: number;
  /** Family-wise 95% interval of the lift (Bonferroni over the pairs; see pairs.ts). */
  low: number;
  high: number;
  /** The interval lies above 1: bought together beyond chance. */
  together: boolean;
  /** Fewer than `minSize` customers bought both. */
  tooSmall: boolean;
}

/** What `productMix` returns: aggregates only. */
export interface ProductMixResult {
  options: ProductMixOptionsUsed;
  /** Customers with a categorised purchase before the as-of date. */
  customerCount: number;
  /** Of them, customers with at least `minLines` categorised lines: the clustered ones. */
  clusteredCount: number;
  /** Purchase rows and revenue, and the part with a category. */
  coverage: { rows: number; withCategory: number; revenue: number; withCategoryRevenue: number };
  /** The categories in feature order (by spend; `other` last when there are more than twelve). */
  categories: MixCategory[];
  /** Clusters, most customers first. */
  clusters: MixCluster[];
  /** Customers with fewer than `minLines` categorised lines. */
  fewLines: number;
  /** Silhouette per k tried (empty when k was given). */
  kTable: Array<{ k: number; silhouette: number }>;
  /** Every pair of named categories, highest lift first (ties by names). */
  pairs: MixPair[];
  warnings: string[];
}

/** One customer's mix segment and the numbers behind it (the rows `swb export` writes). */
export interface ProductMixCustomer {
  customerId: string;
  /** Cluster key (`mostly:<category>`, `mixed`) or `few-lines`. */
  segment: string;
  /** Categorised order lines and spend. */
  lines: number;
  spend: number;
  /** Share of spend per category, by category name. */
  shares: Record<string, number>;
}
