/** English words of the charts layer (see src/i18n/index.ts): one namespace per chart file in src/charts. */
export const charts = {
  /** Short month names, January first ("Sep", not Intl's "Sept"). */
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  /** Activity charts: revenue and active customers per period. */
  activity: {
    revenue: (p: string) => `Net revenue per ${p}`, revenueDesc: 'Bars of net revenue (returns subtracted) per calendar period',
    customers: (p: string) => `Active customers per ${p}`, customersDesc: 'Stacked bars per calendar period: customers ordering for the first time and returning customers',
    period: 'Period', netRevenue: 'Net revenue', orders: 'Orders', returned: 'Returned', count: 'Customers', kind: 'Customers',
    new: 'new', returning: 'returning', partial: (d: string) => `last period partial: data ends ${d}`,
    per: { week: 'week', month: 'month', quarter: 'quarter' }, q: 'Q',
  },
  /** Cluster charts: choosing k, the projection scatter, profiles and sizes. */
  clusters: {
    kTitle: 'Choosing the number of clusters', kDesc: 'For each number of clusters: the spread of customers within their cluster (lower is tighter) and how clearly the clusters are apart (higher is better); the chosen number is marked',
    k: 'Number of clusters', inertia: 'Spread within clusters', silhouette: 'How clearly apart', chosen: (k: number) => `chosen: ${k} clusters`,
    scatterTitle: 'Customers on the two main directions of variation', scatterDesc: 'Sampled customers placed by the two directions in which they differ most, coloured by cluster',
    pc: (i: number, share: string) => `Direction ${i} (${share} of the differences)`, cluster: 'Cluster', sampled: (n: string) => `${n} sampled customers`,
    heatTitle: 'Cluster profiles', heatDesc: 'Each cell: the cluster’s mean of a feature (text); colour: green better than the average customer (more recent, more orders, more revenue; other columns: higher), purple worse',
    feature: 'Feature', mean: 'Mean', z: 'vs. average', better: 'better', worse: 'worse', average: 'average',
    sizeTitle: 'Size and revenue per cluster', sizeDesc: 'For each cluster the share of customers beside the share of net revenue',
    share: 'Share', measure: 'Measure', customerShare: 'Share of customers', revenueShare: 'Share of revenue', customers: 'Customers',
  },
  /** CLV charts: holdout check, P(alive) histogram and matrix, tiers and segments. */
  clv: {
    holdout: 'Holdout check: predicted vs actual purchases', holdoutDesc: 'Lines per group of customers with the same number of repeat purchases in the calibration period: the mean number of purchases the model predicted for the holdout period beside the mean actually made',
    calX: 'Repeat purchases in the calibration period', perCustomer: 'Purchases per customer in the holdout', actual: 'Actual', predicted: 'Predicted (BG/NBD)', series: 'Series', customers: 'Customers',
    hist: 'How likely are customers still active?', histDesc: 'Histogram of P(alive), the model’s probability that a customer has not dropped out, in tenths',
    pAlive: 'P(alive)', matrix: 'P(alive) by purchase frequency and recency', matrixDesc: (T: string) => `Heatmap of the model’s P(alive) for a customer observed for ${T} periods, by number of repeat purchases and time of the last one; darker is more likely active`,
    observed: (T: string) => `a customer observed for ${T}`,
    x: 'Repeat purchases', tx: 'Time of the last purchase', tiers: 'Customers and predicted value per CLV tier', tiersDesc: 'Bars per CLV tier: the share of customers beside the share of total predicted value',
    tier: 'CLV tier', share: 'Share', measure: 'Measure', customerShare: 'Share of customers', clvShare: 'Share of predicted value', clv: 'Predicted value (CLV)',
    segments: 'Predicted value per segment', segmentsDesc: 'Bars per segment: the total predicted value, with mean P(alive) in the tooltip', segment: 'Segment', meanClv: 'Mean CLV per customer', atRisk: 'At risk (P(alive) low)',
    tierNames: { top: 'Top', high: 'High', medium: 'Medium', low: 'Low' }, periods: { weeks: 'weeks', days: 'days' },
    orMore: 'or more',
  },
  /** Cohort charts: the retention triangle and the retention and LTV curves. */
  cohorts: {
    heat: 'Customer retention by cohort', heatRev: 'Revenue retention by cohort',
    heatDesc: 'Cohort triangle: one row per cohort (size in brackets), one column per period since the first order; each cell shows the share of the cohort that ordered in that period',
    heatRevDesc: 'Cohort triangle: each cell shows the cohort’s revenue per customer in that period as a share of its first period',
    curves: 'Retention curves', curvesDesc: 'One line per cohort: the share of the cohort ordering in each period since the first order; the thick black line is the average weighted by cohort size',
    ltv: 'Cumulative revenue per customer (LTV)', ltvDesc: 'One line per cohort: net revenue per customer summed from the first period on; the thick black line is the weighted average',
    since: { month: 'Months since first order', week: 'Weeks since first order', quarter: 'Quarters since first order' },
    cohort: 'Cohort', size: 'Customers', active: 'Active', retention: 'Retention', revenueRetention: 'Revenue retention', revenue: 'Net revenue',
    ltvValue: 'Cumulative revenue per customer', average: 'Weighted average', averageWhere: (n: number) => `the average is drawn where at least ${n} cohorts are observed`, partial: '* partly observed (the data ends during this period)',
    partialLeftOut: 'partly observed periods left out', shown: (n: number, of: number, by: boolean) => `${by ? 'largest' : 'latest'} ${n} of ${of} cohorts`,
    unknown: '(unknown)', q: 'Q', period: 'Period',
  },
  /** RFM charts: the R×F heatmap, segment bars and the distributions. */
  rfm: {
    heatmap: 'Customers by recency and frequency score', heatmapDesc: 'Heatmap of the R×F grid: each cell shows its segment and number of customers; darker cells hold more',
    heatmapMoney: 'darker cells spend more per customer', r: 'Recency score (R, 5 = most recent)', f: 'Frequency score (F, 5 = most orders)',
    customers: 'Customers', meanMonetary: 'Mean net revenue', revenue: 'Net revenue', segment: 'Segment', cell: 'R×F cell',
    bars: 'Share of customers and of revenue per segment', barsDesc: 'Bars per segment: the share of all customers beside the share of all net revenue',
    share: 'Share', measure: 'Measure', customerShare: 'Share of customers', revenueShare: 'Share of revenue',
    asOf: 'as of', recency: 'Days since last order', frequency: 'Number of orders', monetary: 'Net revenue per customer',
    distTitle: (m: string) => `Distribution: ${m.toLowerCase()}`, distDesc: (m: string) => `Histogram of ${m.toLowerCase()} over all customers`,
    logNote: 'log scale', nonPositive: (n: number) => `${n} customers with net revenue ≤ 0 not shown`, from: 'From', to: 'To',
  },
  /** Segment charts: sub-segments, KPIs against goals (with the KPI labels), migration and overlap. */
  segments: {
    sub: (k: string, by: string) => `${k}: sub-segments by ${by} against their segment`,
    subSub: 'bars: difference from the segment average (0 = the segment); whiskers: 95% confidence interval',
    subDesc: 'Diverging bars per sub-segment showing how far its KPI lies from its own segment average, with 95% confidence intervals; grey bars are too small to compare',
    diff: 'Difference from segment average', group: 'Sub-segment', status: 'Result', significant: 'significant', notSignificant: 'not significant',
    tooSmall: 'too small', value: 'Sub-segment', segmentValue: 'Segment', customers: 'Customers', ciLow: 'CI low', ciHigh: 'CI high',
    goal: 'Goal', kpiTitle: (k: string) => `${k} per segment against its goal`, kpiDesc: 'Bars show each segment\'s KPI, the black tick its goal; colour gives the status',
    segment: 'Segment', met: 'met', close: 'close', missed: 'missed', noGoal: 'no goal', noData: 'no data',
    mig: 'Where customers of each segment went', migSub: (a: string, b: string) => `rows: segment on ${a}; columns: segment on ${b}; colour: share of the row`,
    migDesc: 'Heatmap of the transition matrix between two as-of dates: each cell shows how many customers of the row segment ended in the column segment',
    from: 'Segment at start', to: 'Segment at end', rowShare: 'Share of row', count: 'Customers',
    ov: 'Overlap between customer sets', ovDesc: 'Heatmap of the Jaccard index (customers in both / in either) for every pair of sets',
    a: 'Set', b: 'Set', jaccard: 'Jaccard', both: 'In both',
    kpiLabels: { revenuePerCustomer: 'Revenue per customer', ordersPerCustomer: 'Orders per customer', averageOrderValue: 'Average order value', repeatRate: 'Repeat rate', nps: 'NPS' },
    churnLabel: (days: string) => `Churn rate (${days} days)`, meanLabel: (column: string) => `Mean ${column}`, allCustomers: 'All customers',
  },
};
