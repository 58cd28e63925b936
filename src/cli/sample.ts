/** `swb sample --customers N --seed S --out FILE`: write seeded synthetic data with planted structure. */
import { generateSample } from '../sample/index.js';
import { elapsed, guarded, parse, UsageError, type Command } from './common.js';
import { messages } from '../messages.js';

const USAGE = 'sample --out FILE [--customers N] [--seed S]';

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(messages.notPositiveWhole(name, value));
  return n;
}

export const sampleCommand: Command = {
  usage: USAGE,
  summary: 'Write a synthetic transactions CSV and a customers CSV (planted clusters, retention, NPS differences).',
  run: (args, io) =>
    guarded(io, USAGE, async () => {
      const { values, positionals } = parse(args, ['out', 'customers', 'seed']);
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
      return 0;
    }),
};
