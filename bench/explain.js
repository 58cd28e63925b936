// Where the time of `swb report` goes, stage by stage: the report runs once more on a Workbench whose
// `onStatement` hook records every statement's wall time, with DuckDB's profiler writing each statement's
// EXPLAIN ANALYZE tree (JSON) to a scratch file that the hook reads right after a slow statement. The three
// slowest statements of each stage are kept with their plans (operator, time, rows) in one text file; the
// summary says, per stage, how much of its wall time is SQL and which operators of its slowest statements cost most.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as swb from '../dist/index.js';

/** Statements kept per stage, and the least time worth reading a plan for. */
const KEEP = 3;
const MIN_MS = 20;

/** One operator line per node of DuckDB's JSON profile, indented by depth. */
function planLines(node, depth = 0, out = []) {
  const name = node.operator_name ?? node.operator_type;
  if (name) {
    const info = Object.entries(node.extra_info ?? {})
      .filter(([k]) => k !== 'Estimated Cardinality')
      .map(([k, v]) => `${k}: ${String(v).replaceAll('\n', ' ').slice(0, 160)}`)
      .join('; ');
    out.push(
      `${'  '.repeat(depth)}${name}  ${(node.operator_timing ?? 0).toFixed(3)} s  ${Number(node.operator_cardinality ?? 0).toLocaleString('en')} rows${info ? `  [${info}]` : ''}`,
    );
  }
  for (const child of node.children ?? []) planLines(child, name ? depth + 1 : depth, out);
  return out;
}

/** Operator time summed by operator name over a profile tree. */
function operatorTimes(node, acc = new Map()) {
  const name = node.operator_name ?? node.operator_type;
  if (name) acc.set(name, (acc.get(name) ?? 0) + (node.operator_timing ?? 0));
  for (const child of node.children ?? []) operatorTimes(child, acc);
  return acc;
}

/**
 * Run `swb report` on `file` with the statement hook and the profiler on; write the plans to `planFile`.
 * @returns {Promise<Array<{ stage: string, seconds: number, sqlSeconds: number, statements: number, top: string }>>}
 */
export async function explainReport(file, planFile) {
  const scratch = mkdtempSync(join(tmpdir(), 'swb-explain-'));
  const profile = join(scratch, 'profile.json');
  let pending = { ms: 0, count: 0, slow: [], all: [] };
  const stages = [];
  const wb = await swb.Workbench.open({
    onStatement: ({ sql, params, ms }) => {
      pending.ms += ms;
      pending.count += 1;
      pending.all.push({ sql, ms });
      if (ms < MIN_MS || (pending.slow.length >= KEEP && ms <= pending.slow[KEEP - 1].ms)) return;
      let tree;
      try {
        tree = JSON.parse(readFileSync(profile, 'utf8'));
      } catch {
        tree = undefined; // a statement DuckDB does not profile (SET, PRAGMA) leaves the previous file
      }
      if (tree && tree.query_name !== sql) tree = undefined;
      pending.slow.push({ sql, params, ms, tree });
      pending.slow.sort((p, q) => q.ms - p.ms);
      pending.slow.length = Math.min(pending.slow.length, KEEP);
    },
  });
  await wb.run(`SET enable_profiling = 'json'; SET profiling_output = '${profile.replaceAll("'", "''")}'`);
  await swb.buildReport(wb, {
    file,
    onProgress: (p) => {
      if (p.running) return;
      stages.push({ stage: p.stage, seconds: p.ms / 1000, ...pending });
      pending = { ms: 0, count: 0, slow: [], all: [] };
    },
  });
  wb.close();
  rmSync(scratch, { recursive: true, force: true });
  const text = [];
  const summary = [];
  for (const s of stages) {
    text.push(`=== ${s.stage}: ${s.seconds.toFixed(2)} s wall, ${(s.ms / 1000).toFixed(2)} s in ${s.count} statements`);
    // every statement of the stage in run order, so repeated passes over the same table show
    for (const st of s.all) text.push(`${(st.ms / 1000).toFixed(3).padStart(8)} s  ${firstWords(st.sql, 150)}`);
    text.push('');
    const ops = new Map();
    for (const st of s.slow) {
      const params = Object.entries(st.params)
        .map(([k, v]) => `$${k} = ${v instanceof Date ? v.toISOString() : JSON.stringify(v)}`)
        .join(', ');
      text.push(`--- ${(st.ms / 1000).toFixed(3)} s${params ? `  (${params})` : ''}`, st.sql.trim());
      if (st.tree) {
        text.push(...planLines(st.tree));
        for (const [k, v] of operatorTimes(st.tree)) ops.set(k, (ops.get(k) ?? 0) + v);
      } else text.push('(no plan: DuckDB did not profile this statement)');
      text.push('');
    }
    const top = [...ops]
      .sort((p, q) => q[1] - p[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
      .join(', ');
    const slowest = s.slow[0] ? `slowest ${(s.slow[0].ms / 1000).toFixed(2)} s: ${firstWords(s.slow[0].sql)}` : '';
    summary.push({
      stage: s.stage,
      seconds: s.seconds,
      sqlSeconds: s.ms / 1000,
      statements: s.count,
      top: [slowest, top && `top operators of the ${s.slow.length} slowest: ${top}`].filter(Boolean).join('; '),
    });
  }
  writeFileSync(planFile, text.join('\n'));
  return summary;
}

/** The start of a statement on one line, for the summary. */
function firstWords(sql, length = 70) {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}
