/**
 * English words of the report layer (see src/i18n/index.ts): the page itself and the summary,
 * data-quality and method sections at the top level, then one namespace per analysis section and the
 * notebook tables. Numbers come in already formatted for the locale.
 */
import type { SetAsideReason } from '../../data/load-report.js';

/** A period grain (month, week, quarter) in the words cohort sentences need. */
export interface PeriodWords {
  /** Singular: `month`. */
  one: string;
  /** Plural: `months`. */
  many: string;
  /** The period after one: `the next month`. */
  next: string;
}

/** The report's words in English. */
export const report = {
  defaultTitle: 'Customer segments',
  /** A section whose data misses a minimum: one line, shown first. */
  sufficiency: {
    line: (checks: string) => `Not enough data for reliable results here: ${checks}. The summary quotes nothing from this section.`,
    check: {
      customers: (v: string, m: string) => `${v} customers with a purchase (needs ${m})`,
      historyDays: (v: string, m: string) => `${v} days of history (needs ${m})`,
      repeatBuyers: (v: string, m: string) => `${v} customers with 3 or more orders (needs ${m})`,
      recentOrders: (v: string, m: string) => `${v} orders in the last 30 days (needs ${m})`,
    },
  },
  /** Privacy by default: suppressed small groups, pseudonyms, the personal attributes used. */
  privacy: {
    /** A suppressed count of people: "< 10". */
    small: (n: string) => `< ${n}`,
    /** Note under a table or chart with suppressed counts. */
    note: (n: string) => `Groups of fewer than ${n} customers are shown as “< ${n}” to protect their privacy.`,
    minGroup: 'Smallest group shown, in customers (minGroup)',
    pseudonyms: 'Customer ids',
    pseudonymsOn: 'not shown; a listed customer gets a pseudonym (keyed hash, key not stored)',
    attributesUsed: 'Personal attributes used (customers file)',
    attributesNone: 'none',
  },
  contents: 'Contents',
  generatedAt: (when: string) => `Generated ${when}`,
  noScript: 'JavaScript is off: charts are shown as static images without tooltips.',
  chartFallback: 'Chart',
  scrollHint: 'Scroll sideways for more →',
  source: 'Data source',
  period: 'Period',
  asOf: 'As-of date',
  /**
   * The headline figures, each with one definition and one label wherever it appears (summary, data
   * quality, RFM, cohorts; `swb validate` prints the file's counts in the same words).
   */
  figures: {
    /** Customers with at least one purchase row before the as-of date (customers with only returns do not count). */
    customers: 'Customers with a purchase',
    /** Distinct orders with at least one purchase row before the as-of date. */
    orders: 'Orders with a purchase',
    /** Distinct customer ids among the rows used, whatever they hold. */
    customerIds: 'Customer ids in the file',
    /** Distinct order ids among the rows used, returns and cancellations included. */
    orderIds: 'Order ids in the file (incl. returns and cancellations)',
    /** The as-of moment is the start of a day: the data used ends the day before. */
    asOfValue: (asOf: string, lastDay: string) => `${asOf} (orders up to and including ${lastDay})`,
    /** How the file's counts become the report's. */
    reconcile: (ids: string, buyers: string, orderIds: string, orders: string, asOf: string, later: boolean) =>
      `Of the ${ids} customer ids in the file, ${buyers} made a purchase before ${asOf}; the others only returned items${later ? ' or bought only later' : ''}. ` +
      `Of the ${orderIds} order ids, ${orders} hold a purchase before ${asOf}; the others hold only returns or cancellations${later ? ' or come later' : ''}.`,
  },
  periodRange: (first: string, last: string) => `${first} – ${last}`,
  summaryTitle: 'Summary',
  summaryIntro: 'The main figures and what stands out, in a few sentences.',
  customers: 'Customers',
  orders: 'Orders',
  revenue: 'Net revenue',
  keyFigures: 'Key figures',
  findingPeriod: (c: string, o: string, f: string, l: string) => `${c} customers placed ${o} orders between ${f} and ${l}.`,
  findingTopShare: (top: string, rev: string) => `The top ${top} of customers bring ${rev} of net revenue.`,
  findingOneTime: (share: string) => `${share} of customers ordered only once.`,
  findingReturns: (share: string) => `Returns and cancellations took back ${share} of gross revenue.`,
  findingAov: (aov: string, opc: string) => `An average order is worth ${aov}; a customer places ${opc} orders on average.`,
  dataQualityTitle: 'Data quality',
  dataQualityIntro: (read: string, loaded: string, share: string) =>
    `${read} rows were read and ${loaded} (${share}) were used. Rows that were set aside are counted below with the reason, so every figure in this report can be traced back to the file.`,
  rowsRead: 'Rows read',
  rowsLoaded: 'Rows used',
  rowsSetAside: 'Rows set aside',
  returnsHandling: 'Returns and cancellations',
  returnsNet: 'netted against revenue (negative amounts)',
  returnsExclude: 'left out',
  setAsideCaption: 'Rows set aside, by reason',
  reason: 'Reason',
  rows: 'Rows',
  shareOfRead: 'Share of rows read',
  exampleRows: 'Example rows (line numbers)',
  setAsideNote: 'Line numbers count the header as line 1.',
  nothingSetAside: 'No rows were set aside.',
  reasons: {
    missing_customer_id: 'No customer id',
    unparseable_date: 'Date could not be read',
    unparseable_amount: 'Amount could not be read',
    invalid_amount: 'Amount is not money (infinite, NaN, or a trillion or more)',
    date_out_of_range: 'Date far outside the data\'s period (over 24 months from the other orders)',
    zero_amount: 'Amount is zero',
    negative_price: 'Unit price below zero (not the price of a sale)',
    repeated_header: 'A repeat of the header line',
    return_excluded: 'Return (returns left out)',
    cancellation_excluded: 'Cancellation (cancellations left out)',
    duplicate: 'Exact duplicate of another row',
    missing_subscription_id: 'No subscription id',
    end_before_start: 'End date on or before the start date',
    negative_mrr: 'Monthly recurring revenue below zero',
    invalid_interval: 'Billing interval not recognised (month, quarter, half year, year or week)',
    overlapping_period: 'Period overlaps an earlier period of the same subscription',
    missing_event: 'No event name',
  } satisfies Record<SetAsideReason, string>,
  mappingCaption: (file: string) => `Columns used from ${file}`,
  field: 'Field',
  sourceColumn: 'Source column',
  warnings: 'Notes from loading',
  /** Loading notes (src/messages builds them in English for the console) in the report's words. */
  loadNotes: {
    dateFormat: (column: string, form: string) => `Dates in the column “${column}” were read in the form ${form}.`,
    ambiguousDates: (column: string, chosen: string, other: string) => `Dates in the column “${column}” fit both ${chosen} and ${other}; ${chosen} was used. Give the date format to choose the other.`,
    latin1: (file: string) => `${file} is not UTF-8 and was read as Latin-1 (Western European characters); check letters with accents.`,
    decimalComma: (file: string) => `${file} uses a decimal comma (12,50); numbers were read that way.`,
    derivedOrderId: 'There is no order number column: each customer’s purchases on one day count as one order.',
    ignoredColumns: (columns: string) => `Columns not used: ${columns}.`,
    subscriptionPerCustomer: 'There is no subscription number column: each customer counts as one subscription, so overlapping periods of one customer were set aside.',
    shadowedColumns: (columns: string) => `Columns not kept because a loaded field has their name: ${columns}.`,
    /** The source of MRR when it is a price per billing period. */
    mrrFromPrice: (price: string, interval: string) => `${price} ÷ months in ${interval}`,
    moneyText: (file: string, examples: string) => `Amounts in ${file} carry currency signs, codes, brackets or spaces (e.g. ${examples}); they were read without them, and an amount in brackets as negative.`,
    ambiguousDot: (file: string, example: string) => `Numbers in ${file} such as ${example} can mean thousands (1234) or decimals (1.234), and no row tells; they were read with a decimal point. Give the decimal mark if the dot separates thousands.`,
    /** Letters of a date pattern: year, month, day, hour, minute, second, month name, AM/PM. */
    dateLetters: { Y: 'YYYY', y: 'YY', m: 'MM', d: 'DD', H: 'hh', I: 'hh', M: 'mm', S: 'ss', b: 'Mon', B: 'Month', p: 'AM/PM', f: 'fff' } as Record<string, string>,
  },
  customersFile: 'Customer attributes file',
  methodTitle: 'Method and parameters',
  methodIntro: 'Everything needed to reproduce this report: the input file and its checksum, the as-of date and the options of each analysis.',
  inputFile: 'Input file',
  checksum: 'SHA-256 checksum',
  preset: 'Column preset',
  toolVersion: 'Tool version',
  currency: 'Currency of the amounts',
  transactionsLoaded: 'Transaction rows used',
  optionsOf: (a: string) => `Options of ${a}`,
  technicalCaption: 'Measures and formats behind the findings',
  technicalSection: 'Section',
  technicalMeasure: 'Measure',
  optionsCaption: 'Analysis options',
  analysis: 'Analysis',
  option: 'Option',
  value: 'Value',
  yes: 'yes',
  no: 'no',
  none: '—',
  /** Words of the method section's option table: analysis names, option names, option values in words. */
  method: {
    analyses: { RFM: 'RFM', Cohorts: 'Cohorts', Clusters: 'Clusters', Segments: 'Segments', Goals: 'Goals', CLV: 'Predicted customer value (CLV)',
      'MRR movements': 'MRR movements', 'Subscription churn': 'Churn by plan', 'Subscription cohorts': 'Subscription cohorts',
      'Usage segments': 'Usage segments', 'Usage churn': 'Churn by usage', 'Subscription churn by usage': 'Revenue churn by usage segment' } as Record<string, string>,
    options: {
      goalsFile: 'Goals file', goals: 'Goals', churnDays: 'Churn window in days',
      asOf: 'As-of date', bins: 'Score levels', scoring: 'Scoring', returns: 'Returns', laterOrders: 'Orders after the as-of date',
      segmentMap: 'Segment map', minSize: 'Smallest group to report, in customers', period: 'Cohort period', by: 'Cohorts by',
      dropPartial: 'Leave out the last, partly observed period', features: 'Features', k: 'Number of clusters',
      kRange: 'Numbers of clusters tried', seed: 'Random seed', restarts: 'Restarts of k-means', sampleSize: 'Largest fit sample',
      logScale: 'Log-scale computed features', missing: 'Customers with missing values', segments: 'Segments',
      subsegments: 'Sub-segment comparisons', migration: 'Movement between segments', from: 'from', to: 'to', segmentation: 'segmentation',
      calibrationEnd: 'Calibration period ends', unit: 'Time unit', horizonMonths: 'Horizon in months', discountRate: 'Discount rate per year',
      margin: 'Margin: share of revenue that is profit', aliveBands: 'P(alive) band limits', tierShares: 'CLV tier shares', fitSample: 'Largest fit sample',
      firstMonth: 'First month', lastMonth: 'Last month', segmentBy: 'Segments by', usageAt: 'Usage measured up to', windowDays: 'Usage window in days',
      lightBelow: 'Light user below this share of days', powerAbove: 'Power user above this share of days', featureBands: 'Feature bands (lower limits)', segmented: 'Customers segmented',
    } as Record<string, string>,
    values: {
      rfm: 'RFM segments', 'value-tiers': 'revenue tiers',
      net: 'netted against revenue', exclude: 'left out', ignore: 'left out', error: 'stop with an error', quantile: 'quantiles', fixed: 'fixed thresholds',
      auto: 'chosen automatically', mean: 'filled with the mean', standard: 'standard', month: 'month', week: 'week', quarter: 'quarter',
      weeks: 'weeks', days: 'days', 'first order period': 'period of the first order', paying: 'paying customers', usage_segment: 'usage segment', plan: 'plan',
      'value tiers (top 20%, next 30%, rest)': 'revenue tiers (top 20%, next 30%, rest)',
    } as Record<string, string>,
    /** A sub-segment comparison: "age band within each segment: Revenue per customer (method)". */
    subsegments: (by: string, kpi: string, method: string) => `${by} within each segment: ${kpi} (${method})`,
    bonferroni: (z: string) => `intervals widened for the number of comparisons (Bonferroni, z = ${z})`,
    /** The exact method of each KPI and its 95% confidence interval. */
    kpiMethod: {
      mean: 'mean per customer; 95% CI of the difference from the segment from Welch standard errors (sub-segment vs the rest of its segment), normal quantile 1.96',
      ratio: 'net revenue / orders of customers with orders; 95% CI by the delta method for a ratio of sums (sub-segment vs the rest of its segment), normal quantile 1.96',
      repeat: 'customers with 2+ orders among customers with orders; 95% CI of the difference by the normal approximation for two proportions (sub-segment vs the rest of its segment)',
      churn: (days: string) => `customers with orders but none in the ${days} days before the as-of date; 95% CI of the difference by the normal approximation for two proportions (sub-segment vs the rest of its segment)`,
      nps: (column: string) => `NPS = % promoters (9–10) − % detractors (0–6) of the 0–10 scores in ${column}; 95% CI of the difference from its standard error √((p + d − (p − d)²)/n) (sub-segment vs the rest of its segment), normal quantile 1.96`,
    },
    dateFormat: (column: string) => `Date format of ${column} (strptime)`,
  },
  /** The RFM section: intro, findings, charts, the segment and loyalty tables. */
  rfmSection: {
    title: 'RFM segments',
    intro: (asOf: string, bins: number, quantile: boolean) =>
      `Every customer is scored 1–${bins} on recency (days since the last order), frequency (number of orders) and monetary value (net revenue after returns), as of ${asOf}. ` +
      (quantile
        ? `Scores are quantiles: ${bins} is the best group and 1 the weakest; customers with equal values always get equal scores.`
        : 'Scores follow fixed business thresholds.'),
    intro2: 'The segment follows from the recency and frequency scores (the R×F grid below).',
    share: (name: string, c: string, r: string) => `${name} are ${c} of customers and bring ${r} of net revenue.`,
    pareto: (r: string) => `The top 20% of customers by net revenue bring ${r} of it.`,
    atRisk: (c: string, n: string, r: string) => `${c} of customers (${n}) are at risk or slipping away; together they brought ${r} of net revenue — worth a win-back campaign.`,
    lost: (c: string, d: string) => `${c} of customers are lost: on average their last order was ${d} days ago.`,
    heatmap: 'Customers by recency and frequency', heatmapDesc: 'Each cell is one combination of recency score (rows) and frequency score (columns), labelled with its segment; the number is the customers in it.',
    bars: 'Customers and revenue per segment', barsDesc: 'For each segment, its share of all customers beside its share of all net revenue.',
    dist: { recency: 'Recency', frequency: 'Frequency', monetary: 'Monetary value' },
    distDesc: 'How the customers are spread over the values behind the scores.',
    caption: 'Segments, what they mean and what to do', loyaltyCaption: 'Loyalty groups',
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a group; look at these customers one by one.`,
    cols: ['Segment', 'Description', 'Suggested action', 'Customers', 'Share', 'Net revenue', 'Share of revenue'],
    loyaltyCols: ['Group', 'Customers', 'Share', 'Net revenue', 'Share of revenue'],
    facts: { period: 'Orders from', bins: 'Scores', scoring: 'Scoring', returns: 'Returns', map: 'Segment map' },
    quantile: 'quantiles (equal values, equal scores)', fixed: 'fixed thresholds',
    returnsNet: 'netted against revenue', returnsIgnore: 'left out', to: 'to',
  },
  /** The cohorts section; `PeriodWords` is the grain (month, week, quarter) in words. */
  cohortsSection: {
    title: 'Cohorts',
    unit: {
      month: { one: 'month', many: 'months', next: 'the next month' }, week: { one: 'week', many: 'weeks', next: 'the next week' },
      quarter: { one: 'quarter', many: 'quarters', next: 'the next quarter' },
    },
    intro: (by: string, u: PeriodWords) =>
      `Cohort analysis groups customers by ${by} and follows each group ${u.one} by ${u.one} after the first order. Retention is the share of a cohort that ordered again in a ${u.one}; revenue retention compares the cohort’s revenue per customer in a ${u.one} with its first ${u.one}; cumulative revenue per customer adds up net revenue from the first order on (a historical lifetime value). Newer cohorts have fewer ${u.many} behind them, which is why the table is a triangle.`,
    byPeriod: (u: PeriodWords) => `the ${u.one} of their first order`, byAttr: (a: string) => `${a} (of their first order or customer record)`,
    partial: (label: string, asOf: string) => `The data ends on ${asOf}, during ${label}: that last period is only partly observed, so it is marked with * and left out of the curves and averages.`,
    attrPartial: 'Each customer’s last, partly observed period is left out, because the cohorts mix customers who started at different times.',
    next: (label: string, share: string, u: PeriodWords) => `Of the customers who started in ${label}, ${share} ordered again ${u.next}.`,
    nextAttr: (label: string, share: string, u: PeriodWords) => `Of the customers in ${label}, ${share} ordered again ${u.next}.`,
    average: (a: string, k: number, u: PeriodWords, b?: string, k2?: number) =>
      `On average ${a} of a cohort is still active after ${k} ${k === 1 ? u.one : u.many}${b !== undefined && k2 !== undefined ? ` and ${b} after ${k2} ${u.many}` : ''} (weighted by cohort size).`,
    trend: (better: boolean, recent: string, early: string, u: PeriodWords) =>
      `Newer cohorts come back ${better ? 'more' : 'less'} often: ${recent} of the last three ordered again ${u.next}, against ${early} of the first three.`,
    spread: (best: string, bestShare: string, worst: string, worstShare: string, u: PeriodWords, min: number) =>
      `Retention after one ${u.one} is highest for ${best} (${bestShare}) and lowest for ${worst} (${worstShare}), among cohorts of at least ${min} customers.`,
    ltv: (k: number, u: PeriodWords, v: string) => `After ${k} ${k === 1 ? u.one : u.many} a customer has brought ${v} in net revenue on average (cumulative, weighted by cohort size).`,
    heat: 'Retention by cohort', heatDesc: 'Each row is a cohort (with its number of customers), each column a period since the first order; a cell is the share of the cohort that ordered in that period. Read down a column to compare cohorts at the same age.',
    heatRev: 'Revenue retention by cohort', heatRevDesc: 'As above, but each cell is the cohort’s revenue per customer in that period relative to its first period; above 100% means customers spend more than when they started.',
    curves: 'Retention curves', curvesDesc: 'The same retention as lines, one per cohort, with the size-weighted average in black: curves that flatten out show a loyal core.',
    ltvChart: 'Cumulative revenue per customer', ltvDesc: 'Net revenue per customer added up period by period: how much a customer of each cohort has been worth so far.',
    caption: 'Cohorts', cohort: 'Cohort', customers: 'Customers', after: (k: number, u: PeriodWords) => `Retention after ${k} ${k === 1 ? u.one : u.many}`,
    ltvAfter: (k: number, u: PeriodWords) => `Revenue per customer after ${k} ${k === 1 ? u.one : u.many}`, revenue: 'Net revenue', avgRow: 'Weighted average',
    tableNote: (n: number, total: number, by: boolean) => `${by ? 'The largest' : 'The latest'} ${n} of ${total} cohorts; – = not yet (fully) observed.`,
    tableNoteAll: '– = not yet (fully) observed.',
    facts: { by: 'Cohorts by', period: 'Period', cohorts: 'Cohorts', returns: 'Returns', partial: 'Last period', returnsOnly: 'Customers with only returns (in no cohort)' },
    firstOrder: (u: PeriodWords) => `${u.one} of first order`, returnsNet: 'netted against revenue', returnsIgnore: 'left out',
    partialYes: (l: string) => `${l}, partly observed`, partialNo: (l: string) => `${l}, complete`,
  },
  /** The clusters section: method, findings by separation quality, charts, profile and cross-tab tables. */
  clustersSection: {
    title: 'Clusters',
    intro: (features: string, log: boolean) =>
      `Clustering looks for groups of similar customers without defining them in advance. Customers are described by ${features}${log ? ' (large values compressed, so a few very large customers do not dominate)' : ''}; every feature is put on the same scale, so that none weighs more because of its unit. The customers are then divided into groups around group centres.`,
    /** `all`: the centres were found on every customer (the sample was all of them). */
    introK: (auto: boolean, k: number, from: number, to: number, n: string, all: boolean) =>
      `${auto ? `The number of groups was chosen between ${from} and ${to} as the one where the groups are most clearly apart: ${k}.` : `The number of groups was set to ${k}.`} ${all ? `The group centres were found using all ${n} customers, and every customer was placed in the nearest group.` : `The group centres were found on a random sample of ${n} customers and then every customer was placed in the nearest group.`} Cluster 1 has the highest revenue per customer; names describe how each cluster differs from the average customer.`,
    revenue: (c: number, name: string, cust: string, rev: string) => `Cluster ${c} (“${name}”) is ${cust} of customers and brings ${rev} of net revenue.`,
    largest: (c: number, name: string, cust: string, rev: string) => `The largest group is cluster ${c} (“${name}”): ${cust} of customers, ${rev} of net revenue.`,
    least: (c: number, name: string, cust: string, rev: string) => `Cluster ${c} (“${name}”) brings the least per customer: ${cust} of customers, ${rev} of net revenue.`,
    quality: {
      clear: (k: number) => `How well the ${k} groups separate: clearly.`,
      moderate: (k: number) => `How well the ${k} groups separate: fair; customers near the borders could belong to either side.`,
      weak: (k: number) => `How well the ${k} groups separate: weakly; read them as a convenient division of a continuum, not as natural groups.`,
    },
    qualityWord: { clear: 'clearly', moderate: 'fair', weak: 'weak' },
    agreement: {
      same: 'The clusters largely match the RFM segments.',
      partly: 'The clusters partly match the RFM segments: they group customers in a different way worth a look.',
      unrelated: 'The clusters hardly match the RFM segments: they group customers in a different way.',
    },
    excluded: (n: string) => `${n} customers without a value for every feature were left out.`,
    kChart: 'Choosing the number of clusters', kDesc: 'For each number of groups: how spread out customers are within their group (lower is tighter) and how clearly the groups are apart (higher is better). The chosen number is marked.',
    scatter: 'Clusters on a map of the customers', scatterDesc: 'A sample of customers placed by the two directions in which they differ most; hover a point for its values.',
    heat: 'Cluster profiles', heatDesc: 'The mean of each feature per cluster; green is better than the average customer, purple worse (for recency: more recent is better).',
    sizes: 'Size and revenue per cluster', sizesDesc: 'For each cluster its share of customers beside its share of net revenue.',
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a segment (an outlier group; try fewer clusters).`,
    caption: 'Cluster profiles (means per customer)', cols: ['Cluster', 'Name', 'Customers', 'Share', 'Share of revenue'],
    crossCaption: 'Clusters against RFM segments (share of each cluster’s customers)', segmentCol: 'RFM segment', crossNote: 'Each column adds up to 100%.',
    facts: { features: 'Features', k: 'Number of clusters', chosen: 'chosen from the data', given: 'given', sample: 'Customers used to find the groups', customers: 'Customers placed in a cluster', separation: 'How well the groups separate', excluded: 'Customers left out (missing values)' },
    technical: { silhouette: 'Silhouette (−1 to 1; ≥ 0.5 clear, ≥ 0.25 fair)', ari: 'Adjusted Rand index with the RFM segments (1 = the same grouping, 0 = unrelated)', pca: 'Variance shown in the map (first two principal components)', method: 'Method', methodValue: 'k-means (k-means++ start) on z-scores of the features; k chosen by the highest silhouette', seed: 'Seed' },
    and: 'and',
  },
  /** The predicted customer value (CLV) section: model explanation, findings, charts, tables and fitted parameters. */
  clvSection: {
    title: 'Predicted customer value',
    intro: [
      'This section looks forward. The BG/NBD model (Fader, Hardie & Lee 2005) assumes that while a customer is active they buy at their own steady rate (rates differ between customers), and that after every purchase they may quietly stop for good, with a chance that also differs between customers. It learns both from each customer’s number of repeat purchases, the time of the last one and how long they have been observed. The Gamma-Gamma model adds how much each customer spends per purchase, assuming spend does not depend on how often they buy.',
      'P(alive) is the model’s probability that a customer has not yet stopped. A customer who bought often but not for a long time gets a low P(alive): for them the silence is unusual. A customer who bought rarely is not suspicious after the same silence. Customers who never bought again after their first purchase have P(alive) = 1 in this model, because it only lets customers stop right after a purchase; judge them by their low expected purchases instead.',
      'Where it fails: the model knows no seasons, promotions or trends (a busy season in the holdout is under-predicted), no contracts or subscriptions (customers who leave at a known moment), and it needs enough repeat buyers.',
    ],
    withHoldout: 'The holdout check below compares its predictions with what customers actually did.',
    withoutHoldout: 'This report has no holdout check: the model was fitted on all the data, so its predictions have not been tested against what customers did afterwards.',
    unreliable: (reasons: readonly string[]) => `The predictions below are not reliable on this data; do not act on them: ${reasons.join('; ')}.`,
    unreliableNoDropout: (share: string) => `the model finds no sign of customers stopping (P(alive) is 99% or more for ${share} of customers), so it assumes that every customer, lapsed ones too, keeps buying at their past rate`,
    unreliableHoldout: (err: string, limit: string) => `on the period it did not see, its prediction of total purchases was ${err} off, more than the ${limit} it may miss by`,
    value: (months: number, purchases: string, clv: string, customers: string, disc: string) => `Over the next ${months} months the model expects ${purchases} purchases worth ${clv}${disc} from the ${customers} customers.`,
    discount: (r: string) => ` (discounted at ${r} a year)`,
    top: (share: string, n: string, clv: string) => `The top ${share} of customers by predicted value (${n}) hold ${clv} of it.`,
    risk: (n: string, share: string, limit: string) => `${n} customers (${share}) are at risk: their P(alive) is below ${limit}. Win-back offers are best aimed at those with the highest past spend.`,
    holdout: (len: string, pred: string, act: string, err: string) => `Check on data the model did not see: for the ${len} after the calibration period it predicted ${pred} purchases; customers made ${act} (${err}).`,
    noDropout: 'The data show almost no sign of customers stopping (the fitted dropout chance is near zero), so P(alive) is close to 100% for everyone; a longer calibration period may show dropout.',
    off: (x: string) => `${x} off`,
    revenueNote: 'All values here are revenue, not profit (margin 100%). Pass a margin (swb report --clv --margin 0.3) to see profit instead.',
    marginNote: (margin: string) => `All values here are profit: predicted revenue × a margin of ${margin}.`,
    periods: { weeks: 'weeks', days: 'days' },
    charts: {
      holdout: { title: 'Predicted and actual purchases in the holdout period', description: 'Customers grouped by their repeat purchases in the calibration period; for each group the mean purchases the model predicted for the holdout period beside the mean they made.' },
      hist: { title: 'Distribution of P(alive)', description: 'How many customers fall in each tenth of P(alive); the left bars are customers the model thinks have probably stopped.' },
      matrix: { title: 'P(alive) by frequency and recency', description: 'For a customer observed for the whole calibration period: more purchases and a later last purchase mean more likely active; frequent buyers who went quiet early are the likeliest to have stopped.' },
      tiers: { title: 'Customers and predicted value per CLV tier', description: 'Each CLV tier’s share of customers beside its share of the predicted value.' },
      segments: { title: 'Predicted value per segment', description: 'Total predicted value per segment; the tooltip shows mean CLV and mean P(alive).' },
    },
    tierNames: { top: 'Top', high: 'High', medium: 'Medium', low: 'Low' },
    bandNames: { at_risk: 'At risk', uncertain: 'Uncertain', alive: 'Active' },
    tierCaption: 'CLV tiers', bandCaption: (a: string, b: string) => `P(alive) bands (at risk < ${a} ≤ uncertain < ${b} ≤ active)`,
    groupCols: ['Group', 'Customers', 'Share', 'Predicted purchases', 'Predicted value', 'Share of value', 'Mean P(alive)'],
    holdoutCaption: 'Holdout check by repeat purchases in the calibration period', holdoutCols: ['Repeat purchases', 'Customers', 'Actual per customer', 'Predicted per customer'],
    segCaption: 'Predicted value per segment', segCols: ['Segment', 'Customers', 'Predicted value', 'Mean CLV', 'Mean P(alive)', 'At risk'],
    facts: {
      calibration: 'Calibration period ends', holdout: 'Holdout period ends', unit: 'Time unit', horizon: 'CLV horizon', months: 'months', discount: 'Discount rate (per year)', margin: 'Margin',
      customers: 'Customers in the model (a purchase day not cancelled the same day)', repeat: 'Repeat buyers', bgnbd: 'BG/NBD r, α, a, b', ll: 'BG/NBD log-likelihood', gg: 'Gamma-Gamma p, q, γ', rho: 'Correlation of frequency and spend (repeat buyers)',
    },
  },
  /** The segments section: attribute segments, sub-segments, KPIs against goals, migration and overlap. */
  segmentsSection: {
    title: 'Segments',
    intro: 'Segments here are formed from what is known about customers (attributes such as age, region or device, or their value) rather than from scores. A segment is then split by one more variable at a time, and each sub-segment is held against its own segment’s average, with a 95% confidence interval: a difference counts only when the interval excludes zero, and groups too small to judge are reported as such, never ranked.',
    largest: (s: string, c: string, r: string) => `The largest segment is ${s}: ${c} of customers and ${r} of net revenue.`,
    tier: (s: string, c: string | null, r: string, min: string) => `The ${s} of customers by revenue (${c ? `${c} of customers, ` : ''}from ${min} each) bring ${r} of net revenue.`,
    small: (n: number, min: number, list: string) => `${n} segment(s) have fewer than ${min} customers, too few to act on: ${list}.`,
    diff: (seg: string, by: string, sub: string, k: string, v: string, sv: string, d: string, lo: string, hi: string) =>
      `${seg}: customers with ${by} ${sub} have ${k} ${v}, against ${sv} for the whole segment (difference ${d}, 95% CI ${lo} to ${hi}).`,
    none: (k: string, by: string) => `No sub-segment by ${by} differs significantly from its segment in ${k}.`,
    allSmall: (by: string, min: number) => `Every sub-segment by ${by} has fewer than ${min} customers: too small to compare.`,
    goals: (met: number, close: number, missed: number) => `Goals: ${met} met, ${close} close, ${missed} missed.`,
    behind: (s: string, k: string, v: string, g: string) => `Furthest behind: ${s}, ${k} ${v} against a goal of ${g}.`,
    appeared: (n: string, d: string, dormant: string) => `${n} customers bought for the first time between ${d}; ${dormant} existing customers did not buy at all in that time.`,
    overlapMost: (a: string, b: string, n: string, j: string) => `${a} and ${b} overlap most: ${n} customers are in both (Jaccard ${j}).`,
    sizeCaption: (v: string) => `Segments by ${v}`, sizeCols: ['Segment', 'Customers', 'Share', 'Share of revenue', 'Note'], tooSmall: 'too small',
    subTitle: (k: string, by: string) => `${k} by ${by}, against the segment`, subDesc: 'Each bar is a sub-segment’s difference from its own segment’s average; whiskers show the 95% confidence interval; grey bars are too small to compare.',
    manyComparisons: 'Several sub-segments are compared at once, so the intervals are made wider to keep chance differences out.',
    hidden: (n: number, min: number) => `${n} sub-segment(s) with fewer than ${min} customers are too small to compare and are not shown.`,
    subCaption: (k: string, by: string) => `${k}: sub-segments by ${by}`, subCols: ['Segment', 'Sub-segment', 'Customers', 'Sub-segment', 'Segment', 'Difference', '95% CI', 'Result'],
    significant: 'significant', notSignificant: 'not significant',
    how: (m: string) => `How it is computed: ${m}; each sub-segment is compared with the rest of its own segment.`,
    /** A KPI in plain words, for the note under its table (the exact method is in the method section). */
    kpiHow: {
      mean: 'the average per customer', ratio: 'net revenue divided by the number of orders', repeat: 'the share of customers with two or more orders',
      churn: (days: string) => `the share of customers with no order in the ${days} days before the as-of date`,
      nps: 'the share of promoters (scores 9–10) minus the share of detractors (scores 0–6)',
    },
    kpiTitle: (k: string) => `${k} against goals`, kpiDesc: 'Each bar is a segment’s KPI, the black tick its goal; green met, orange close, red missed.',
    kpiCaption: 'KPIs against goals', kpiCols: ['Segment', 'KPI', 'Value', 'Goal', 'Gap', 'Status'],
    status: { met: 'met', close: 'close', missed: 'missed', 'no goal': 'no goal', 'no data': 'no data' },
    kpiNote: 'Close: missed by at most the stated tolerance (by default 5% of the goal).',
    migTitle: 'Movement between RFM segments', migDesc: 'Rows are the segment at the first date, columns the segment at the second; colour is the share of the row, numbers are customers.',
    ovTitle: 'Overlap between segment definitions', ovDesc: 'Jaccard index for each pair: customers in both divided by customers in either; numbers are customers in both.',
    and: 'and',
  },
  /** KPI goals per segment from a goals file (`swb report --goals goals.json`). */
  goalsSection: {
    title: 'Goals',
    intro: (file: string, on: string) => `Each KPI of ${on} against the goal set in ${file}, with its 95% confidence interval. Met: the goal is reached; close: missed by at most the tolerance (by default 5% of the goal); missed: further off.`,
    on: { rfm: 'the RFM segments', 'value-tiers': 'the revenue tiers', all: 'all customers', column: (c: string) => `the segments by ${c}` },
    count: (met: number, close: number, missed: number, total: number) => `Of ${total} goals, ${met} met, ${close} close and ${missed} missed.`,
    missed: (segment: string, kpi: string, value: string, lo: string, hi: string, goal: string, gap: string) =>
      `${segment}: ${kpi} is ${value} (95% CI ${lo} to ${hi}) against a goal of ${goal}, missed by ${gap}.`,
    fewCustomers: (n: string) => ` Only ${n} customers count here: read it with care.`,
    noneMissed: 'No goal is missed.',
    caption: 'KPIs against goals',
    cols: ['Segment', 'KPI', 'Customers', 'Value', '95% CI', 'Goal', 'Gap', 'Status'],
    ci: (lo: string, hi: string) => `${lo} to ${hi}`,
  },
  /** Where each segment is in the file of `swb export`, so a list can be pulled in a CRM or e-mail tool. */
  actionsSection: {
    title: 'Lists to act on',
    intro: 'swb export writes one row per customer with these columns, for a CRM or an e-mail tool: filter on the values below to pull a segment’s list. That file holds the real customer ids; this report does not.',
    rfmCaption: 'RFM segments: export column values and what to do',
    rfmCols: ['Segment', 'Customers', 'Filter in the export', 'What to do'],
    otherCaption: 'Clusters and revenue tiers: export column values',
    otherCols: ['Segment', 'Customers', 'Filter in the export'],
    cluster: (n: number, name: string) => `Cluster ${n}: ${name}`,
  },
  /** A section whose analysis could not be computed on this data (the rest of the report stands). */
  unavailable: {
    intro: 'This part could not be computed from this data; the rest of the report is not affected.',
    reasons: {
      TOO_FEW_POINTS: 'There are too few customers who differ from each other for this analysis (for example one customer, or customers who all look the same).',
      NO_DATA: 'The data holds too little for this analysis (for example too few customers, or no customer who bought more than once).',
      other: 'The analysis stopped with an error.',
    },
    detail: 'Details',
  },
  /** The row-count line under a table shown in a notebook. */
  notebook: {
    shownOf: (shown: string, total: string) => `showing ${shown} of ${total} rows`,
    rows: (total: string, count: number) => `${total} ${count === 1 ? 'row' : 'rows'}`,
  },
};
