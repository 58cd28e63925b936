import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { revenueOverTime } from '../../src/analyses/overview/charts.js';
import { chartLocale, specLocale, withChartLocale } from '../../src/charts/locale-config.js';
import { localizedSpec, renderSvg } from '../../src/charts/render.js';
import { expectValidSpec } from '../helpers/charts.js';

/** A money axis with ticks at exactly 1234.5 and 2469, formatted with two decimals and the currency symbol. */
const moneyAxis: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: {
    values: [
      { k: 'a', v: 1234.5 },
      { k: 'b', v: 2469 },
    ],
  },
  mark: 'bar',
  encoding: {
    x: { field: 'k', type: 'nominal' },
    y: { field: 'v', type: 'quantitative', axis: { format: '$,.2f', values: [1234.5, 2469] } },
  },
};

const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');

describe('chart locale in the spec', () => {
  it('writes € 1.234,50 in nl with EUR and £1,234.50 in en with GBP on a rendered money axis', async () => {
    const nl = texts(await renderSvg(moneyAxis, { locale: 'nl', currency: 'EUR' }));
    expect(nl).toContain('€\u00a01.234,50');
    expect(nl).toContain('€\u00a02.469,00');
    const en = texts(await renderSvg(moneyAxis, { locale: 'en', currency: 'GBP' }));
    expect(en).toContain('£1,234.50');
    expect(en).toContain('£2,469.00');
  });

  it('renders with the locale the spec carries when no options are given', async () => {
    const spec = withChartLocale(moneyAxis, { locale: 'nl', currency: 'USD' });
    expectValidSpec(spec);
    expect(texts(await renderSvg(spec))).toContain('US$\u00a01.234,50');
    // Options win over the spec's own locale.
    expect(texts(await renderSvg(spec, { locale: 'en', currency: 'GBP' }))).toContain('£1,234.50');
  });

  it('does not leak one render locale into the next', async () => {
    await renderSvg(moneyAxis, { locale: 'nl', currency: 'EUR' });
    expect(texts(await renderSvg(moneyAxis))).toContain('€1,234.50');
  });

  it('gives a builder chart the report locale: Dutch months and euro ticks', async () => {
    const rows = [1, 2, 3].map((m) => ({
      start: new Date(Date.UTC(2011, m, 1)),
      customers: 10,
      newCustomers: 5,
      orders: 20,
      netRevenue: 1500 * m,
      returned: 0,
    }));
    const spec = revenueOverTime(
      { rows, lastIsPartial: false, options: { period: 'month' }, warnings: [] },
      { locale: 'nl' },
    );
    const labels = texts(await renderSvg(spec, { locale: 'nl', currency: 'EUR' }));
    expect(labels).toContain('mrt 2011');
    expect(labels).toContain('€\u00a04.000');
  });

  it('builds number and time locales for en and nl from one place', () => {
    const nl = chartLocale({ locale: 'nl', currency: 'EUR' });
    expect(nl.number).toEqual({ decimal: ',', thousands: '.', grouping: [3], currency: ['€\u00a0', ''] });
    expect(nl.time.months[2]).toBe('maart');
    expect(nl.time.shortMonths[2]).toBe('mrt');
    expect(nl.time.days[0]).toBe('zondag');
    const en = chartLocale({ locale: 'en', currency: 'GBP' });
    expect(en.number).toEqual({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] });
    expect(en.time.shortMonths[8]).toBe('Sep');
    expect(en.time.days[1]).toBe('Monday');
    expect(chartLocale({ locale: 'en', currency: 'CHF' }).number.currency).toEqual(['CHF\u00a0', '']);
  });

  it('keeps the theme config and leaves the input spec unchanged', () => {
    const spec: TopLevelSpec = { ...moneyAxis, config: { font: 'serif' } };
    const out = localizedSpec(spec, { locale: 'nl' });
    expect(out.config).toMatchObject({ font: 'serif', locale: { number: { decimal: ',' } } });
    expect(specLocale(spec)).toBeUndefined();
  });
});
