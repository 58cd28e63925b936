/** netRevenueChurn: ChartMogul's standard net MRR churn rate, on its documented example and on edge cases. */
import { expect, it } from 'vitest';
import { netRevenueChurn } from '../../../src/analyses/subscriptions/net-churn.js';

it('gives ChartMogul’s example: 100 at the start, 10 churned, 10 contraction, 10 expansion → 10%', () => {
  expect(netRevenueChurn({ churned: 10, contraction: 10, expansion: 10, reactivation: 0 }, 100)).toBe(0.1);
});

it('subtracts reactivation, and goes negative on net expansion', () => {
  expect(netRevenueChurn({ churned: 10, contraction: 10, expansion: 10, reactivation: 5 }, 100)).toBe(0.05);
  expect(netRevenueChurn({ churned: 0, contraction: 0, expansion: 30, reactivation: 0 }, 100)).toBe(-0.3);
});

it('has no rate when nothing was paid at the start', () => {
  expect(netRevenueChurn({ churned: 0, contraction: 0, expansion: 0, reactivation: 40 }, 0)).toBeNull();
});
