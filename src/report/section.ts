/**
 * The shape of a report: a list of sections, each with findings text, charts and tables.
 * Section builders are pure (analysis result → ReportSection); the HTML renderer only escapes
 * and lays out what they give it, so every string here is plain text, never HTML.
 */
import type { TopLevelSpec } from 'vega-lite';

/** A chart in a report: a Vega-Lite spec plus the text a reader (or screen reader) needs. */
export interface ReportChart {
  /** Stable id, unique within the report (used for the HTML element id). */
  id: string;
  /** Chart title shown above it. */
  title: string;
  /** One or two sentences: what the chart shows and how to read it. */
  description: string;
  /** The Vega-Lite spec, data inlined. */
  spec: TopLevelSpec;
}

/** A column of a report table. */
export interface ReportColumn {
  /** Header text. */
  label: string;
  /** Right-align (numbers). @defaultValue false */
  numeric?: boolean;
  /**
   * What the cells hold when it matters for privacy: `count` = a number of people, suppressed below the
   * report's `minGroup` (see `suppressSmallGroups`). @defaultValue none (not a count of people)
   */
  kind?: 'count';
}

/** A table in a report: cells are already formatted text for the report's locale. */
export interface ReportTable {
  /** Caption (what the table lists). */
  caption: string;
  /** Columns, in order. */
  columns: ReportColumn[];
  /** Rows of formatted cell text, one entry per column. */
  rows: string[][];
  /** Optional note under the table (e.g. "groups under 30 customers are hidden"). */
  note?: string;
}

/** One section of a report. */
export interface ReportSection {
  /** Stable id (`summary`, `data-quality`, `rfm`, `cohorts`, `clusters`, `method`, …). */
  id: string;
  /** Section heading. */
  title: string;
  /** A warning the reader must see before anything else (e.g. "not reliable on this data"), shown first and marked. @defaultValue none */
  caution?: string;
  /** Short paragraphs introducing the section (plain text). */
  intro?: string[];
  /** Plain-language findings, shown as a list. */
  findings?: string[];
  /** Charts, in order. */
  charts?: ReportChart[];
  /** Tables, in order. */
  tables?: ReportTable[];
  /** What to do about what the section found: one or two plain sentences, shown last. @defaultValue none */
  next?: string[];
  /** Key–value facts (e.g. method parameters), shown as a definition list. */
  facts?: Array<[string, string]>;
  /**
   * Exact measures, formats and technical terms behind the section's plain words (silhouette, strptime
   * format, KPI methods): the report moves them to its method section, so the body stays plain.
   * Without a method section they are shown as the section's facts. @defaultValue none
   */
  technical?: Array<[string, string]>;
}

/**
 * Move every section's technical rows into the method section (id `method`) as one table, or into the
 * section's own facts when the report has no method section. Pure; sections without rows are kept as given.
 */
export function placeTechnical(
  sections: readonly ReportSection[],
  words: { caption: string; section: string; measure: string; value: string },
): ReportSection[] {
  const method = sections.find((s) => s.id === 'method');
  const rows = sections.flatMap((s) => (s.technical ?? []).map(([k, v]) => [s.title, k, v]));
  return sections.map((s) => {
    const { technical, ...rest } = s;
    if (!method) return technical?.length ? { ...rest, facts: [...(rest.facts ?? []), ...technical] } : rest;
    if (s !== method || rows.length === 0) return rest;
    const table: ReportTable = {
      caption: words.caption,
      columns: [{ label: words.section }, { label: words.measure }, { label: words.value }],
      rows,
    };
    return { ...rest, tables: [...(rest.tables ?? []), table] };
  });
}
