/**
 * `swb sample --customers N --seed S --out FILE [--subscriptions] [--behaviour]`: write seeded synthetic data with planted
 * structure; with `--subscriptions`, also `subscriptions.csv` and `events.csv` beside `--out`.
 */
import { dirname } from 'node:path';
import { generateSample } from '../sample/index.js';
import { generateSubscriptions } from '../sample/subscriptions.js';
import { elapsed, runCommand, UsageError, type Command } from './common.js';
import { wholeFlag, type CommandSpec } from './flags.js';
import { messages } from '../messages.js';

/** Largest `--customers`: 100 million customers write about 1.7 billion rows, already far beyond a demo. */
export const MAX_SAMPLE_CUSTOMERS = 100_000_000;
/** Largest `--seed`: the generator takes its seed as an unsigned 32-bit number. */
export const MAX_SEED = 4_294_967_295;
const DEFAULT_CUSTOMERS = 10_000;
const DEFAULT_SEED = 42;

const SPEC: CommandSpec = {
  name: 'sample',
  args: '--out FILE',
  summary:
    'Write a synthetic transactions CSV and a customers CSV (planted clusters, retention, NPS differences); ' +
    'with --subscriptions also subscriptions.csv and events.csv in the same folder (planted churn by plan and usage, plan changes, reactivations).',
  flags: [
    {
      name: 'out',
      value: 'FILE',
      help: 'the transactions CSV to write; the customers file goes beside it (x.csv → x-customers.csv)',
      default: 'none (required)',
    },
    {
      name: 'customers',
      value: 'N',
      help: `number of customers, 1 to ${MAX_SAMPLE_CUSTOMERS.toLocaleString('en')}`,
      default: DEFAULT_CUSTOMERS.toLocaleString('en'),
    },
    {
      name: 'seed',
      value: 'S',
      help: `random seed, 1 to ${MAX_SEED.toLocaleString('en')}: the same seed writes the same files`,
      default: String(DEFAULT_SEED),
    },
    {
      name: 'subscriptions',
      help: 'also write subscriptions.csv and events.csv into the folder of --out',
      default: 'off',
    },
    {
      name: 'behaviour',
      help: 'also write payment_method and discount columns and plant product mixes, omnichannel customers and deal-seekers (truth columns in the customers file)',
      default: 'off',
    },
  ],
};

export const sampleCommand: Command = {
  spec: SPEC,
  run: (args, io) =>
    runCommand(SPEC, args, io, async ({ values, flags, positionals }) => {
      if (positionals.length) throw new UsageError(messages.unexpectedArgument(positionals[0]));
      if (!values.out) throw new UsageError(messages.outRequired());
      const customers = wholeFlag('customers', values.customers, 1, MAX_SAMPLE_CUSTOMERS) ?? DEFAULT_CUSTOMERS;
      const seed = wholeFlag('seed', values.seed, 1, MAX_SEED) ?? DEFAULT_SEED;
      const start = performance.now();
      const result = await generateSample({
        customers,
        seed,
        out: values.out,
        ...(flags['behaviour'] ? { behaviour: true } : {}),
        onProgress: (done, rows) =>
          io.err(`  ${done.toLocaleString('en')} customers, ${rows.toLocaleString('en')} rows…`),
      });
      io.out(
        `wrote ${result.rows.toLocaleString('en')} transaction rows (${result.orders.toLocaleString('en')} orders) to ${result.transactionsFile}`,
      );
      io.out(`wrote ${result.customers.toLocaleString('en')} customers to ${result.customersFile} (${elapsed(start)})`);
      if (result.events)
        io.out(
          `wrote ${result.events.rows.toLocaleString('en')} events (journey: swb report --events) to ${result.events.file}`,
        );
      if (flags['subscriptions']) {
        const subs = await generateSubscriptions({ dir: dirname(values.out), customers, seed });
        io.out(
          `wrote ${subs.subscriptions.toLocaleString('en')} subscription periods of ${subs.customers.toLocaleString('en')} customers to ${subs.subscriptionsPath}`,
        );
        io.out(`wrote ${subs.events.toLocaleString('en')} events to ${subs.eventsPath ?? ''} (${elapsed(start)})`);
      }
      return 0;
    }),
};
