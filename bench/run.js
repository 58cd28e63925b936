#!/usr/bin/env node
// npm run bench: generate 1M and 10M synthetic transactions, then time each stage in a fresh
// process (so peak RSS is per stage): load from CSV, load from Parquet, RFM, cohorts, clusters, segments.
// Then, side by side on the 10M file, the ratios of issue #14: load + RFM + cohorts ≤ 1.5× plain DuckDB SQL,
// pandas ≥ 4× slower, the pandas + scikit-learn notebook ≥ 3× slower than `swb report`, which stays under 1 GB RSS
// with default settings; `swb report` on 1M one-order customers < 12 s; CLV fits against SciPy. The side by side runs on
// two shapes (bench/compare.js): the generator's and a many-customers file (--customers=N, default 1,168,397 per 10M rows;
// --shapes=default or --shapes=wide for one). Options: --sizes=1000000 --no-clusters-1m --no-clv-1m --no-compare
// --only-compare (just the side-by-side stages) --no-clv-fit --no-explain --no-one-order --100m (also the 100M-row run)
// --subscriptions (also ~1M subscription rows and ~50M usage events against plain SQL, bench/subscriptions.js) --only-subscriptions (just those). Generated files are cached in bench/out/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('./out/');
mkdirSync(OUT, { recursive: true });
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--sizes='))
  ?.slice(8)
  .split(',')
  .map(Number) ?? [1e6, 1e7];

// About 16.8 rows per customer in the generator's planted mix.
const ROWS_PER_CUSTOMER = 16.8;
const stage = (name, ...rest) => {
  const out = execFileSync(process.execPath, [here('./stage.js'), name, ...rest], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
};

const rows = [];
if (args.includes('--only-subscriptions')) {
  const { subscriptionBench } = await import('./subscriptions.js');
  printTable(subscriptionBench({ stage, out: OUT, args }));
  process.exit(0);
}
for (const target of only) {
  const customers = Math.round(target / ROWS_PER_CUSTOMER);
  const csv = `${OUT}sample-${customers}.csv`;
  const parquet = `${OUT}sample-${customers}.parquet`;
  if (!existsSync(csv)) {
    process.stderr.write(
      `generating ~${target.toLocaleString('en')} rows (${customers.toLocaleString('en')} customers)…\n`,
    );
    rows.push({ size: target, ...stage('generate', csv, String(customers)) });
  }
  if (!existsSync(parquet)) stage('to-parquet', csv, parquet);
  for (const s of args.includes('--only-compare')
    ? []
    : ['load-csv', 'load-parquet', 'rfm', 'cohorts', 'clusters', 'segments']) {
    process.stderr.write(`${s} @ ${target.toLocaleString('en')}…\n`);
    rows.push({ size: target, ...stage(s, csv, parquet) });
  }
}
if (!args.includes('--no-clusters-1m') && !args.includes('--only-compare')) {
  process.stderr.write('clusters on 1,000,000 customers…\n');
  rows.push({ size: 5e6, ...stage('clusters-1m', '1000000') });
}
if (!args.includes('--no-clv-1m') && !args.includes('--only-compare')) {
  // CLV on 1M customers needs the 10M-row sample's Parquet (made above when the sizes include 1e7)
  const parquet = `${OUT}sample-${Math.round(1e7 / ROWS_PER_CUSTOMER)}.parquet`;
  if (existsSync(parquet)) {
    process.stderr.write('clv on 1,000,000 customers…\n');
    rows.push({ size: 1e6, ...stage('clv-1m', parquet, '1000000') });
  } else {
    process.stderr.write(`clv-1m skipped: ${parquet} is not there (run with the 10M size once)\n`);
  }
}
// Side by side on the largest file of each shape, in this run: plain DuckDB SQL, Polars for Node (when installed),
// the workbench, `swb report`, pandas (when installed). The bench's own shape (the generator, ~16.8 rows per
// customer) and the many-customers shape (bench/wide-sample.js: --customers=N customers, by default 1,168,397
// per 10M rows, about 8.5 rows each).
if (!args.includes('--no-compare')) {
  const target = Math.max(...only);
  const wideCustomers = Number(
    args.find((a) => a.startsWith('--customers='))?.slice(12) ?? Math.round((target * 1_168_397) / 1e7),
  );
  const shapes = (args.find((a) => a.startsWith('--shapes='))?.slice(9) ?? 'default,wide').split(',');
  const files = [];
  if (shapes.includes('default'))
    files.push({ shape: 'default', csv: `${OUT}sample-${Math.round(target / ROWS_PER_CUSTOMER)}.csv` });
  if (shapes.includes('wide')) {
    const csv = `${OUT}wide-${target}-${wideCustomers}.csv`;
    if (!existsSync(csv)) {
      process.stderr.write(
        `generating ~${target.toLocaleString('en')} rows for ${wideCustomers.toLocaleString('en')} customers…\n`,
      );
      rows.push({ size: target, ...stage('generate-wide', csv, String(wideCustomers), String(target)) });
    }
    files.push({ shape: 'wide', csv });
  }
  const { compareOn } = await import('./compare.js');
  for (const file of files) rows.push(...compareOn({ ...file, target, stage, args, here, out: OUT }));
  if (!args.includes('--no-one-order')) {
    const oneCsv = `${OUT}one-order-1000000.csv`;
    if (!existsSync(oneCsv)) stage('one-order-csv', oneCsv, '1000000');
    process.stderr.write('report, 1M one-order customers…\n');
    const one = stage('report', oneCsv, `${OUT}report-1m.html`);
    rows.push({ size: 1e6, ...one });
    console.log(
      `\nswb report, 1M customers with one order: ${one.seconds.toFixed(1)} s (target < 12 s), peak RSS ${one.peakRssMb} MB`,
    );
  }
}
// 100M rows (opt-in, --100m: about 10 minutes and 2 GB of disk): load + every report section with memoryLimit 2GB.
if (args.includes('--100m')) {
  const csv10 = `${OUT}sample-${Math.round(1e7 / ROWS_PER_CUSTOMER)}.csv`;
  const big = `${OUT}sample-100m.parquet`;
  if (!existsSync(big)) {
    process.stderr.write('writing 100M rows (the 10M sample ten times, ids shifted) as Parquet…\n');
    rows.push({ size: 1e8, ...stage('big-parquet', csv10, big) });
  }
  process.stderr.write('swb report on 100M rows, memoryLimit 2GB…\n');
  const r = stage('report-big', big, `${OUT}report-100m.html`);
  rows.push({ size: 1e8, ...r });
  console.log(
    `\nswb report on 100M rows (memoryLimit 2GB): ${r.seconds.toFixed(0)} s, peak RSS ${r.peakRssMb} MB (target ≤ 2,355)`,
  );
  // load + RFM + cohorts on the same 100M rows against the plain SQL, both at a 2 GB memory limit
  process.stderr.write('plain SQL and the workbench (load + RFM + cohorts) on 100M rows, memory limit 2GB…\n');
  const sql = stage('baseline-sql', big, '2GB');
  const lib = stage('workbench', big, '2GB');
  rows.push({ size: 1e8, ...sql, stage: 'baseline-sql:100m' }, { size: 1e8, ...lib, stage: 'workbench:100m' });
  const { differences } = await import('./peers.js');
  const diff = differences(sql.check, lib.check);
  console.log(
    `workbench load+RFM+cohorts / plain DuckDB SQL on 100M rows: ${(lib.seconds / sql.seconds).toFixed(2)} (target ≤ 1.5); ` +
      `${lib.seconds.toFixed(0)} s, peak RSS ${lib.peakRssMb} MB against ${sql.seconds.toFixed(0)} s, ${sql.peakRssMb} MB; ` +
      (diff.length ? `DIFFERS: ${diff.join('; ')}` : 'the same numbers'),
  );
}
// CLV fits on the CDNOW master summary (when ../shared/data has it), beside SciPy on the same summary.
const cdnow = process.env.SWB_CDNOW ?? here('../../shared/data/CDNOW_master.txt');
if (!args.includes('--no-clv-fit') && existsSync(cdnow)) {
  process.stderr.write('clv fits on the CDNOW master summary…\n');
  const fit = stage('clv-fit', cdnow, `${OUT}cdnow-summary.csv`);
  rows.push({ size: fit.rows, ...fit });
  const py = [process.env.SWB_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean).find((p) => {
    try {
      execFileSync(p, ['-c', 'import scipy, pandas'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  console.log(
    '\nCLV fits on the CDNOW master summary (23,570 customers; lifetimes on this machine: BG/NBD 0.10 s, Gamma-Gamma 0.06 s)',
  );
  console.log(
    `  workbench: BG/NBD ${fit.bgnbdSeconds.toFixed(3)} s, Gamma-Gamma ${fit.gammaGammaSeconds.toFixed(3)} s`,
  );
  if (py) {
    const sp = JSON.parse(
      execFileSync(py, [here('./clv_baseline.py'), `${OUT}cdnow-summary.csv`], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop(),
    );
    rows.push({ size: sp.rows, ...sp });
    console.log(
      `  scipy / workbench: BG/NBD ${(sp.bgnbdSeconds / fit.bgnbdSeconds).toFixed(1)}×, Gamma-Gamma ${(sp.gammaGammaSeconds / fit.gammaGammaSeconds).toFixed(1)}× (target ≥ 1)`,
    );
  } else {
    console.log('  scipy: not installed (apt-get install python3-scipy python3-pandas), comparison skipped');
  }
} else if (!args.includes('--no-clv-fit')) {
  process.stderr.write(`clv-fit skipped: ${cdnow} is not there (set SWB_CDNOW)\n`);
}
if (args.includes('--subscriptions')) {
  const { subscriptionBench } = await import('./subscriptions.js');
  rows.push(...subscriptionBench({ stage, out: OUT, args }));
}
printTable(rows);

function printTable(list) {
  console.log('\nstage          rows         seconds   rows/s        peak RSS (MB)  notes');
  for (const r of list) {
    console.log(
      `${r.stage.padEnd(14)} ${String(r.rows ?? '').padStart(11)}  ${r.seconds.toFixed(2).padStart(8)}  ${String(r.rowsPerSecond ?? '').padStart(11)}  ${String(r.peakRssMb).padStart(13)}  ${r.note ?? ''}`,
    );
  }
}
