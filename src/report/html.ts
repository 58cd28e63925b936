/**
 * Report → one self-contained HTML file. Pure and synchronous: everything it needs (sections,
 * the static SVG of each chart, the vega bundles, the generated-at time) comes in through
 * {@link RenderedReport}, so the same input always gives the same bytes. Every data string passes
 * through {@link escapeHtml} or {@link jsonForScript}; nothing else reaches the page.
 */
import { createHash } from 'node:crypto';
import { d3NumberLocale, type Locale } from '../locale.js';
import type { VegaBundles } from './assets.js';
import { escapeBreakable, escapeHtml, jsonForScript, scriptSafe } from './escape.js';
import { CLIENT_SCRIPT, REPORT_CSS, reportCsp } from './html-parts.js';
import type { ReportChart, ReportSection, ReportTable } from './section.js';
import { texts } from '../i18n/index.js';

/** Everything the HTML renderer needs, already computed. */
export interface RenderedReport {
  /** Report title (the `<h1>` and the page title). */
  title: string;
  /** Language of the report (sets `<html lang>` and number formats in charts). */
  locale: Locale;
  /** ISO 4217 currency of the amounts (money formats in the live charts). @defaultValue 'EUR' */
  currency?: string;
  /** Label–value lines under the title (data source, period, as-of date). @defaultValue none */
  header?: Array<[string, string]>;
  /** Sections, in order. */
  sections: ReportSection[];
  /** Static SVG of each chart, by chart id (ids already prefixed, see `prefixSvgIds`). */
  svgs: Record<string, string>;
  /** The vega, vega-lite and vega-embed browser bundles to inline. */
  bundles: VegaBundles;
  /** When the report was generated: the one line that differs between runs. */
  generatedAt: Date;
  /** Aggregate results embedded as data for a later comparison (escaped JSON, never run). @defaultValue none */
  data?: unknown;
}

/** The HTML id of the embedded results block. */
export const RESULTS_ELEMENT_ID = 'swb-results';

/** CSP source of an inline element's exact text: `sha256-<base64>`. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** `2026-11-23 02:40 UTC`: locale-neutral, no seconds. */
function timestamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** HTML id of a section / chart (escaped where written). */
const sectionId = (s: ReportSection): string => `sec-${s.id}`;
/** HTML element id of a chart's figure. */
export const chartElementId = (c: ReportChart): string => `chart-${c.id}`;

function renderFacts(facts: Array<[string, string]>, cls: string): string {
  const items = facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeBreakable(v)}</dd></div>`);
  return `<dl class="${cls}">${items.join('')}</dl>`;
}

/** The cue under a block that is wider than the screen; CSS shows it only while the block overflows. */
const scrollHint = (hint: string): string => `<p class="scroll-hint" aria-hidden="true">${escapeHtml(hint)}</p>`;

function renderTable(table: ReportTable, hint: string): string {
  const num = (i: number): string => (table.columns[i]?.numeric ? ' class="num"' : '');
  const head = table.columns.map((c, i) => `<th scope="col"${num(i)}>${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        i === 0 ? `<th scope="row"${num(i)}>${escapeHtml(cell)}</th>` : `<td${num(i)}>${escapeHtml(cell)}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const note = table.note ? `\n<p class="note">${escapeHtml(table.note)}</p>` : '';
  const open = '<div class="table-wrap">\n<div class="scroll-x" tabindex="0">\n<table>';
  return `${open}\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>\n${scrollHint(hint)}${note}\n</div>`;
}

function renderChart(chart: ReportChart, svg: string, hint: string): string {
  const id = escapeHtml(chartElementId(chart));
  return [
    `<figure class="chart" id="${id}">`,
    `<div class="chart-static" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.description}`)}">${svg}</div>`,
    '<div class="chart-live scroll-x"></div>',
    scrollHint(hint),
    `<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.description)}</figcaption>`,
    '</figure>',
    `<script type="application/json" class="chart-spec" data-chart="${id}">${jsonForScript(chart.spec)}</script>`,
  ].join('\n');
}

function renderSection(section: ReportSection, svgs: Record<string, string>, hint: string): string {
  const id = escapeHtml(sectionId(section));
  const parts = [
    `<section class="report-section" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${escapeHtml(section.title)}</h2>`,
  ];
  if (section.caution) parts.push(`<p class="caution" role="note">${escapeHtml(section.caution)}</p>`);
  for (const p of section.intro ?? []) parts.push(`<p>${escapeHtml(p)}</p>`);
  if (section.facts?.length) parts.push(renderFacts(section.facts, 'facts'));
  if (section.findings?.length)
    parts.push(`<ul class="findings">\n${section.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('\n')}\n</ul>`);
  for (const chart of section.charts ?? []) parts.push(renderChart(chart, svgs[chart.id] ?? '', hint));
  for (const table of section.tables ?? []) parts.push(renderTable(table, hint));
  for (const p of section.next ?? []) parts.push(`<p class="next">${escapeHtml(p)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * Render a report as one self-contained HTML document (no URL is fetched when it is opened).
 * @example const html = renderReportHtml({ title, locale: 'nl', sections, svgs, bundles, generatedAt });
 */
export function renderReportHtml(report: RenderedReport): string {
  const t = texts(report.locale).report;
  const header = report.header?.length ? `\n${renderFacts(report.header, 'facts meta')}` : '';
  const toc = report.sections
    .map((s) => `<li><a href="#${escapeHtml(sectionId(s))}">${escapeHtml(s.title)}</a></li>`)
    .join('\n');
  const hasCharts = report.sections.some((s) => (s.charts?.length ?? 0) > 0);
  const options = { formatLocale: d3NumberLocale(report.locale, report.currency) };
  // The executable inline scripts, each allowed by its hash in the CSP (JSON blocks are data, not run).
  const code = hasCharts
    ? [
        scriptSafe(report.bundles.vega),
        scriptSafe(report.bundles.vegaLite),
        scriptSafe(report.bundles.vegaEmbed),
        CLIENT_SCRIPT,
      ]
    : [];
  const scripts = hasCharts
    ? [
        `<script type="application/json" id="swb-options">${jsonForScript(options)}</script>`,
        ...code.map((c) => `<script>${c}</script>`),
      ]
    : [];
  if (report.data !== undefined)
    scripts.unshift(
      `<script type="application/json" id="${RESULTS_ELEMENT_ID}">${jsonForScript(report.data)}</script>`,
    );
  const csp = reportCsp(code.map(sha256), [sha256(REPORT_CSS)]);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(report.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="generator" content="segment-workbench">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="report-header">\n<h1>${escapeHtml(report.title)}</h1>${header}`,
    `<p class="generated">${escapeHtml(t.generatedAt(timestamp(report.generatedAt)))}</p>`,
    '</header>',
    hasCharts ? `<noscript><p class="note">${escapeHtml(t.noScript)}</p></noscript>` : '',
    `<nav class="contents" aria-labelledby="toc-h">\n<h2 id="toc-h">${escapeHtml(t.contents)}</h2>\n<ol>\n${toc}\n</ol>\n</nav>`,
    '<main>',
    ...report.sections.map((s) => renderSection(s, report.svgs, t.scrollHint)),
    '</main>',
    ...scripts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
