/**
 * Seeded synthetic data with planted structure, streamed to CSV (10M rows never sit in memory).
 * What is planted, so tests can check that analyses recover it:
 * - four customer clusters (`true_cluster` 1–4) with distinct order rates, order values and churn;
 * - monthly retention per first-order cohort with a closed form ({@link plantedRetention}): newer cohorts churn less;
 * - NPS lower for 18–34-year-olds in large cities than for 18–34-year-olds overall; referral customers spend 25% more
 *   per order; device has no effect on anything (a planted null difference);
 * - with `behaviour: true` only (see behaviour.ts): a product mix per customer, omnichannel customers who spend more
 *   per order, a main payment method, a price type (full price / mixed / deal-seeker) and a timing pattern (weekend
 *   buyers, holiday-season buyers: their order dates move), in extra columns. The default output stays
 *   byte-identical: the behaviour draws come from random streams of their own.
 * Writes to temp files and renames, so a failed run leaves no half-written file.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { checkOutputPath, claimTemp, discardTemp, reasonOf, releaseTemp } from '../report/save.js';
import { Random } from './random.js';
import {
  BEHAVIOUR_CUSTOMER_COLUMNS,
  BEHAVIOUR_TRANSACTION_COLUMNS,
  behaviourLine,
  behaviourRandom,
  drawBehaviour,
  drawTiming,
  eventsRandom,
  PLANTED_BEHAVIOUR,
  plantTiming,
  timingRandom,
  type Behaviour,
  type PlantedTiming,
} from './behaviour.js';

/** Options for {@link generateSample}. */
export interface SampleOptions {
  /** Number of customers. @defaultValue 10000 */
  customers?: number;
  /** Random seed. @defaultValue 42 */
  seed?: number;
  /** Transactions CSV path; the customers file is written beside it as `<name>-customers.csv` (with `behaviour`, the events as `<name>-events.csv`). */
  out: string;
  /** Also write payment method and discount columns, and plant product mix, channel, price and timing behaviour (see `PLANTED_BEHAVIOUR`). @defaultValue false */
  behaviour?: boolean;
  /** Called every 100,000 customers with the rows written so far. */
  onProgress?: (customersDone: number, rowsWritten: number) => void;
}

/** What {@link generateSample} wrote. */
export interface SampleResult {
  transactionsFile: string;
  customersFile: string;
  customers: number;
  /** Transaction rows (order lines) written. */
  rows: number;
  orders: number;
  /** With `behaviour` only: the events file and the journey planted in it (see `PLANTED_BEHAVIOUR.journey`). */
  events?: {
    file: string;
    rows: number;
    /** Visitors who never order. */
    prospects: number;
    /** Of them, those who also viewed a product (stage considering); the rest stay aware. */
    considering: number;
    /** Customers with a review (stage advocate), all with 2+ purchase orders. */
    advocates: number;
  };
}

/** A planted customer cluster. */
export interface PlantedCluster {
  id: number;
  name: string;
  /** Share of customers. */
  share: number;
  /** Probability of at least one order in a month while not churned (after the first month). */
  activeProb: number;
  /** Monthly churn probability (before the cohort factor). */
  churn: number;
  /** Extra orders in an active month ~ Poisson(extraOrders). */
  extraOrders: number;
  /** Median order value (EUR). */
  orderValue: number;
}

/** The planted clusters. Cluster numbers are the truth column `true_cluster`. */
export const PLANTED_CLUSTERS: readonly PlantedCluster[] = [
  { id: 1, name: 'VIP', share: 0.15, activeProb: 0.9, churn: 0.01, extraOrders: 2.0, orderValue: 220 },
  { id: 2, name: 'Regular', share: 0.3, activeProb: 0.55, churn: 0.03, extraOrders: 0.2, orderValue: 60 },
  { id: 3, name: 'Occasional', share: 0.35, activeProb: 0.12, churn: 0.2, extraOrders: 0, orderValue: 18 },
  { id: 4, name: 'Big one-off', share: 0.2, activeProb: 0.02, churn: 0.6, extraOrders: 0, orderValue: 600 },
];

/** First day of the data (UTC). */
export const SAMPLE_START = new Date(Date.UTC(2022, 0, 1));
/** Number of monthly cohorts (first orders fall in these months). */
export const SAMPLE_COHORTS = 12;
/** Last moment of the data: mid-December 2023, so the last month is partly observed. */
export const SAMPLE_END = new Date(Date.UTC(2023, 11, 15, 23, 59, 59));
/** Number of calendar months touched by the data (Jan 2022 … Dec 2023). */
export const SAMPLE_MONTHS = 24;

/** Churn multiplier for cohort index c (0 = Jan 2022): newer cohorts churn less (1.3 → 0.7). */
export function cohortChurnFactor(cohortIndex: number): number {
  return 1.3 - (0.6 * cohortIndex) / (SAMPLE_COHORTS - 1);
}

/**
 * True expected retention of cohort c in month k ≥ 1 after its first order (share of the cohort with at least
 * one order in that calendar month), for fully observed months. Month 0 is 1 by definition.
 */
export function plantedRetention(cohortIndex: number, k: number): number {
  if (k === 0) return 1;
  let r = 0;
  for (const cl of PLANTED_CLUSTERS) {
    const q = Math.min(1, cl.churn * cohortChurnFactor(cohortIndex));
    r += cl.share * Math.pow(1 - q, k) * cl.activeProb;
  }
  return r;
}

const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
const REGIONS = ['North', 'East', 'South', 'West'] as const;
const CITY_SIZES = ['small', 'medium', 'large'] as const;
const ACQ = ['search', 'social', 'referral', 'email', 'store'] as const;
const DEVICES = ['ios', 'android', 'desktop'] as const;
/** Sales channels of the sample. */
export const CHANNELS = ['web', 'app', 'store'] as const;
/** Product categories of the sample. */
export const CATEGORIES = ['Home', 'Garden', 'Kitchen', 'Toys', 'Books', 'Fashion'] as const;

/** Mean NPS score (0–10) by planted group: young big-city customers score 2 points lower. */
export function plantedNpsMean(ageBand: string, citySize: string): number {
  const young = ageBand === '18-24' || ageBand === '25-34';
  return young && citySize === 'large' ? 5.5 : 7.5;
}
/** Order-value multiplier of referral customers (planted difference). */
export const REFERRAL_SPEND_FACTOR = 1.25;

/**
 * Write a seeded synthetic transactions CSV and a customers CSV with planted structure.
 * @example await generateSample({ customers: 10_000, seed: 7, out: 'data/sample.csv' })
 */
export async function generateSample(options: SampleOptions): Promise<SampleResult> {
  const n = options.customers ?? 10_000;
  const rng = new Random(options.seed ?? 42);
  const transactionsFile = options.out;
  const customersFile = options.out.replace(/(\.csv)?$/, '-customers.csv');
  const eventsFile = options.behaviour ? options.out.replace(/(\.csv)?$/, '-events.csv') : undefined;
  const files = [transactionsFile, customersFile, ...(eventsFile ? [eventsFile] : [])];
  // Every path is checked before anything is written: a device, folder or symlink is never replaced.
  for (const f of files) await checkOutputPath(f, 'the sample');
  try {
    await mkdir(dirname(transactionsFile), { recursive: true });
  } catch (e) {
    throw new WorkbenchError('WRITE_FAILED', messages.writeFailed(transactionsFile, reasonOf(e), 'the sample'), {
      path: transactionsFile,
    });
  }
  const temps = files.map((f) => claimTemp(f));
  const [tmpT = '', tmpC = '', tmpE] = temps;
  const tx = new ChunkedWriter(createWriteStream(tmpT, { flags: 'wx' }));
  const cu = new ChunkedWriter(createWriteStream(tmpC, { flags: 'wx' }));
  const ev = tmpE ? new ChunkedWriter(createWriteStream(tmpE, { flags: 'wx' })) : undefined;
  const erng = eventsRandom(options.seed ?? 42);
  const journey = { rows: 0, prospects: 0, considering: 0, advocates: 0 };
  let rows = 0;
  let orders = 0;
  const seq = { n: 0 };
  const brng = options.behaviour ? behaviourRandom(options.seed ?? 42) : undefined;
  const trng = options.behaviour ? timingRandom(options.seed ?? 42) : undefined;
  const extra = (cols: readonly string[]) => (brng ? `,${cols.join(',')}` : '');
  try {
    await tx.write(
      `order_id,customer_id,order_date,product_id,category,channel,quantity,unit_price,amount${extra(BEHAVIOUR_TRANSACTION_COLUMNS)}\n`,
    );
    await cu.write(
      `customer_id,age_band,region,city_size,acquisition_channel,device,nps,true_cluster,cohort_month${extra(BEHAVIOUR_CUSTOMER_COLUMNS)}\n`,
    );
    await ev?.write('customer_id,event_time,event_name\n');
    for (let i = 1; i <= n; i++) {
      const c = drawCustomer(rng, i);
      const b = brng ? drawBehaviour(brng) : undefined;
      const t = trng ? drawTiming(trng) : undefined;
      const truth = b
        ? `,${b.mix},${b.omnichannel ? 'omnichannel' : 'single-channel'},${b.payment},${b.price},${t ?? 'none'}`
        : '';
      await cu.write(
        `${c.id},${c.ageBand},${c.region},${c.citySize},${c.acquisition},${c.device},${c.nps},${c.cluster.id},${monthLabel(c.cohort)}${truth}\n`,
      );
      const drawn = drawOrders(rng, c, seq, b && brng ? { b, rng: brng } : undefined);
      let last: string | undefined;
      let purchases = 0;
      for (const order of t ? withTiming([...drawn], t) : drawn) {
        if (order.id.startsWith('O')) {
          purchases++;
          if (!last || order.date > last) last = order.date;
        }
        orders++;
        for (const line of order.lines) {
          rows++;
          await tx.write(`${order.id},${c.id},${order.date},${line}\n`);
        }
      }
      if (ev && last && purchases >= 2 && erng.chance(PLANTED_BEHAVIOUR.journey.advocateShare)) {
        journey.advocates++;
        journey.rows++;
        await ev.write(
          `${c.id},${formatTimestamp(new Date(Date.parse(`${last.replace(' ', 'T')}Z`) + HOUR_MS))},review\n`,
        );
      }
      if (options.onProgress && i % 100_000 === 0) options.onProgress(i, rows);
    }
    if (ev) await writeProspects(ev, erng, Math.round(n * PLANTED_BEHAVIOUR.journey.prospects), journey);
    await tx.end();
    await cu.end();
    await ev?.end();
    for (const f of files) await checkOutputPath(f, 'the sample');
    for (const [i, f] of files.entries()) {
      const tmp = temps[i] ?? '';
      await rename(tmp, f);
      releaseTemp(tmp);
    }
  } catch (e) {
    tx.destroy();
    cu.destroy();
    ev?.destroy();
    // A failed clean-up never hides the error that caused it.
    for (const tmp of temps) await discardTemp(tmp);
    if (e instanceof WorkbenchError) throw e;
    throw new WorkbenchError('WRITE_FAILED', messages.writeFailed(transactionsFile, reasonOf(e), 'the sample'), {
      path: transactionsFile,
      cause: e,
    });
  }
  return {
    transactionsFile,
    customersFile,
    customers: n,
    rows,
    orders,
    ...(eventsFile ? { events: { file: eventsFile, ...journey } } : {}),
  };
}

const HOUR_MS = 3_600_000;

/**
 * The prospects of the events file: each views a page at a random moment of the data's period (`page_view`); a
 * planted share also views a product a day later (`product_view`).
 */
async function writeProspects(
  ev: ChunkedWriter,
  rng: Random,
  count: number,
  journey: { rows: number; prospects: number; considering: number },
): Promise<void> {
  const span = SAMPLE_END.getTime() - 2 * 24 * HOUR_MS - SAMPLE_START.getTime();
  for (let i = 1; i <= count; i++) {
    const id = `V${String(i).padStart(7, '0')}`;
    const at = SAMPLE_START.getTime() + Math.floor(rng.next() * (span / 60_000)) * 60_000;
    await ev.write(`${id},${formatTimestamp(new Date(at))},page_view\n`);
    journey.prospects++;
    journey.rows++;
    if (rng.chance(PLANTED_BEHAVIOUR.journey.considerShare)) {
      await ev.write(`${id},${formatTimestamp(new Date(at + 24 * HOUR_MS))},product_view\n`);
      journey.considering++;
      journey.rows++;
    }
  }
}

interface Customer {
  id: string;
  cluster: PlantedCluster;
  cohort: number;
  ageBand: string;
  region: string;
  citySize: string;
  acquisition: string;
  device: string;
  nps: number;
}

function drawCustomer(rng: Random, i: number): Customer {
  const cluster = rng.pick(
    PLANTED_CLUSTERS,
    PLANTED_CLUSTERS.map((c) => c.share),
  );
  const ageBand = rng.pick(AGE_BANDS, [12, 22, 22, 18, 14, 12]);
  const citySize = rng.pick(CITY_SIZES, [35, 35, 30]);
  const npsMean = plantedNpsMean(ageBand, citySize) + (cluster.id === 1 ? 0.5 : 0);
  return {
    id: `C${String(i).padStart(7, '0')}`,
    cluster,
    cohort: rng.int(SAMPLE_COHORTS),
    ageBand,
    region: rng.pick(REGIONS, [1, 1, 1, 1]),
    citySize,
    acquisition: rng.pick(ACQ, [30, 20, 15, 20, 15]),
    device: rng.pick(DEVICES, [35, 40, 25]),
    nps: Math.max(0, Math.min(10, Math.round(npsMean + 2 * rng.normal()))),
  };
}

interface Order {
  id: string;
  date: string;
  lines: string[];
}

/** A customer's planted behaviour and the random stream it draws from (only with `behaviour: true`). */
interface BehaviourDraw {
  b: Behaviour;
  rng: Random;
}

function* drawOrders(rng: Random, c: Customer, seq: { n: number }, bd?: BehaviourDraw): Generator<Order> {
  const q = Math.min(1, c.cluster.churn * cohortChurnFactor(c.cohort));
  const first = rng.pick(CHANNELS, [50, 30, 20]);
  const omni = bd?.b.omnichannel === true;
  const valueFactor =
    (c.acquisition === 'referral' ? REFERRAL_SPEND_FACTOR : 1) * (omni ? PLANTED_BEHAVIOUR.omniSpendFactor : 1);
  let orderNo = 0;
  for (let k = 0; c.cohort + k < SAMPLE_MONTHS; k++) {
    if (k > 0) {
      if (rng.chance(q)) return; // churned for good
      if (!rng.chance(c.cluster.activeProb)) continue;
    }
    const count = 1 + rng.poisson(c.cluster.extraOrders);
    const month = c.cohort + k;
    for (let j = 0; j < count; j++) {
      const date = new Date(Date.UTC(2022, month, 1 + rng.int(daysInMonth(month)), 8 + rng.int(12), rng.int(60)));
      if (date > SAMPLE_END) continue;
      const value = c.cluster.orderValue * valueFactor * Math.exp(0.35 * rng.normal());
      const id = `O${(++seq.n).toString(36).toUpperCase()}`;
      // an omnichannel customer moves to the next channel with every order, so two orders always use two channels
      const channel = omni ? (CHANNELS[(CHANNELS.indexOf(first) + orderNo) % CHANNELS.length] ?? first) : first;
      const discounted = bd ? bd.rng.chance(PLANTED_BEHAVIOUR.discountChance[bd.b.price]) : false;
      orderNo++;
      const lines = orderLines(rng, value, channel).map((l) => (bd ? behaviourLine(bd.rng, bd.b, l, discounted) : l));
      yield { id, date: formatTimestamp(date), lines };
      if (rng.chance(0.02)) {
        // a return of part of the order, booked under its own id on the same day
        yield {
          id: `R${id.slice(1)}`,
          date: formatTimestamp(date),
          lines: [
            `P${rng.int(500)},${rng.pick(CATEGORIES, [1, 1, 1, 1, 1, 1])},${channel},-1,${(value / 4).toFixed(2)},${(-value / 4).toFixed(2)}`,
          ].map((l) => (bd ? behaviourLine(bd.rng, bd.b, l, false) : l)),
        };
      }
    }
  }
}

/**
 * The orders of one customer with their planted timing pattern: the purchase dates moved by `plantTiming`, each
 * return on the new day of its order.
 */
function withTiming(orders: readonly Order[], timing: PlantedTiming): Order[] {
  const purchases = orders.filter((o) => o.id.startsWith('O'));
  const moved = plantTiming(
    purchases.map((o) => new Date(`${o.date.replace(' ', 'T')}Z`)),
    timing,
    SAMPLE_END,
  );
  const dateOf = new Map(purchases.map((o, i) => [o.id.slice(1), formatTimestamp(moved[i] ?? SAMPLE_END)]));
  return orders.map((o) => ({ ...o, date: dateOf.get(o.id.slice(1)) ?? o.date }));
}

function orderLines(rng: Random, value: number, channel: string): string[] {
  const n = 1 + rng.poisson(0.6);
  const lines: string[] = [];
  const firstProduct = rng.int(500);
  for (let i = 0; i < n; i++) {
    const qty = 1 + rng.int(3);
    const price = value / n / qty;
    const cat = rng.pick(CATEGORIES, [20, 15, 20, 15, 15, 15]);
    lines.push(
      `P${(firstProduct + i) % 500},${cat},${channel},${qty},${price.toFixed(2)},${(qty * Number(price.toFixed(2))).toFixed(2)}`,
    );
  }
  return lines;
}

function daysInMonth(monthIndex: number): number {
  return new Date(Date.UTC(2022, monthIndex + 1, 0)).getUTCDate();
}

function monthLabel(cohort: number): string {
  const d = new Date(Date.UTC(2022, cohort, 1));
  return d.toISOString().slice(0, 7);
}

function formatTimestamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** Buffers small writes into ~1 MB chunks and respects back-pressure. */
class ChunkedWriter {
  #buf: string[] = [];
  #size = 0;
  #error: Error | undefined;
  constructor(private readonly stream: WriteStream) {
    // Kept and rethrown by the next write: an unheard 'error' event would end the process.
    stream.on('error', (e) => {
      this.#error = e;
    });
  }
  destroy(): void {
    this.stream.destroy();
  }
  async write(s: string): Promise<void> {
    if (this.#error) throw this.#error;
    this.#buf.push(s);
    this.#size += s.length;
    if (this.#size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.#buf.length === 0) return;
    const chunk = this.#buf.join('');
    this.#buf = [];
    this.#size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async end(): Promise<void> {
    await this.flush();
    if (this.#error) throw this.#error;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
