// The side-by-side part of `npm run bench` on one file: plain DuckDB SQL, Polars for Node (when installed),
// the workbench (load + RFM + cohorts), `swb report` with each stage against its minimal SQL (bench/minimal.js),
// the plans of each stage's slowest statements (bench/explain.js), pandas when installed; prints the ratios
// and whether every peer found the same numbers as the SQL.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { differences } from './peers.js';

/** Why Polars for Node cannot run here, or undefined when it can. */
function polarsMissing() {
  try {
    createRequire(import.meta.url)('nodejs-polars');
    return undefined;
  } catch (e) {
    const platform = `nodejs-polars-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;
    return /nodejs-polars-/.test(String(e))
      ? `its native package is not installed (it asks for Node ≥ 22, and npm skips it on older Node: npm i --no-save ${platform}@0.25.2)`
      : 'nodejs-polars is not installed (npm ci installs it as a dev dependency)';
  }
}

/** The first Python with pandas and scikit-learn: SWB_PYTHON, python3 on the PATH, Debian's /usr/bin/python3. */
function pandasPython() {
  return [process.env.SWB_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean).find((p) => {
    try {
      execFileSync(p, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Run the peers side by side on `csv` and print the ratios; returns the rows for the stage table.
 * @param {{ shape: string, csv: string, target: number, stage: Function, args: string[], here: Function, out: string }} o
 */
export function compareOn({ shape, csv, target, stage, args, here, out }) {
  const rows = [];
  const run = (label, fn) => {
    process.stderr.write(`${label} @ ${shape} ${target.toLocaleString('en')}…\n`);
    const r = fn();
    rows.push({ size: target, ...r, stage: `${r.stage}:${shape}` });
    return r;
  };
  // A report that fails (e.g. out of memory) is a figure too: it is printed as failed, and the rest still runs.
  const attempt = (label, fn) => {
    try {
      return run(label, fn);
    } catch (e) {
      const why = String(e?.message ?? e).split('\n')[0];
      process.stderr.write(`${label} @ ${shape} FAILED: ${why}\n`);
      return { failed: why };
    }
  };
  const base = run('baseline-sql', () => stage('baseline-sql', csv));
  const noPolars = polarsMissing();
  const polars = noPolars ? undefined : run('polars', () => stage('polars', csv));
  const lib = run('workbench', () => stage('workbench', csv));
  const report = attempt('report', () => stage('report', csv, `${out}report-${shape}.html`));
  const minimal = run('minimal-sql', () => stage('minimal-sql', csv)).minimal;
  const explain =
    args.includes('--no-explain') || report.failed
      ? undefined
      : attempt('report-explain', () => stage('report-explain', csv, `${out}explain-report-${shape}.txt`)).explain;
  const py = pandasPython();
  let pandas, notebook;
  if (py) {
    const pyStage = (mode) =>
      JSON.parse(
        execFileSync(py, [here('./pandas_baseline.py'), mode, csv], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .pop(),
      );
    pandas = run('pandas rfm+cohorts', () => pyStage('rfm-cohorts'));
    notebook = run('pandas+sklearn notebook', () => pyStage('notebook'));
  }
  // seconds per report stage, from the report's note (`load 10.1, rfm 4.6, …`)
  const stageSeconds = Object.fromEntries(
    (report.note ?? '').split(', ').map((p) => {
      const at = p.lastIndexOf(' ');
      return [p.slice(0, at), Number(p.slice(at + 1))];
    }),
  );
  const ratio = (x, y) => (x.seconds / y.seconds).toFixed(2);
  console.log(
    `\nratios on the ${shape} file (${base.rows.toLocaleString('en')} rows kept, ${base.check.customers.toLocaleString('en')} customers; same run)`,
  );
  console.log(
    `  workbench load+RFM+cohorts / plain DuckDB SQL: ${ratio(lib, base)}  (target ≤ 1.3), peak RSS ${lib.peakRssMb} MB (SQL ${base.peakRssMb} MB)`,
  );
  if (polars)
    console.log(
      `  workbench / Polars for Node: ${ratio(lib, polars)}  (target < 1), Polars ${polars.seconds.toFixed(1)} s, peak RSS ${polars.peakRssMb} MB`,
    );
  else console.log(`  Polars for Node: skipped, ${noPolars}`);
  if (pandas) console.log(`  pandas RFM+cohorts / workbench: ${ratio(pandas, lib)}  (target ≥ 4)`);
  else console.log('  pandas: not installed (apt-get install python3-pandas python3-sklearn), comparison skipped');
  if (report.failed) console.log(`  swb report FAILED: ${report.failed}`);
  if (notebook && !report.failed) {
    // the notebook does RFM, cohorts and k-means; the report also writes nine more sections: both ratios
    const same = ['load', 'rfm', 'cohorts', 'clusters'].reduce((a, s) => a + (stageSeconds[s] ?? NaN), 0);
    console.log(
      `  pandas+sklearn notebook / swb report: ${ratio(notebook, report)}  (target ≥ 3; the report writes every default section)` +
        `; / the report's load, RFM, cohorts and clusters stages (the notebook's work): ${(notebook.seconds / same).toFixed(2)}`,
    );
  }
  if (!report.failed) console.log(`  swb report peak RSS: ${report.peakRssMb} MB (target ≤ 1024)`);
  // The same numbers: rows kept, customers, sums of recency days, frequency and monetary cents, the non-empty cohort
  // cells (count and digest of cohort:k:customers), and for Polars also each quintile score's metric range.
  for (const [name, r] of [
    ['Polars', polars],
    ['workbench', lib],
  ]) {
    if (!r) continue;
    const diff = differences(base.check, r.check);
    console.log(
      diff.length === 0
        ? `  ${name} finds the same numbers as the SQL: ${Object.keys(r.check)
            .filter((k) => k in base.check)
            .join(', ')}`
        : `  ${name} DIFFERS from the SQL: ${diff.join('; ')}`,
    );
  }
  if (report.failed) return rows;
  // Each report stage against its minimal SQL, and where its time goes (from the plans run).
  console.log(`  swb report ${report.seconds.toFixed(1)} s; each stage / its minimal SQL (target ≤ 1.5):`);
  for (const [name, s] of Object.entries(stageSeconds)) {
    const m = minimal[name];
    const e = explain?.find((x) => x.stage === name);
    console.log(
      `    ${name.padEnd(9)} ${s.toFixed(1).padStart(6)} s${m ? ` / ${m.toFixed(1)} s = ${(s / m).toFixed(2)}` : ' (no minimal SQL)'}${e ? `; ${e.sqlSeconds.toFixed(1)} s SQL in ${e.statements} statements, ${e.top}` : ''}`,
    );
  }
  if (explain) console.log(`  plans of the slowest statements per stage: ${out}explain-report-${shape}.txt`);
  return rows;
}
