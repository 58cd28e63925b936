/**
 * The one bridge to tslab's kernel. tslab's public `display.*` sends one MIME type per output, but
 * a chart needs ONE output holding the Vega-Lite spec, an SVG and plain text, so front-ends pick
 * the richest they can render. The pinned tslab (1.0.22) keeps the current cell's display writer
 * in `tslab/dist/jupyter`'s `lastWriteDisplayData`; that is internal API, so it is used here only.
 * Outside a kernel (a plain Node script, a test) the text/plain part goes to stdout instead.
 */
import { createRequire } from 'node:module';

/** A Jupyter MIME bundle: MIME type → content (string, or a JSON value for `+json` types). */
export type MimeBundle = Record<string, unknown>;

/** One display_data output: the bundle plus per-MIME metadata. */
export interface DisplayOutput {
  /** MIME type → content; should always include `text/plain`. */
  data: MimeBundle;
  /** Per-MIME metadata (e.g. `{ 'image/svg+xml': { isolated: true } }`). @defaultValue `{}` */
  metadata?: Record<string, unknown>;
}

/** The shape of tslab's internal display writer (jupyter.js, tslab 1.0.22). */
type TslabWriter = (
  content: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> },
  update: boolean,
) => void;

interface TslabJupyterModule {
  lastWriteDisplayData: TslabWriter | null;
}

let jupyterModule: TslabJupyterModule | null | undefined;

/** tslab's jupyter module as loaded by the running kernel, or null when tslab is not installed. */
function tslabJupyter(): TslabJupyterModule | null {
  if (jupyterModule === undefined) {
    try {
      // Same resolved file as the kernel's own copy, so this is the instance the kernel writes to.
      const require = createRequire(import.meta.url);
      jupyterModule = require('tslab/dist/jupyter') as TslabJupyterModule;
    } catch {
      jupyterModule = null;
    }
  }
  return jupyterModule;
}

/** The display writer of the cell that is executing now, or null outside a tslab kernel. */
function currentWriter(): TslabWriter | null {
  const writer = tslabJupyter()?.lastWriteDisplayData;
  return typeof writer === 'function' ? writer : null;
}

/** True when running inside a tslab kernel that is executing a cell. */
export function inKernel(): boolean {
  return currentWriter() !== null;
}

/**
 * Send one display_data output to the notebook. Inside tslab this becomes one output with every
 * MIME type of the bundle; outside a kernel the `text/plain` part is printed to stdout.
 * Call it while the cell runs (await any async work before the cell ends), or the output may
 * land in a later cell.
 * @returns `'kernel'` when sent to Jupyter, `'stdout'` when printed as text.
 * @example publishDisplay({ data: { 'text/html': '<b>hi</b>', 'text/plain': 'hi' } });
 */
export function publishDisplay(output: DisplayOutput): 'kernel' | 'stdout' {
  return sendTo(currentWriter(), output);
}

/**
 * A sender bound to the cell executing NOW: outputs sent later (after async rendering, even when
 * the caller did not `await` and another cell has started) still land in this cell.
 * @example const send = displaySender(); const out = await chartOutput(spec); send(out);
 */
export function displaySender(): (output: DisplayOutput) => 'kernel' | 'stdout' {
  const writer = currentWriter();
  return (output) => sendTo(writer, output);
}

function sendTo(writer: TslabWriter | null, output: DisplayOutput): 'kernel' | 'stdout' {
  if (writer) {
    writer({ data: output.data, metadata: output.metadata ?? {}, transient: {} }, false);
    return 'kernel';
  }
  const text = output.data['text/plain'];
  process.stdout.write(`${typeof text === 'string' ? text : JSON.stringify(text)}\n`);
  return 'stdout';
}
