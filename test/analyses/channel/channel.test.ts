import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelCustomers, channelPayment, type ChannelResult } from '../../../src/analyses/channel/index.js';
import { channelActiveChart, channelValueChart, paymentValueChart } from '../../../src/analyses/channel/charts.js';
import { channelSection } from '../../../src/analyses/channel/section.js';
import { channelCustomersSql, channelRowsSql } from '../../../src/analyses/channel/sql.js';
import { orderAggregateTableSql } from '../../../src/analyses/shared/customer-cache.js';
import { groupKpisSql } from '../../../src/analyses/shared/group-kpis.js';
import { PLANTED_BEHAVIOUR } from '../../../src/sample/behaviour.js';
import { Workbench } from '../../../src/workbench.js';
import { behaviourSample } from '../../helpers/behaviour-sample.js';
import { expectRenders } from '../../helpers/charts.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';
import { rejection, transactions } from '../../helpers/fixture-tables.js';

describe('channelPayment on the behaviour sample', () => {
  let wb: Workbench;
  let result: ChannelResult;
  beforeAll(async () => {
    ({ wb } = await behaviourSample());
    result = await channelPayment(wb);
  }, 120_000);
  afterAll(() => wb.close());

  it('finds exactly the planted omnichannel customers among those with two or more orders', async () => {
    const rows = await channelCustomers(wb);
    const truth = new Map(
      (
        await wb.query<{ customer_id: string; true_channel: string }>('select customer_id, true_channel from customers')
      ).map((r) => [r.customer_id, r.true_channel]),
    );
    const wrong = rows.filter(
      (r) => (r.segment === 'omnichannel') !== (truth.get(r.customerId) === 'omnichannel' && r.orders >= 2),
    );
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.segment === 'omnichannel').length).toBe(
      result.segments.find((s) => s.key === 'omnichannel')?.customers,
    );
    expect(rows).toHaveLength(4_000);
  });

  it('every customer is in one segment; omnichannel customers spend the planted 1.3× per order', () => {
    expect(result.segments.map((s) => s.key)).toEqual(['omnichannel', 'single-channel', 'one-order']);
    expect(result.segments.reduce((a, s) => a + s.customers, 0)).toBe(4_000);
    const omni = result.segments[0];
    const single = result.segments[1];
    const ratio = (omni?.revenuePerOrder ?? 0) / (single?.revenuePerOrder ?? 1);
    console.info(
      `omnichannel / single-channel revenue per order: ${ratio.toFixed(3)} (planted ${PLANTED_BEHAVIOUR.omniSpendFactor})`,
    );
    expect(ratio).toBeGreaterThan(1.15);
    expect(ratio).toBeLessThan(1.45);
    // and more revenue per customer, with intervals that do not overlap
    expect(omni?.revenuePerCustomer.low).toBeGreaterThan(single?.revenuePerCustomer.high ?? Infinity);
    expect(omni?.repeat.rate).toBe(1);
  });

  it('recovers the planted main payment methods within 3 points', () => {
    for (const p of PLANTED_BEHAVIOUR.payments) {
      const got = result.payments.find((g) => g.name === p.method);
      expect(Math.abs((got?.share ?? 0) - p.share)).toBeLessThan(0.03);
    }
    expect(result.payments.map((p) => p.name)).toEqual(['card', 'ideal', 'paypal', 'invoice']);
  });

  it('charts render, in English and Dutch', async () => {
    expect(await expectRenders(channelValueChart(result))).toContain('Omnichannel');
    expect(await expectRenders(channelActiveChart(result, { locale: 'nl' }))).toContain('Eén kanaal');
    expect(await expectRenders(paymentValueChart(result))).toContain('ideal');
  });
});

describe('channelPayment on a small table', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
  });
  afterAll(() => wb.close());

  async function withColumns(rows: ReadonlyArray<[string, string, string, number, string | null, string | null]>) {
    await transactions(wb, []);
    await wb.run('alter table transactions add column channel varchar');
    await wb.run('alter table transactions add column payment_method varchar');
    for (const [i, [c, o, d, a, ch, pay]] of rows.entries())
      await wb.run('insert into transactions values ($c, $o, $d, $a, $r, $i, null, $ch, $pay)', {
        c,
        o,
        d: new Date(`${d}T12:00:00Z`),
        a,
        r: a < 0,
        i,
        ch,
        pay,
      });
  }

  it('segments by the rules, with revenue per customer, its interval and the Wilson rates', async () => {
    await withColumns([
      ['a', 'a1', '2023-01-10', 100, 'web', 'card'],
      ['a', 'a2', '2023-11-10', 300, 'store', 'card'],
      ['b', 'b1', '2023-02-10', 50, 'web', 'ideal'],
      ['b', 'b2', '2023-03-10', 70, 'web', 'card'],
      ['b', 'b3', '2023-03-11', -20, 'web', 'card'],
      ['c', 'c1', '2023-05-10', 40, ' ', 'invoice'],
      ['d', 'd1', '2023-06-10', 80, 'app', null],
      ['e', 'e1', '2023-06-10', 60, 'app', 'ideal'],
      ['e', 'e2', '2023-07-10', 60, ' ', 'ideal'],
    ]);
    const r = await channelPayment(wb, { asOf: '2023-12-01', minSize: 2 });
    const seg = (k: string) => r.segments.find((s) => s.key === k);
    expect(r.segments.map((s) => [s.key, s.customers])).toEqual([
      ['omnichannel', 1],
      ['single-channel', 2],
      ['one-order', 1],
      ['no-channel', 1],
    ]);
    // b: 50 + 70 − 20 = 100; e: 120 → mean 110, sd √200, interval 110 ± 1.96 · 10
    const single = seg('single-channel');
    expect(single?.revenue).toBe(220);
    expect(single?.revenuePerCustomer.value).toBe(110);
    expect(single?.revenuePerCustomer.low).toBeCloseTo(110 - 1.959964 * 10, 4);
    expect(single?.revenuePerOrder).toBe(55);
    expect(single?.tooSmall).toBe(false);
    expect(seg('omnichannel')?.tooSmall).toBe(true);
    // a was active 21 days before the as-of date; e's last order was 144 days before
    expect(seg('omnichannel')?.active.events).toBe(1);
    expect(single?.active.events).toBe(0);
    expect(r.warnings).toEqual([
      '1 of 5 customers have no channel on any purchase row: they are counted as "no channel".',
    ]);
    // main payment method by revenue: a card, b card (120 vs 50), c invoice, e ideal; d none
    expect(r.payments.map((p) => [p.name, p.customers])).toEqual([
      ['card', 2],
      ['ideal', 1],
      ['invoice', 1],
    ]);
    expect(r.channels.map((p) => [p.name, p.customers])).toEqual([
      ['app', 2],
      ['store', 1],
      ['web', 1],
    ]);
    const rows = await channelCustomers(wb, { asOf: '2023-12-01' });
    expect(rows[0]).toEqual({
      customerId: 'a',
      segment: 'omnichannel',
      orders: 2,
      revenue: 400,
      channels: 2,
      mainChannel: 'store',
      paymentMethod: 'card',
      daysSinceLastOrder: 21,
    });
  });

  it('shows too-small groups without numbers, in Dutch too', async () => {
    const r = await channelPayment(wb, { asOf: '2023-12-01', minSize: 2 });
    const s = channelSection(r, { locale: 'nl' });
    // the rules, then the figures of the same segments
    expect(s.tables?.[0]?.rows[0]).toEqual([
      'Omnichannel',
      'Twee of meer bestellingen, gekocht in twee of meer kanalen',
      expect.any(String),
    ]);
    const table = s.tables?.[1];
    expect(table?.rows[0]).toEqual(['Omnichannel', '1', 'te klein', 'te klein', 'te klein', 'te klein', 'te klein']);
    expect(table?.rows[1]?.[3]?.replace(/\s/g, ' ')).toBe('€ 110 (€ 90–€ 130)');
    expect(s.title).toBe('Kanaal en betaling');
  });

  it('without a channel or payment column says what to load', async () => {
    await transactions(wb, [['a', 'a1', '2023-01-10', 100]]);
    const e = await rejection(channelPayment(wb));
    expect(e.message).toMatch(/^Channel and payment segments need a sales channel or a payment method/);
    expect(e.message).toContain('mapping: { channel:');
  });
});

describe('channel SQL', () => {
  it('plans against the canonical columns, with and without the optional ones', async () => {
    const wb = await explainWorkbench();
    await wb.run(orderAggregateTableSql('order aggregate', 'transactions'), { asOf: AS_OF });
    for (const has of [
      { hasChannel: true, hasPayment: true },
      { hasChannel: false, hasPayment: true },
    ]) {
      await wb.run(channelCustomersSql({ source: 'transactions', orders: '"order aggregate"', table: 'cc', ...has }), {
        asOf: AS_OF,
      });
      await expectPlans(wb, channelRowsSql('cc'));
      await expectPlans(wb, groupKpisSql('cc', 'segment'));
    }
    wb.close();
  });
});
