/**
 * The committed notebooks, as saved by `npm run notebooks`: a clean top-to-bottom run, no errors,
 * a static PNG in every chart cell (so they read on GitHub/nbviewer/nbconvert without a kernel), small files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INJECTED_TAG,
  PARAMETERS_TAG,
  cellSource,
  declaredParameters,
  type Notebook,
} from '../../src/notebook/parameters.js';
import { KERNEL_NAME } from '../../src/notebook/kernelspec.js';
import { VEGALITE_MIME } from '../../src/notebook/show.js';
import { pngStats } from './png-pixels.js';

const dir = 'notebooks';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();
const text = (v: unknown): string => (Array.isArray(v) ? v.join('') : String(v ?? ''));
type Output = { output_type: string; name?: string; data?: Record<string, unknown>; text?: unknown };

/** The customer ids of the bundled data (the second-last column of data/online_retail.csv.gz). */
const bundledIds = new Set(
  gunzipSync(readFileSync('data/online_retail.csv.gz'))
    .toString('utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').at(-2) ?? '')
    .filter((id) => /^\d+$/.test(id)),
);

/** The text a reader sees in an output: streams, text and HTML, and every string inside a chart spec (labels, tooltips). */
function readableText(o: Output): string {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  if (o.output_type === 'stream') walk(o.text);
  for (const [mime, v] of Object.entries(o.data ?? {})) if (mime !== 'image/png' && mime !== 'image/svg+xml') walk(v);
  return strings.join('\n');
}

describe('committed notebooks', () => {
  it('exist, numbered in reading order', () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files[0]).toBe('01-load-and-validate.ipynb');
    files.forEach((f, i) => expect(f.startsWith(`${String(i + 1).padStart(2, '0')}-`)).toBe(true));
  });

  describe.each(files)('%s', (file) => {
    const path = join(dir, file);
    const nb = JSON.parse(readFileSync(path, 'utf8')) as Notebook;
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    const outputs = (i: number): Output[] => (code[i]?.outputs ?? []) as Output[];

    it('opens with a markdown explanation, then the parameters cell', () => {
      expect(nb.cells[0]?.cell_type).toBe('markdown');
      expect(cellSource(nb.cells[0] ?? { cell_type: 'markdown', source: '', metadata: {} })).toMatch(/^# \d+ · /);
      expect(code[0]?.metadata.tags).toContain(PARAMETERS_TAG);
      const declared = declaredParameters(cellSource(code[0] ?? { cell_type: 'code', source: '', metadata: {} }));
      // Notebook 08 reads subscriptions and usage events, not transactions: its files are subscriptionsPath and eventsPath.
      const files = declared.includes('subscriptionsPath')
        ? ['subscriptionsPath', 'eventsPath']
        : ['dataPath', 'preset'];
      for (const name of [...files, 'asOf', 'locale']) expect(declared).toContain(name);
      expect((nb.metadata.kernelspec as { name?: string } | undefined)?.name).toBe(KERNEL_NAME);
    });

    it('was saved from a clean run without overrides: every code cell ran once, in order', () => {
      expect(nb.cells.some((c) => c.metadata.tags?.includes(INJECTED_TAG))).toBe(false);
      expect(code.map((c) => c.execution_count)).toEqual(code.map((_, i) => i + 1));
    });

    it('has no error output and nothing on stderr', () => {
      const bad = code.flatMap((_c, i) =>
        outputs(i)
          .filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
          .map((o) => `code cell ${i + 1}: ${text(o.text).slice(0, 200)}`),
      );
      expect(bad).toEqual([]);
    });

    it('holds a static PNG beside the Vega-Lite spec in every chart cell', () => {
      const chartCells = code.map((c, i) => [c, i] as const).filter(([c]) => c.metadata.tags?.includes('chart'));
      expect(chartCells.length).toBeGreaterThanOrEqual(1);
      for (const [, i] of chartCells) {
        const charts = outputs(i).filter(
          (o) => o.output_type === 'display_data' && o.data?.[VEGALITE_MIME] !== undefined,
        );
        expect(charts.length, `code cell ${i + 1} shows no chart`).toBeGreaterThanOrEqual(1);
      }
      for (const [i] of code.entries()) {
        for (const o of outputs(i).filter((x) => x.data?.[VEGALITE_MIME] !== undefined)) {
          const png = Buffer.from(text(o.data?.['image/png']), 'base64');
          expect(png.subarray(1, 4).toString('latin1'), `code cell ${i + 1}`).toBe('PNG');
          expect(pngStats(png).lumaStdDev, `code cell ${i + 1}`).toBeGreaterThan(10);
        }
      }
    });

    it('shows no customer id of the bundled data: ids are pseudonyms, made-up order ids hold none', () => {
      expect(bundledIds.size).toBe(4372);
      const leaks = code.flatMap((_c, i) =>
        outputs(i).flatMap((o) =>
          [...readableText(o).matchAll(/(?<![\d.,])\d{5}(?![\d.,])/g)]
            .map((m) => m[0])
            .filter((id) => bundledIds.has(id))
            .map((id) => `code cell ${i + 1}: ${id}`),
        ),
      );
      expect(leaks).toEqual([]);
      expect(code.some((_c, i) => outputs(i).some((o) => /\d@\d{4}-\d{2}-\d{2}/.test(readableText(o))))).toBe(false);
    });

    it('imports only the compiled library, and stays small', () => {
      const imports = code.flatMap((c) =>
        [...cellSource(c).matchAll(/from\s+'([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]),
      );
      // Node's own modules (node:fs to save a model file, say) are not a second library
      expect(new Set(imports.filter((m) => !m?.startsWith('node:')))).toEqual(new Set(['../dist/index.js']));
      expect(statSync(path).size).toBeLessThan(1_500_000);
    });
  });
});
