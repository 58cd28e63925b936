/**
 * English words of the report layer (see src/i18n/index.ts): the page itself and the summary,
 * data-quality and method sections at the top level, then one namespace per analysis section and the
 * notebook tables. Numbers come in already formatted for the locale.
 */
import type { SetAsideReason } from '../../data/load-report.js';

/** The report's words in English. */
export const report = {
  defaultTitle: 'Customer segments',
  /** A section whose data misses a minimum: one line, shown first. */
  sufficiency: {
    line: (checks: string) =>
      `Not enough data for reliable results here: ${checks}. The summary quotes nothing from this section.`,
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
  noScript:
    'JavaScript is off: charts are shown as static images, without the values that appear when you point at them.',
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
  findingPeriod: (c: string, o: string, f: string, l: string) =>
    `${c} customers placed ${o} orders between ${f} and ${l}.`,
  findingTopShare: (top: string, rev: string) => `The top ${top} of customers bring ${rev} of net revenue.`,
  findingOneTime: (share: string) => `${share} of customers ordered only once.`,
  findingReturns: (share: string) => `Returns and cancellations took back ${share} of gross revenue.`,
  findingAov: (aov: string, opc: string) =>
    `An average order is worth ${aov}; a customer places ${opc} orders on average.`,
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
  /** What to do about the rows set aside, from the reason with the most rows. */
  dataQualityNext: {
    missing_customer_id: (share: string, n: string) =>
      `What to do: ${share} of the rows (${n}) have no customer id, so they count in no customer analysis. Find out where these orders come from (guest checkouts, a till without a loyalty card) and record the customer id from now on.`,
    duplicate: (share: string, n: string) =>
      `What to do: ${share} of the rows (${n}) are exact copies of another row; ask whoever makes the file whether the export writes rows twice.`,
    other: (share: string, n: string, reason: string) =>
      `What to do: ${share} of the rows (${n}) were set aside, most for “${reason}”; have the file corrected at its source and make the report again.`,
    fine: 'What to do: nothing urgent; fewer than 1% of the rows were set aside.',
  },
  reasons: {
    missing_customer_id: 'No customer id',
    unparseable_date: 'Date could not be read',
    unparseable_amount: 'Amount could not be read',
    invalid_amount: 'Amount is not money (infinite, NaN, or a trillion or more)',
    date_out_of_range: "Date far outside the data's period (over 24 months from the other orders)",
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
    price_change_in_period:
      'Price of the same plan changes inside a running period of the subscription (end the earlier period the day the new price starts)',
    missing_event: 'No event name',
  } satisfies Record<SetAsideReason, string>,
  mappingCaption: (file: string) => `Columns used from ${file}`,
  field: 'Field',
  sourceColumn: 'Source column',
  warnings: 'Notes from loading',
  /** Loading notes (src/messages builds them in English for the console) in the report's words. */
  loadNotes: {
    dateFormat: (column: string, form: string) => `Dates in the column “${column}” were read in the form ${form}.`,
    ambiguousDates: (column: string, chosen: string, other: string) =>
      `Dates in the column “${column}” fit both ${chosen} and ${other}; ${chosen} was used. Give the date format to choose the other.`,
    latin1: (file: string) =>
      `${file} is not UTF-8 and was read as Latin-1 (Western European characters); check letters with accents.`,
    decimalComma: (file: string) => `${file} uses a decimal comma (12,50); numbers were read that way.`,
    derivedOrderId: 'There is no order number column: each customer’s purchases on one day count as one order.',
    ignoredColumns: (columns: string) => `Columns not used: ${columns}.`,
    subscriptionPerCustomer:
      'There is no subscription number column: each customer counts as one subscription, so overlapping periods of one customer were set aside.',
    shadowedColumns: (columns: string) => `Columns not kept because a loaded field has their name: ${columns}.`,
    /** The source of MRR when it is a price per billing period. */
    mrrFromPrice: (price: string, interval: string) => `${price} ÷ months in ${interval}`,
    moneyText: (file: string, examples: string) =>
      `Amounts in ${file} carry currency signs, codes, brackets or spaces (e.g. ${examples}); they were read without them, and an amount in brackets as negative.`,
    ambiguousDot: (file: string, example: string) =>
      `Numbers in ${file} such as ${example} can mean thousands (1234) or decimals (1.234), and no row tells; they were read with a decimal point. Give the decimal mark if the dot separates thousands.`,
    /** Letters of a date pattern: year, month, day, hour, minute, second, month name, AM/PM. */
    dateLetters: {
      Y: 'YYYY',
      y: 'YY',
      m: 'MM',
      d: 'DD',
      H: 'hh',
      I: 'hh',
      M: 'mm',
      S: 'ss',
      b: 'Mon',
      B: 'Month',
      p: 'AM/PM',
      f: 'fff',
    } as Record<string, string>,
  },
  customersFile: 'Customer attributes file',
  methodTitle: 'Method and parameters',
  methodIntro:
    'Everything needed to reproduce this report: the input file and its checksum, the as-of date and the options of each analysis.',
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
    analyses: {
      RFM: 'RFM',
      Cohorts: 'Cohorts',
      Clusters: 'Clusters',
      Segments: 'Segments',
      Goals: 'Goals',
      CLV: 'Predicted customer value (CLV)',
      'CLV holdout check': 'Holdout check of the predicted value',
      'MRR movements': 'MRR movements',
      'SaaS KPIs': 'SaaS KPIs',
      'Subscription churn': 'Churn by plan',
      'Subscription cohorts': 'Subscription cohorts',
      'Usage segments': 'Usage segments',
      'Usage churn': 'Churn by usage',
      'Subscription churn by usage': 'Revenue churn by usage segment',
    } as Record<string, string>,
    options: {
      goalsFile: 'Goals file',
      goals: 'Goals',
      churnDays: 'Churn window in days',
      asOf: 'As-of date',
      bins: 'Score levels',
      scoring: 'Scoring',
      returns: 'Returns',
      laterOrders: 'Orders after the as-of date',
      segmentMap: 'Segment map',
      minSize: 'Smallest group to report, in customers',
      period: 'Cohort period',
      by: 'Cohorts by',
      dropPartial: 'Leave out the last, partly observed period',
      features: 'Features',
      k: 'Number of clusters',
      kRange: 'Numbers of clusters tried',
      seed: 'Random seed',
      restarts: 'Restarts of k-means',
      sampleSize: 'Largest fit sample',
      logScale: 'Log-scale computed features',
      missing: 'Customers with missing values',
      segments: 'Segments',
      subsegments: 'Sub-segment comparisons',
      migration: 'Movement between segments',
      from: 'from',
      to: 'to',
      segmentation: 'segmentation',
      calibrationEnd: 'Calibration period ends',
      holdoutEnd: 'Holdout period ends',
      compareModels: 'BG/NBD and Pareto/NBD compared',
      unit: 'Time unit',
      horizonMonths: 'Horizon in months',
      discountRate: 'Discount rate per year',
      margin: 'Margin: share of revenue that is profit',
      aliveBands: 'P(alive) band limits',
      tierShares: 'CLV tier shares',
      fitSample: 'Largest fit sample',
      firstMonth: 'First month',
      lastMonth: 'Last month',
      segmentBy: 'Segments by',
      usageAt: 'Usage measured up to',
      windowDays: 'Usage window in days',
      lightBelow: 'Light user below this share of days',
      powerAbove: 'Power user above this share of days',
      featureBands: 'Feature bands (lower limits)',
      segmented: 'Customers segmented',
      mrrMethod: 'Counting of MRR movements',
      retentionMonths: 'Months of revenue retention (NRR, GRR)',
      conversionDays: 'Days within which a trial converts',
      poolMonths: 'Months pooled for the LTV’s churn and trial → paid',
      currencyConversion: 'Converted before any sum, at the rate in force on each subscription’s start',
    } as Record<string, string>,
    values: {
      rfm: 'RFM segments',
      'value-tiers': 'revenue tiers',
      net: 'netted against revenue',
      exclude: 'left out',
      ignore: 'left out',
      error: 'stop with an error',
      quantile: 'quantiles',
      fixed: 'fixed thresholds',
      auto: 'chosen automatically',
      mean: 'filled with the mean',
      standard: 'standard',
      month: 'month',
      week: 'week',
      quarter: 'quarter',
      weeks: 'weeks',
      days: 'days',
      'first order period': 'period of the first order',
      paying: 'paying customers',
      usage_segment: 'usage segment',
      plan: 'plan',
      'month-end': 'between month ends',
      dated: 'on the day of each change',
      'value tiers (top 20%, next 30%, rest)': 'revenue tiers (top 20%, next 30%, rest)',
    } as Record<string, string>,
    /** A sub-segment comparison: "age band within each segment: Revenue per customer (method)". */
    subsegments: (by: string, kpi: string, method: string) => `${by} within each segment: ${kpi} (${method})`,
    bonferroni: (z: string) => `intervals widened for the number of comparisons (Bonferroni, z = ${z})`,
    /** The exact method of each KPI and its 95% confidence interval. */
    kpiMethod: {
      mean: 'mean per customer; 95% CI of the difference from the segment from Welch standard errors (sub-segment vs the rest of its segment), normal quantile 1.96',
      ratio:
        'net revenue / orders of customers with orders; 95% CI by the delta method for a ratio of sums (sub-segment vs the rest of its segment), normal quantile 1.96',
      repeat:
        'customers with 2+ orders among customers with orders; 95% CI of the difference by the normal approximation for two proportions (sub-segment vs the rest of its segment)',
      churn: (days: string) =>
        `customers with orders but none in the ${days} days before the as-of date; 95% CI of the difference by the normal approximation for two proportions (sub-segment vs the rest of its segment)`,
      nps: (column: string) =>
        `NPS = % promoters (9–10) − % detractors (0–6) of the 0–10 scores in ${column}; 95% CI of the difference from its standard error √((p + d − (p − d)²)/n) (sub-segment vs the rest of its segment), normal quantile 1.96`,
    },
    dateFormat: (column: string) => `Date format of ${column} (strptime)`,
  },
  /** A section whose analysis could not be computed on this data (the rest of the report stands). */
  unavailable: {
    intro: 'This part could not be computed from this data; the rest of the report is not affected.',
    reasons: {
      TOO_FEW_POINTS:
        'There are too few customers who differ from each other for this analysis (for example one customer, or customers who all look the same).',
      NO_DATA:
        'The data holds too little for this analysis (for example too few customers, or no customer who bought more than once).',
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
