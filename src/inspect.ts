/**
 * Results that print as a short summary in a notebook cell. Analyses tag what they return; the notebook
 * layer says how a tagged result prints (inside a tslab kernel only), so this module needs nothing above it
 * and plain Node prints results in full, as before. The tag is not enumerable: JSON, spreading and
 * equality in tests are unchanged.
 */
import { inspect, type InspectOptions } from 'node:util';

/** Prints a tagged result, or returns undefined to print it in full. */
export type ResultPrinter = (value: object, kind: string) => string | undefined;

let printer: ResultPrinter | undefined;

/** Set how tagged results print (the notebook layer does this once). */
export function setResultPrinter(p: ResultPrinter): void {
  printer = p;
}

/**
 * Tag a result with its kind (e.g. 'RfmResult') so a notebook shows it as a summary. Returns the same object.
 * @example return tagResult({ rows, options }, 'RfmResult');
 */
export function tagResult<T extends object>(value: T, kind: string): T {
  Object.defineProperty(value, inspect.custom, {
    configurable: true,
    writable: true,
    enumerable: false,
    value(this: T, _depth: number, options: InspectOptions): string {
      return printer?.(this, kind) ?? inspect(this, { ...options, customInspect: false });
    },
  });
  return value;
}
