/**
 * The behaviour planted by `generateSample({ behaviour: true })` (`swb sample --behaviour`): a product mix, a
 * channel habit, a payment method, a price type and a timing pattern per customer, so that the product-mix,
 * channel, price and timing analyses can be tested against a known truth. The draws come from random streams of
 * their own ({@link behaviourRandom}, {@link timingRandom}): the main stream, and so every order and amount of the
 * default sample, is unchanged; only omnichannel customers' order values are raised (by `omniSpendFactor`) and
 * order dates are moved by {@link plantTiming}.
 */
import { Random } from './random.js';

/** Categories of the sample, in column order of the mix weights. */
const CATEGORIES = ['Home', 'Garden', 'Kitchen', 'Toys', 'Books', 'Fashion'] as const;

/** A planted product mix: `mixed`, or the category a customer mostly buys. */
export type PlantedMix = 'Garden' | 'Books' | 'Fashion' | 'mixed';

/** A planted timing pattern: all orders on Saturday or Sunday, all in the holiday season, or neither. */
export type PlantedTiming = 'weekend' | 'holiday-season' | 'none';

/** A planted price type. */
export type PlantedPrice = 'full-price' | 'mixed' | 'deal-seeker';

/** What is planted, with its shares. */
export const PLANTED_BEHAVIOUR = {
  /** Product mixes: share of customers and the weight of each category (Home, Garden, Kitchen, Toys, Books, Fashion) in their order lines. Books buyers also buy Toys: the pair that sells together. */
  mixes: [
    { mix: 'Garden', share: 0.25, weights: [8, 80, 4, 2, 2, 4] },
    { mix: 'Books', share: 0.25, weights: [2, 2, 2, 24, 66, 4] },
    { mix: 'Fashion', share: 0.25, weights: [4, 2, 4, 4, 2, 84] },
    { mix: 'mixed', share: 0.25, weights: [20, 15, 20, 15, 15, 15] },
  ] as ReadonlyArray<{ mix: PlantedMix; share: number; weights: readonly number[] }>,
  /** Share of omnichannel customers: each order on the next channel (web → app → store → web …). */
  omniShare: 0.3,
  /** Order-value multiplier of omnichannel customers. */
  omniSpendFactor: 1.3,
  /** Payment methods with their share of customers (main method); a line uses another method with `otherPayment`. */
  payments: [
    { method: 'card', share: 0.45 },
    { method: 'ideal', share: 0.3 },
    { method: 'paypal', share: 0.15 },
    { method: 'invoice', share: 0.1 },
  ],
  /** Chance that a line is paid with another method than the customer's main one. */
  otherPayment: 0.1,
  /** Price types with their share of customers. */
  prices: [
    { price: 'full-price', share: 0.5 },
    { price: 'mixed', share: 0.3 },
    { price: 'deal-seeker', share: 0.2 },
  ] as ReadonlyArray<{ price: PlantedPrice; share: number }>,
  /** Chance that an order of each price type is bought on discount (every line of it). */
  discountChance: { 'full-price': 0, mixed: 0.35, 'deal-seeker': 1 } as Readonly<Record<PlantedPrice, number>>,
  /** Discount on a discounted line, as a share of its list price. */
  discountRate: 0.3,
  /**
   * Timing patterns with their share of customers: weekend buyers order only on Saturday or Sunday, holiday-season
   * buyers only from 20 November to 31 December. Every other pattern is kept below `patternPercent`% of a
   * customer's orders, so that the timing rules find exactly the planted customers (those with 2+ orders).
   */
  timings: [
    { timing: 'weekend', share: 0.15 },
    { timing: 'holiday-season', share: 0.1 },
    { timing: 'none', share: 0.75 },
  ] as ReadonlyArray<{ timing: PlantedTiming; share: number }>,
  /** Share of a customer's orders that makes a timing pattern, in percent (as the timing rules). */
  patternPercent: 60,
  /** First day of the holiday season (month 1–12, day), as the timing rules. */
  seasonStart: { month: 11, day: 20 },
  /**
   * The journey in the events file: prospects (visitors who never order, ids `V…`, `prospects` per customer) view a
   * page (`page_view`, stage aware); `considerShare` of them also view a product the next day (`product_view`,
   * considering) — the drop: the rest stop there; `advocateShare` of the customers with 2+ orders write a review an
   * hour after their last order (`review`, advocate).
   */
  journey: { prospects: 0.5, considerShare: 0.4, advocateShare: 0.2 },
} as const;

/** Columns the behaviour sample adds to the transactions, after `amount`. */
export const BEHAVIOUR_TRANSACTION_COLUMNS = ['payment_method', 'discount'] as const;
/** Truth columns the behaviour sample adds to the customers file. */
export const BEHAVIOUR_CUSTOMER_COLUMNS = [
  'true_mix',
  'true_channel',
  'true_payment',
  'true_price',
  'true_timing',
] as const;

/** One customer's planted behaviour. */
export interface Behaviour {
  mix: PlantedMix;
  weights: readonly number[];
  omnichannel: boolean;
  payment: string;
  price: PlantedPrice;
}

/** The behaviour stream of a seed: independent of the main stream, the same for the same seed. */
export function behaviourRandom(seed: number): Random {
  return new Random((seed ^ 0x5bd1e995) >>> 0 || 1);
}

/** The timing stream of a seed: independent of the main and the behaviour stream, the same for the same seed. */
export function timingRandom(seed: number): Random {
  return new Random((seed ^ 0x2545f491) >>> 0 || 1);
}

/** The events stream of a seed: independent of the other streams, the same for the same seed. */
export function eventsRandom(seed: number): Random {
  return new Random((seed ^ 0x68e31da4) >>> 0 || 1);
}

/** Draw one customer's timing pattern. */
export function drawTiming(rng: Random): PlantedTiming {
  const T = PLANTED_BEHAVIOUR.timings;
  return rng.pick(
    T,
    T.map((x) => x.share),
  ).timing;
}

/** Draw one customer's behaviour. */
export function drawBehaviour(rng: Random): Behaviour {
  const P = PLANTED_BEHAVIOUR;
  const m = rng.pick(
    P.mixes,
    P.mixes.map((x) => x.share),
  );
  return {
    mix: m.mix,
    weights: m.weights,
    omnichannel: rng.chance(P.omniShare),
    payment: rng.pick(
      P.payments,
      P.payments.map((x) => x.share),
    ).method,
    price: rng.pick(
      P.prices,
      P.prices.map((x) => x.share),
    ).price,
  };
}

/**
 * One order line of the default sample (`product_id,category,channel,quantity,unit_price,amount`) with the
 * customer's behaviour: the category drawn from their mix, then the payment method and the discount (money off
 * the list price; the amount stays what was paid) appended. A return line (negative amount) gets no discount.
 */
export function behaviourLine(rng: Random, b: Behaviour, line: string, discounted: boolean): string {
  const cells = line.split(',');
  cells[1] = rng.pick(CATEGORIES, b.weights);
  const P = PLANTED_BEHAVIOUR;
  const payment = rng.chance(P.otherPayment)
    ? (rng.pick(
        P.payments.filter((x) => x.method !== b.payment),
        [1, 1, 1],
      )?.method ?? b.payment)
    : b.payment;
  const amount = Number(cells[5]);
  const discount = discounted && amount > 0 ? (amount * P.discountRate) / (1 - P.discountRate) : 0;
  return `${cells.join(',')},${payment},${discount.toFixed(2)}`;
}

const DAY_MS = 86_400_000;

function isWeekend(d: Date): boolean {
  const w = d.getUTCDay();
  return w === 0 || w === 6;
}

/** Whether `d` falls in the holiday season (from `seasonStart` to 31 December). */
export function isSeason(d: Date): boolean {
  const { month, day } = PLANTED_BEHAVIOUR.seasonStart;
  const m = d.getUTCMonth() + 1;
  return m > month || (m === month && d.getUTCDate() >= day);
}

const isPattern = (part: number, n: number): boolean => n >= 2 && 100 * part >= PLANTED_BEHAVIOUR.patternPercent * n;
const count = (dates: readonly Date[], f: (d: Date) => boolean): number => dates.filter(f).length;

/** The nearest day to `d` (same time, same month, not after `end`) that passes `ok`; `d` itself when none does. */
function nearestDay(d: Date, end: Date, ok: (x: Date) => boolean): Date {
  for (const k of [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6]) {
    const x = new Date(d.getTime() + k * DAY_MS);
    if (x.getUTCMonth() === d.getUTCMonth() && x <= end && ok(x)) return x;
  }
  return d;
}

/** A day of the year's holiday season (up to `end`) at the same relative place as `d` in the days before it; same time. */
function intoSeason(d: Date, end: Date): Date {
  const y = d.getUTCFullYear();
  const { month, day } = PLANTED_BEHAVIOUR.seasonStart;
  const start = Date.UTC(y, month - 1, day);
  const last = Math.min(Date.UTC(y, 11, 31), Math.floor(end.getTime() / DAY_MS) * DAY_MS);
  const window = Math.round((last - start) / DAY_MS) + 1;
  const dayOfYear = Math.floor((d.getTime() - Date.UTC(y, 0, 1)) / DAY_MS);
  const before = Math.round((start - Date.UTC(y, 0, 1)) / DAY_MS);
  const time = d.getTime() - Math.floor(d.getTime() / DAY_MS) * DAY_MS;
  const x = new Date(start + Math.floor((dayOfYear * window) / before) * DAY_MS + time);
  return x <= end ? x : d;
}

/**
 * Move a customer's purchase order dates (same times of day) so that they show their planted timing pattern and no
 * other: weekend buyers' orders to the nearest Saturday or Sunday of the same month, holiday-season buyers' orders
 * into the season of the same year (in order); then, when a pattern that is not planted reaches `patternPercent`%
 * of 2+ orders by chance, weekend orders move to the nearest weekday of the same month (in or out of the season as
 * before) and season orders other than the first six weeks later, or earlier when that passes `end` (the weekday
 * stays). No date passes `end`. Returns new dates, in the order given.
 */
export function plantTiming(dates: readonly Date[], timing: PlantedTiming, end: Date): Date[] {
  let out = dates.map((d) =>
    timing === 'weekend'
      ? nearestDay(d, end, isWeekend)
      : timing === 'holiday-season' && !isSeason(d)
        ? intoSeason(d, end)
        : d,
  );
  const n = out.length;
  if (timing !== 'weekend') {
    for (let i = n - 1; i >= 0 && isPattern(count(out, isWeekend), n); i--) {
      const d = out[i];
      if (d && isWeekend(d)) out[i] = nearestDay(d, end, (x) => !isWeekend(x) && isSeason(x) === isSeason(d));
    }
  }
  if (timing !== 'holiday-season') {
    const first = Math.min(...out.map((d) => d.getTime()));
    const order = out.map((_, i) => i).sort((a, b) => (out[b]?.getTime() ?? 0) - (out[a]?.getTime() ?? 0));
    for (const i of order) {
      const d = out[i];
      if (!isPattern(count(out, isSeason), n)) break;
      if (!d || !isSeason(d) || d.getTime() === first) continue;
      const moved = [42, -42]
        .map((k) => new Date(d.getTime() + k * DAY_MS))
        .find((x) => x <= end && x.getTime() > first && !isSeason(x));
      if (moved) out = out.map((x, j) => (j === i ? moved : x));
    }
  }
  return out;
}
