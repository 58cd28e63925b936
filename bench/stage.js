// One benchmark stage in its own process; prints one JSON line with seconds and peak RSS.
import { existsSync } from 'node:fs';
import * as swb from '../dist/index.js';
import { plantedGroupsTable } from '../dist/sample/planted-sql.js';

// The subscription stages (subs-*, usage-*) live in their own module.
if (/^(subs|usage)-/.test(process.argv[2] ?? '')) {
  const { runSubscriptionStage } = await import('./subscription-stages.js');
  await runSubscriptionStage(process.argv[2], process.argv.slice(3));
  process.exit(0);
}

const [stage, a, b, c] = process.argv.slice(2);
const t0 = performance.now();
let rows;
let note = '';
let check;
let explain;
let minimal;

async function loaded(file, memoryLimit) {
  const wb = await swb.Workbench.open(memoryLimit ? { memoryLimit } : {});
  const report = await swb.loadTransactions(wb, file);
  return { wb, report };
}

if (stage === 'generate') {
  const r = await swb.generateSample({ customers: Number(b), seed: 1, out: a });
  rows = r.rows;
} else if (stage === 'to-parquet') {
  const wb = await swb.Workbench.open();
  await wb.run(`COPY (SELECT * FROM read_csv($csv)) TO '${b.replaceAll("'", "''")}' (FORMAT parquet)`, { csv: a });
  wb.close();
} else if (stage === 'clusters-1m') {
  // 1M customers (5M transactions) with three planted groups, built in SQL (plantedGroupsTable):
  // times the sample fit plus the SQL assignment of every customer, for k = 4 and for k = 'auto'.
  const wb = await swb.Workbench.open();
  await plantedGroupsTable(wb, Number(a));
  const notes = [];
  let seconds = 0;
  for (const k of [4, 'auto']) {
    const t1 = performance.now();
    const r = await swb.clusters(wb, { k });
    const s = (performance.now() - t1) / 1000;
    seconds += s;
    notes.push(`k=${k}→${r.k}: ${s.toFixed(1)} s, silhouette ${r.silhouette.toFixed(3)}`);
    rows = r.customerCount;
  }
  note = `${rows} customers; ${notes.join('; ')}`;
  wb.close();
  print(seconds);
  process.exit(0);
} else if (stage === 'clv-1m') {
  // The 10M-row generator sample (595,238 customers) plus copies of enough of its customers under
  // new ids to reach `b` customers (~17M rows); times clv() alone: summary, fits, scoring every customer.
  const wb = await swb.Workbench.open();
  const report = await swb.loadTransactions(wb, a);
  const share = Math.min(100, Math.ceil((Number(b) / report.customers - 1) * 100));
  await wb.run(
    `insert into transactions select * replace (customer_id || '-copy' as customer_id, order_id || '-copy' as order_id)
    from transactions where hash(customer_id) % 100 < $share`,
    { share },
  );
  const [last] = await wb.query(`select date_trunc('day', max(order_date)) as d from transactions`);
  const holdoutEnd = last.d;
  const calibrationEnd = new Date(holdoutEnd.getTime() - 13 * 7 * 86_400_000);
  const t1 = performance.now();
  const r = await swb.clv(wb, { calibrationEnd, holdoutEnd });
  const seconds = (performance.now() - t1) / 1000;
  rows = r.customers;
  note = `${r.customers} customers, fitted on ${r.fitCustomers}; r=${r.bgnbd.r.toFixed(3)} a=${r.bgnbd.a.toFixed(3)}; holdout ${r.holdout.actualTotal} actual vs ${Math.round(r.holdout.predictedTotal)} predicted`;
  wb.close();
  print(seconds);
  process.exit(0);
} else if (stage === 'clv-fit') {
  // The CLV fits alone on the CDNOW master summary (23,570 customers, weeks, whole period): median of 7
  // fits of BG/NBD (grouped (x, t_x, T)) and of Gamma-Gamma (repeat buyers). The summary is written to `b`
  // so the Python baseline fits the same numbers.
  const { clvGroups } = await import('../dist/analyses/clv/summary.js');
  const { fitBgnbd } = await import('../dist/analyses/clv/bgnbd.js');
  const { fitGammaGamma, selectGammaGammaRows } = await import('../dist/analyses/clv/gamma-gamma.js');
  const wb = await swb.Workbench.open();
  await swb.loadTransactions(wb, a, { preset: 'cdnow' });
  await swb.clvSummary(wb, { calibrationEnd: '1998-06-30' });
  const groups = await clvGroups(wb, 'clv_summary');
  const repeat = await wb.query(
    'select customer_id as "customerId", x, monetary from clv_summary where x > 0 order by customer_id',
  );
  const gg = selectGammaGammaRows(repeat).fit;
  await wb.run(
    `copy (select x, t_x, "T", monetary from clv_summary order by customer_id) to '${b.replaceAll("'", "''")}' (header)`,
  );
  const median = (fn) => {
    const t = [];
    let out;
    for (let i = 0; i < 7; i++) {
      const s = performance.now();
      out = fn();
      t.push(performance.now() - s);
    }
    t.sort((p, q) => p - q);
    return { s: t[3] / 1000, out };
  };
  const bg = median(() => fitBgnbd(groups));
  const gm = median(() => fitGammaGamma(gg));
  rows = bg.out.customers;
  note = `BG/NBD ${bg.s.toFixed(3)} s (r=${bg.out.r.toFixed(4)} α=${bg.out.alpha.toFixed(3)} a=${bg.out.a.toFixed(4)} b=${bg.out.b.toFixed(3)}), Gamma-Gamma ${gm.s.toFixed(3)} s on ${gm.out.customers} repeat buyers`;
  wb.close();
  process.stdout.write(
    JSON.stringify({
      stage,
      rows,
      seconds: bg.s + gm.s,
      bgnbdSeconds: bg.s,
      gammaGammaSeconds: gm.s,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      note,
    }) + '\n',
  );
  process.exit(0);
} else if (stage === 'baseline-sql' || stage === 'polars') {
  // The peers (bench/peers.js): the minimal plain-DuckDB SQL through @duckdb/node-api, or Polars for Node, doing
  // the same work: typed read, the same cleaning, R/F/M with quintile scores per customer, monthly cohort counts.
  const peers = await import('./peers.js');
  // b: the memory limit of the 100M-row comparison
  check = await (stage === 'polars' ? peers.polarsPeer(a) : peers.sqlPeer(a, b));
  rows = check.rows;
  note = `${check.customers} customers, ${check.cohortCells} cohort cells`;
} else if (stage === 'generate-wide') {
  // The many-customers shape (bench/wide-sample.js): a = CSV, b = customers, c = rows to aim at.
  const { wideSampleSql } = await import('./wide-sample.js');
  const wb = await swb.Workbench.open();
  await wb.run(wideSampleSql(a, Number(b), Number(c)));
  const [n] = await wb.query(`select count(*) as n from read_csv('${a.replaceAll("'", "''")}')`);
  rows = n.n;
  wb.close();
} else if (stage === 'workbench') {
  // The same work through the library: loadTransactions + rfm + cohorts (b: a memory limit, for the 100M-row run).
  const { wb, report } = await loaded(a, b);
  const r = await swb.rfm(wb, {});
  const co = await swb.cohorts(wb, { asOf: r.options.asOf });
  rows = report.rowsLoaded;
  note = `${r.customerCount} customers, ${co.rows.length} cohort cells`;
  const { workbenchCheck } = await import('./peers.js');
  check = await workbenchCheck(wb, report, r, co);
  wb.close();
} else if (stage === 'report') {
  // `swb report` in-process: every default section, rendered and written.
  const wb = await swb.Workbench.open();
  const stages = [];
  const built = await swb.buildReport(wb, {
    file: a,
    onProgress: (p) => {
      if (!p.running) stages.push(`${p.stage} ${(p.ms / 1000).toFixed(1)}`);
    },
  });
  await built.save(b);
  wb.close();
  note = stages.join(', ');
} else if (stage === 'minimal-sql') {
  // The minimal plain SQL of each default report stage (bench/minimal.js), timed per stage.
  const { minimalStages } = await import('./minimal.js');
  minimal = await minimalStages(a);
  note = Object.entries(minimal)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
} else if (stage === 'report-explain') {
  // `swb report` once more with every statement timed and the slowest plans kept (bench/explain.js): a = file, b = plan file.
  const { explainReport } = await import('./explain.js');
  explain = await explainReport(a, b);
  note = `plans in ${b}`;
} else if (stage === 'report-big') {
  // `swb report` on the 100M-row file with memoryLimit 2GB, progress lines live on stderr (as the CLI prints them).
  const wb = await swb.Workbench.open({ memoryLimit: '2GB' });
  const stages = [];
  const built = await swb.buildReport(wb, {
    file: a,
    onProgress: (p) => {
      process.stderr.write(
        `  ${p.running ? '' : p.stage.padEnd(9)}${(p.ms / 1000).toFixed(1).padStart(7)} s  ${p.running ? `${p.stage} ` : ''}${p.detail}\n`,
      );
      if (!p.running) stages.push(`${p.stage} ${(p.ms / 1000).toFixed(1)}`);
      if (p.stage === 'load' && !p.running)
        rows = Number(/([\d,]+) rows read/.exec(p.detail)?.[1]?.replaceAll(',', ''));
    },
  });
  await built.save(b);
  wb.close();
  note = stages.join(', ');
} else if (stage === 'big-parquet') {
  // 100M rows: the 10M-row sample ten times over, ids shifted per copy, written as Parquet (never committed).
  const wb = await swb.Workbench.open({ memoryLimit: '2GB' });
  const src = a.replaceAll("'", "''");
  await wb.run(`copy (select * replace (customer_id || '-' || k as customer_id, order_id || '-' || k as order_id)
    from read_csv('${src}'), range(10) r(k)) to '${b.replaceAll("'", "''")}' (format parquet, row_group_size 1000000)`);
  const [n] = await wb.query(`select count(*) as n from read_parquet('${b.replaceAll("'", "''")}')`);
  rows = n.n;
  wb.close();
} else if (stage === 'one-order-csv') {
  // a file of `b` customers with one order each
  const wb = await swb.Workbench.open();
  await wb.run(`COPY (SELECT 'C' || i AS customer_id, 'O' || i AS order_id, TIMESTAMP '2023-01-01' + to_days((i % 365)::INTEGER) AS order_date,
    round(10 + (hash(i) % 20000) / 100, 2) AS amount, ['NL', 'BE', 'DE'][1 + i % 3] AS country FROM range(${Number(b)}) t(i)) TO '${a.replaceAll("'", "''")}' (HEADER)`);
  wb.close();
} else if (stage === 'load-csv' || stage === 'load-parquet') {
  const { wb, report } = await loaded(stage === 'load-csv' ? a : b);
  rows = report.rowsLoaded;
  wb.close();
} else {
  // analyses: time only the analysis, after loading from Parquet
  const { wb, report } = await loaded(existsSync(b) ? b : a);
  rows = report.rowsLoaded;
  const t1 = performance.now();
  if (stage === 'rfm' && swb.rfm) {
    const r = await swb.rfm(wb, {});
    note = `${r.segments?.length ?? '?'} segments`;
  } else if (stage === 'cohorts' && swb.cohorts) {
    const r = await swb.cohorts(wb, {});
    note = `${r.rows?.length ?? '?'} cohort cells`;
  } else if (stage === 'clusters' && swb.clusters) {
    const r = await swb.clusters(wb, { k: 4 });
    note = `${report.customers} customers, silhouette ${r.silhouette?.toFixed?.(3) ?? '?'}`;
  } else if (stage === 'segments' && swb.compareSubsegments) {
    // attribute segments from the generator's customers file: young × city size NPS, AOV by channel, RFM migration
    const customers = a.replace(/(\.csv)?$/, '-customers.csv');
    if (existsSync(customers)) await swb.loadCustomers(wb, customers);
    const young = await swb.segmentBy(
      wb,
      { rules: [{ name: '18-34', where: { column: 'age_band', op: 'in', value: ['18-24', '25-34'] } }], rest: '35+' },
      { table: 'seg_young' },
    );
    const nps = await swb.compareSubsegments(wb, { segment: young, by: 'city_size', kpi: 'nps' });
    await swb.compareSubsegments(wb, { by: 'acquisition_channel', kpi: 'averageOrderValue' });
    const m = await swb.migration(wb, { from: new Date(Date.UTC(2023, 5, 1)), to: new Date(Date.UTC(2023, 11, 16)) });
    note = `${young.customerCount} customers; ${nps.highlights.length} significant NPS sub-segments; ${m.moved} RFM moves`;
  } else {
    note = 'not built yet';
  }
  const seconds = (performance.now() - t1) / 1000;
  wb.close();
  print(seconds);
  process.exit(0);
}
print((performance.now() - t0) / 1000);

function print(seconds) {
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const rowsPerSecond = rows ? Math.round(rows / seconds) : undefined;
  console.log(
    JSON.stringify({
      stage,
      rows,
      seconds,
      rowsPerSecond,
      peakRssMb,
      note,
      ...(check ? { check } : {}),
      ...(explain ? { explain } : {}),
      ...(minimal ? { minimal } : {}),
    }),
  );
}
