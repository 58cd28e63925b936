#!/usr/bin/env node
// `npm run notebooks [-- options]`: execute every notebook headless (see --help, src/notebook/runner.ts).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRunArgs, resolveParameterPaths, RUN_USAGE } from '../dist/notebook/run-args.js';
import { runNotebooks } from '../dist/notebook/runner.js';

const root = resolve(import.meta.dirname, '..');
let args;
try {
  args = parseRunArgs(process.argv.slice(2));
} catch (e) {
  // A command line that does not parse: usage error.
  console.error(`npm run notebooks: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
try {
  if (args.help) {
    console.log(RUN_USAGE);
    process.exit(0);
  }
  // npm runs scripts from the package root; paths on the command line are meant from where the user typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  args.overrides = resolveParameterPaths(args.overrides, cwd);
  const notebooks =
    args.notebooks.length > 0
      ? args.notebooks.map((p) => resolve(cwd, p))
      : readdirSync(join(root, 'notebooks'))
          .filter((f) => f.endsWith('.ipynb'))
          .sort()
          .map((f) => join(root, 'notebooks', f));
  const started = performance.now();
  const runs = runNotebooks({
    notebooks,
    overrides: args.overrides,
    ...(args.outDir ? { outDir: resolve(cwd, args.outDir) } : {}),
    ...(args.timeout ? { timeout: args.timeout } : {}),
  });
  const failed = runs.find((r) => !r.ok);
  console.log(
    `${failed ? 'stopped after' : 'ran'} ${runs.length} of ${notebooks.length} notebooks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exit(failed ? 1 : 0);
} catch (e) {
  // Nothing ran: an override no notebook declares, no Jupyter, an unreadable notebook.
  console.error(`npm run notebooks: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
