// CPU seconds per stage of `swb report` on one DuckDB thread: a figure that moves little when other work shares
// the machine (wall time does). Runs the report pipeline once on FILE with `threads = 1`, reads the process's CPU
// time (user + system) at every stage's end, and prints one JSON line per stage; with --results=OUT.json it also
// writes the pipeline's results (without timings) so two builds can be compared value for value. With
// --rounds=N it then runs the report's analyses again N times on the loaded data (only those of --analyses=a,b
// when given; earlier results are the first run's), each round with the shared aggregates dropped first, so each
// is built where the report builds it, and prints each analysis's CPU seconds per round and their minimum.
//   node bench/cpu-stages.js FILE [--dist=DIR] [--results=OUT.json] [--threads=N] [--rounds=N] [--analyses=a,b]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const file = args.find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: node bench/cpu-stages.js FILE [--dist=DIR] [--results=OUT.json] [--threads=N]');
const dist = resolve(flag('dist') ?? new URL('../dist', import.meta.url).pathname);
const swb = await import(pathToFileURL(`${dist}/index.js`).href);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const stages = [];
let cpuAt = cpu();
let wallAt = performance.now();
const wb = await swb.Workbench.open({ threads: Number(flag('threads') ?? 1) });
const results = await swb.runPipeline(wb, {
  file,
  onProgress: (p) => {
    if (p.running) return;
    const c = cpu();
    const w = performance.now();
    stages.push({ stage: p.stage, cpu: +(c - cpuAt).toFixed(2), wall: +((w - wallAt) / 1000).toFixed(2) });
    cpuAt = c;
    wallAt = w;
  },
});
const rounds = Number(flag('rounds') ?? 0);
if (rounds > 0) {
  const { ANALYSES } = await import(pathToFileURL(`${dist}/analyses/registry.js`).href);
  const { withStableSources } = await import(pathToFileURL(`${dist}/analyses/shared/customer-cache.js`).href);
  const only = flag('analyses')?.split(',');
  const chosen = ANALYSES.filter((a) => a.id in results && (!only || only.includes(a.id)));
  const perRound = new Map(chosen.map((a) => [a.id, []]));
  const stagesStub = {
    timed: (_s, body) => body(),
    attempt: async (_s, body) => body().catch(() => undefined),
    failures: {},
  };
  for (let r = 0; r < rounds; r++) {
    const cached = await wb.query(
      "select table_name from duckdb_tables() where temporary and table_name like '\\_swb\\_%aggregate%' escape '\\'",
    );
    for (const t of cached) await wb.run(`drop table if exists "${t.table_name}"`);
    const bag = { ...results };
    await withStableSources(wb, async () => {
      for (const a of chosen) {
        const c0 = cpu();
        const context = {
          wb,
          options: { file },
          asOf: results.asOf,
          asOfGiven: false,
          results: bag,
          stages: stagesStub,
          skip: () => undefined,
        };
        const value = await a.run(context);
        if (value !== undefined) bag[a.id] = value;
        perRound.get(a.id).push(+(cpu() - c0).toFixed(2));
      }
    });
  }
  for (const [id, cpus] of perRound) console.log(JSON.stringify({ round: id, min: Math.min(...cpus), cpus }));
}
wb.close();
const total = stages.reduce((s, x) => ({ cpu: s.cpu + x.cpu, wall: s.wall + x.wall }), { cpu: 0, wall: 0 });
for (const s of stages) console.log(JSON.stringify(s));
console.log(JSON.stringify({ stage: 'total', cpu: +total.cpu.toFixed(2), wall: +total.wall.toFixed(2) }));
const out = flag('results');
if (out) {
  // timings and paths differ between runs; every other value must not
  const drop = new Set(['ms', 'seconds', 'elapsedMs', 'durationMs', 'file', 'path', 'checksum']);
  const json = JSON.stringify(
    results,
    (k, v) => (drop.has(k) ? undefined : typeof v === 'bigint' ? String(v) : v instanceof Map ? [...v] : v),
    1,
  );
  writeFileSync(out, json);
}
