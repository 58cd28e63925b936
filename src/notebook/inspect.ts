/**
 * What a value looks like when a notebook cell ends with it: tslab prints the last expression with
 * `console.log`, and a failed cell's error with `console.error`, both through `util.inspect`.
 * Unshaped, that is thousands of result rows, arquero's column internals, or a stack trace through
 * the library. These hooks give a short summary instead, inside a tslab kernel only: in plain Node
 * (scripts, tests) inspection is left exactly as Node does it.
 */
import { inspect, type InspectOptions } from 'node:util';
import { ColumnTable } from 'arquero';
import { WorkbenchError } from '../errors.js';
import { setResultPrinter } from '../inspect.js';
import { inKernel } from './display.js';
import { tableText, tableView } from './table-view.js';

/** Rows of a table printed bare in a cell. */
const BARE_TABLE_ROWS = 10;

/** One value in a summary line: primitives as Node writes them, containers by kind and size. */
function brief(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().replace('T00:00:00.000Z', '');
  if (Array.isArray(value)) {
    if (value.length <= 5 && value.every((v) => v === null || typeof v !== 'object'))
      return inspect(value, { breakLength: Infinity });
    return `Array(${value.length})`;
  }
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    return `{ ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? `, … ${keys.length - 5} more` : ''} }`;
  }
  if (typeof value === 'string' && value.length > 60) return inspect(`${value.slice(0, 57)}…`);
  return typeof value === 'function' ? '[function]' : inspect(value);
}

/**
 * A short, readable summary of an object: its name, then one line per field with primitives,
 * dates (`2011-12-10`) and sizes (`Array(4371)`, `{ a, b, c }`) instead of contents.
 * @example summaryText({ asOf: new Date('2011-12-10'), rows: new Array(4371) }, 'RfmResult')
 * // RfmResult {\n  asOf: 2011-12-10\n  rows: Array(4371)\n}
 */
export function summaryText(value: object, name = value.constructor?.name ?? 'Object'): string {
  const lines = Object.entries(value).map(([k, v]) => `  ${k}: ${brief(v)}`);
  return lines.length === 0 ? `${name} {}` : `${name} {\n${lines.join('\n')}\n}`;
}

/**
 * Give a result a short summary when shown bare in a notebook cell or turned into a string
 * (non-enumerable, so JSON and spreading are unchanged). Returns the same object.
 * @example return withSummary(result, 'RfmResult');
 */
export function withSummary<T extends object>(value: T, name: string): T {
  const summary = function (this: T, _depth: number, options: InspectOptions): string {
    return inKernel() ? summaryText(this, name) : inspect(this, { ...options, customInspect: false });
  };
  Object.defineProperty(value, inspect.custom, {
    value: summary,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(value, 'toString', {
    value: () => summaryText(value, name),
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return value;
}

/** A library error in a cell: its code and message, without the stack through library internals. */
function errorText(error: WorkbenchError): string {
  return `${error.name} [${error.code}]: ${error.message}`;
}

let installed = false;

/**
 * Install the notebook inspectors once: WorkbenchError prints `WorkbenchError [CODE]: message`
 * (no stack), an arquero table prints its first rows as text, and a result of an analysis (tagged by
 * `tagResult`) prints a short summary — all inside a tslab kernel only.
 * `show` calls this; call it yourself only when using the library without `show`.
 */
export function installNotebookInspectors(): void {
  if (installed) return;
  installed = true;
  // Results the analyses tag (src/inspect.ts) print as a short summary in a kernel, in full elsewhere.
  setResultPrinter((value, kind) => (inKernel() ? summaryText(value, kind) : undefined));
  Object.defineProperty(WorkbenchError.prototype, inspect.custom, {
    configurable: true,
    writable: true,
    enumerable: false,
    value(this: WorkbenchError, _depth: number, options: InspectOptions): string {
      return inKernel() ? errorText(this) : inspect(this, { ...options, customInspect: false });
    },
  });
  Object.defineProperty(ColumnTable.prototype, inspect.custom, {
    configurable: true,
    writable: true,
    enumerable: false,
    value(this: ColumnTable, _depth: number, options: InspectOptions): string {
      return inKernel()
        ? tableText(tableView(this, { limit: BARE_TABLE_ROWS }))
        : inspect(this, { ...options, customInspect: false });
    },
  });
}
