/**
 * `show(x)` for tslab notebooks: one call displays a chart, a table or a report section inline.
 * A chart becomes ONE output holding the Vega-Lite spec (interactive where the front-end renders
 * Vega-Lite, e.g. JupyterLab), a static PNG rendered from the same spec (GitHub, nbviewer,
 * `nbconvert --to html`, the classic Notebook; see `ShowOptions.image`) and a text line; a table
 * becomes escaped HTML with formatted numbers, a row limit and a row count.
 */
import { inspect } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { localizedSpec, renderSvg } from '../charts/render.js';
import { WorkbenchError } from '../errors.js';
import type { Locale } from '../locale.js';
import type { ReportChart, ReportSection, ReportTable } from '../report/section.js';
import { displaySender, type DisplayOutput } from './display.js';
import { installNotebookInspectors } from './inspect.js';
import { svgToPng } from './png.js';
import { escapeHtml } from '../report/escape.js';
import {
  DEFAULT_ROW_LIMIT,
  isReportTable,
  isTableLike,
  tableHtml,
  tableText,
  tableView,
  type TableLike,
  type TableViewOptions,
} from './table-view.js';
import { idColumnsByValue } from './id-columns.js';
import { messages } from '../messages.js';

/** The MIME type JupyterLab renders Vega-Lite v5 specs with. */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

/** Anything `show` can display. */
export type Showable = TopLevelSpec | ReportChart | ReportSection | ReportTable | TableLike | readonly object[];

/** Options for `show`. */
export interface ShowOptions extends TableViewOptions {
  /** Locale for chart axis numbers, table numbers and the row-count line. @defaultValue `'en'` (or `showDefaults`) */
  locale?: Locale;
  /** ISO 4217 currency for money formats in charts. @defaultValue `'EUR'` (or `showDefaults`) */
  currency?: string;
  /**
   * The static picture beside an interactive chart: a PNG (shows in every viewer), an SVG (sharp,
   * but blank in Debian's `nbconvert --to html` and hidden by the classic Notebook until trusted), or both.
   * @defaultValue `'png'` (`'svg'` where resvg-js cannot load)
   */
  image?: 'png' | 'svg' | 'both';
  /** For a report section: which parts to show. @defaultValue `['text', 'charts', 'tables']` */
  parts?: ReadonlyArray<'text' | 'charts' | 'tables'>;
}

const defaults: ShowOptions = {};

/**
 * Set session-wide defaults for `show` (typically the notebook's `locale` once, in its setup cell).
 * Options passed to `show` win over these.
 * @example showDefaults({ locale: 'nl', limit: 15 });
 */
export function showDefaults(options: ShowOptions): void {
  Object.assign(defaults, options);
}

const CHART_KEYS = ['mark', 'layer', 'concat', 'hconcat', 'vconcat', 'facet', 'repeat'];

/** True for a Vega-Lite spec (a `$schema` naming vega-lite, or a mark/layer/concat/facet/repeat). */
export function isChartSpec(x: unknown): x is TopLevelSpec {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const schema = (x as { $schema?: unknown }).$schema;
  if (typeof schema === 'string') return schema.includes('vega-lite');
  return CHART_KEYS.some((k) => k in x);
}

function isReportChart(x: unknown): x is ReportChart {
  const c = x as Partial<ReportChart> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof c?.id === 'string' &&
    typeof c.title === 'string' &&
    isChartSpec(c.spec)
  );
}

function isReportSection(x: unknown): x is ReportSection {
  const s = x as Partial<ReportSection> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof s?.id === 'string' &&
    typeof s.title === 'string' &&
    ['intro', 'findings', 'charts', 'tables', 'facts'].some((k) => Array.isArray((x as Record<string, unknown>)[k]))
  );
}

/** The plain-text line for a chart: its title (and subtitle), then the description. */
function chartText(spec: TopLevelSpec): string {
  const title = (spec as { title?: unknown }).title;
  const text =
    typeof title === 'string'
      ? title
      : typeof title === 'object' && title !== null
        ? [(title as { text?: unknown }).text, (title as { subtitle?: unknown }).subtitle]
            .filter((t) => typeof t === 'string')
            .join(' — ')
        : '';
  const description = typeof spec.description === 'string' ? spec.description : '';
  return ['[chart]', text, description && `(${description})`].filter(Boolean).join(' ');
}

/**
 * One display output for a chart: the Vega-Lite spec (carrying the locale and currency in
 * `config.locale`), a static picture rendered from that same spec, and a text line.
 * The picture is a PNG by default: viewers rank SVG above PNG, and Debian's `nbconvert --to html`
 * strips SVG to its bare text, so a bundle holding an SVG shows a blank chart there. Without
 * resvg-js on the host the picture falls back to SVG.
 */
export async function chartOutput(spec: TopLevelSpec, options: ShowOptions = {}): Promise<DisplayOutput> {
  const localized = localizedSpec(spec, { locale: options.locale ?? 'en', currency: options.currency ?? 'EUR' });
  const svg = await renderSvg(localized);
  const image = options.image ?? 'png';
  const png = image === 'svg' ? null : svgToPng(svg);
  const data: Record<string, unknown> = { [VEGALITE_MIME]: localized };
  if (!png || image === 'both') data['image/svg+xml'] = svg;
  if (png) data['image/png'] = png.png.toString('base64');
  data['text/plain'] = chartText(spec);
  // The bitmap holds 1.5× the pixels: show it at the SVG's size.
  return png ? { data, metadata: { 'image/png': { width: png.width, height: png.height } } } : { data };
}

/** One display output for a table: HTML + text. */
export function tableOutput(
  table: ReportTable | TableLike | readonly object[],
  options: ShowOptions = {},
): DisplayOutput {
  const view = tableView(table, options);
  return { data: { 'text/html': tableHtml(view), 'text/plain': tableText(view) } };
}

/** The heading, intro, findings and facts of a section as one HTML + text output. */
function sectionTextOutput(section: ReportSection): DisplayOutput {
  const html: string[] = [`<h3>${escapeHtml(section.title)}</h3>`];
  const text: string[] = [section.title.toUpperCase()];
  if (section.caution) {
    html.push(`<p><strong>${escapeHtml(section.caution)}</strong></p>`);
    text.push(section.caution);
  }
  for (const p of section.intro ?? []) {
    html.push(`<p>${escapeHtml(p)}</p>`);
    text.push(p);
  }
  if (section.findings?.length) {
    html.push(`<ul>${section.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`);
    text.push(...section.findings.map((f) => `- ${f}`));
  }
  if (section.facts?.length) {
    html.push(
      `<dl>${section.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    );
    text.push(...section.facts.map(([k, v]) => `${k}: ${v}`));
  }
  return { data: { 'text/html': html.join('\n'), 'text/plain': text.join('\n') } };
}

/**
 * The display outputs `show` would send, without sending them (for tests and custom front-ends).
 * A report section gives its text first, then one output per chart and per table (see `parts`).
 */
export async function displayOutputs(x: Showable, options: ShowOptions = {}): Promise<DisplayOutput[]> {
  const opts: ShowOptions = { ...defaults, ...options };
  if (Array.isArray(x) || isTableLike(x)) {
    const rows = (
      isTableLike(x)
        ? x.objects({ limit: opts.limit ?? DEFAULT_ROW_LIMIT })
        : x.slice(0, opts.limit ?? DEFAULT_ROW_LIMIT)
    ) as Array<Record<string, unknown>>;
    // Columns of customer ids are found by their values too: an alias of customer_id shows pseudonyms as well.
    const idColumns = opts.showIds ? undefined : await idColumnsByValue(rows);
    return [tableOutput(x as TableLike | readonly object[], { ...opts, ...(idColumns?.size ? { idColumns } : {}) })];
  }
  if (isReportTable(x)) return [tableOutput(x, opts)];
  if (isReportChart(x)) return [await chartOutput(x.spec, opts)];
  if (isReportSection(x)) {
    const parts = new Set(opts.parts ?? ['text', 'charts', 'tables']);
    const outputs = parts.has('text') ? [sectionTextOutput(x)] : [];
    if (parts.has('charts')) for (const chart of x.charts ?? []) outputs.push(await chartOutput(chart.spec, opts));
    if (parts.has('tables')) for (const table of x.tables ?? []) outputs.push(tableOutput(table, opts));
    return outputs;
  }
  if (isChartSpec(x)) return [await chartOutput(x, opts)];
  const kind =
    x === null
      ? 'null'
      : typeof x === 'object'
        ? `an object with keys ${Object.keys(x).slice(0, 6).join(', ')}`
        : typeof x;
  throw new WorkbenchError('BAD_OPTION', messages.cannotShow(kind));
}

/**
 * Display a chart, table or report section in the notebook. Charts render asynchronously; the
 * outputs go to the cell that called `show` even when it is not awaited (a live Jupyter session
 * places them there). `await` it all the same: a headless run (`npm run notebooks`, nbconvert)
 * stops listening to a cell when its code ends, and errors only surface in the cell when awaited.
 * Outside a tslab kernel the text/plain form is printed to stdout.
 * @example await show(segmentBars(result, { locale }));
 * @example await show(wb.table('select * from transactions limit 100'), { limit: 10 });
 */
export function show(x: Showable, options: ShowOptions = {}): Promise<void> {
  // Bound now: the cell running now, not whichever runs when rendering ends.
  const send = displaySender();
  const done = displayOutputs(x, options).then((outputs) => {
    for (const output of outputs) send(output);
  });
  // A cell ending in `show(…)` without await prints its value: make that a hint, not `Promise { <pending> }`.
  Object.defineProperty(done, inspect.custom, { value: () => messages.showNotAwaited(), enumerable: false });
  return done;
}

installNotebookInspectors();
