/**
 * The planted truth of the synthetic subscriptions and events (`generateSubscriptions`): every rate the
 * generator draws with, so tests and notebooks can check that the analyses recover it.
 */

/** A plan with its monthly list price, its share of new customers and its monthly churn hazard (before the usage factor). */
export interface PlantedPlan {
  plan: string;
  /** Price per month (EUR); yearly payers pay 12 × this per year. */
  price: number;
  share: number;
  churn: number;
}

/** A usage level: its share of customers, churn multiplier, mean active days per paying month and number of event names used. */
export interface PlantedUsage {
  level: 'low' | 'medium' | 'high';
  share: number;
  churnFactor: number;
  activeDays: number;
  features: number;
}

/**
 * The phone or tablet app's platform of a customer (on their mobile days; other days are on the web), with its
 * share of customers and churn multiplier.
 */
export interface PlantedPlatform {
  platform: 'ios' | 'android';
  share: number;
  churnFactor: number;
}

/** Everything {@link PLANTED_SUBSCRIPTIONS} states. */
export interface PlantedSubscriptions {
  /** First and last day of the data (ISO dates, UTC); new customers start on day 1–28 of one of the 24 months, evenly spread. */
  firstDay: string;
  lastDay: string;
  months: number;
  /** Plans from smallest to largest (an upgrade moves one step right). */
  plans: readonly PlantedPlan[];
  usage: readonly PlantedUsage[];
  /**
   * The app platform of each customer: Android customers churn 1.5 × as often as iOS customers (factors 1.2 and
   * 0.8, which average 1 over the two, so a plan × usage hazard is the mean over the platforms).
   */
  platforms: readonly PlantedPlatform[];
  /**
   * App versions: a release each quarter, `3.0`–`3.3` in 2023 and `4.0`–`4.3` in 2024 (major 3, then 4); this share
   * of customers runs one release behind. The version has no effect on churn (a planted null).
   */
  appLagShare: number;
  /** Share of customers paying per year (price × 12, `billing_interval` = year); they draw churn and plan changes monthly like everyone. */
  yearlyShare: number;
  /** Monthly chance, at each monthly anniversary a customer survives, of moving one plan up (not from the largest plan). */
  upgrade: number;
  /** Monthly chance of moving one plan down (not from the smallest plan); exclusive with an upgrade. */
  downgrade: number;
  /** Share of churned customers who come back, with a new subscription id, the same plan and interval. */
  reactivation: number;
  /** They come back after 1, 2 or 3 months (equally likely), on the same day of the month. */
  reactivationMonths: readonly [number, number];
  /**
   * Share of customers whose first start (on day 10 or later of its month) follows a refunded attempt on the same
   * plan: a period of its own subscription id (`…-0`) from 8 days before to 3 days before it. It pays at no month end,
   * so only day-dated counting (`method: 'dated'`) sees it: new and churned on those days, the real start a reactivation.
   */
  refund: number;
  /**
   * Share of periods below the largest plan with an upgrade on the 10th of the month after their start that is
   * reverted on the 17th (when the period runs past it): an expansion and a contraction only day-dated counting sees.
   */
  reversedUpgrade: number;
  /** Events per active day: uniform whole numbers in this range. */
  eventsPerActiveDay: readonly [number, number];
  /** Event names; a customer uses the first `features` of them (by usage level), each equally often. */
  eventNames: readonly string[];
  countries: ReadonlyArray<{ country: string; share: number }>;
  /** Acquisition channels with the share of active days a customer from that channel spends on the mobile app. */
  channels: ReadonlyArray<{ channel: string; share: number; mobileShare: number }>;
  currency: string;
}

/**
 * The planted truth. At each monthly anniversary of a customer's first start (same day of the month), a
 * paying customer churns with probability `plan.churn × usage.churnFactor × platform.churnFactor`, using the plan of the period
 * that ran up to that day; a customer who stays may upgrade or downgrade (a new row of the same
 * subscription from that day). A period's `end_date` is the anniversary of the churn or change; periods
 * still running on the last day have none. Country, channel, device and app version have no effect on churn
 * (planted nulls). Events: each day of a paid period is active with probability `activeDays / 30`; an active day
 * is spent on the web or, with the channel's `mobileShare`, on the customer's phone or tablet app (their
 * platform, ios or android, and the app version of that quarter, see `appLagShare`).
 */
export const PLANTED_SUBSCRIPTIONS: Readonly<PlantedSubscriptions> = {
  firstDay: '2023-01-01',
  lastDay: '2024-12-31',
  months: 24,
  plans: [
    { plan: 'basic', price: 19, share: 0.5, churn: 0.06 },
    { plan: 'pro', price: 49, share: 0.35, churn: 0.03 },
    { plan: 'business', price: 149, share: 0.15, churn: 0.015 },
  ],
  usage: [
    { level: 'low', share: 0.3, churnFactor: 2, activeDays: 2, features: 3 },
    { level: 'medium', share: 0.5, churnFactor: 1, activeDays: 8, features: 5 },
    { level: 'high', share: 0.2, churnFactor: 0.4, activeDays: 18, features: 8 },
  ],
  platforms: [
    { platform: 'ios', share: 0.5, churnFactor: 0.8 },
    { platform: 'android', share: 0.5, churnFactor: 1.2 },
  ],
  appLagShare: 0.3,
  yearlyShare: 0.2,
  upgrade: 0.02,
  downgrade: 0.01,
  reactivation: 0.05,
  reactivationMonths: [1, 3],
  refund: 0.03,
  reversedUpgrade: 0.02,
  eventsPerActiveDay: [1, 6],
  eventNames: ['login', 'view_dashboard', 'search', 'create_report', 'export', 'share', 'invite_user', 'api_call'],
  countries: [
    { country: 'NL', share: 0.4 },
    { country: 'DE', share: 0.3 },
    { country: 'BE', share: 0.15 },
    { country: 'FR', share: 0.15 },
  ],
  channels: [
    { channel: 'search', share: 0.5, mobileShare: 0.3 },
    { channel: 'referral', share: 0.3, mobileShare: 0.6 },
    { channel: 'partner', share: 0.2, mobileShare: 0.1 },
  ],
  currency: 'EUR',
};

/**
 * The monthly churn hazard of a plan at a usage level, on an app platform (without one: the mean over the
 * platforms, whose factors average 1).
 * @example plantedChurn('basic', 'low') // 0.12
 * @example plantedChurn('basic', 'low', 'android') // 0.144
 */
export function plantedChurn(plan: string, level: string, platform?: string): number {
  const p = PLANTED_SUBSCRIPTIONS.plans.find((x) => x.plan === plan);
  const u = PLANTED_SUBSCRIPTIONS.usage.find((x) => x.level === level);
  const f =
    platform === undefined ? { churnFactor: 1 } : PLANTED_SUBSCRIPTIONS.platforms.find((x) => x.platform === platform);
  if (!p || !u || !f) throw new RangeError(`unknown plan, usage level or platform: ${plan}, ${level}, ${platform}`);
  return p.churn * u.churnFactor * f.churnFactor;
}
