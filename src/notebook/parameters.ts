/**
 * Parameter overrides for headless notebook runs, papermill-style: the notebook's own
 * `parameters` cell (the first code cell tagged `parameters`, declaring its values with `let`)
 * stays as written, and the overrides go into a cell tagged `injected-parameters` inserted right
 * after it, which assigns the new values. A run without overrides removes an earlier injected
 * cell, so the committed notebooks always show exactly what they ran with. Pure: no I/O.
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { nearest } from '../analyses/shared/validate.js';

/** A notebook cell as stored in .ipynb (nbformat 4), reduced to what the runner touches. */
export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: Array<Record<string, unknown>>;
  execution_count?: number | null;
  [key: string]: unknown;
}

/** A notebook as stored in .ipynb (nbformat 4). */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** A parameter value: strings become string literals, the rest are written as JSON. */
export type ParameterValue = string | number | boolean | null;

/** Tag of the cell holding a notebook's parameters. */
export const PARAMETERS_TAG = 'parameters';
/** Tag of the cell the runner inserts with overrides. */
export const INJECTED_TAG = 'injected-parameters';

/** The cell's source as one string. */
export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

function hasTag(cell: NotebookCell, tag: string): boolean {
  return Array.isArray(cell.metadata.tags) && cell.metadata.tags.includes(tag);
}

/** Index of the parameters cell (first code cell tagged `parameters`), or -1. */
export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === 'code' && hasTag(c, PARAMETERS_TAG));
}

/** Names declared with `let` in a parameters cell (only `let` can be overridden). */
export function declaredParameters(source: string): string[] {
  return [...source.matchAll(/^\s*let\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
}

/** A TypeScript literal for a value. */
export function literal(value: ParameterValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The result of injecting overrides: the new notebook and what could not be applied. */
export interface InjectResult {
  notebook: Notebook;
  /** Override names the notebook does not declare (not applied). */
  missing: string[];
}

/**
 * Return a copy of `nb` with its injected-parameters cell replaced by one assigning `overrides`
 * (or removed when there are none to apply).
 * @example injectParameters(nb, { dataPath: 'other.csv', asOf: '2011-12-01' })
 */
export function injectParameters(nb: Notebook, overrides: Record<string, ParameterValue>): InjectResult {
  const cells = nb.cells.filter((c) => !hasTag(c, INJECTED_TAG));
  const copy: Notebook = { ...nb, cells };
  const names = Object.keys(overrides);
  const index = parametersCellIndex(copy);
  if (index < 0) {
    if (names.length === 0) return { notebook: copy, missing: [] };
    throw new WorkbenchError('BAD_OPTION', messages.noParametersCell(), { overrides: names });
  }
  const declared = new Set(declaredParameters(cellSource(copy.cells[index] as NotebookCell)));
  const applied = names.filter((n) => declared.has(n));
  const missing = names.filter((n) => !declared.has(n));
  if (applied.length > 0) {
    const lines = [
      '// Injected by `npm run notebooks` with overrides of the parameters above.',
      ...applied.map((n) => `${n} = ${literal(overrides[n] ?? null)};`),
      // A statement whose value is undefined, so tslab does not echo the last assignment.
      `console.log(${JSON.stringify(`parameters overridden: ${applied.join(', ')}`)});`,
    ];
    const injected: NotebookCell = {
      id: INJECTED_TAG,
      cell_type: 'code',
      execution_count: null,
      metadata: { tags: [INJECTED_TAG] },
      outputs: [],
      source: lines.join('\n'),
    };
    cells.splice(index + 1, 0, injected);
  }
  return { notebook: copy, missing };
}

/** The parameters a notebook declares (the `let`s of its parameters cell; none without one). */
export function notebookParameters(nb: Notebook): string[] {
  const index = parametersCellIndex(nb);
  return index < 0 ? [] : declaredParameters(cellSource(nb.cells[index] as NotebookCell));
}

/**
 * Check overrides against the notebooks of a run: a name that none of them declares is a typo or belongs to
 * a notebook not in the run, and running anyway would silently ignore it. Throws BAD_OPTION naming each such
 * parameter (with its flag), the nearest declared name and every declared one.
 * @example checkOverrides([nb04], { kk: 4 }) // throws: unknown parameter kk … (did you mean k?)
 */
export function checkOverrides(
  notebooks: readonly Notebook[],
  overrides: Readonly<Record<string, ParameterValue>>,
  flags: Readonly<Record<string, string>> = {},
): void {
  const declared = [...new Set(notebooks.flatMap(notebookParameters))].sort();
  const unknown = Object.keys(overrides).filter((name) => !declared.includes(name));
  if (unknown.length === 0) return;
  const flagOf = (name: string): string | undefined => Object.entries(flags).find(([, n]) => n === name)?.[0];
  throw new WorkbenchError(
    'BAD_OPTION',
    messages.unknownNotebookParameters(
      unknown.map((name) => ({ name, flag: flagOf(name), near: nearest(name, declared) })),
      declared,
      notebooks.length,
    ),
    { unknown, declared },
  );
}
