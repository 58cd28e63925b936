/** Report fixtures: hand-made sections, with a hostile string in every data-derived field. */
import type { TopLevelSpec } from 'vega-lite';
import type { OverviewResult } from '../../src/analyses/overview/index.js';
import { baseSpec } from '../../src/charts/theme.js';
import { segmentName } from '../../src/analyses/rfm/words.js';
import type { LoadReport } from '../../src/data/load-report.js';
import type { Locale } from '../../src/locale.js';
import { report, type ReportBuilder } from '../../src/report/report.js';
import type { ReportSection } from '../../src/report/section.js';
import { dataQualitySection } from '../../src/report/sections/data-quality.js';
import { methodSection } from '../../src/report/sections/method.js';
import { summarySection } from '../../src/analyses/overview/section.js';

/** A string that runs script if it ever reaches the page unescaped. */
export const HOSTILE = '<img src=x onerror=alert(1)>';
/** Breaks out of a `<script>` element if JSON is not escaped. */
export const HOSTILE_SCRIPT = '</script><script>alert(2)</script>';

export const FIXED_TIME = new Date('2026-01-02T03:04:05Z');

export function hostileLoadReport(): LoadReport {
  return {
    table: 'transactions',
    source: `/data/${HOSTILE}.csv`,
    fileName: `${HOSTILE}.csv`,
    format: 'csv',
    sha256: 'a'.repeat(64),
    preset: HOSTILE,
    rowsRead: 1000,
    rowsLoaded: 900,
    setAside: [
      { reason: 'missing_customer_id', count: 80, examples: [2, 5, 9] },
      { reason: 'duplicate', count: 20, examples: [12] },
    ],
    dateRange: { first: new Date('2011-01-04T10:00:00Z'), last: new Date('2011-12-09T12:50:00Z') },
    customers: 3,
    orders: 2,
    columns: [
      { field: 'customer_id', source: HOSTILE },
      { field: 'amount', source: `${HOSTILE_SCRIPT} × UnitPrice` },
    ],
    returns: 'net',
    warnings: [`Columns not used: "${HOSTILE}".`],
  };
}

/** Net revenue 2,469 over 2 orders: an average order of 1,234.50. */
export function sampleOverview(): OverviewResult {
  return {
    customers: 3,
    orders: 2,
    netRevenue: 2469,
    grossRevenue: 2600,
    returned: 131,
    oneTimeCustomers: 2,
    topRevenue: 2000,
    period: { first: new Date('2011-01-04T10:00:00Z'), last: new Date('2011-12-09T12:50:00Z') },
    options: { topShare: 0.2 },
    warnings: [],
  };
}

const COUNTRIES = [HOSTILE, 'United Kingdom', HOSTILE_SCRIPT, 'Nederland \u2028 line'];

function barSpec(title: string): TopLevelSpec {
  return {
    ...baseSpec(title, `Revenue by country ${HOSTILE}`, HOSTILE),
    width: 400,
    height: 200,
    data: { values: COUNTRIES.map((country, i) => ({ country, revenue: 1000 * (i + 1), product: `${HOSTILE} mug` })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'country', type: 'nominal', title: HOSTILE },
      x: { field: 'revenue', type: 'quantitative', format: ',.0f' },
      color: { field: 'country', type: 'nominal', title: HOSTILE },
      tooltip: [{ field: 'country' }, { field: 'product' }, { field: 'revenue', format: ',.2f' }],
    },
  } as TopLevelSpec;
}

function pointSpec(): TopLevelSpec {
  return {
    ...baseSpec('Orders and revenue', 'One point per segment'),
    width: 400,
    height: 200,
    data: { values: COUNTRIES.map((segment, i) => ({ segment, orders: i + 1, revenue: 1234.5 * (i + 1) })) },
    mark: { type: 'point', filled: true, size: 80, tooltip: true },
    encoding: {
      x: { field: 'orders', type: 'quantitative' },
      y: { field: 'revenue', type: 'quantitative', axis: { format: ',.2f' } },
      color: { field: 'segment', type: 'nominal' },
    },
  } as TopLevelSpec;
}

/** A section like an analysis section, with hostile segment, country and product names. */
export function hostileSection(): ReportSection {
  return {
    id: 'segments',
    title: `Segments ${HOSTILE}`,
    intro: [`Segment names come from a user map: ${HOSTILE}`],
    findings: [`${HOSTILE} are 12% of customers`, HOSTILE_SCRIPT],
    charts: [
      {
        id: 'by-country',
        title: `Revenue by country ${HOSTILE}`,
        description: `Bars ${HOSTILE}`,
        spec: barSpec(`By country ${HOSTILE}`),
      },
      { id: 'scatter', title: 'Orders and revenue', description: 'Points per segment.', spec: pointSpec() },
    ],
    tables: [
      {
        caption: `Segments ${HOSTILE}`,
        columns: [{ label: `Segment ${HOSTILE}` }, { label: 'Customers', numeric: true }, { label: 'Top product' }],
        rows: [
          [HOSTILE, '12', `${HOSTILE} mug`],
          [HOSTILE_SCRIPT, '3', 'plain'],
        ],
        note: `Note ${HOSTILE}`,
      },
    ],
  };
}

/** A full report from hand-made parts (summary, data quality, segments, method). */
export function fixtureReport(locale: Locale = 'en'): ReportBuilder {
  const load = hostileLoadReport();
  return report({
    title: `Report ${HOSTILE}`,
    locale,
    header: [['Data source', load.fileName]],
    generatedAt: FIXED_TIME,
  })
    .add(
      summarySection(
        { overview: sampleOverview(), findings: [`Champions ${HOSTILE} bring 43% of revenue`] },
        { locale },
      ),
    )
    .add(dataQualitySection({ transactions: load }, { locale }))
    .add(hostileSection())
    .add(
      methodSection(
        {
          transactions: load,
          asOf: new Date('2011-12-10T00:00:00Z'),
          analyses: [
            { name: `RFM ${HOSTILE}`, options: { bins: 5, label: HOSTILE, asOf: new Date('2011-12-10T00:00:00Z') } },
          ],
          version: '0.1.0',
        },
        { locale },
      ),
    );
}

/**
 * The real pipeline on hostile data: a CSV whose file name, customer ids, countries and product
 * names are markup, loaded and scored with a segment map whose names are markup too.
 */
export async function hostilePipelineReport(dir: string, locale: Locale = 'en'): Promise<ReportBuilder> {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { Workbench } = await import('../../src/workbench.js');
  const { loadTransactions } = await import('../../src/data/load.js');
  const { rfm } = await import('../../src/analyses/rfm/index.js');
  const { standardSegmentMap } = await import('../../src/analyses/rfm/segment-map.js');
  const { overview } = await import('../../src/analyses/overview/index.js');
  const { rfmSection, rfmFindings } = await import('../../src/analyses/rfm/section.js');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${HOSTILE}.csv`);
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const lines = ['customer_id,order_id,order_date,amount,country,description'];
  for (let c = 0; c < 40; c++) {
    for (let o = 0; o <= c % 5; o++) {
      const day = String(1 + ((c * 7 + o * 3) % 28)).padStart(2, '0');
      const month = String(1 + ((c + o * 2) % 12)).padStart(2, '0');
      lines.push(
        [
          q(`${HOSTILE}${c}`),
          `O${c}-${o}`,
          `2011-${month}-${day}`,
          String(10 + c * 3 + o),
          q(c % 2 ? HOSTILE : HOSTILE_SCRIPT),
          q(`${HOSTILE} mug`),
        ].join(','),
      );
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const wb = await Workbench.open();
  try {
    const load = await loadTransactions(wb, file);
    const base = standardSegmentMap(5);
    const segmentMap = {
      ...base,
      name: `${HOSTILE} map`,
      segments: base.segments.map((s) => ({ ...s, label: `${HOSTILE} ${segmentName(s, 'en')}` })),
    };
    const result = await rfm(wb, { segmentMap });
    const ov = await overview(wb, { asOf: result.options.asOf });
    // 40 customers: every count would be under the default minGroup; this fixture is about escaping, so show them.
    return report({
      title: `Report on ${load.fileName}`,
      locale,
      header: [['File', load.fileName]],
      generatedAt: FIXED_TIME,
      minGroup: 1,
    }).add(
      summarySection({ overview: ov, findings: rfmFindings(result, locale) }, { locale }),
      dataQualitySection({ transactions: load }, { locale }),
      rfmSection(result, { locale }),
      methodSection(
        {
          transactions: load,
          asOf: result.options.asOf,
          analyses: [{ name: 'RFM', options: { bins: 5, segmentMap: segmentMap.name } }],
          version: '0.1.0',
        },
        { locale },
      ),
    );
  } finally {
    wb.close();
  }
}
