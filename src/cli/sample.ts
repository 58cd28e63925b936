/**
 * `swb sample --customers N --seed S --out FILE [--subscriptions]`: write seeded synthetic data with planted
 * structure; with `--subscriptions`, also `subscriptions.csv` and `events.csv` beside `--out`.
 */
import { dirname } from 'node:path';
import { generateSample } from '../sample/index.js';
import { generateSubscriptions } from '../sample/subscriptions.js';
import { elapsed, guarded, parse, UsageError, type Command } from './common.js';
import { messages } from '../messages.js';

const USAGE = 'sample --out FILE [--customers N] [--seed S] [--subscriptions]';

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(messages.notPositiveWhole(name, value));
  return n;
}

export const sampleCommand: Command = {
  usage: USAGE,
  summary: 'Write a synthetic transactions CSV and a customers CSV (planted clusters, retention, NPS differences); ' +
    'with --subscriptions also subscriptions.csv and events.csv in the same folder (planted churn by plan and usage, plan changes, reactivations).',
  run: (args, io) =>
    guarded(io, USAGE, async () => {
      const { values, flags, positionals } = parse(args, ['out', 'customers', 'seed'], ['subscriptions']);
      if (positionals.length) throw new UsageError(messages.unexpectedArgument(positionals[0]));
      if (!values.out) throw new UsageError(messages.outRequired());
      const customers = positiveInt('customers', values.customers, 10_000);
      const seed = positiveInt('seed', values.seed, 42);
      const start = performance.now();
      const result = await generateSample({
        customers, seed, out: values.out,
        onProgress: (done, rows) => io.err(`  ${done.toLocaleString('en')} customers, ${rows.toLocaleString('en')} rows…`),
      });
      io.out(`wrote ${result.rows.toLocaleString('en')} transaction rows (${result.orders.toLocaleString('en')} orders) to ${result.transactionsFile}`);
      io.out(`wrote ${result.customers.toLocaleString('en')} customers to ${result.customersFile} (${elapsed(start)})`);
      if (flags['subscriptions']) {
        const subs = await generateSubscriptions({ dir: dirname(values.out), customers, seed });
        io.out(`wrote ${subs.subscriptions.toLocaleString('en')} subscription periods of ${subs.customers.toLocaleString('en')} customers to ${subs.subscriptionsPath}`);
        io.out(`wrote ${subs.events.toLocaleString('en')} events to ${subs.eventsPath ?? ''} (${elapsed(start)})`);
      }
      return 0;
    }),
};
