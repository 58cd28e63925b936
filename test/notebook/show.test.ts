import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { Workbench } from '../../src/workbench.js';
import { publishDisplay, inKernel, type DisplayOutput } from '../../src/notebook/display.js';
import { renderSvg } from '../../src/charts/render.js';
import { VEGALITE_MIME, displayOutputs, isChartSpec, show, showDefaults } from '../../src/notebook/show.js';
import type { ReportSection, ReportTable } from '../../src/report/section.js';
import { expectValidSpec } from '../helpers/charts.js';

const spec: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: { text: 'Revenue by segment', subtitle: 'net of returns' },
  description: 'Bars per segment',
  data: {
    values: [
      { segment: 'Champions', revenue: 1234.5 },
      { segment: 'Lost', revenue: 20 },
    ],
  },
  mark: 'bar',
  encoding: {
    x: { field: 'segment', type: 'nominal' },
    y: { field: 'revenue', type: 'quantitative', axis: { format: ',.0f' } },
  },
};

/** tslab's own jupyter module: the kernel sets `lastWriteDisplayData` on it for every cell. */
const tslabJupyter = createRequire(import.meta.url)('tslab/dist/jupyter') as { lastWriteDisplayData: unknown };

afterEach(() => {
  tslabJupyter.lastWriteDisplayData = null;
  vi.restoreAllMocks();
});

describe('chart outputs', () => {
  it('put the Vega-Lite spec, an SVG, a PNG and a text line into one output', async () => {
    expectValidSpec(spec);
    const [out, ...rest] = await displayOutputs(spec, { image: 'both' });
    expect(rest).toEqual([]);
    expect(Object.keys(out?.data ?? {})).toEqual([VEGALITE_MIME, 'image/svg+xml', 'image/png', 'text/plain']);
    expect(out?.data[VEGALITE_MIME]).toMatchObject({
      ...spec,
      config: { locale: { number: { decimal: '.', currency: ['€', ''] } } },
    });
    expectValidSpec(out?.data[VEGALITE_MIME] as TopLevelSpec);
    const svg = out?.data['image/svg+xml'] as string;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Champions');
    expect(out?.data['text/plain']).toBe('[chart] Revenue by segment — net of returns (Bars per segment)');
  });

  it('render axis numbers in the chosen locale', async () => {
    const big: TopLevelSpec = { ...spec, data: { values: [{ segment: 'A', revenue: 1234567 }] } } as TopLevelSpec;
    const [nl] = await displayOutputs(big, { locale: 'nl', image: 'svg' });
    const [en] = await displayOutputs(big, { locale: 'en', image: 'svg' });
    expect(nl?.data['image/svg+xml']).toContain('1.200.000');
    expect(en?.data['image/svg+xml']).toContain('1,200,000');
  });

  it('send the live spec with the same locale and currency as its SVG', async () => {
    const money: TopLevelSpec = {
      ...spec,
      encoding: {
        ...spec.encoding,
        y: { field: 'revenue', type: 'quantitative', axis: { format: '$,.2f', values: [1234.5] } },
      },
    } as TopLevelSpec;
    const [out] = await displayOutputs(money, { locale: 'nl', currency: 'GBP', image: 'svg' });
    const live = out?.data[VEGALITE_MIME] as {
      config: { locale: { number: { decimal: string; thousands: string; currency: string[] } } };
    };
    expect(live.config.locale.number).toMatchObject({ decimal: ',', thousands: '.', currency: ['£\u00a0', ''] });
    expect(out?.data['image/svg+xml']).toContain('£\u00a01.234,50');
  });

  it('recognise specs by $schema or by mark/layer/concat, not other objects', () => {
    expect(isChartSpec(spec)).toBe(true);
    expect(isChartSpec({ layer: [] })).toBe(true);
    expect(isChartSpec({ $schema: 'https://json-schema.org/draft-07/schema' })).toBe(false);
    expect(isChartSpec([{ mark: 'bar' }])).toBe(false);
    expect(isChartSpec({ caption: 'x' })).toBe(false);
  });
});

describe('table outputs', () => {
  it('escape HTML, format numbers by locale and align numbers right', async () => {
    const rows = [
      { name: '<b>"Tom" & Jerry\'s</b>', revenue: 1234.5, orders: 12000, first: new Date('2011-01-04T00:00:00Z') },
    ];
    const [out] = await displayOutputs(rows, { locale: 'nl' });
    const html = out?.data['text/html'] as string;
    expect(html).toContain('<td style="text-align:left">&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#39;s&lt;/b&gt;</td>');
    expect(html).not.toContain('<b>"Tom"');
    expect(html).toContain('<td style="text-align:right">1.234,50</td>');
    expect(html).toContain('<td style="text-align:right">12.000</td>');
    expect(html).toContain('<td style="text-align:left">2011-01-04</td>');
    expect(html).toContain('<th style="text-align:right">revenue</th>');
    expect(html).toContain('1 rij');
    const text = out?.data['text/plain'] as string;
    expect(text.split('\n')).toEqual([
      'name                     revenue  orders  first',
      '<b>"Tom" & Jerry\'s</b>  1.234,50  12.000  2011-01-04',
      '(1 rij)',
    ]);
  });

  it('give every number in a column the same decimals', async () => {
    const [out] = await displayOutputs([
      { amount: 22, n: 3 },
      { amount: 15.3, n: 4 },
    ]);
    const html = out?.data['text/html'] as string;
    expect(html).toContain('>22.00</td>');
    expect(html).toContain('>15.30</td>');
    expect(html).toContain('>3</td>');
  });

  it('show the first rows only, with a row-count line', async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => ({ i }));
    const [def] = await displayOutputs(rows);
    const html = def?.data['text/html'] as string;
    expect(html.match(/<tr>/g)?.length).toBe(21); // header + 20 rows
    expect(html).toContain('showing 20 of 1,234 rows');
    const [five] = await displayOutputs(rows, { limit: 5, locale: 'nl' });
    expect((five?.data['text/html'] as string).match(/<tr>/g)?.length).toBe(6);
    expect(five?.data['text/html']).toContain('5 van 1.234 rijen getoond');
  });

  it('display an arquero table from the Workbench without pulling all rows', async () => {
    const wb = await Workbench.open();
    try {
      const t = await wb.table('select i, i * 0.5 as half from range(100) t(i) order by i');
      const [out] = await displayOutputs(t, { limit: 3 });
      const html = out?.data['text/html'] as string;
      expect(html.match(/<tr>/g)?.length).toBe(4);
      expect(html).toContain('<td style="text-align:right">0.50</td>');
      expect(html).toContain('showing 3 of 100 rows');
    } finally {
      await wb.close();
    }
  });

  it('show a ReportTable as given, with its caption and note', async () => {
    const table: ReportTable = {
      caption: 'Segments <top>',
      columns: [{ label: 'Segment' }, { label: 'Customers', numeric: true }],
      rows: [
        ['Champions', '1.024'],
        ['Lost & gone', '77'],
      ],
      note: 'groups under 30 customers are hidden',
    };
    const [out] = await displayOutputs(table);
    const html = out?.data['text/html'] as string;
    expect(html).toContain('<caption style="text-align:left;font-weight:600">Segments &lt;top&gt;</caption>');
    expect(html).toContain('<td style="text-align:right">1.024</td>');
    expect(html).toContain('Lost &amp; gone');
    expect(html).toContain('groups under 30 customers are hidden');
    expect(html).toContain('2 rows');
  });
});

describe('report sections', () => {
  it('show text first, then each chart and table', async () => {
    const section: ReportSection = {
      id: 'rfm',
      title: 'RFM <segments>',
      intro: ['Intro & more'],
      findings: ['Champions buy most'],
      charts: [{ id: 'c', title: 'c', description: 'd', spec }],
      tables: [{ caption: 't', columns: [{ label: 'a' }], rows: [['1']] }],
      facts: [['as of', '2011-12-10']],
    };
    const outs = await displayOutputs(section);
    expect(outs.map((o) => Object.keys(o.data))).toEqual([
      ['text/html', 'text/plain'],
      [VEGALITE_MIME, 'image/png', 'text/plain'],
      ['text/html', 'text/plain'],
    ]);
    expect((await displayOutputs(section, { parts: ['tables'] })).map((o) => o.data['text/plain'])).toEqual([
      't\na\n1\n(1 row)',
    ]);
    expect(await displayOutputs(section, { parts: ['text'] })).toEqual([outs[0]]);
    expect(outs[0]?.data['text/html']).toBe(
      '<h3>RFM &lt;segments&gt;</h3>\n<p>Intro &amp; more</p>\n<ul><li>Champions buy most</li></ul>\n<dl><dt>as of</dt><dd>2011-12-10</dd></dl>',
    );
  });

  it('reject values it cannot display with a message naming what it takes', async () => {
    await expect(displayOutputs({ foo: 1 } as unknown as TopLevelSpec)).rejects.toThrow(
      /cannot display an object with keys foo\. Pass a Vega-Lite spec/,
    );
  });
});

describe('publishing', () => {
  it("send one display_data bundle through tslab's writer inside a kernel", async () => {
    const sent: Array<[unknown, boolean]> = [];
    tslabJupyter.lastWriteDisplayData = (content: unknown, update: boolean) => {
      sent.push([content, update]);
    };
    expect(inKernel()).toBe(true);
    await show(spec);
    expect(sent).toHaveLength(1);
    const [content, update] = sent[0] ?? [];
    expect(update).toBe(false);
    const { data, metadata, transient } = content as DisplayOutput & { transient: unknown };
    // No SVG by default: viewers rank it above the PNG, and Debian's nbconvert blanks it.
    expect(Object.keys(data)).toEqual([VEGALITE_MIME, 'image/png', 'text/plain']);
    // The PNG is shown at the SVG's own size.
    const [, w, h] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(await renderSvg(spec)) ?? [];
    expect(metadata).toEqual({ 'image/png': { width: Number(w), height: Number(h) } });
    expect(transient).toEqual({});
  });

  it('print the text form to stdout outside a kernel', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(inKernel()).toBe(false);
    expect(publishDisplay({ data: { 'text/html': '<b>x</b>', 'text/plain': 'x' } })).toBe('stdout');
    expect(write).toHaveBeenCalledWith('x\n');
  });

  it('apply session defaults, with per-call options winning', async () => {
    showDefaults({ locale: 'nl', limit: 2 });
    try {
      const rows = [{ v: 1.5 }, { v: 2 }, { v: 3 }];
      const [a] = await displayOutputs(rows);
      expect(a?.data['text/html']).toContain('2 van 3 rijen getoond');
      expect(a?.data['text/html']).toContain('1,50');
      const [b] = await displayOutputs(rows, { locale: 'en' });
      expect(b?.data['text/html']).toContain('showing 2 of 3 rows');
    } finally {
      showDefaults({ locale: 'en', limit: 20 });
    }
  });
});
