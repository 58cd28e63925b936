#!/usr/bin/env node
// npm run bench: generate 1M and 10M synthetic transactions, then time each stage in a fresh
// process (so peak RSS is per stage): load from CSV, load from Parquet, RFM, cohorts, clusters, segments.
// Targets (2-core machine): 10M rows loaded < 20 s with peak RSS < 2 GB; RFM < 5 s; cohorts < 5 s;
// clusters on 1M customers (planted, built in SQL) < 15 s; CLV on 1M customers < 10 s. Options: --sizes=1000000 --no-clusters-1m --no-clv-1m. Generated files are cached in bench/out/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('./out/');
mkdirSync(OUT, { recursive: true });
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number) ?? [1e6, 1e7];

// About 16.8 rows per customer in the generator's planted mix.
const ROWS_PER_CUSTOMER = 16.8;
const stage = (name, ...rest) => {
  const out = execFileSync(process.execPath, [here('./stage.js'), name, ...rest], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
};

const rows = [];
for (const target of only) {
  const customers = Math.round(target / ROWS_PER_CUSTOMER);
  const csv = `${OUT}sample-${customers}.csv`;
  const parquet = `${OUT}sample-${customers}.parquet`;
  if (!existsSync(csv)) {
    process.stderr.write(`generating ~${target.toLocaleString('en')} rows (${customers.toLocaleString('en')} customers)…\n`);
    rows.push({ size: target, ...stage('generate', csv, String(customers)) });
  }
  if (!existsSync(parquet)) stage('to-parquet', csv, parquet);
  for (const s of ['load-csv', 'load-parquet', 'rfm', 'cohorts', 'clusters', 'segments']) {
    process.stderr.write(`${s} @ ${target.toLocaleString('en')}…\n`);
    rows.push({ size: target, ...stage(s, csv, parquet) });
  }
}
if (!args.includes('--no-clusters-1m')) {
  process.stderr.write('clusters on 1,000,000 customers…\n');
  rows.push({ size: 5e6, ...stage('clusters-1m', '1000000') });
}
if (!args.includes('--no-clv-1m')) {
  // CLV on 1M customers needs the 10M-row sample's Parquet (made above when the sizes include 1e7)
  const parquet = `${OUT}sample-${Math.round(1e7 / ROWS_PER_CUSTOMER)}.parquet`;
  if (existsSync(parquet)) {
    process.stderr.write('clv on 1,000,000 customers…\n');
    rows.push({ size: 1e6, ...stage('clv-1m', parquet, '1000000') });
  } else {
    process.stderr.write(`clv-1m skipped: ${parquet} is not there (run with the 10M size once)\n`);
  }
}
console.log('\nstage          rows         seconds   rows/s        peak RSS (MB)  notes');
for (const r of rows) {
  console.log(`${r.stage.padEnd(14)} ${String(r.rows ?? '').padStart(11)}  ${r.seconds.toFixed(2).padStart(8)}  ${String(r.rowsPerSecond ?? '').padStart(11)}  ${String(r.peakRssMb).padStart(13)}  ${r.note ?? ''}`);
}
