#!/usr/bin/env node
// Coverage of the CLV intervals (issue #29), by simulation: data drawn from known BG/NBD (or Pareto/NBD)
// and Gamma-Gamma parameters, fitted, and the 95% parametric-bootstrap interval on each segment's expected
// value checked against that segment's expected value under the true parameters (the quantity the interval
// is for: parameter uncertainty, given the customers' histories). Also compares the standard errors with
// the spread of the estimates over the replications. Seeded: the same arguments print the same figures.
// Run: npm run build && node bench/clv-coverage.js [--reps=200] [--customers=2000] [--draws=200] [--model=bg-nbd|pareto-nbd] [--seed=1]
import { fitBgnbd } from '../dist/analyses/clv/bgnbd.js';
import { fitParetoNbd } from '../dist/analyses/clv/pareto-nbd.js';
import { fitGammaGamma } from '../dist/analyses/clv/gamma-gamma.js';
import { segmentValues, valueIntervals } from '../dist/analyses/clv/intervals.js';
import { Random } from '../dist/sample/random.js';

const arg = (name, fallback) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1] ?? fallback;
const REPS = Number(arg('reps', 200));
const CUSTOMERS = Number(arg('customers', 2000));
const DRAWS = Number(arg('draws', 200));
const MODEL = arg('model', 'bg-nbd');
const SEED = Number(arg('seed', 1));
const CALIBRATION_WEEKS = 39;
const TRUTH = {
  'bg-nbd': { r: 0.5, alpha: 8, a: 0.7, b: 2.5 },
  'pareto-nbd': { r: 0.55, alpha: 10.5, s: 0.6, beta: 11.7 },
}[MODEL];
const SPEND = { p: 6, q: 4, gamma: 15 };
const HORIZON = { months: 12, discountRate: 0, unitsPerYear: 365.25 / 7 };

const rng = new Random(SEED);
const uniform = () => rng.next();
const exponential = (rate) => -Math.log(1 - uniform()) / rate;
function gamma(shape, rate) {
  // Marsaglia–Tsang, with the shape < 1 boost
  if (shape < 1) return gamma(shape + 1, rate) * uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const n = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const v = (1 + c * n) ** 3;
    if (v > 0 && Math.log(1 - uniform()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}
const beta = (a, b) => {
  const x = gamma(a, 1);
  return x / (x + gamma(b, 1));
};
const day = (weeks) => Math.floor(weeks * 7) / 7; // the summary counts whole days, as clvSummary does

/** One customer: first purchase in weeks 0–12, repeat purchases until dropout or the calibration end. */
function customer() {
  const first = day(uniform() * 12);
  const T = day(CALIBRATION_WEEKS) - first;
  const lambda = gamma(TRUTH.r, TRUTH.alpha);
  let t = 0;
  let x = 0;
  let tx = 0;
  if (MODEL === 'bg-nbd') {
    const p = beta(TRUTH.a, TRUTH.b);
    for (;;) {
      t += exponential(lambda);
      if (t > T) break;
      x++;
      tx = t;
      if (uniform() < p) break;
    }
  } else {
    const life = exponential(gamma(TRUTH.s, TRUTH.beta));
    for (;;) {
      t += exponential(lambda);
      if (t > Math.min(T, life)) break;
      x++;
      tx = t;
    }
  }
  const nu = gamma(SPEND.q, SPEND.gamma);
  let spend = 0;
  for (let i = 0; i < x; i++) spend += gamma(SPEND.p, nu);
  return { x, t_x: x > 0 ? Math.max(day(tx), 1 / 7) : 0, T, monetary: x > 0 ? spend / x : 0 };
}

const segmentOf = (c) => (c.x === 0 ? 'x=0' : c.x === 1 ? 'x=1' : c.x <= 3 ? 'x=2-3' : 'x=4+');
const KEYS = ['x=0', 'x=1', 'x=2-3', 'x=4+', 'total'];
function cells(customers) {
  const byCell = new Map();
  for (const c of customers) {
    for (const key of [segmentOf(c), 'total']) {
      const k = `${key}|${c.x}|${c.t_x}|${c.T}`;
      const cell = byCell.get(k) ?? { key, x: c.x, t_x: c.t_x, T: c.T, customers: 0, own: 0, monetary: 0 };
      cell.customers++;
      if (c.x > 0 && c.monetary > 0) {
        cell.own++;
        cell.monetary += c.monetary;
      }
      byCell.set(k, cell);
    }
  }
  return [...byCell.values()];
}
function groups(customers) {
  const m = new Map();
  for (const c of customers) {
    const k = `${c.x}|${c.t_x}|${c.T}`;
    const g = m.get(k) ?? { x: c.x, t_x: c.t_x, T: c.T, count: 0 };
    g.count++;
    m.set(k, g);
  }
  return [...m.values()];
}

const covered = Object.fromEntries(KEYS.map((k) => [k, 0]));
const counted = Object.fromEntries(KEYS.map((k) => [k, 0]));
const names = MODEL === 'bg-nbd' ? ['r', 'alpha', 'a', 'b'] : ['r', 'alpha', 's', 'beta'];
const estimates = Object.fromEntries([...names, 'p', 'q', 'gamma'].map((k) => [k, []]));
const ses = Object.fromEntries([...names, 'p', 'q', 'gamma'].map((k) => [k, []]));
let skipped = 0;
const started = performance.now();
for (let rep = 0; rep < REPS; rep++) {
  const data = Array.from({ length: CUSTOMERS }, customer);
  const fit = MODEL === 'bg-nbd' ? fitBgnbd(groups(data)) : fitParetoNbd(groups(data));
  const gg = fitGammaGamma(data.filter((c) => c.x > 0 && c.monetary > 0));
  if (!fit.logCovariance || !gg.logCovariance) {
    skipped++;
    continue;
  }
  for (const k of names) {
    estimates[k].push(fit[k]);
    ses[k].push(fit.standardErrors[k]);
  }
  for (const k of ['p', 'q', 'gamma']) {
    estimates[k].push(gg[k]);
    ses[k].push(gg.standardErrors[k]);
  }
  const params = Object.fromEntries(names.map((k) => [k, fit[k]]));
  const c = cells(data);
  const model = {
    purchases: { kind: MODEL, params },
    spend: { p: gg.p, q: gg.q, gamma: gg.gamma },
    horizon: HORIZON,
    margin: 1,
  };
  const intervals = valueIntervals(c, model, fit.logCovariance, gg.logCovariance, {
    draws: DRAWS,
    seed: SEED * 1000 + rep,
  });
  const truth = segmentValues(c, { ...model, purchases: { kind: MODEL, params: TRUTH }, spend: SPEND });
  for (const k of KEYS) {
    const iv = intervals?.get(k);
    const v = truth.get(k);
    if (!iv || v === undefined) continue;
    counted[k]++;
    if (iv.low <= v && v <= iv.high) covered[k]++;
  }
}
const seconds = (performance.now() - started) / 1000;
const mean = (v) => v.reduce((s, x) => s + x, 0) / v.length;
const sd = (v) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
};
console.log(
  `clv-coverage: ${MODEL} + Gamma-Gamma, ${REPS} datasets of ${CUSTOMERS} customers (39-week calibration), ${DRAWS} bootstrap draws each, seed ${SEED}; ${skipped} datasets without a covariance skipped; ${seconds.toFixed(1)} s`,
);
console.log('95% intervals on the 12-month expected value, covering the value under the true parameters:');
for (const k of KEYS)
  console.log(`  ${k.padEnd(6)} ${((100 * covered[k]) / counted[k]).toFixed(1)}% (${covered[k]}/${counted[k]})`);
const all = KEYS.reduce((s, k) => s + covered[k], 0) / KEYS.reduce((s, k) => s + counted[k], 0);
console.log(`  all segments: ${(100 * all).toFixed(1)}%  ${all >= 0.93 && all <= 0.97 ? 'within' : 'OUTSIDE'} 93–97%`);
console.log('Standard errors against the spread of the estimates over the datasets:');
console.log('  param    truth    mean estimate   sd of estimates   mean SE   ratio');
const truthOf = { ...TRUTH, ...SPEND };
for (const k of Object.keys(estimates)) {
  const e = estimates[k];
  console.log(
    `  ${k.padEnd(7)} ${String(truthOf[k]).padStart(6)}   ${mean(e).toPrecision(4).padStart(12)}   ${sd(e).toPrecision(3).padStart(15)}   ${mean(ses[k]).toPrecision(3).padStart(7)}   ${(mean(ses[k]) / sd(e)).toFixed(2)}`,
  );
}
