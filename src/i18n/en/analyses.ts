/** English words of the analyses layer (see src/i18n/index.ts and src/i18n/analyses.ts). */
export const analyses = {
  /** The standard RFM segments by key: display name, who is in it, what to do. */
  rfmSegments: {
    champions: {
      name: 'Champions',
      description: 'Bought recently, buy often and spend the most.',
      action: 'Reward them; ask for reviews and referrals; offer early access.',
    },
    loyal: {
      name: 'Loyal Customers',
      description: 'Buy regularly and respond to promotions.',
      action: 'Upsell higher-value products; invite to a loyalty programme.',
    },
    'potential-loyalists': {
      name: 'Potential Loyalists',
      description: 'Recent customers with more than one order.',
      action: 'Offer membership or loyalty rewards; recommend related products.',
    },
    new: {
      name: 'New Customers',
      description: 'Bought very recently, but only once.',
      action: 'Onboard them well; make the second order easy.',
    },
    promising: {
      name: 'Promising',
      description: 'Recent one-time buyers.',
      action: 'Build brand awareness; offer a small incentive to return.',
    },
    'need-attention': {
      name: 'Need Attention',
      description: 'Average recency and frequency; may slip away.',
      action: 'Send limited-time offers based on past purchases.',
    },
    'about-to-sleep': {
      name: 'About to Sleep',
      description: 'Below-average recency and few orders.',
      action: 'Reactivate with popular products and discounts.',
    },
    'at-risk': {
      name: 'At Risk',
      description: 'Bought often, but a long time ago.',
      action: 'Send personal win-back e-mails; offer renewals.',
    },
    'cant-lose': {
      name: "Can't Lose Them",
      description: 'Were among the best customers, but have not returned for long.',
      action: 'Win them back personally; ask what went wrong.',
    },
    hibernating: {
      name: 'Hibernating',
      description: 'Last order long ago, few orders, low spend.',
      action: 'Try a low-cost reactivation; otherwise stop spending on them.',
    },
  },
  /** The coarse loyalty groups. */
  loyalty: { loyal: 'Loyal', potential: 'Potential loyal', 'at-risk': 'At risk', lost: 'Lost' },
  /** Words of cluster names per computed feature and level (recency: a low value means recent). */
  clusterWords: {
    recency: { low: 'recent', mid: 'average recency', high: 'lapsed' },
    frequency: { low: 'rare', mid: 'occasional', high: 'frequent' },
    monetary: { low: 'low spend', mid: 'average spend', high: 'high spend' },
    avg_order_value: { low: 'small orders', high: 'large orders' },
    tenure_days: { low: 'new', high: 'long-standing' },
  },
  /** A cluster-name word for a customers column: "high nps", "low age". */
  clusterColumnWord: (level: 'low' | 'high', feature: string) => `${level} ${feature}`,
  /** The name of a cluster that differs from the average in nothing. */
  clusterAverage: 'Average customers',
  /** Display labels of the computed cluster features. */
  features: {
    recency: 'Recency (days)',
    frequency: 'Orders',
    monetary: 'Revenue',
    avg_order_value: 'Average order value',
    tenure_days: 'Customer for (days)',
  },
  /** "212 Champions became At Risk" (the count already formatted). */
  flow: (count: string, from: string, to: string) => `${count} ${from} became ${to}`,
  /** A grouping value for customers without one (no value in the customers file, no segment at that date). */
  missingValue: '(no value)',
  /** Value tiers: "Top 20%", "Next 30%", "Rest 50%" (the share already formatted). */
  tiers: {
    top: (share: string) => `Top ${share}`,
    next: (share: string) => `Next ${share}`,
    rest: (share: string) => `Rest ${share}`,
  },
  /**
   * Words for well-known column names (lower case, as inside a sentence); any other column is shown
   * humanised (`city_size` → "city size").
   */
  columns: {
    customer_id: 'customer id',
    order_id: 'order id',
    order_date: 'order date',
    amount: 'amount',
    quantity: 'quantity',
    unit_price: 'unit price',
    product_id: 'product code',
    description: 'product description',
    category: 'category',
    channel: 'channel',
    country: 'country',
    payment_method: 'payment method',
    discount: 'discount',
    promo_code: 'promotion code',
    list_price: 'list price',
    region: 'region',
    city: 'city',
    city_size: 'city size',
    age_band: 'age band',
    age: 'age',
    gender: 'gender',
    device: 'device',
    plan: 'plan',
    acquisition_channel: 'acquisition channel',
    company_size: 'company size',
    industry: 'industry',
    nps: 'NPS',
    csat: 'CSAT',
    cohort_month: 'cohort month',
    signup_date: 'sign-up date',
    timing: 'timing segment',
    loyalty: 'loyalty segment',
    journey: 'journey stage',
    'product-mix': 'product mix',
    'revenue tiers': 'revenue tier',
    subscription_id: 'subscription id',
    start_date: 'start date',
    end_date: 'end date',
    mrr: 'MRR',
    price: 'price',
    billing_interval: 'billing interval',
    currency: 'currency',
    usage_level: 'usage level',
    event_time: 'event time',
    event_name: 'event name',
    platform: 'platform',
    app_version: 'app version',
    app_major: 'app major version',
  } as Record<string, string>,
  /** Notes a notebook shows when the data lacks what a step needs (src/notebook/checks.ts). */
  notebook: {
    missingColumns: (columns: readonly string[], table: string, skipped?: string) =>
      `**Not in this data:** the \`${table}\` table has no ${columns.join(', ')} column${columns.length > 1 ? 's' : ''}${skipped ? `, so this notebook leaves out ${skipped}` : ''}.`,
    missingTable: (table: string, skipped?: string) =>
      `**Not in this data:** there is no \`${table}\` table (load one with \`loadCustomers\`)${skipped ? `, so this notebook leaves out ${skipped}` : ''}.`,
    noPurchases: '**Not in this data:** there are no purchases before the as-of date; the steps below are left out.',
    tooShortForHoldout: (days: number, weeks: number) =>
      `**Not in this data:** ${days} days of purchases are too few to hold out ${weeks} weeks and still calibrate on as long a period before them, so the check is left out.`,
    cannotCompute: (message: string, skipped?: string) =>
      `**Cannot be computed on this data${skipped ? ` (${skipped})` : ''}:** ${message}`,
  },
  /** Sentences that read a result in a notebook (src/notebook/readings.ts); numbers come formatted. */
  readings: {
    bands: {
      clear: 'the groups are clearly separated',
      moderate: 'the groups are moderately separated',
      continuum: 'the groups are slices of a continuum rather than natural groups',
    },
    kBest: (k: number, silhouette: string, band: string) =>
      `On this data the silhouette is highest at k = ${k} (${silhouette}): ${band}.`,
    kOther: (k: number, silhouette: string, lower: boolean) =>
      `With k = ${k} it is ${silhouette}${lower ? ', lower, but more groups may say more' : ''}.`,
    holdout: (predicted: string, actual: string, gap: string, direction: 'under' | 'over' | 'close') =>
      `In the holdout weeks the model predicted ${predicted} purchases against ${actual} made: ${direction === 'close' ? 'close to what happened' : `${gap} ${direction === 'under' ? 'too few' : 'too many'}`}.`,
    periods: { month: 'month', week: 'week', quarter: 'quarter' },
    rfmHeatmap: (r: number, f: number, segment: string, customers: string, share: string, recent: string) =>
      `The fullest cell is R = ${r}, F = ${f} (${segment}) with ${customers} customers, ${share} of all; the two most recent rows hold ${recent} of the customers.`,
    rfmLargest: (segment: string, customers: string, revenue: string) =>
      `The largest segment is ${segment}: ${customers} of the customers, ${revenue} of the revenue.`,
    rfmRichest: (segment: string, customers: string, revenue: string) =>
      `Per head, ${segment} is worth most: ${customers} of the customers bring ${revenue} of the revenue.`,
    rfmTop20: (share: string) => `The best 20% of customers bring ${share} of the revenue.`,
    rfmScores: (top: number, days: string, orders: string, spend: string) =>
      `On this data a score of ${top} means a last order at most ${days} days ago (R), at least ${orders} orders (F), and at least ${spend} net revenue (M).`,
    rfmOnce: (share: string) =>
      `${share} of the customers ordered only once, so the lowest frequency score is larger than a fifth.`,
    cohortTooShort: (unit: string) =>
      `The data does not yet cover a whole ${unit} after the first order of any cohort, so there is no curve to read.`,
    cohortRetention: (unit: string, first: string, last: number, lastShare: string) =>
      `On average (weighted by cohort size), ${first} of a cohort ordered again in the ${unit} after the first order${last > 1 ? `, and ${lastShare} ${last} ${unit}s after it` : ''}.`,
    cohortFlattens: (from: number, to: number) =>
      `From period ${from} to ${to} the average curve flattens out: a loyal core keeps buying.`,
    cohortFalls: (from: number, to: number) =>
      `From period ${from} to ${to} the average curve keeps falling: customers keep drifting away.`,
    cohortLatePoint: (period: number, cohorts: number) =>
      `Its last point (period ${period}) rests on ${cohorts} cohort${cohorts === 1 ? '' : 's'} only.`,
    cohortRevenue: (unit: string, first: string, last: number, lastShare: string) =>
      `Revenue per customer in the ${unit} after the first order is on average ${first} of the first ${unit}'s${last > 1 ? `, and ${lastShare} ${last} ${unit}s after it` : ''}.`,
    cohortLtv: (unit: string, start: string, last: number, worth: string) =>
      `On average a customer brought ${start} in the first ${unit} and ${worth} in total after ${last} ${unit}${last > 1 ? 's' : ''}: compare that with what it costs to win one.`,
    cohortGroups: (group: string, customers: string, groups: number, share: string, unit: string, all: string) =>
      `The largest of the ${groups} groups is ${group} (${customers} customers): ${share} of them ordered again in the ${unit} after the first order, against ${all} over all groups.`,
    noDropout: 'The fit finds almost no sign of customers stopping, so P(alive) stays high for nearly everyone.',
    dropout: (chance: string) => `The fit gives a customer a ${chance} chance on average of stopping after a purchase.`,
  },
};
