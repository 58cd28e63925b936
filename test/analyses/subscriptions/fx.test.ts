/**
 * One currency before any sum: the hand-made EUR subscriptions (fixture.ts) plus a USD and a GBP customer at
 * known rates. Converted MRR equals the hand-computed totals, dated rates take the one in force on the start
 * date, and without rates (or with one missing) every subscription analysis refuses instead of adding.
 *
 *   u  Pro USD 100 from 1 Jan 2024, running          USD 0.9  → 90 EUR (Jan new)
 *   v  Basic GBP 40 from 1 Feb 2024, running         GBP 1.15 → 46 EUR (Feb new)
 * EUR alone (fixture.ts): MRR 339.99 at the end of January, 470.50 at the end of February.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import {
  mrrMovements,
  subscriptionChurn,
  subscriptionCohorts,
  subscriptionKpis,
  type FxRates,
} from '../../../src/analyses/subscriptions/index.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { SUBS, subscriptions, type Sub } from './fixture.js';

const FOREIGN: Sub[] = [
  ['u1', 'u', 'Pro', '2024-01-01', null, 100, 'USD', 'US'],
  ['v1', 'v', 'Basic', '2024-02-01', null, 40, 'GBP', 'GB'],
];
const FIXED: FxRates = {
  currency: 'EUR',
  rates: [
    { currency: 'USD', rate: 0.9 },
    { currency: 'GBP', rate: 1.15 },
  ],
};

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, [...SUBS, ...FOREIGN]);
});
afterEach(() => wb.close());

describe('subscription analyses in one currency', () => {
  it('converts each period at its currency’s rate before the sums: MRR as worked by hand', async () => {
    const r = await mrrMovements(wb, { fx: FIXED });
    expect(r.currency).toBe('EUR');
    expect(r.fx).toMatchObject({ currency: 'EUR', converted: ['GBP', 'USD'] });
    expect(r.options.source).toBe('subscriptions');
    expect(r.rows.slice(0, 2).map((x) => [x.mrrEnd, x.new, x.customersEnd])).toEqual([
      [339.99 + 90, 50 + 50 + 100 + 120 + 19.99 + 90, 6],
      [470.5 + 90 + 46, 50 + 46, 7],
    ]);
    // the bridge still adds up to the cent in every month (mrrMovements checks it) and the totals carry it
    expect(r.totals.new).toBe(r.rows.reduce((s, x) => s + x.new, 0));
  });

  it('converts the churn, cohort and KPI sums the same way', async () => {
    const kpis = await subscriptionKpis(wb, { fx: FIXED });
    expect(kpis.rows[1]?.mrr).toBe(606.5);
    expect(kpis.rows[1]?.arr).toBe(12 * 606.5);
    expect(kpis.currency).toBe('EUR');
    const cohorts = await subscriptionCohorts(wb, { fx: FIXED });
    const feb = cohorts.rows.find((c) => c.cohort === '2024-02' && c.period === 0);
    expect(feb?.revenue).toBe(50 + 46); // e and v start paying in February
    const churn = await subscriptionChurn(wb, { by: 'plan', fx: FIXED, minSize: 1 });
    await subscriptions(wb, SUBS, 'eur_only');
    const eur = await subscriptionChurn(wb, { by: 'plan', source: 'eur_only', to: '2024-04-01', minSize: 1 });
    const proAtRisk = (r: typeof churn) => r.rows.find((x) => x.segment === 'Pro')?.mrrAtRisk ?? NaN;
    // u pays 90 EUR on Pro at the start of February, March and April: 3 × 90 more MRR at risk than EUR alone
    expect(proAtRisk(churn) - proAtRisk(eur)).toBeCloseTo(270, 9);
    expect(churn.currency).toBe('EUR');
  });

  it('takes a dated rate in force on the start date: the latest dated on or before it', async () => {
    await subscriptions(wb, [
      ...SUBS,
      ['u1', 'u', 'Pro', '2024-01-01', null, 100, 'USD', 'US'],
      ['w1', 'w', 'Pro', '2024-02-01', null, 50, 'USD', 'US'], // on the day the new rate starts
      ['x1', 'x', 'Pro', '2024-02-10', null, 10, 'USD', 'US'],
    ]);
    const fx: FxRates = {
      currency: 'EUR',
      rates: [
        { currency: 'USD', rate: 0.9, date: new Date('2023-12-01') },
        { currency: 'USD', rate: 0.8, date: new Date('2024-02-01') },
      ],
    };
    const r = await mrrMovements(wb, { fx });
    // u keeps 90 (its start's rate) after the rate changes; w and x start at 0.8
    expect(r.rows.slice(0, 2).map((x) => x.mrrEnd)).toEqual([339.99 + 90, 470.5 + 90 + 40 + 8]);
  });

  it('refuses to add different currencies without rates, in every analysis, naming them', async () => {
    for (const run of [
      () => mrrMovements(wb),
      () => subscriptionKpis(wb),
      () => subscriptionCohorts(wb),
      () => subscriptionChurn(wb, { by: 'plan' }),
    ]) {
      const e = await rejection(run());
      expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
      expect(e.message).toContain('subscriptions holds MRR in 3 currencies (EUR, GBP, USD)');
      expect(e.message).toContain('Pass fx:');
    }
  });

  it('names the currency without a rate, and one whose only rate starts after a subscription', async () => {
    const noGbp = await rejection(
      mrrMovements(wb, { fx: { currency: 'EUR', rates: [{ currency: 'USD', rate: 0.9 }], file: 'rates.csv' } }),
    );
    expect(noGbp.message).toBe(
      'rates.csv has no rate into EUR in force on the start of some subscriptions: GBP from 2024-02-01 (subscription v1) (column currency of subscriptions: each currency from the first start without a rate). Add a rate for each, undated or dated on or before that day.',
    );
    const late = await rejection(
      mrrMovements(wb, {
        fx: {
          currency: 'EUR',
          rates: [
            { currency: 'USD', rate: 0.9, date: new Date('2024-01-02') },
            { currency: 'GBP', rate: 1.15 },
          ],
        },
      }),
    );
    expect(late.message).toContain('USD from 2024-01-01');
    const bad = await rejection(mrrMovements(wb, { fx: { currency: 'EUR', rates: [{ currency: 'USD', rate: -1 }] } }));
    expect(bad.message).toBe(
      'the rates, rate 1: -1 is not a rate; give the units of the report currency per unit of the currency, a number above 0.',
    );
  });

  it('refuses, with rates, periods whose currency cell is empty while others have one, naming the first', async () => {
    await wb.run("update subscriptions set currency = null where subscription_id in ('s4', 's5')");
    for (const fx of [FIXED, { currency: 'USD', rates: [{ currency: 'EUR', rate: 1.1 }] }]) {
      const e = await rejection(mrrMovements(wb, { fx }));
      expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
      expect(e.message).toMatch(
        /^subscriptions: 2 subscription period\(s\) have an empty currency cell \(column currency; first: subscription s4 from 2024-01-01\) while the others are in /,
      );
      expect(e.message).toContain('Fill in their currency in the file and load it again.');
    }
  });

  it('reads a one-currency table as it is, with or without rates', async () => {
    await subscriptions(wb, SUBS);
    const plain = await mrrMovements(wb);
    const withFx = await mrrMovements(wb, { fx: FIXED });
    expect(withFx.fx).toBeUndefined();
    expect(withFx.rows.map((x) => x.mrrEnd)).toEqual(plain.rows.map((x) => x.mrrEnd));
    expect(plain.currency).toBe('EUR');
  });
});
