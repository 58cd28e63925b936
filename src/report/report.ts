/**
 * The report builder notebooks and the CLI use: collect sections one by one, then `toHtml()` or
 * `save(path)`. Rendering (static SVG per chart, via vega in Node) is the async step; assembling
 * the HTML stays pure in `renderReportHtml`. `save` renders completely before it writes, so a
 * failed render leaves no file.
 */
import { renderSvg } from '../charts/render.js';
import type { Locale } from '../locale.js';
import { loadVegaBundles } from './assets.js';
import { chartElementId, renderReportHtml, type RenderedReport } from './html.js';
import { saveReport } from './save.js';
import { placeTechnical, type ReportSection } from './section.js';
import { texts } from '../i18n/index.js';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { compactSvg, prefixSvgIds } from './svg.js';
import { DEFAULT_MIN_GROUP, suppressSmallGroups } from './small-groups.js';

/** Options for {@link report}. */
export interface ReportOptions {
  /** Report title. */
  title: string;
  /** Report language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts, for money formats in charts. @defaultValue 'EUR' */
  currency?: string;
  /** Label–value lines under the title (data source, period, as-of date). @defaultValue none */
  header?: Array<[string, string]>;
  /** Generated-at time printed in the report; fix it for byte-identical output. @defaultValue the time of rendering */
  generatedAt?: Date;
  /**
   * Counts of fewer people than this are shown as "< 10" in every table and chart (1 shows all).
   * @defaultValue 10 @throws WorkbenchError `BAD_OPTION` when not a whole number ≥ 1
   */
  minGroup?: number;
  /**
   * Aggregate results to embed as data (`<script type="application/json" id="swb-results">`) for a later
   * comparison; never customer-level. @defaultValue none
   */
  data?: unknown;
}

/** A report being built. */
export class ReportBuilder {
  /** Report title. */
  readonly title: string;
  /** Report language. */
  readonly locale: Locale;
  /** ISO 4217 currency of the amounts. */
  readonly currency: string;
  /** Sections added so far, in order. */
  readonly sections: ReportSection[] = [];
  readonly #header: Array<[string, string]>;
  readonly #generatedAt: Date | undefined;
  readonly #data: unknown;
  /** Smallest count of people shown as a number. */
  readonly minGroup: number;

  constructor(options: ReportOptions) {
    this.title = options.title;
    this.locale = options.locale ?? 'en';
    this.currency = options.currency ?? 'EUR';
    this.#header = options.header ?? [];
    this.#generatedAt = options.generatedAt;
    this.#data = options.data;
    const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
    if (!Number.isInteger(minGroup) || minGroup < 1)
      throw new WorkbenchError('BAD_OPTION', messages.notWholeNumber('minGroup', minGroup, 1), { minGroup });
    this.minGroup = minGroup;
  }

  /** The aggregate results embedded as data (see {@link ReportOptions.data}). */
  get data(): unknown {
    return this.#data;
  }

  /** Put sections before every other (e.g. what changed since the last report). Ids must be unique. */
  prepend(...sections: ReportSection[]): this {
    const rest = this.sections.splice(0);
    return this.add(...sections, ...rest);
  }

  /** Append one or more sections. Section ids and chart ids must be unique in the report. */
  add(...sections: ReportSection[]): this {
    for (const section of sections) {
      const ids = new Set(this.sections.map((s) => s.id));
      if (ids.has(section.id)) throw new RangeError(`duplicate section id: ${section.id}`);
      const charts = new Set(this.sections.flatMap((s) => (s.charts ?? []).map((c) => c.id)));
      for (const chart of section.charts ?? []) {
        if (charts.has(chart.id)) throw new RangeError(`duplicate chart id: ${chart.id}`);
        charts.add(chart.id);
      }
      this.sections.push(section);
    }
    return this;
  }

  /** Render every chart to static SVG and gather what the HTML needs. */
  async render(options: { generatedAt?: Date } = {}): Promise<RenderedReport> {
    const svgs: Record<string, string> = {};
    const sections = suppressSmallGroups(this.sections, { minGroup: this.minGroup, locale: this.locale });
    // One chart at a time: vega's number locale is process-wide.
    for (const chart of sections.flatMap((s) => s.charts ?? [])) {
      const svg = await renderSvg(chart.spec, { locale: this.locale, currency: this.currency });
      svgs[chart.id] = compactSvg(prefixSvgIds(svg, `${chartElementId(chart)}-`));
    }
    const t = texts(this.locale).report;
    return {
      title: this.title,
      locale: this.locale,
      currency: this.currency,
      header: this.#header,
      sections: placeTechnical(sections, {
        caption: t.technicalCaption,
        section: t.technicalSection,
        measure: t.technicalMeasure,
        value: t.value,
      }),
      svgs,
      bundles: await loadVegaBundles(),
      generatedAt: options.generatedAt ?? this.#generatedAt ?? new Date(),
      ...(this.#data !== undefined ? { data: this.#data } : {}),
    };
  }

  /** The report as one self-contained HTML string. */
  async toHtml(options: { generatedAt?: Date } = {}): Promise<string> {
    return renderReportHtml(await this.render(options));
  }

  /**
   * Render and write the report atomically; returns the absolute path.
   * @throws WorkbenchError `WRITE_FAILED` when the file cannot be written (nothing is left behind).
   */
  async save(path: string, options: { generatedAt?: Date } = {}): Promise<string> {
    return saveReport(path, await this.toHtml(options));
  }
}

/**
 * Start a report.
 * @example
 * const r = report({ title: 'Customer segments', locale: 'nl' });
 * r.add(rfmSection(result, { locale: 'nl' }));
 * await r.save('reports/segments.html');
 */
export function report(options: ReportOptions): ReportBuilder {
  return new ReportBuilder(options);
}
