import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findJupyterPython, runNotebooks } from '../../src/notebook/runner.js';
import { VEGALITE_MIME } from '../../src/notebook/show.js';
import { INJECTED_TAG, cellSource, type Notebook } from '../../src/notebook/parameters.js';
import { skipWithout } from '../helpers/host-tools.js';

const fixtures = 'test/fixtures/notebooks';
const python = findJupyterPython();
const built = existsSync('dist/notebook/show.js');
const skip = skipWithout(
  'notebook runner tests',
  python
    ? undefined
    : "Jupyter's executor (python3 with nbclient) is not installed (apt-get install -y python3-nbclient python3-ipykernel)",
  built ? undefined : 'dist/ is not built (run npm run build)',
);

const out = mkdtempSync(join(tmpdir(), 'swb-runner-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const outputsOf = (nb: Notebook, i: number): Array<Record<string, unknown>> => nb.cells[i]?.outputs ?? [];

describe.skipIf(skip)('runNotebooks', () => {
  it('fails on a broken notebook naming the notebook, the cell and the error, and exits non-zero', () => {
    const before = readFileSync(join(fixtures, 'broken.ipynb'), 'utf8');
    const proc = spawnSync(
      process.execPath,
      ['scripts/run-notebooks.js', '--out-dir', out, join(fixtures, 'broken.ipynb')],
      { encoding: 'utf8' },
    );
    expect(proc.status).toBe(1);
    const lines = proc.stdout.split('\n');
    expect(lines[0]).toMatch(/^✗ .*test\/fixtures\/notebooks\/broken\.ipynb: cell 4 failed:$/);
    expect(lines[1]).toBe('  > throw new Error(`${message} in cell 4`);');
    expect(proc.stdout).toContain('Error: deliberate failure in cell 4');
    expect(proc.stdout).not.toContain('cell 5 must not run');
    expect(proc.stdout).toMatch(/stopped after 1 of 1 notebooks in \d+\.\d s/);
    expect(existsSync(join(out, 'broken.ipynb'))).toBe(false);
    expect(readFileSync(join(fixtures, 'broken.ipynb'), 'utf8')).toBe(before);
  });

  it('refuses a parameter the notebook does not declare before running anything: exit 1, naming it and the declared ones', () => {
    const proc = spawnSync(
      process.execPath,
      ['scripts/run-notebooks.js', '--out-dir', out, '--param', 'cuont=4', join(fixtures, 'show-ok.ipynb')],
      { encoding: 'utf8' },
    );
    expect(proc.status).toBe(1);
    expect(proc.stderr).toBe(
      'npm run notebooks: unknown parameter cuont (did you mean count?): the notebook declares count, locale, title\n',
    );
    expect(proc.stdout).toBe('');
    expect(existsSync(join(out, 'show-ok.ipynb'))).toBe(false);
  });

  it('notebook 08 refuses --data without --subscriptions instead of running on its generated sample', () => {
    const proc = spawnSync(
      process.execPath,
      [
        'scripts/run-notebooks.js',
        '--out-dir',
        out,
        '--data',
        'data/online_retail.csv.gz',
        'notebooks/08-subscriptions.ipynb',
      ],
      { encoding: 'utf8' },
    );
    expect(proc.status).toBe(1);
    expect(proc.stdout).toMatch(
      /WorkbenchError \[BAD_OPTION\]: notebook 08 reads subscriptions and usage events, not transactions: --data \S*online_retail\.csv\.gz is not used here\./,
    );
    expect(existsSync(join(out, '08-subscriptions.ipynb'))).toBe(false);
  });

  it('counts cells as in the file when parameters were injected, and stops at the first failing notebook', () => {
    const log: string[] = [];
    const runs = runNotebooks({
      notebooks: [join(fixtures, 'broken.ipynb'), join(fixtures, 'show-ok.ipynb')],
      overrides: { message: 'overridden failure' },
      outDir: out,
      log: (l) => log.push(l),
    });
    expect(runs.map((r) => [r.ok, r.cell])).toEqual([[false, 4]]);
    expect(runs[0]?.error).toContain('Error: overridden failure in cell 4');
    expect(log.some((l) => l.includes('show-ok'))).toBe(false);
  });

  it('runs a notebook in a fresh kernel with overrides and saves chart and table outputs', () => {
    const log: string[] = [];
    const runs = runNotebooks({
      notebooks: [join(fixtures, 'show-ok.ipynb')],
      overrides: { count: 7, locale: 'nl' },
      outDir: out,
      log: (l) => log.push(l),
    });
    expect(runs.map((r) => r.ok)).toEqual([true]);
    const nb = JSON.parse(readFileSync(join(out, 'show-ok.ipynb'), 'utf8')) as Notebook;
    expect(nb.cells.map((c) => c.metadata.tags ?? [])).toEqual([[], ['parameters'], [INJECTED_TAG], [], [], [], []]);
    expect(cellSource(nb.cells[2] ?? { cell_type: 'code', source: '', metadata: {} })).toContain('count = 7;');
    const chart = outputsOf(nb, 4);
    expect(chart).toHaveLength(1);
    const data = chart[0]?.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual([VEGALITE_MIME, 'image/png', 'text/plain'].sort());
    const png = data['image/png'];
    expect(
      Buffer.from(Array.isArray(png) ? png.join('') : String(png), 'base64')
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    expect((data[VEGALITE_MIME] as { data: { values: Array<{ v: number }> } }).data.values[2]?.v).toBe(7);
    const table = (outputsOf(nb, 5)[0]?.data as Record<string, string | string[]>)['text/html'];
    expect(Array.isArray(table) ? table.join('') : table).toContain('x &lt; y &amp; z');
    expect(outputsOf(nb, 6)).toEqual([
      { name: 'stdout', output_type: 'stream', text: ['title=Fixture chart count=7 locale=nl\n'] },
    ]);
    expect(nb.cells.every((c) => c.cell_type !== 'code' || typeof c.execution_count === 'number')).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['show-ok.ipynb']);
  });
});
