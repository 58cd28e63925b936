import { describe, expect, it } from 'vitest';
import { d3NumberLocale, formatCurrency, toCurrency } from '../src/locale.js';
import { renderSvg } from '../src/charts/render.js';

describe('currency', () => {
  it('puts the currency symbol where Intl puts it, per locale', () => {
    expect(d3NumberLocale('en', 'GBP').currency).toEqual(['£', '']);
    expect(d3NumberLocale('en').currency).toEqual(['€', '']);
    const nl = d3NumberLocale('nl', 'EUR');
    expect(nl.currency[0].startsWith('€')).toBe(true);
    expect(`${nl.currency[0]}1`).toBe(formatCurrency(1, 'nl', 'EUR', 0));
    expect(d3NumberLocale('nl', 'EUR')).toMatchObject({ decimal: ',', thousands: '.' });
  });

  it('checks ISO 4217 codes', () => {
    expect(toCurrency('gbp')).toBe('GBP');
    expect(() => toCurrency('euro')).toThrow(
      'unknown currency: euro (expected an ISO 4217 code such as EUR, GBP or USD)',
    );
    expect(() => toCurrency('XYZ')).toThrow(RangeError);
  });

  it('renders money axes with the currency symbol', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: { values: [{ x: 'a', y: 1500 }] },
      mark: 'bar',
      encoding: {
        x: { field: 'x', type: 'nominal' },
        y: { field: 'y', type: 'quantitative', axis: { format: '$,.0f' } },
      },
    } as const;
    const gbp = await renderSvg(spec, { locale: 'en', currency: 'GBP' });
    expect(gbp).toContain('£1,500');
    const eurNl = await renderSvg(spec, { locale: 'nl' });
    expect(eurNl).toMatch(/€\s1\.500/);
  });
});
