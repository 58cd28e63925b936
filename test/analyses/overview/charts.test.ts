import { describe, expect, it } from 'vitest';
import type { ActivityResult } from '../../../src/analyses/overview/activity.js';
import { customersOverTime, periodLabel, revenueOverTime } from '../../../src/analyses/overview/charts.js';
import { expectRenders } from '../../helpers/charts.js';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const result: ActivityResult = {
  rows: [
    { start: d('2010-12-01'), customers: 948, newCustomers: 948, orders: 1400, netRevenue: 554604.02, returned: 15000 },
    { start: d('2011-01-01'), customers: 783, newCustomers: 421, orders: 987, netRevenue: 475074.38, returned: 9000 },
    { start: d('2011-02-01'), customers: 798, newCustomers: 380, orders: 998, netRevenue: 436546.15, returned: 5000 },
  ],
  lastIsPartial: true,
  lastOrder: new Date('2011-02-09T12:50:00Z'),
  options: { period: 'month' },
  warnings: [],
};

describe('activity charts', () => {
  it('label periods in the locale', () => {
    expect(periodLabel(d('2010-12-01'), 'month', 'en')).toBe('Dec 2010');
    expect(periodLabel(d('2011-03-01'), 'month', 'nl')).toBe('mrt 2011');
    expect(periodLabel(d('2011-04-01'), 'quarter', 'en')).toBe('Q2 2011');
    expect(periodLabel(d('2011-04-01'), 'quarter', 'nl')).toBe('K2 2011');
    expect(periodLabel(d('2011-01-03'), 'week', 'en')).toBe('3 Jan 2011');
  });

  it('draw net revenue per period with the partial last period lighter', async () => {
    const spec = revenueOverTime(result, { locale: 'nl' });
    const values = (spec.data as { values: Array<{ label: string; netRevenue: number; partial: boolean }> }).values;
    expect(values.map((v) => [v.label, v.netRevenue, v.partial])).toEqual([
      ['dec 2010', 554604.02, false],
      ['jan 2011', 475074.38, false],
      ['feb 2011', 436546.15, true],
    ]);
    expect(spec.title).toEqual({
      text: 'Netto-omzet per maand',
      subtitle: 'laatste periode onvolledig: data tot 9 feb 2011',
    });
    const svg = await expectRenders(spec);
    expect(svg).toContain('feb 2011');
  });

  it('stack new and returning customers per period', async () => {
    const spec = customersOverTime({ ...result, lastIsPartial: false });
    const values = (spec.data as { values: Array<{ label: string; kind: string; customers: number }> }).values;
    expect(values.filter((v) => v.label === 'Jan 2011').map((v) => [v.kind, v.customers])).toEqual([
      ['new', 421],
      ['returning', 362],
    ]);
    expect(spec.title).toBe('Active customers per month');
    await expectRenders(spec);
  });
});
