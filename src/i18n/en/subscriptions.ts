/**
 * English words of subscriptions and product usage (see src/i18n/index.ts): the charts of
 * src/charts/subscriptions.ts, the subscription wording of the cohort charts, and the report's
 * subscriptions section, summary, header, data-quality and method words. Numbers come in formatted.
 */

/** Usage segments, least used first (keys of `USAGE_SEGMENTS`). */
const usageSegments = {
  dormant: 'Dormant customers',
  light: 'Light users',
  regular: 'Regular users',
  power: 'Power users',
};
/** Usage segments inside a sentence ("… of power users"). */
const usageInSentence = {
  dormant: 'dormant customers (no use)',
  light: 'light users',
  regular: 'regular users',
  power: 'power users',
};

/** The subscriptions words in English. */
export const subscriptions = {
  usageSegments,
  usageInSentence,
  /** Words of the charts in src/charts/subscriptions.ts. */
  charts: {
    bridge: 'MRR bridge',
    bridgeDesc:
      'Waterfall of monthly recurring revenue (MRR): the MRR at the start, what new, expanding and returning customers added, what downgrades and cancellations took away, and the MRR at the end',
    bridgeRange: (from: string, to: string) => `from the end of ${from} to the end of ${to}`,
    step: 'Step',
    start: 'MRR at the start',
    end: 'MRR at the end',
    new: 'New customers',
    expansion: 'Expansion',
    reactivation: 'Returning customers',
    contraction: 'Downgrades',
    churned: 'Cancellations',
    change: 'Change',
    mrr: 'MRR',
    mrrChange: 'MRR change',
    movements: 'MRR movements per month',
    movementsDesc:
      'Stacked bars per month: MRR added (new customers, expansion, returning customers) above zero, MRR lost (downgrades, cancellations) below zero; the line is the net change',
    month: 'Month',
    movement: 'Movement',
    net: 'Net change',
    mrrEnd: 'MRR at the month’s end',
    churnTitle: (by: string) => `Customer churn and revenue churn by ${by}`,
    churnSub: 'monthly rates; whiskers: 95% confidence interval of customer churn',
    churnDesc:
      'Bars per segment: the share of paying customers who stopped in a month (customer churn, with its 95% confidence interval) beside the share of MRR lost to cancellations and downgrades (revenue churn)',
    customerChurn: 'Customer churn',
    revenueChurn: 'Revenue churn',
    rate: 'Monthly rate',
    measure: 'Measure',
    segment: 'Segment',
    customers: 'Customers',
    ciLow: '95% CI low',
    ciHigh: '95% CI high',
    small: 'too few customers to rank',
    unknown: '(unknown)',
    usageTitle: (months: string) => `Churn within ${months} by usage`,
    usageSub: (date: string, days: number) =>
      `usage in the ${days} days before ${date}; whiskers: 95% confidence interval; dashed line: all paying customers`,
    usageDesc:
      'Bars per usage segment: the share of the customers paying on the date who no longer paid at the end of the period, with its 95% confidence interval; the dashed line is the rate of all paying customers',
    usageSegment: 'Usage segment',
    stopped: 'Stopped paying',
    churnRate: 'Churn rate',
    all: 'All paying customers',
    tooSmall: 'too few customers',
    note: 'Note',
    months: (n: number) => `${n} month${n === 1 ? '' : 's'}`,
    segmentChurnTitle: (by: string) => `Customer churn by ${by}, month by month`,
    segmentChurnSub:
      'share of the customers paying at the month’s start who stopped in it; band: 95% confidence interval',
    segmentChurnSubSmall: (left: string) =>
      `share of the customers paying at the month’s start who stopped in it; band: 95% confidence interval; too few customers to show: ${left}`,
    segmentChurnDesc:
      'One line per segment: the monthly customer churn rate, in a band of its 95% confidence interval; a customer counts in the segment they were in at the month’s start',
  },
  /** Words of the report: the subscriptions section, and the summary, header, data quality and method of a report on subscriptions. */
  report: {
    title: 'Subscriptions',
    intro: [
      'Monthly recurring revenue (MRR) is what subscribers pay per month: a yearly plan counts for a twelfth of its price every month. A customer counts as paying in a month when they have MRR on the last day of that month; every figure in this section counts customers that one way.',
      'Customer churn is the share of paying customers who stop paying in a month. Revenue churn is the share of MRR lost in a month, to customers who stop and to customers who move to a cheaper plan. The two can rank groups differently: a group of many small customers can lose many customers but little revenue.',
    ],
    mrrNow: (date: string, mrr: string, customers: string, arpu: string) =>
      `On ${date} the MRR is ${mrr} from ${customers} paying customers (${arpu} per customer on average).`,
    change: (up: boolean, amount: string, share: string | null, date: string) =>
      `That is ${amount} ${up ? 'more' : 'less'} than on ${date}${share ? ` (${up ? '+' : '−'}${share})` : ''}.`,
    churn: (customers: string, revenue: string, net: string, gain: boolean) =>
      `Each month ${customers} of paying customers stopped paying (customer churn) and ${revenue} of MRR was lost to cancellations and downgrades (revenue churn); ${gain ? `customers who paid more or came back more than made up for that (net revenue churn ${net})` : `after customers who paid more or came back, the net loss was ${net} a month (net revenue churn)`}.`,
    differentOrder: (by: string, a: string, aRate: string, b: string, bRate: string) =>
      `By ${by}, ${a} loses the most customers (${aRate} a month) and ${b} the most revenue (${bRate} of its MRR a month).`,
    sameOrder: (by: string, a: string, aRate: string, bRate: string) =>
      `By ${by}, ${a} loses both the most customers (${aRate} a month) and the most revenue (${bRate} of its MRR a month).`,
    ltv: (ltv: string, arpu: string, margin: string, churn: string) =>
      `Lifetime value (LTV) of an average customer, as a simple formula: MRR per customer (average over the months) × margin ÷ monthly customer churn = ${arpu} × ${margin} ÷ ${churn} = ${ltv}.`,
    ltvNote:
      'This LTV assumes churn stays as it is and does not discount future revenue; read it as a rough size, not a forecast.',
    marginRevenue: 'Margin 100%: the LTV is revenue, not profit.',
    retention: (from: string, to: string, nrr: string, grr: string) =>
      `Of the MRR paid on ${from}, the same customers pay ${nrr} on ${to} (net revenue retention); counting only what they lost, ${grr} is kept (gross revenue retention).`,
    trials: (rate: string, low: string, high: string, trials: string, days: number) =>
      `${rate} of ${trials} trials became paying customers within ${days} days (95% confidence interval ${low}–${high}).`,
    cohorts: (a: string, k: number, b: string) =>
      `On average ${a} of customers still pay ${k} months after their first paid month, and the MRR of a start month is then ${b} of what it was at first (above 100% when those who stay pay more).`,
    usageLowers: (most: string, mostRate: string, least: string, leastRate: string, months: string) =>
      `Customers who use the product more churn less: ${mostRate} of ${most} stopped paying within ${months}, against ${leastRate} of ${least}.`,
    usageRaises: (most: string, mostRate: string, least: string, leastRate: string, months: string) =>
      `Customers who use the product more churn more here: ${mostRate} of ${most} stopped paying within ${months}, against ${leastRate} of ${least}.`,
    usageNoDifference: (most: string, mostRate: string, least: string, leastRate: string, months: string) =>
      `No clear difference in churn by usage: ${mostRate} of ${most} and ${leastRate} of ${least} stopped paying within ${months}, and the 95% intervals overlap.`,
    usageTooSmall: (min: string) =>
      `Too few customers in the least or the most used segment (fewer than ${min}) to compare churn by usage.`,
    /** A rate with its interval: `12% [9–15%]` (low without its % sign). */
    rateCi: (rate: string, low: string, high: string) => `${rate} [${low}–${high}]`,
    usageShare: (power: string, dormant: string, days: number, date: string) =>
      `In the ${days} days before ${date}, ${power} of paying customers were power users and ${dormant} did not use the product at all.`,
    usageIntro: (days: number, date: string, light: string, power: string, months: string) =>
      `Usage is measured on the ${days} days before ${date}: customers active on no day are dormant, on fewer than ${light} of the days light users, on more than ${power} power users, and regular users in between. Churn by usage follows the customers paying on ${date} for ${months}: did they still pay at the end?`,
    charts: {
      bridge: 'How MRR got from the start to the end',
      bridgeDesc:
        'Start with the MRR at the start, add what new, growing and returning customers brought, take off downgrades and cancellations, and you arrive at the MRR at the end.',
      movements: 'MRR movements per month',
      movementsDesc:
        'Above zero the MRR added each month, below zero the MRR lost; the line is the net change. A month where the line is below zero shrank.',
      churn: (by: string) => `Customer and revenue churn by ${by}`,
      churnDesc:
        'For each group the monthly share of customers who stopped (with its 95% confidence interval) beside the monthly share of MRR lost. Where the orange bar is longer than the blue one, the customers who leave are the bigger ones.',
      usage: 'Churn by usage segment',
      usageDesc:
        'The share of paying customers in each usage segment who stopped paying within the period, with its 95% confidence interval. Intervals that do not overlap mean a clear difference.',
      cohorts: 'Paying customers kept, by start month',
      cohortsDesc:
        'Each row is the month customers first paid (with their number), each column a month since; a cell is the share still paying. Read down a column to compare start months at the same age.',
      cohortsMrr: 'MRR kept, by start month',
      cohortsMrrDesc:
        'As above, but each cell is the MRR of the start month relative to its first month; above 100% means those who stay pay more than at first.',
    },
    movementsCaption: 'MRR per month (last 12 months)',
    movementsCols: [
      'Month',
      'MRR at the start',
      'New customers',
      'Expansion',
      'Returning customers',
      'Downgrades',
      'Cancellations',
      'MRR at the end',
      'Paying customers',
    ],
    kpiCaption: (by: string, month: string) =>
      `SaaS KPIs by ${by} at the end of ${month} (retention over 12 months, by the ${by} at its start)`,
    kpiCols: [
      'Segment',
      'Paying customers',
      'MRR',
      'ARR',
      'ARPA',
      'Net revenue retention',
      'Gross revenue retention',
      'Quick ratio',
      'Churn per month (95% CI)',
      'Trial → paid, 12 months (95% CI)',
      'LTV (95% CI)',
    ],
    /** Names of the subscription KPIs (goals file keys), as the goals table shows them. */
    kpiNames: {
      mrr: 'MRR',
      arr: 'ARR',
      arpa: 'ARPA',
      customers: 'Paying customers',
      nrr: 'Net revenue retention (12 months)',
      grr: 'Gross revenue retention (12 months)',
      quickRatio: 'Quick ratio',
      churn: 'Customer churn per month',
      trialConversion: 'Trial → paid (12 months)',
      ltv: 'LTV',
    },
    goalsCaption: (file: string, month: string) => `SaaS KPIs against the goals of ${file}, ${month}`,
    goalsCols: ['Segment', 'KPI', 'Paying customers', 'Value', '95% CI', 'Goal', 'Status'],
    goalStatus: { met: 'met', missed: 'missed', notEnoughData: 'not enough data' },
    goalAtLeast: (x: string) => `at least ${x}`,
    goalAtMost: (x: string) => `at most ${x}`,
    goalBetween: (lo: string, hi: string) => `${lo} to ${hi}`,
    allCustomers: 'All customers',
    goalsNote:
      'Each goal is judged on the last month. Not enough data: the segment has too few paying customers to judge, or the KPI cannot be measured that month (no one paying at its start, no base 12 months before, no decided trial).',
    goalsCount: (met: number, missed: number, unknown: number, total: number) =>
      `Of ${total} SaaS goals, ${met} met, ${missed} missed and ${unknown} without enough data to judge.`,
    goalMissed: (segment: string, kpi: string, value: string, goal: string) =>
      `${segment}: ${kpi} is ${value}, against a goal of ${goal}.`,
    cohortsByCaption: (by: string) =>
      `Subscription cohorts by ${by}: share still paying and MRR kept, averaged over the start months`,
    cohortsByCols: (by: string) => [
      by,
      'Customers',
      'Paying after 3 months',
      'after 6 months',
      'after 12 months',
      'MRR kept after 12 months',
    ],
    cohortsByNote: (min: string, cohorts: string) =>
      `Weighted by the size of each start month; – where fewer than ${cohorts} start months reach that far. * Fewer than ${min} customers: shown, too few to compare.`,
    churnCaption: (by: string) => `Churn, MRR per customer and LTV by ${by} (monthly rates)`,
    churnCols: [
      'Segment',
      'Customers',
      'Customer churn',
      '95% CI',
      'Revenue churn',
      'Net revenue churn',
      'MRR per customer',
      'LTV',
    ],
    small: (min: string) => `* Fewer than ${min} paying customers on average per month: shown, but too few to rank.`,
    usageCaption: (date: string) => `Usage segments on ${date}`,
    usageCols: ['Usage segment', 'Customers', 'Share', 'Active days (average)', 'Features used (average)'],
    usageChurnCaption: (months: string) => `Churn within ${months} by usage segment`,
    usageChurnCols: ['Usage segment', 'Customers', 'Stopped paying', 'Churn rate', '95% CI'],
    usageTooSmall2: (min: string) => `* Fewer than ${min} customers: too few to compare.`,
    byUsageNote: (date: string) => `Customers who started paying after ${date} have no usage segment and are left out.`,
    ci: (low: string, high: string) => `${low} to ${high}`,
    plan: 'plan',
    usage: 'usage segment',
    unknown: '(unknown)',
    partFailed: (part: string, reason: string) => `${part} could not be computed: ${reason}`,
    parts: {
      churn: 'Churn by plan',
      subscriptionCohorts: 'Subscription cohorts',
      usage: 'Usage segments',
      usageChurn: 'Churn by usage',
      churnByUsage: 'Revenue churn by usage segment',
      kpis: 'SaaS KPIs',
    } as Record<string, string>,
    facts: {
      arr: 'ARR at the end',
      nrr: 'Net revenue retention (12 months)',
      grr: 'Gross revenue retention (12 months)',
      quickRatio: 'Quick ratio (last month)',
      months: 'Months',
      paying: 'Paying customers at the end',
      mrr: 'MRR at the end',
      arpu: 'MRR per customer',
      margin: 'Margin for the LTV',
      subscriptions: 'Subscription ids in the file',
      events: 'Usage events used',
      eventRange: 'Usage events from',
    },
    /** Definitions behind the section, shown in the method section. */
    technical: {
      paying: [
        'Paying',
        'MRR > 0 on the last day of the month; a period covers start date ≤ day < end date, so a period that starts and ends within one month is never counted',
      ],
      mrr: [
        'MRR',
        'the mrr column, or price ÷ the months of the billing interval (year 12, half year 6, quarter 3, month 1, week 12/52); summed over a customer’s periods on the day',
      ],
      classes: [
        'MRR movements (method: month end)',
        'between two month ends per customer: new (0 → > 0, never paid before), returning (0 → > 0, paid before), expansion / downgrade (both > 0, up / down), cancellation (> 0 → 0); a change that reverses within a month does not show; the bridge adds up to the cent',
      ],
      classesDated: [
        'MRR movements (method: by day)',
        'every day a customer’s MRR changes is one movement, as ChartMogul counts: new (0 → > 0, never paid before), returning (0 → > 0, paid before), expansion / downgrade (both > 0, up / down), cancellation (> 0 → 0); a change that reverses within a month counts twice and a start refunded within the month as new and cancelled; MRR at the month ends as with month ends, and the bridge adds up to the cent',
      ],
      customerChurn: [
        'Customer churn',
        'customers paying at a month’s start who pay nothing at its end ÷ customers paying at its start; over several months pooled (Σ stopped ÷ Σ paying at the start)',
      ],
      revenueChurn: [
        'Revenue churn (gross)',
        '(MRR of cancellations + downgrades) ÷ MRR at the month’s start, pooled over the months',
      ],
      netChurn: [
        'Net revenue churn',
        'ChartMogul’s standard net MRR churn rate, the one definition of every figure here: (cancellations + downgrades − expansion − returning customers) ÷ MRR at the start, new customers left out; per segment a returning customer counts in the segment they return in',
      ],
      kpis: [
        'ARR, ARPA, quick ratio',
        'ARR = 12 × MRR at the month’s end; ARPA = MRR ÷ paying customers (an account is a customer); quick ratio = (new + expansion + returning) ÷ (cancellations + downgrades) of the month',
      ],
      retention: [
        'Net and gross revenue retention',
        'of the customers paying at the end of a month, what they pay 12 months later ÷ what they paid then (net: growth counts, new customers do not; gross: each customer at most what they paid then); per segment, the segment at the start of the 12 months',
      ],
      kpiChurn: [
        'Churn and LTV in the KPI table',
        'customer churn of a month = customers paying at the end of the month before who pay nothing at its end ÷ those customers, in the segment of the month’s start, with a 95% Wilson interval; LTV = ARPA × margin ÷ the customer churn pooled over the 12 months up to that month, and its interval ARPA × margin ÷ the ends of that churn’s interval; trial → paid in the table and the goals: the trials started in those 12 months whose 30 days are over, pooled',
      ],
      goals: [
        'SaaS goals',
        'a goals file’s "subscriptions" goals ({ "min": … } and / or { "max": … } per KPI, for all customers and under "by" per segment) judged on the last month: met, missed, or not enough data (a segment with fewer than the minimum of paying customers on average, or a KPI that cannot be measured that month)',
      ],
      trials: [
        'Trial → paid',
        'a trial is a customer’s first period with MRR 0 that starts before they first pay; converted when the first paid period starts within 30 days of the trial’s start; trials whose 30 days run past the data are left out; 95% Wilson interval',
      ],
      segmentMonths: [
        'Churn per segment and month',
        'customers paying at a month’s start who stopped in it ÷ customers paying at its start, per segment and month, with a 95% Wilson interval; the segment is the value at the month’s start (no hindsight: an upgrade counts in the old plan in its month, in the new one from the next); segments with fewer than the minimum of customers at a month start on average are not drawn or ranked',
      ],
      ltv: [
        'LTV (simple)',
        'MRR per customer × margin ÷ monthly customer churn; no discounting, churn taken as constant',
      ],
      ci: [
        '95% confidence interval',
        'Wilson score interval of a share (customer churn, churn by usage segment); two groups differ clearly when their intervals do not overlap',
      ],
      segment: ['Segment of a customer', 'the plan with the highest MRR at each month’s start'],
      segmentEvents: [
        'Device, platform or app version of a customer',
        'the value of the customer’s latest usage event at or before each month’s first day (00:00 UTC), never their latest value overall: a customer who left in March keeps the app version they had then, so old versions do not collect the customers who left (the hindsight trap); app major is the version’s part before the first dot; customer-months without an earlier event with a value form the segment without a value',
      ],
      usage: [
        'Usage segment',
        'share of the window’s days with an event: none dormant, < light-below light, > power-above power, regular in between',
      ],
      usageChurn: [
        'Churn by usage',
        'customers paying on the date, not paying the given number of calendar months later (a customer who stops and returns within the period counts as kept)',
      ],
    } satisfies Record<string, [string, string]>,
    /** Header, summary, data quality and method of a report on subscriptions (with or without transactions). */
    summaryCustomers: 'Paying customers',
    summaryMrr: 'MRR',
    summaryChurn: 'Customer churn (monthly)',
    headerPeriod: (first: string, last: string) => `${first} – ${last}`,
    asOfValue: (asOf: string, last: string) => `${asOf} (MRR measured on the last day of each month up to ${last})`,
    subscriptionsFile: 'Subscriptions file',
    eventsFile: 'Usage events file',
    rowsUsed: (used: string, read: string) => `${used} of ${read} rows used`,
    subscriptionRows: 'Subscription rows used',
    eventRows: 'Usage event rows used',
  },
};
