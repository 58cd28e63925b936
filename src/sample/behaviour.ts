/**
 * The behaviour planted by `generateSample({ behaviour: true })` (`swb sample --behaviour`): a product mix, a
 * channel habit, a payment method and a price type per customer, so that the product-mix, channel and price
 * analyses can be tested against a known truth. The draws come from a random stream of their own
 * ({@link behaviourRandom}): the main stream, and so every order, date and amount of the default sample, is
 * unchanged; only omnichannel customers' order values are raised (by `omniSpendFactor`).
 */
import { Random } from './random.js';

/** Categories of the sample, in column order of the mix weights. */
const CATEGORIES = ['Home', 'Garden', 'Kitchen', 'Toys', 'Books', 'Fashion'] as const;

/** A planted product mix: `mixed`, or the category a customer mostly buys. */
export type PlantedMix = 'Garden' | 'Books' | 'Fashion' | 'mixed';

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
} as const;

/** Columns the behaviour sample adds to the transactions, after `amount`. */
export const BEHAVIOUR_TRANSACTION_COLUMNS = ['payment_method', 'discount'] as const;
/** Truth columns the behaviour sample adds to the customers file. */
export const BEHAVIOUR_CUSTOMER_COLUMNS = ['true_mix', 'true_channel', 'true_payment', 'true_price'] as const;

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
