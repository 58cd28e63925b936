// The subscription stage set of `node bench/run.js --subscriptions` (or `--only-subscriptions`): generates, cached in
// bench/out/, ~1M subscription rows (840,000 customers; 1.19 rows each) and ~50M usage events (the first 176,000 of
// those customers, with their own subscriptions; 284 events each), then times in separate processes the workbench
// (loadSubscriptions + mrrMovements + subscriptionChurn by plan + subscriptionCohorts; loadEvents + usageSegments +
// usageChurn) against plain DuckDB SQL doing the same minimal work, and prints the ratios (target ≤ 1.5).
// The generator draws every customer from the seed and the customer's number alone, so the 176,000 customers of the
// events file are exactly the first 176,000 of the larger file. Sizes: --subs-customers=N, --events-customers=N.
import { existsSync, mkdirSync } from 'node:fs';

const number = (args, flag, fallback) =>
  Number(args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1) ?? fallback);

/**
 * Run the set; `stage(name, ...args)` runs one stage in a fresh process and returns its JSON line.
 * @returns the stage rows for the bench's table
 */
export function subscriptionBench({ stage, out, args }) {
  const rows = [];
  const subsCustomers = number(args, '--subs-customers', 840_000);
  const eventsCustomers = number(args, '--events-customers', 176_000);
  const subsDir = `${out}subs-${subsCustomers}/`;
  const eventsDir = `${out}subs-events-${eventsCustomers}/`;
  const log = (line) => process.stderr.write(`${line}\n`);
  if (!existsSync(`${subsDir}subscriptions.csv`)) {
    mkdirSync(subsDir, { recursive: true });
    log(`generating the subscriptions of ${subsCustomers.toLocaleString('en')} customers…`);
    rows.push(stage('subs-generate', subsDir, String(subsCustomers), 'false'));
  }
  if (!existsSync(`${eventsDir}events.csv`)) {
    mkdirSync(eventsDir, { recursive: true });
    log(`generating the subscriptions and usage events of ${eventsCustomers.toLocaleString('en')} customers…`);
    rows.push(stage('subs-generate', eventsDir, String(eventsCustomers), 'true'));
  }
  const run = (name, ...rest) => {
    log(`${name}…`);
    const r = stage(name, ...rest);
    rows.push(r);
    return r;
  };
  const subsBase = run('subs-baseline', `${subsDir}subscriptions.csv`);
  const subsLib = run('subs-workbench', `${subsDir}subscriptions.csv`);
  const usageBase = run('usage-baseline', `${eventsDir}subscriptions.csv`, `${eventsDir}events.csv`);
  const usageLib = run('usage-workbench', `${eventsDir}subscriptions.csv`, `${eventsDir}events.csv`);
  if (!args.includes('--no-explain')) {
    run('subs-explain', `${subsDir}subscriptions.csv`, `${out}explain-subscriptions.txt`);
    run('usage-explain', `${eventsDir}subscriptions.csv`, `${eventsDir}events.csv`, `${out}explain-usage.txt`);
  }
  const ratio = (x, y) => (x.seconds / y.seconds).toFixed(2);
  console.log('\nsubscription ratios (same files, same run)');
  console.log(
    `  ${subsLib.rows.toLocaleString('en')} subscription rows: loadSubscriptions + mrrMovements + subscriptionChurn by plan + subscriptionCohorts ` +
      `${subsLib.seconds.toFixed(1)} s / plain DuckDB SQL ${subsBase.seconds.toFixed(1)} s = ${ratio(subsLib, subsBase)}  (target ≤ 1.5)`,
  );
  console.log(
    `  ${usageLib.rows.toLocaleString('en')} events: loadEvents + usageSegments + usageChurn ` +
      `${usageLib.seconds.toFixed(1)} s / plain DuckDB SQL ${usageBase.seconds.toFixed(1)} s = ${ratio(usageLib, usageBase)}  (target ≤ 1.5)`,
  );
  // Both sides must find the same numbers, or the ratio compares different work.
  const part = (r, key) => new RegExp(`; ${key} [^;]+`).exec(r.note)?.[0];
  console.log(
    `  same bridge totals and churned customer-months: ${part(subsLib, 'totals') === part(subsBase, 'totals') && part(subsLib, 'churned customers') === part(subsBase, 'churned customers') ? 'yes' : 'NO'}`,
  );
  console.log(
    `  same usage segments and churn by segment: ${part(usageLib, 'segments') === part(usageBase, 'segments') && part(usageLib, 'churn')?.replace(/ \(at .*/, '') === part(usageBase, 'churn') ? 'yes' : 'NO'}`,
  );
  for (const r of [subsBase, subsLib, usageBase, usageLib]) console.log(`  ${r.stage}: ${r.note}`);
  return rows;
}
