import { describe, expect, it } from 'vitest';
import { renderSvg } from '../src/charts/render.js';
import { expectValidSpec } from './helpers/charts.js';
import type { TopLevelSpec } from 'vega-lite';

const spec: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: {
    values: [
      { a: 'x', b: 1234.5 },
      { a: 'y', b: 3 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative', axis: { format: ',.1f' } } },
};

describe('renderSvg', () => {
  it('renders a bar chart to SVG with locale number formats', async () => {
    expectValidSpec(spec);
    const nl = await renderSvg(spec, { locale: 'nl' });
    const en = await renderSvg(spec, { locale: 'en' });
    expect(nl).toContain('1.200,0');
    expect(en).toContain('1,200.0');
  });
  it('rejects an invalid spec in validation', () => {
    expect(() => expectValidSpec({ mark: 'nope' } as unknown as TopLevelSpec)).toThrow();
  });
});
